import { ActorSpec, OnBehalfSpec } from '../../domain/actor.ts';
import { Reason } from '../../domain/decision-payloads.ts';
import { object, oneOf, optional } from '../../domain/payload-spec.ts';
import { refusal } from '../../domain/refusals.ts';
import { mayAgree, speaksFor } from '../../domain/rules.ts';
import { NEGOTIATION_NEXT } from '../../domain/vocabulary.ts';
import * as t from '../transitions.ts';
import { defineDecision, viewOf } from './decision.ts';

const NegotiationOutcomeSpec = object(
  { actor: ActorSpec, onBehalfOf: OnBehalfSpec, outcome: oneOf(['agreed', 'failed']), next: optional(oneOf(NEGOTIATION_NEXT)), reason: optional(Reason) },
  [
    { holds: (o) => o.outcome === 'agreed' || o.next !== undefined, path: 'next', message: 'a failed negotiation needs what comes next (rematch or close)' },
    { holds: (o) => o.outcome === 'agreed' || o.reason !== undefined, path: 'reason', message: 'a failed negotiation needs its reason' },
  ],
);

/** The negotiation ends: the latest terms are agreed (by the other party or a coordinator), or it failed and is matched again or closed. */
export const conclude = defineDecision({
  name: 'conclude',
  wireName: 'concludeNegotiation',
  payload: NegotiationOutcomeSpec,
  stages: ['negotiation'],
  answers: 'negotiate',
  askedIn: ['terms_proposed', 'proposal_accepted', 'negotiation_reminder', 'negotiation_overdue'],
  check(life, d) {
    const view = viewOf(life);
    if (!speaksFor(view, d.actor)) return refusal('not_a_party', { decision: 'conclude', name: d.actor.name, reference: life.input.reference });
    if (d.outcome !== 'agreed') return null;
    if (life.state.rounds.length === 0) return refusal('no_terms_yet', {});
    return mayAgree(view, d.actor) ? null : refusal('proposer_cannot_agree', {});
  },
  apply(life, d) {
    if (d.outcome === 'agreed') t.agreeTerms(life, d.actor);
    else t.failNegotiation(life, d.actor, d.next ?? 'close', d.reason ?? '');
  },
  form: {
    variants: [
      { id: 'agree', set: { outcome: 'agreed' }, fields: [], style: 'primary', offeredTo: mayAgree },
      {
        id: 'fail',
        set: { outcome: 'failed' },
        fields: [
          { key: 'next', kind: 'choice', choices: NEGOTIATION_NEXT, required: true },
          { key: 'reason', kind: 'text', required: true },
        ],
        style: 'danger',
      },
    ],
  },
});
