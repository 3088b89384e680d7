import { ActorSpec, OnBehalfSpec } from '../../domain/actor.ts';
import { Amount } from '../../domain/decision-payloads.ts';
import { object, optional, text } from '../../domain/payload-spec.ts';
import { refusal } from '../../domain/refusals.ts';
import { speaksFor } from '../../domain/rules.ts';
import * as t from '../transitions.ts';
import { defineDecision, viewOf } from './decision.ts';

const TermsProposalSpec = object({ actor: ActorSpec, onBehalfOf: OnBehalfSpec, terms: text(5000), amountCny: optional(Amount) });

/** Either party, or a coordinator, proposes terms: a new negotiation round. */
export const terms = defineDecision({
  name: 'terms',
  wireName: 'proposeTerms',
  payload: TermsProposalSpec,
  stages: ['negotiation'],
  answers: 'negotiate',
  askedIn: ['terms_proposed', 'proposal_accepted', 'negotiation_reminder', 'negotiation_overdue'],
  check: (life, d) =>
    speaksFor(viewOf(life), d.actor) ? null : refusal('not_a_party', { decision: 'terms', name: d.actor.name, reference: life.input.reference }),
  apply(life, d) {
    const side = speaksFor(viewOf(life), d.actor);
    if (side) t.proposeTerms(life, d.actor, side, d.terms, d.amountCny);
  },
  form: {
    variants: [
      {
        id: 'terms',
        set: {},
        fields: [
          { key: 'terms', kind: 'longText', required: true },
          { key: 'amountCny', name: 'amount', kind: 'amount', hint: '1200000' },
        ],
        style: 'primary',
      },
    ],
  },
});
