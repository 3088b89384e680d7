import type { Actor } from '../../domain/actor.ts';
import { variantIn } from '../../domain/decision-forms.ts';
import type { ObjectSpec, ValueOf } from '../../domain/payload-spec.ts';
import { refusal, type Refusal } from '../../domain/refusals.ts';
import { isCoordinator } from '../../domain/rules.ts';
import { isDeclineCategory } from '../../domain/vocabulary.ts';
import { notice, person, type Lifecycle } from '../lifecycle.ts';
import type { Decision } from './decision.ts';
import type { DecisionName } from './index.ts';

type Payload = ValueOf<ObjectSpec> & { readonly actor: Actor; readonly onBehalfOf?: Actor };

/** A decision as it is made: the payload with the person it speaks for as its actor, and the coordinator who recorded it, if anyone did. */
export interface Attributed {
  readonly payload: Payload;
  readonly recordedBy: Actor | null;
}

/**
 * A coordinator records an answer a party's person gave by phone or on site: the decision is
 * checked and made as that person's, so the rules that hold for them hold for it. Anyone else
 * naming `onBehalfOf` is refused; so is recording for a coordinator or a manager.
 */
export const attribute = (payload: Payload): Attributed | Refusal => {
  const { onBehalfOf, actor, ...rest } = payload;
  if (!onBehalfOf) return { payload, recordedBy: null };
  if (!isCoordinator(actor)) return refusal('records_coordinators_only', { name: actor.name });
  if (onBehalfOf.role === 'coordinator' || onBehalfOf.role === 'manager') return refusal('record_for_a_party', { name: onBehalfOf.name });
  return { payload: { ...rest, actor: onBehalfOf }, recordedBy: actor };
};

/** Whether a coordinator may record this decision for a party's person: its payload names `onBehalfOf`. */
export const isRecordable = (decision: Pick<Decision, 'payload'>): boolean => 'onBehalfOf' in decision.payload.fields;

export const isRefusal = (value: Attributed | Refusal): value is Refusal => 'code' in value;

/**
 * Applies a decision, attributed: the events it makes name the person as their actor and the
 * coordinator as their recorder, and the person is told by their own channel what was recorded for them.
 */
export const applyAttributed = (life: Lifecycle, decision: Decision, { payload, recordedBy }: Attributed): void => {
  if (!recordedBy) {
    decision.apply(life, payload);
    return;
  }
  const { actor } = payload;
  const variant = variantIn(decision.form, payload)?.id ?? decision.name;
  const subjectKey = decision.form.subject?.key;
  const subjectValue = subjectKey === undefined ? undefined : payload[subjectKey];
  const subject = typeof subjectValue === 'string' || typeof subjectValue === 'number' ? String(subjectValue) : undefined;
  const category = payload['category'];
  const told = {
    recordedBy: recordedBy.name,
    decision: decision.name as DecisionName,
    variant,
    ...(subject === undefined ? {} : { subject }),
    ...(isDeclineCategory(category) ? { category } : {}),
  };
  life.recordedBy = recordedBy;
  try {
    life.emit(
      'answer_recorded',
      actor,
      { for: { personId: actor.personId, name: actor.name }, decision: decision.name, variant, ...(told.subject ? { subject: told.subject } : {}) },
      [notice('answer_recorded', [person(actor.personId)], told)],
      `${recordedBy.name} recorded ${actor.name}'s answer: ${decision.name} ${variant}`,
    );
    decision.apply(life, payload);
  } finally {
    life.recordedBy = null;
  }
};
