import { ApplicationFailure } from '@temporalio/common';
import type { Role, Side, Stage } from './vocabulary.ts';

/** How a refusal is grouped, the failure type callers and tests tell apart. */
export const REFUSAL_TYPES = ['InvalidDecision', 'WrongStage', 'NotAuthorised', 'NotAllowedNow'] as const;
export type RefusalType = (typeof REFUSAL_TYPES)[number];

/** A field of a decision that is wrong, and what is wrong with it (zod's words). */
export interface Problem {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

/**
 * Every reason a decision can be refused, with what its wording needs. The workflow refuses with
 * a code and these parameters; the bot, the CLI and web pages say it in the person's language.
 * `decision` is the decision's name (`review`, `select`…).
 */
export interface RefusalReasons {
  readonly wrong_stage: { readonly reference: string; readonly stage: Stage; readonly decision: string; readonly stages: readonly Stage[] };
  readonly ended: { readonly reference: string; readonly stage: Stage };
  readonly coordinators_only: { readonly decision: string; readonly name: string; readonly role: Role };
  readonly not_a_party: { readonly decision: string; readonly name: string; readonly reference: string };
  readonly submitters_only: { readonly decision: string };
  readonly still_matching: Record<string, never>;
  readonly proposals_open: Record<string, never>;
  readonly candidate_twice: { readonly candidateId: string };
  readonly too_many_candidates: { readonly max: number };
  readonly not_a_candidate: { readonly candidateId: string };
  readonly candidate_excluded: { readonly candidateId: string };
  readonly not_proposed: { readonly candidateId: string };
  readonly proposal_settled: { readonly counterpart: string; readonly status: string };
  readonly counterpart_only: { readonly counterpart: string; readonly role: Role };
  readonly no_terms_yet: Record<string, never>;
  readonly proposer_cannot_agree: Record<string, never>;
  readonly no_such_milestone: { readonly milestone: number; readonly count: number };
  readonly milestone_done: { readonly milestone: number };
  readonly milestones_planned: { readonly count: number };
  readonly milestone_not_yours: { readonly milestone: number; readonly responsible: Side };
  readonly invalid: { readonly problems: readonly Problem[] };
  /** An answer recorded on someone's behalf: only a coordinator records, and only for a party's person. */
  readonly records_coordinators_only: { readonly name: string };
  readonly record_for_a_party: { readonly name: string };
}
export type RefusalCode = keyof RefusalReasons;

const TYPE_OF: { readonly [C in RefusalCode]: RefusalType } = {
  wrong_stage: 'WrongStage',
  ended: 'WrongStage',
  coordinators_only: 'NotAuthorised',
  not_a_party: 'NotAuthorised',
  submitters_only: 'NotAuthorised',
  counterpart_only: 'NotAuthorised',
  proposer_cannot_agree: 'NotAuthorised',
  milestone_not_yours: 'NotAuthorised',
  records_coordinators_only: 'NotAuthorised',
  record_for_a_party: 'NotAuthorised',
  still_matching: 'NotAllowedNow',
  proposals_open: 'NotAllowedNow',
  proposal_settled: 'NotAllowedNow',
  no_terms_yet: 'NotAllowedNow',
  milestone_done: 'NotAllowedNow',
  milestones_planned: 'NotAllowedNow',
  candidate_twice: 'InvalidDecision',
  too_many_candidates: 'InvalidDecision',
  not_a_candidate: 'InvalidDecision',
  candidate_excluded: 'InvalidDecision',
  not_proposed: 'InvalidDecision',
  no_such_milestone: 'InvalidDecision',
  invalid: 'InvalidDecision',
};

export const isRefusalType = (type: unknown): type is RefusalType => REFUSAL_TYPES.some((known) => known === type);
export const isRefusalCode = (code: unknown): code is RefusalCode => typeof code === 'string' && Object.hasOwn(TYPE_OF, code);

/** A refusal as the workflow raises it and callers read it back. */
export interface Refusal<C extends RefusalCode = RefusalCode> {
  readonly type: RefusalType;
  readonly code: C;
  readonly params: RefusalReasons[C];
}

export const refusal = <C extends RefusalCode>(code: C, params: RefusalReasons[C]): Refusal<C> => ({ type: TYPE_OF[code], code, params });

/** Throws the refusal as the update's failure: its type, the code and parameters in its details. */
export const refuse = (reason: Refusal): never => {
  throw ApplicationFailure.create({
    type: reason.type,
    message: `${reason.code} ${JSON.stringify(reason.params)}`,
    nonRetryable: true,
    details: [{ code: reason.code, params: reason.params }],
  });
};
