import type { UpdateDefinition } from '@temporalio/common';
import type { z } from 'zod';
import {
  CandidateSelectionSchema,
  ContractRegistrationSchema,
  MilestoneCompletionSchema,
  NegotiationOutcomeSchema,
  ProposalResponseSchema,
  ReviewDecisionSchema,
  RevisionSchema,
  TermsProposalSchema,
  WithdrawalSchema,
} from './decisions.ts';
import { isEnding, soughtSide } from '../domain/vocabulary.ts';
import type { Lifecycle } from './lifecycle.ts';
import * as messages from './messages.ts';
import { refuse } from '../domain/refusals.ts';
import { requireCoordinator, requirePartyOrCoordinator, requireStage, requireSubmitterOrCoordinator, sideOf, stageName } from '../domain/rules.ts';
import type { PartnershipStatus } from './state.ts';
import * as t from './transitions.ts';

/** One decision: its payload schema, the checks that may refuse it, and the state change it makes. */
export interface DecisionHandler<S extends z.ZodType> {
  readonly update: UpdateDefinition<PartnershipStatus, [z.input<S>]>;
  readonly schema: S;
  /** Throws a refusal; must not change anything. */
  check(life: Lifecycle, decision: z.output<S>): void;
  apply(life: Lifecycle, decision: z.output<S>): void;
}

const handler = <S extends z.ZodType>(h: DecisionHandler<S>): DecisionHandler<S> => h;

const review = handler({
  update: messages.reviewUpdate,
  schema: ReviewDecisionSchema,
  check(life, d) {
    requireStage(life, 'review', 'review');
    requireCoordinator(life, d.actor, 'review a submission');
  },
  apply(life, d) {
    if (d.decision === 'approve') t.approve(life, d.actor, d.comment);
    else if (d.decision === 'reject') t.reject(life, d.actor, d.comment!);
    else t.requestChanges(life, d.actor, d.comment!);
  },
});

const revise = handler({
  update: messages.reviseUpdate,
  schema: RevisionSchema,
  check(life, d) {
    requireStage(life, 'revise', 'intake');
    requireSubmitterOrCoordinator(life, d.actor, 'revise the submission');
  },
  apply(life, d) {
    const { state } = life;
    state.title = d.title ?? state.title;
    state.summary = d.summary ?? state.summary;
    t.cancelRevisionReminder(life);
    life.emit('revised', d.actor, { title: state.title, summary: state.summary, note: d.note }, [], `revised: ${d.note}`);
    t.enterReview(life, d.actor);
  },
});

const selectCandidates = handler({
  update: messages.selectCandidatesUpdate,
  schema: CandidateSelectionSchema,
  check(life, d) {
    requireStage(life, 'select candidates', 'matchmaking');
    requireCoordinator(life, d.actor, 'select candidates');
    const { state, policy } = life;
    if (state.needsMatching || state.candidates.length === 0) refuse('NotAllowedNow', 'the matching engine is still looking for candidates');
    if (state.proposals.some((p) => p.status === 'proposed')) refuse('NotAllowedNow', 'proposals are still awaiting an answer');
    const ids = new Set(d.candidateIds);
    if (ids.size !== d.candidateIds.length) refuse('InvalidDecision', 'candidateIds: a candidate is listed twice');
    if (ids.size > policy.maxProposalsAtOnce) refuse('InvalidDecision', `candidateIds: at most ${policy.maxProposalsAtOnce} candidates can be proposed at once`);
    for (const id of ids) {
      if (!state.candidates.some((c) => c.id === id)) refuse('InvalidDecision', `candidateIds: ${id} is not one of the current candidates`);
      if (state.excluded.some((e) => e.id === id)) refuse('InvalidDecision', `candidateIds: ${id} already declined or let the proposal lapse`);
    }
  },
  apply(life, d) {
    t.proposeCandidates(life, d.actor, d.candidateIds);
  },
});

