import type { Unreached } from '../activities/reachability.ts';
import type { Lifecycle } from './lifecycle.ts';
import { coordinators, notice } from './lifecycle.ts';
import type { Proposal } from './state.ts';
import { cancel, schedule } from './timers.ts';
import { sendProposal } from './transitions.ts';

const titleOf = (life: Lifecycle, candidateId: string): string => life.state.candidates.find((c) => c.id === candidateId)?.title ?? candidateId;

/**
 * Holds the open proposals to organisations nobody can be reached at: they neither remind nor
 * lapse (a lapse would count as a decline for timing and mislead the next match), the
 * coordinators are told which organisation lacks what, and the directory is asked again on the
 * `recheck` timer.
 */
export const holdUnreached = (life: Lifecycle, unreached: readonly Unreached[]): void => {
  const { state, policy } = life;
  for (const { organisationId, missing } of unreached) {
    for (const proposal of state.proposals) {
      if (proposal.status !== 'proposed' || proposal.held || proposal.counterpart.id !== organisationId) continue;
      const { candidateId, counterpart } = proposal;
      proposal.held = missing;
      cancel(state, `proposal:${candidateId}:`);
      schedule(state, `proposal:${candidateId}:recheck`, life.now() + policy.contactRecheckEvery);
      life.emit(
        'proposal_held',
        null,
        { candidateId, counterpart, missing },
        [
          notice('counterpart_unreachable', [coordinators], {
            counterpart: counterpart.name,
            candidateId,
            candidateTitle: titleOf(life, candidateId),
            missing,
          }),
        ],
        `proposal to ${counterpart.name} held: ${missing === 'nobody' ? 'nobody in the directory' : 'no Lark or email'}`,
      );
    }
  }
};

/** The held proposals whose recheck is due: the workflow asks which of their organisations someone can be reached at now. */
export const rechecksDue = (life: Lifecycle): Proposal[] => life.state.proposals.filter((p) => p.status === 'proposed' && p.held && p.recheckDue);

/** Sends the held proposals whose organisation someone can be reached at now, with a full deadline from now; the rest wait for the next recheck. */
export const resumeReachable = (life: Lifecycle, rechecked: readonly Proposal[], reachable: readonly string[]): void => {
  const { state, policy } = life;
  for (const proposal of rechecked) {
    const { candidateId, counterpart } = proposal;
    delete proposal.recheckDue;
    if (!reachable.includes(counterpart.id)) {
      schedule(state, `proposal:${candidateId}:recheck`, life.now() + policy.contactRecheckEvery);
      continue;
    }
    delete proposal.held;
    const deadline = life.now() + policy.proposalDeadline;
    proposal.deadline = deadline;
    const candidate = state.candidates.find((c) => c.id === candidateId) ?? {
      id: candidateId,
      title: candidateId,
      counterpart,
      score: 0,
      reasons: [],
      flags: [],
    };
    life.emit(
      'proposal_resent',
      null,
      { candidateId, deadline },
      [sendProposal(life, candidate, deadline)],
      `proposal to ${counterpart.name} sent: someone can be reached now`,
    );
  }
};
