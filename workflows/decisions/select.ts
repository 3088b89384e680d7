import { ActorSpec } from '../../domain/actor.ts';
import { list, object, text } from '../../domain/payload-spec.ts';
import { refusal, type Refusal } from '../../domain/refusals.ts';
import { isCoordinator } from '../../domain/rules.ts';
import type { Lifecycle } from '../lifecycle.ts';
import * as t from '../transitions.ts';
import { defineDecision } from './decision.ts';

const selectionRefusal = (life: Lifecycle, candidateIds: readonly string[]): Refusal | null => {
  const { state, policy } = life;
  if (state.needsMatching || state.candidates.length === 0) return refusal('still_matching', {});
  // A proposal held for want of a contact does not block choosing others meanwhile.
  if (state.proposals.some((p) => p.status === 'proposed' && !p.held)) return refusal('proposals_open', {});
  const seen = new Set<string>();
  for (const candidateId of candidateIds) {
    if (seen.has(candidateId)) return refusal('candidate_twice', { candidateId });
    seen.add(candidateId);
  }
  if (seen.size > policy.maxProposalsAtOnce) return refusal('too_many_candidates', { max: policy.maxProposalsAtOnce });
  for (const candidateId of seen) {
    if (!state.candidates.some((c) => c.id === candidateId)) return refusal('not_a_candidate', { candidateId });
    if (state.excluded.some((e) => e.id === candidateId)) return refusal('candidate_excluded', { candidateId });
  }
  return null;
};

const CandidateSelectionSpec = object({ actor: ActorSpec, candidateIds: list(text(100), { min: 1, minMessage: 'choose at least one candidate' }) });

/** A coordinator proposes one or more of the matching engine's candidates to their organisations. */
export const select = defineDecision({
  name: 'select',
  wireName: 'selectCandidates',
  payload: CandidateSelectionSpec,
  stages: ['matchmaking'],
  answers: 'select_candidates',
  waitsForMatching: true,
  check: (life, d) =>
    isCoordinator(d.actor)
      ? selectionRefusal(life, d.candidateIds)
      : refusal('coordinators_only', { decision: 'select', name: d.actor.name, role: d.actor.role }),
  apply(life, d) {
    t.proposeCandidates(life, d.actor, d.candidateIds);
  },
  form: {
    variants: [
      {
        id: 'select',
        set: {},
        fields: [{ key: 'candidateIds', name: 'candidates', kind: 'choices', choices: 'candidates', required: true }],
        style: 'primary',
      },
    ],
  },
});
