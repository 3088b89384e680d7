import { patched } from '@temporalio/workflow';
import type { Actor, Party } from '../domain/actor.ts';
import type { MilestonePlan } from '../domain/decision-payloads.ts';
import type { Signing } from '../domain/event.ts';
import type { EventStart } from '../domain/partnership-input.ts';
import type { Stage } from '../domain/vocabulary.ts';
import { soughtSide } from '../domain/vocabulary.ts';
import type { Candidate, EventData, NotificationSpec } from './events.ts';
import type { Lifecycle } from './lifecycle.ts';
import { coordinators, notice, organisation, parties, person } from './lifecycle.ts';
import { announced, setMilestones } from './milestones.ts';
import { scheduleNotice } from './timers.ts';
import { cancel, schedule } from './timers.ts';

/** Starts the lifecycle: the submitter hears the reference number, the coordinators get a review. */
export const beginIntake = (life: Lifecycle): void => {
  life.emit('intake_received', life.input.submittedBy, {}, [notice('intake_received', [person(life.input.submittedBy.personId)], {})], 'submitted');
  enterReview(life, life.input.submittedBy);
};

/**
 * Starts a partnership launched or signed at a docking event: the organisers reviewed the release,
 * so it opens at matchmaking with their chosen candidates proposed, or at a contract signed on site.
 */
export const beginAtEvent = (life: Lifecycle, start: EventStart): void => {
  const { state } = life;
  state.stage = 'matchmaking';
  life.emit(
    'released',
    start.approvedBy,
    { eventId: start.eventId, approvedBy: start.approvedBy },
    [],
    `released at ${start.eventId}, approved by ${start.approvedBy.name}`,
  );
  if (start.candidates.length > 0) {
    offerCandidates(life, start.candidates);
    proposeCandidates(
      life,
      start.approvedBy,
      start.candidates.map((c) => c.id),
    );
  }
  if (start.signing) signOnSite(life, start.approvedBy, start.signing);
};

export const enterReview = (life: Lifecycle, actor: Actor | null): void => {
  const { state, policy } = life;
  state.stage = 'review';
  state.reviewRound += 1;
  scheduleNotice(life, 'review:remind', life.now() + policy.decisionReminderAfter);
  scheduleNotice(life, 'review:escalate', life.now() + policy.decisionEscalateAfter);
  life.emit('review_requested', actor, { round: state.reviewRound }, [notice('review_requested', [coordinators], {})], `review round ${state.reviewRound}`);
};

export const requestChanges = (life: Lifecycle, actor: Actor, comment: string): void => {
  const { state } = life;
  cancel(state, 'review:');
  state.stage = 'intake';
  scheduleNotice(life, 'revision:remind', life.now() + life.policy.revisionReminderAfter);
  life.emit(
    'reviewed',
    actor,
    { decision: 'request_changes', comment },
    [notice('changes_requested', [person(life.input.submittedBy.personId)], { comment })],
    `changes requested: ${comment}`,
  );
};

export const approve = (life: Lifecycle, actor: Actor, comment?: string): void => {
  const { state } = life;
  cancel(state, 'review:');
  state.stage = 'matchmaking';
  state.needsMatching = true;
  life.emit('reviewed', actor, { decision: 'approve', ...(comment ? { comment } : {}) }, [], 'approved');
};

/** Ends the partnership: every timer stops, open proposals are withdrawn, and everyone involved hears why. */
export const finish = <T extends 'completed' | 'unmatched' | 'withdrawn'>(
  life: Lifecycle,
  stage: Extract<Stage, T>,
  actor: Actor | null,
  reason: string,
  type: T,
  data: EventData[T],
): void => {
  const { state } = life;
  withdrawOpenProposals(life, actor);
  state.timers = [];
  state.stage = stage;
  state.outcome = { stage, reason };
  const audience = [person(life.input.submittedBy.personId), coordinators, ...parties(life)];
  life.emit(type, actor, data, [notice(type, audience, { reason })], reason);
};

export const reject = (life: Lifecycle, actor: Actor, comment: string): void => {
  const { state } = life;
  state.timers = [];
  state.stage = 'rejected';
  state.outcome = { stage: 'rejected', reason: comment };
  life.emit(
    'reviewed',
    actor,
    { decision: 'reject', comment },
    [notice('rejected', [person(life.input.submittedBy.personId)], { comment })],
    `rejected: ${comment}`,
  );
};

