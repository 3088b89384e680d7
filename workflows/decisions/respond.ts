import { ActorSpec, OnBehalfSpec } from '../../domain/actor.ts';
import { Reason } from '../../domain/decision-payloads.ts';
import { object, oneOf, optional, text } from '../../domain/payload-spec.ts';
import { refusal } from '../../domain/refusals.ts';
import { mayAnswerProposal } from '../../domain/rules.ts';
import { DECLINE_CATEGORIES, roleOfSide, soughtSide } from '../../domain/vocabulary.ts';
import * as t from '../transitions.ts';
import { defineDecision } from './decision.ts';

const ProposalResponseSpec = object(
  {
    actor: ActorSpec,
    onBehalfOf: OnBehalfSpec,
    candidateId: text(100),
    decision: oneOf(['accept', 'decline']),
    category: optional(oneOf(DECLINE_CATEGORIES)),
    reason: optional(Reason),
  },
  [
    {
      holds: (r) => r.decision === 'accept' || r.category !== undefined,
      path: 'category',
      message: `a decline needs a category (${DECLINE_CATEGORIES.join(', ')})`,
    },
    { holds: (r) => r.category !== 'other' || r.reason !== undefined, path: 'reason', message: 'a decline for another reason needs the reason written out' },
  ],
);

/** The proposed organisation's office accepts a match proposal, or declines it with a category. */
export const respond = defineDecision({
  name: 'respond',
  wireName: 'respondToProposal',
  payload: ProposalResponseSpec,
  stages: ['matchmaking'],
  answers: 'respond_to_proposal',
  askedIn: ['match_proposed', 'proposal_reminder'],
  check(life, d) {
    const proposal = life.state.proposals.findLast((p) => p.candidateId === d.candidateId);
    if (!proposal) return refusal('not_proposed', { candidateId: d.candidateId });
    if (proposal.status !== 'proposed') return refusal('proposal_settled', { counterpart: proposal.counterpart.name, status: proposal.status });
    if (!mayAnswerProposal(life.input.kind, proposal.counterpart, d.actor)) {
      return refusal('counterpart_only', { counterpart: proposal.counterpart.name, role: roleOfSide(soughtSide(life.input.kind)) });
    }
    return null;
  },
  apply(life, d) {
    if (d.decision === 'accept') t.acceptProposal(life, d.actor, d.candidateId);
    else t.declineProposal(life, d.actor, { candidateId: d.candidateId, category: d.category ?? 'other', ...(d.reason ? { reason: d.reason } : {}) });
  },
  form: {
    subject: { key: 'candidateId', kind: 'text' },
    variants: [
      { id: 'accept', set: { decision: 'accept' }, fields: [], style: 'primary' },
      {
        id: 'decline',
        set: { decision: 'decline' },
        fields: [
          { key: 'category', kind: 'choice', choices: DECLINE_CATEGORIES, required: true },
          { key: 'reason', kind: 'text' },
        ],
        style: 'danger',
      },
    ],
  },
});
