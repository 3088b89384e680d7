import type { UpdateDefinition } from '@temporalio/common';
import { defineUpdate } from '@temporalio/workflow';
import type { DecisionForm, DecisionView } from '../../domain/decision-forms.ts';
import { checkSpec, type ObjectSpec, type ValueOf } from '../../domain/payload-spec.ts';
import { refusal, type Refusal } from '../../domain/refusals.ts';
import { isEnding, type Stage } from '../../domain/vocabulary.ts';
import type { Lifecycle } from '../lifecycle.ts';
import type { Template } from '../events.ts';
import type { Awaiting, PartnershipStatus } from '../state.ts';

/**
 * One decision a person makes on a partnership, defined once: its names, its payload, when it is
 * taken, who may take it (`check`, with the rules of domain/rules.ts), how it changes the state,
 * and what a person fills in. The workflow registers its update from this record; the bot, the
 * CLI and web pages draw their forms and check payloads from it.
 */
export interface Decision<Name extends string = string, S extends ObjectSpec = ObjectSpec> {
  /** What people and cards call it: `npm run cli -- decide <ref> <name>`, a card button's `d`. */
  readonly name: Name;
  /** The Temporal update; its wire name is fixed, for running workflows and cards already sent. */
  readonly update: UpdateDefinition<PartnershipStatus, [ValueOf<S>]>;
  readonly payload: S;
  /** The stages it is taken in; `open` for any stage before the partnership ends. */
  readonly stages: readonly Stage[] | 'open';
  /** The awaited action it answers, so that 待办 and a status card offer it to whom it awaits. */
  readonly answers?: Awaiting['action'];
  /** The notifications that ask for it: their cards carry its buttons and form. */
  readonly askedIn?: readonly Template[];
  /**
   * Taken on the engine's candidates. Arriving while they are still being found, it waits for them
   * rather than being refused: an update delivered in the same workflow task as the matching's
   * result runs before that result is applied (the SDK orders updates first), which happens when a
   * worker dies after a person has already seen the candidates.
   */
  readonly waitsForMatching?: true;
  /** Who may take it and whether the state allows it: a refusal, or null. Changes nothing. */
  check(life: Lifecycle, decision: ValueOf<S>): Refusal | null;
  apply(life: Lifecycle, decision: ValueOf<S>): void;
  readonly form: DecisionForm;
}

/** A decision record, with its update defined from the wire name. */
export const defineDecision = <const Name extends string, S extends ObjectSpec>(
  record: Omit<Decision<Name, S>, 'update'> & { readonly wireName: string },
): Decision<Name, S> => {
  const { wireName, ...rest } = record;
  return { ...rest, update: defineUpdate<PartnershipStatus, [ValueOf<S>]>(wireName) };
};

/** The stage check every decision starts with. */
export const stageRefusal = (life: Lifecycle, decision: Decision): Refusal | null => {
  const { stage } = life.state;
  const { reference } = life.input;
  if (isEnding(stage)) return refusal('ended', { reference, stage });
  if (decision.stages === 'open' || decision.stages.includes(stage)) return null;
  return refusal('wrong_stage', { reference, stage, decision: decision.name, stages: decision.stages });
};

/** The partnership as the rules see it. */
export const viewOf = (life: Lifecycle): DecisionView => ({
  kind: life.input.kind,
  university: life.state.university,
  enterprise: life.state.enterprise,
  submittedBy: life.input.submittedBy,
  rounds: life.state.rounds,
});

/** The decision's payload, checked; or the refusal naming every field that is wrong. */
export const parsePayload = (decision: Decision, payload: unknown): { ok: true; value: ValueOf<ObjectSpec> } | { ok: false; refusal: Refusal } => {
  const checked = checkSpec(decision.payload, payload);
  return checked.ok ? { ok: true, value: checked.value } : { ok: false, refusal: refusal('invalid', { problems: checked.problems }) };
};