/** Candidates from the matching engine; none at all closes the partnership as unmatched. */
export const offerCandidates = (life: Lifecycle, candidates: readonly Candidate[]): void => {
  const { state, policy } = life;
  state.needsMatching = false;
  if (candidates.length === 0) {
    finish(life, 'unmatched', null, 'no suitable candidate was found', 'unmatched', { reason: 'no suitable candidate was found' });
    return;
  }
  state.candidates = [...candidates];
  scheduleNotice(life, 'selection:remind', life.now() + policy.decisionReminderAfter);
  scheduleNotice(life, 'selection:escalate', life.now() + policy.decisionEscalateAfter);
  life.emit(
    'candidates_found',
    null,
    { candidates },
    [notice('candidates_ready', [coordinators], { count: candidates.length })],
    `${candidates.length} candidates`,
  );
};

/** A proposal's reminder and deadline, and the message that asks its organisation for an answer. */
export const sendProposal = (life: Lifecycle, candidate: Candidate, deadline: number): NotificationSpec => {
  const { state, policy } = life;
  const id = candidate.id;
  if (policy.proposalDeadline > policy.proposalReminderBefore) {
    scheduleNotice(life, `proposal:${id}:remind`, deadline - policy.proposalReminderBefore, deadline);
  }
  schedule(state, `proposal:${id}:expire`, deadline);
  return notice('match_proposed', [organisation(candidate.counterpart.id)], {
    candidateId: id,
    candidateTitle: candidate.title,
    reasons: candidate.reasons,
    deadline: new Date(deadline).toISOString(),
  });
};

export const proposeCandidates = (life: Lifecycle, actor: Actor, candidateIds: readonly string[]): void => {
  const { state, policy } = life;
  cancel(state, 'selection:');
  const deadline = life.now() + policy.proposalDeadline;
  const notices: NotificationSpec[] = [];
  for (const id of candidateIds) {
    const candidate = state.candidates.find((c) => c.id === id)!;
    state.proposals.push({ candidateId: id, counterpart: candidate.counterpart, status: 'proposed', deadline });
    notices.push(sendProposal(life, candidate, deadline));
  }
  life.emit('candidates_selected', actor, { candidateIds, deadline }, notices, `proposed to ${notices.length} counterpart(s)`);
};

const withdrawOpenProposals = (life: Lifecycle, actor: Actor | null): void => {
  const open = life.state.proposals.filter((p) => p.status === 'proposed');
  if (open.length === 0) return;
  for (const proposal of open) {
    proposal.status = 'withdrawn';
    cancel(life.state, `proposal:${proposal.candidateId}:`);
  }
  life.emit(
    'proposals_withdrawn',
    actor,
    { candidateIds: open.map((p) => p.candidateId) },
    [
      notice(
        'proposal_withdrawn',
        open.map((p) => organisation(p.counterpart.id)),
        {},
      ),
    ],
    `${open.length} open proposal(s) withdrawn`,
  );
};

const setParty = (life: Lifecycle, party: Party | null): void => {
  if (soughtSide(life.input.kind) === 'university') life.state.university = party;
  else life.state.enterprise = party;
};

export const acceptProposal = (life: Lifecycle, actor: Actor, candidateId: string): void => {
  const { state, policy } = life;
  const proposal = state.proposals.find((p) => p.candidateId === candidateId && p.status === 'proposed')!;
  proposal.status = 'accepted';
  proposal.decidedBy = actor.name;
  proposal.decidedAt = life.now();
  cancel(state, `proposal:${candidateId}:`);
  withdrawOpenProposals(life, actor);
  state.matched = { candidateId, counterpart: proposal.counterpart };
  setParty(life, proposal.counterpart);
  state.stage = 'negotiation';
  state.rounds = [];
  const deadline = life.now() + policy.negotiationDeadline;
  state.negotiationDeadline = deadline;
  if (policy.negotiationDeadline > policy.negotiationReminderBefore) {
    scheduleNotice(life, 'negotiation:remind', deadline - policy.negotiationReminderBefore, deadline);
  }
  scheduleNotice(life, 'negotiation:overdue', deadline);
  life.emit(
    'proposal_accepted',
    actor,
    { candidateId, counterpart: proposal.counterpart },
    [notice('proposal_accepted', [coordinators, ...parties(life)], { counterpart: proposal.counterpart.name, deadline: new Date(deadline).toISOString() })],
    `${proposal.counterpart.name} accepted`,
  );
};

/** After the last open proposal is settled without an acceptance: offer the rest, or match again. */
const afterProposalsSettled = (life: Lifecycle): void => {
  const { state } = life;
  if (state.proposals.some((p) => p.status === 'proposed' || p.status === 'accepted')) return;
  const remaining = state.candidates.filter((c) => !state.excluded.some((e) => e.id === c.id));
  if (remaining.length > 0) offerCandidates(life, remaining);
  else state.needsMatching = true;
};

