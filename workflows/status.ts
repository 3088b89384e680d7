import type { Party } from '../domain/actor.ts';
import { roleOfSide, soughtSide, submittingSide } from '../domain/vocabulary.ts';
import type { Lifecycle } from './lifecycle.ts';
import type { Awaiting, PartnershipStatus } from './state.ts';

const iso = (ms: number): string => new Date(ms).toISOString();

const awaiting = (life: Lifecycle): Awaiting[] => {
  const { state, input } = life;
  const submitter: Party | null = submittingSide(input.kind) === 'university' ? state.university : state.enterprise;
  switch (state.stage) {
    case 'intake':
      return [{ action: 'revise', role: roleOfSide(submittingSide(input.kind)), organisation: submitter }];
    case 'review':
      return [{ action: 'review', role: 'coordinator', organisation: null }];
    case 'matchmaking': {
      const open = state.proposals.filter((p) => p.status === 'proposed');
      if (open.length > 0) {
        const answers: Awaiting[] = open.map((p) => ({
          action: 'respond_to_proposal',
          role: roleOfSide(soughtSide(input.kind)),
          organisation: p.counterpart,
          subject: p.candidateId,
          ...(p.held ? {} : { deadline: iso(p.deadline) }),
        }));
        // Every open proposal held for want of a contact: the coordinators may choose others meanwhile.
        const allHeld = open.every((p) => p.held);
        return allHeld ? [...answers, { action: 'select_candidates', role: 'coordinator', organisation: null }] : answers;
      }
      return state.needsMatching ? [] : [{ action: 'select_candidates', role: 'coordinator', organisation: null }];
    }
    case 'negotiation':
      return [state.university, state.enterprise].flatMap((party, index) =>
        party
          ? [
              {
                action: 'negotiate' as const,
                role: roleOfSide(index === 0 ? 'university' : 'enterprise'),
                organisation: party,
                ...(state.negotiationDeadline ? { deadline: iso(state.negotiationDeadline) } : {}),
              },
            ]
          : [],
      );
    case 'contracting':
      return [{ action: 'register_contract', role: 'coordinator', organisation: null }];
    case 'milestones':
      // A contract signed on site is registered without milestones: planning them is what is awaited.
      if (state.milestones.length === 0) return [{ action: 'plan_milestones', role: 'coordinator', organisation: null }];
      return state.milestones
        .filter((m) => !m.done)
        .map((m) => ({
          action: 'complete_milestone',
          role: roleOfSide(m.responsible),
          organisation: m.responsible === 'university' ? state.university : state.enterprise,
          subject: String(m.seq),
          deadline: iso(m.dueAt),
        }));
    default:
      return [];
  }
};

/** The status query's answer, with times as ISO strings for people and cards. */
export const statusOf = (life: Lifecycle): PartnershipStatus => {
  const { state, input } = life;
  return {
    reference: input.reference,
    kind: input.kind,
    title: state.title,
    summary: state.summary,
    stage: state.stage,
    region: input.region,
    industry: input.industry,
    university: state.university,
    enterprise: state.enterprise,
    submittedBy: { personId: input.submittedBy.personId, name: input.submittedBy.name },
    awaiting: awaiting(life),
    candidates: state.candidates,
    proposals: state.proposals.map(({ deadline, decidedAt, recheckDue: _recheck, ...p }) => ({
      ...p,
      deadline: iso(deadline),
      ...(decidedAt === undefined ? {} : { decidedAt: iso(decidedAt) }),
    })),
    rounds: state.rounds.map(({ at, ...r }) => ({ ...r, at: iso(at) })),
    contract: state.contract,
    milestones: state.milestones.map(({ dueAt, doneAt, ...m }) => ({
      ...m,
      dueAt: iso(dueAt),
      ...(doneAt === undefined ? {} : { doneAt: iso(doneAt) }),
    })),
    nextTimers: [...state.timers].sort((a, b) => a.at - b.at).map((timer) => ({ key: timer.key, at: iso(timer.at) })),
    history: state.history.map(({ at, ...h }) => ({ ...h, at: iso(at) })),
    outcome: state.outcome,
  };
};
