import type { Actor } from '../domain/actor.ts';
import type { ParsedPartnershipInput } from '../domain/partnership-input.ts';
import type { Audience, EventData, EventType, NotificationSpec, NotificationSpecOf, PartnershipEvent, Template } from './events.ts';
import type { NoticeData } from './notice-data.ts';
import type { PartnershipState } from './state.ts';
import type { ProgrammePolicy } from '../domain/policy.ts';

const HISTORY_KEPT = 50;

/** The state of one partnership plus the events its decisions produce, not yet recorded. */
export interface Lifecycle {
  readonly input: ParsedPartnershipInput;
  readonly policy: ProgrammePolicy;
  readonly state: PartnershipState;
  readonly pending: PartnershipEvent[];
  /** While an answer recorded on someone's behalf is applied: the coordinator recording it. */
  recordedBy: Actor | null;
  now(): number;
  emit<T extends EventType>(type: T, actor: Actor | null, data: EventData[T], notify: NotificationSpec[], note: string): void;
}

export const createLifecycle = (input: ParsedPartnershipInput, state: PartnershipState, now: () => number): Lifecycle => {
  const pending: PartnershipEvent[] = [];
  const life: Lifecycle = {
    input,
    policy: input.policy,
    state,
    pending,
    recordedBy: null,
    now,
    emit(type, actor, data, notify, note) {
      state.seq += 1;
      const at = now();
      const recordedBy = actor && life.recordedBy ? life.recordedBy : undefined;
      pending.push({
        seq: state.seq,
        type,
        at,
        actor,
        stage: state.stage,
        university: state.university,
        enterprise: state.enterprise,
        data,
        notify,
        ...(recordedBy ? { recordedBy } : {}),
      } as PartnershipEvent);
      const entry = { seq: state.seq, at, type, by: actor?.name ?? null, ...(recordedBy ? { recordedBy: recordedBy.name } : {}), note };
      state.history = [...state.history, entry].slice(-HISTORY_KEPT);
    },
  };
  return life;
};

/** A message of the step, its data checked against the template's (workflows/notice-data.ts). */
export const notice = <T extends Template>(template: T, to: readonly Audience[], data: NoticeData[T]): NotificationSpecOf<T> => ({ template, to, data });

export const coordinators: Audience = { role: 'coordinator' };
export const managers: Audience = { role: 'manager' };
export const person = (personId: string): Audience => ({ personId });
export const organisation = (organisationId: string): Audience => ({ organisationId });
export const managersOf = (organisationId: string): Audience => ({ managersOf: organisationId });

/** Both parties' organisations, once known. */
export const parties = (life: Lifecycle): Audience[] =>
  [life.state.university, life.state.enterprise].flatMap((party) => (party ? [organisation(party.id)] : []));