export const declineProposal = (life: Lifecycle, actor: Actor, decision: EventData['proposal_declined']): void => {
  const { state } = life;
  const proposal = state.proposals.find((p) => p.candidateId === decision.candidateId && p.status === 'proposed')!;
  proposal.status = 'declined';
  proposal.category = decision.category;
  proposal.decidedBy = actor.name;
  proposal.decidedAt = life.now();
  if (decision.reason) proposal.reason = decision.reason;
  cancel(state, `proposal:${decision.candidateId}:`);
  state.excluded.push({ id: decision.candidateId, category: decision.category });
  life.emit(
    'proposal_declined',
    actor,
    decision,
    [
      notice('proposal_declined', [coordinators], {
        counterpart: proposal.counterpart.name,
        category: decision.category,
        ...(decision.reason ? { reason: decision.reason } : {}),
      }),
    ],
    `${proposal.counterpart.name} declined (${decision.category})`,
  );
  afterProposalsSettled(life);
};

export const expireProposal = (life: Lifecycle, candidateId: string): void => {
  const { state } = life;
  const proposal = state.proposals.find((p) => p.candidateId === candidateId && p.status === 'proposed');
  if (!proposal) return;
  proposal.status = 'expired';
  proposal.decidedAt = life.now();
  cancel(state, `proposal:${candidateId}:`);
  state.excluded.push({ id: candidateId, category: 'timing' });
  life.emit(
    'proposal_expired',
    null,
    { candidateId },
    [notice('proposal_declined', [coordinators], { counterpart: proposal.counterpart.name, category: 'timing', reason: 'no answer before the deadline' })],
    `${proposal.counterpart.name} did not answer in time`,
  );
  afterProposalsSettled(life);
};

export const proposeTerms = (life: Lifecycle, actor: Actor, side: 'university' | 'enterprise' | 'coordinator', terms: string, amountCny?: number): void => {
  const { state } = life;
  const round = state.rounds.length + 1;
  state.rounds.push({ round, side, by: actor.name, terms, at: life.now(), ...(amountCny === undefined ? {} : { amountCny }) });
  const others = [state.university, state.enterprise]
    .filter((party): party is Party => party !== null && party.id !== actor.organisationId)
    .map((party) => organisation(party.id));
  life.emit(
    'terms_proposed',
    actor,
    { round, terms, ...(amountCny === undefined ? {} : { amountCny }) },
    [notice('terms_proposed', [...others, coordinators], { round, terms, ...(amountCny === undefined ? {} : { amountCny }) })],
    `terms round ${round}`,
  );
};

export const agreeTerms = (life: Lifecycle, actor: Actor): void => {
  const { state } = life;
  cancel(state, 'negotiation:');
  state.stage = 'contracting';
  const round = state.rounds.length;
  life.emit(
    'negotiation_agreed',
    actor,
    { round },
    [notice('negotiation_agreed', [coordinators, ...parties(life)], { round })],
    `terms of round ${round} agreed`,
  );
};

export const failNegotiation = (life: Lifecycle, actor: Actor, next: 'rematch' | 'close', reason: string): void => {
  const { state } = life;
  const matched = state.matched!;
  cancel(state, 'negotiation:');
  const proposal = state.proposals.find((p) => p.candidateId === matched.candidateId && p.status === 'accepted');
  if (proposal) {
    proposal.status = 'failed';
    proposal.reason = reason;
    proposal.decidedBy = actor.name;
    proposal.decidedAt = life.now();
  }
  state.excluded.push({ id: matched.candidateId, category: 'other' });
  life.emit(
    'negotiation_failed',
    actor,
    { next, reason, candidateId: matched.candidateId },
    [notice('negotiation_failed', [coordinators, ...parties(life)], { reason, next })],
    `negotiation failed: ${reason}`,
  );
  state.matched = null;
  state.rounds = [];
  state.negotiationDeadline = null;
  setParty(life, null);
  if (next === 'close') {
    finish(life, 'unmatched', actor, reason, 'unmatched', { reason });
    return;
  }
  state.stage = 'matchmaking';
  afterProposalsSettled(life);
};

