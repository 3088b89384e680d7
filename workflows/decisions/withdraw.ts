import { ActorSpec } from '../../domain/actor.ts';
import { Reason } from '../../domain/decision-payloads.ts';
import { object } from '../../domain/payload-spec.ts';
import { refusal } from '../../domain/refusals.ts';
import { mayWithdraw } from '../../domain/rules.ts';
import * as t from '../transitions.ts';
import { defineDecision, viewOf } from './decision.ts';

const WithdrawalSpec = object({ actor: ActorSpec, reason: Reason });

/** Anyone with a stake ends the partnership, with a reason, in any stage before it has ended. */
export const withdraw = defineDecision({
  name: 'withdraw',
  wireName: 'withdraw',
  payload: WithdrawalSpec,
  stages: 'open',
  check: (life, d) => (mayWithdraw(viewOf(life), d.actor) ? null : refusal('submitters_only', { decision: 'withdraw' })),
  apply(life, d) {
    t.withdraw(life, d.actor, d.reason);
  },
  form: { variants: [{ id: 'withdraw', set: {}, fields: [{ key: 'reason', kind: 'text', required: true }], style: 'danger' }] },
});
