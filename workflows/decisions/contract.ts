import { ActorSpec } from '../../domain/actor.ts';
import { milestonesField } from '../../domain/decision-forms.ts';
import { ExpertsSpec, MilestonePlansSpec } from '../../domain/decision-payloads.ts';
import { date, number, object, oneOf, optional } from '../../domain/payload-spec.ts';
import { ContractIpTermsSpec } from '../../domain/ip.ts';
import { refusal } from '../../domain/refusals.ts';
import { speaksFor } from '../../domain/rules.ts';
import { CONTRACT_TYPES, isExpertService } from '../../domain/vocabulary.ts';
import * as t from '../transitions.ts';
import { defineDecision, viewOf } from './decision.ts';

const ContractRegistrationSpec = object(
  {
    actor: ActorSpec,
    type: oneOf(CONTRACT_TYPES),
    amountCny: number({ positive: true, max: 1e12 }),
    signedOn: date('expected the signing date as YYYY-MM-DD'),
    milestones: MilestonePlansSpec,
    /** The IP terms it states and its 技术合同认定登记 number, each optional. */
    ip: optional(ContractIpTermsSpec),
    experts: ExpertsSpec,
  },
  [
    {
      holds: (c) => c.experts === undefined || isExpertService(c.type),
      path: 'experts',
      message: 'experts are placed by a consulting (技术咨询) or service (技术服务) contract',
    },
  ],
);

/** Either party or a coordinator registers the signed contract: its type, amount, date, milestones and, for an expert service, the experts placed. */
export const contract = defineDecision({
  name: 'contract',
  wireName: 'registerContract',
  payload: ContractRegistrationSpec,
  stages: ['contracting'],
  answers: 'register_contract',
  askedIn: ['negotiation_agreed'],
  check: (life, d) =>
    speaksFor(viewOf(life), d.actor) ? null : refusal('not_a_party', { decision: 'contract', name: d.actor.name, reference: life.input.reference }),
  apply(life, d) {
    t.registerContract(life, d.actor, d);
  },
  form: {
    variants: [
      {
        id: 'contract',
        set: {},
        fields: [
          { key: 'type', kind: 'choice', choices: CONTRACT_TYPES, required: true },
          { key: 'amountCny', name: 'amount', kind: 'amount', required: true, hint: '1200000' },
          { key: 'signedOn', kind: 'date', required: true },
          milestonesField,
        ],
        style: 'primary',
      },
    ],
  },
});