export const registerContract = (
  life: Lifecycle,
  actor: Actor,
  contract: Omit<EventData['contract_registered'], 'milestones' | 'university' | 'enterprise' | 'eventId' | 'ip' | 'experts'> & {
    milestones: readonly MilestonePlan[];
    eventId?: string;
    ip?: EventData['contract_registered']['ip'] | undefined;
    experts?: EventData['contract_registered']['experts'] | undefined;
  },
): void => {
  const { state } = life;
  state.contract = { type: contract.type, amountCny: contract.amountCny, signedOn: contract.signedOn, registeredBy: actor.name };
  const milestones = setMilestones(life, contract.milestones);
  state.stage = 'milestones';
  life.emit(
    'contract_registered',
    actor,
    {
      type: contract.type,
      amountCny: contract.amountCny,
      signedOn: contract.signedOn,
      university: state.university!,
      enterprise: state.enterprise!,
      milestones,
      ...(contract.eventId === undefined ? {} : { eventId: contract.eventId }),
      ...(contract.ip === undefined ? {} : { ip: contract.ip }),
      ...(contract.experts === undefined ? {} : { experts: contract.experts }),
    },
    [
      notice('contract_registered', [coordinators, ...parties(life)], {
        type: contract.type,
        amountCny: contract.amountCny,
        signedOn: contract.signedOn,
        milestones: announced(milestones),
      }),
    ],
    `contract registered (${milestones.length} milestones)`,
  );
};

/** The milestones of a contract registered without them (signed on site), planned afterwards. */
export const planMilestones = (life: Lifecycle, actor: Actor, plans: readonly MilestonePlan[]): void => {
  const milestones = setMilestones(life, plans);
  life.emit(
    'milestones_planned',
    actor,
    { milestones },
    [notice('milestones_planned', [coordinators, ...parties(life)], { milestones: announced(milestones) })],
    `milestones planned (${milestones.length})`,
  );
};

/**
 * A contract signed on site (现场签约): whatever was still open (proposals, negotiation) gives way
 * to the counterpart who signed, and the contract is registered, its milestones to be planned later.
 */
export const signOnSite = (life: Lifecycle, actor: Actor, given: Signing): void => {
  const { state } = life;
  cancel(state, 'selection:');
  cancel(state, 'negotiation:');
  // The signing names the proposal it settles when the database already showed it; one made moments
  // before (a launch just now) is found here, by the organisation that signed.
  const signing =
    given.candidateId === null && patched('signing-finds-its-proposal')
      ? { ...given, candidateId: state.proposals.find((p) => p.counterpart.id === given.counterpart.id && p.status === 'proposed')?.candidateId ?? null }
      : given;
  const signed = signing.candidateId === null ? undefined : state.proposals.find((p) => p.candidateId === signing.candidateId && p.status === 'proposed');
  if (signed) {
    signed.status = 'accepted';
    signed.decidedBy = actor.name;
    signed.decidedAt = life.now();
    cancel(state, `proposal:${signed.candidateId}:`);
  }
  withdrawOpenProposals(life, actor);
  state.matched = { candidateId: signing.candidateId ?? signing.counterpart.id, counterpart: signing.counterpart };
  setParty(life, signing.counterpart);
  state.negotiationDeadline = null;
  state.stage = 'contracting';
  life.emit(
    'signed_on_site',
    actor,
    { eventId: signing.eventId, counterpart: signing.counterpart, candidateId: signing.candidateId },
    [],
    `signed on site at ${signing.eventId} with ${signing.counterpart.name}`,
  );
  registerContract(life, actor, { type: signing.type, amountCny: signing.amountCny, signedOn: signing.signedOn, milestones: [], eventId: signing.eventId });
};

export const completeMilestone = (life: Lifecycle, actor: Actor, seq: number, evidenceUrl: string, receivedCny?: number): void => {
  const { state } = life;
  const milestone = state.milestones.find((m) => m.seq === seq)!;
  milestone.done = true;
  milestone.doneAt = life.now();
  milestone.evidenceUrl = evidenceUrl;
  cancel(state, `milestone:${seq}:`);
  life.emit(
    'milestone_done',
    actor,
    { milestone: seq, evidenceUrl, ...(receivedCny === undefined ? {} : { receivedCny }) },
    [notice('milestone_done', [coordinators, ...parties(life)], { milestone: seq, milestoneTitle: milestone.title, evidenceUrl })],
    `milestone ${seq} done`,
  );
  if (state.milestones.every((m) => m.done)) {
    finish(life, 'completed', actor, 'all milestones done', 'completed', {});
  }
};

export const withdraw = (life: Lifecycle, actor: Actor, reason: string): void => {
  finish(life, 'withdrawn', actor, reason, 'withdrawn', { reason });
};

/** The submitting side revised the submission: it goes back to review. */
export const revise = (
  life: Lifecycle,
  actor: Actor,
  revision: { readonly title?: string | undefined; readonly summary?: string | undefined; readonly note: string },
): void => {
  const { state } = life;
  state.title = revision.title ?? state.title;
  state.summary = revision.summary ?? state.summary;
  cancel(state, 'revision:');
  life.emit('revised', actor, { title: state.title, summary: state.summary, note: revision.note }, [], `revised: ${revision.note}`);
  enterReview(life, actor);
};