const respondToProposal = handler({
  update: messages.respondToProposalUpdate,
  schema: ProposalResponseSchema,
  check(life, d) {
    requireStage(life, 'respond to a proposal', 'matchmaking');
    const proposal = life.state.proposals.find((p) => p.candidateId === d.candidateId);
    if (!proposal) refuse('InvalidDecision', `candidateId: ${d.candidateId} was not proposed`);
    if (proposal!.status !== 'proposed') refuse('NotAllowedNow', `the proposal to ${proposal!.counterpart.name} is already ${proposal!.status}`);
    const role = soughtSide(life.input.kind) === 'university' ? 'tto_officer' : 'enterprise_contact';
    if (d.actor.role !== role || d.actor.organisationId !== proposal!.counterpart.id) {
      refuse('NotAuthorised', `only ${proposal!.counterpart.name}'s ${role === 'tto_officer' ? 'tech-transfer office' : 'contact'} can answer this proposal`);
    }
  },
  apply(life, d) {
    if (d.decision === 'accept') t.acceptProposal(life, d.actor, d.candidateId);
    else t.declineProposal(life, d.actor, { candidateId: d.candidateId, category: d.category!, ...(d.reason ? { reason: d.reason } : {}) });
  },
});

const proposeTerms = handler({
  update: messages.proposeTermsUpdate,
  schema: TermsProposalSchema,
  check(life, d) {
    requireStage(life, 'propose terms', 'negotiation');
    requirePartyOrCoordinator(life, d.actor, 'propose terms');
  },
  apply(life, d) {
    t.proposeTerms(life, d.actor, requirePartyOrCoordinator(life, d.actor, 'propose terms'), d.terms, d.amountCny);
  },
});

const concludeNegotiation = handler({
  update: messages.concludeNegotiationUpdate,
  schema: NegotiationOutcomeSchema,
  check(life, d) {
    requireStage(life, 'conclude the negotiation', 'negotiation');
    const side = requirePartyOrCoordinator(life, d.actor, 'conclude the negotiation');
    if (d.outcome !== 'agreed') return;
    const last = life.state.rounds.at(-1);
    if (!last) refuse('NotAllowedNow', 'no terms have been proposed yet; propose terms before agreeing');
    if (side !== 'coordinator' && last!.side === side) refuse('NotAuthorised', 'the other party agrees to terms, not the party that proposed them');
  },
  apply(life, d) {
    if (d.outcome === 'agreed') t.agreeTerms(life, d.actor);
    else t.failNegotiation(life, d.actor, d.next!, d.reason!);
  },
});

const registerContract = handler({
  update: messages.registerContractUpdate,
  schema: ContractRegistrationSchema,
  check(life, d) {
    requireStage(life, 'register the contract', 'contracting');
    requirePartyOrCoordinator(life, d.actor, 'register the contract');
  },
  apply(life, d) {
    t.registerContract(life, d.actor, d);
  },
});

const completeMilestone = handler({
  update: messages.completeMilestoneUpdate,
  schema: MilestoneCompletionSchema,
  check(life, d) {
    requireStage(life, 'complete a milestone', 'milestones');
    const milestone = life.state.milestones.find((m) => m.seq === d.milestone);
    if (!milestone) refuse('InvalidDecision', `milestone: there is no milestone ${d.milestone} (1–${life.state.milestones.length})`);
    if (milestone!.done) refuse('NotAllowedNow', `milestone ${d.milestone} is already done`);
    if (d.actor.role !== 'coordinator' && sideOf(life, d.actor) !== milestone!.responsible) {
      refuse('NotAuthorised', `milestone ${d.milestone} is the ${milestone!.responsible}'s; only it or a coordinator marks it done`);
    }
  },
  apply(life, d) {
    t.completeMilestone(life, d.actor, d.milestone, d.evidenceUrl);
  },
});

const withdraw = handler({
  update: messages.withdrawUpdate,
  schema: WithdrawalSchema,
  check(life, d) {
    if (isEnding(life.state.stage)) refuse('WrongStage', `${life.input.reference} has already ended as ${stageName(life.state.stage)}`);
    if (d.actor.role === 'coordinator' || sideOf(life, d.actor)) return;
    requireSubmitterOrCoordinator(life, d.actor, 'withdraw the partnership');
  },
  apply(life, d) {
    t.withdraw(life, d.actor, d.reason);
  },
});

export const DECISIONS = [
  review,
  revise,
  selectCandidates,
  respondToProposal,
  proposeTerms,
  concludeNegotiation,
  registerContract,
  completeMilestone,
  withdraw,
] as readonly DecisionHandler<z.ZodType>[];
