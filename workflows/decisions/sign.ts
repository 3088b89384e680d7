import { ActorSpec } from '../../domain/actor.ts';
import { SigningSpec } from '../../domain/event.ts';
import { object } from '../../domain/payload-spec.ts';
import { refusal } from '../../domain/refusals.ts';
import { isCoordinator } from '../../domain/rules.ts';
import * as t from '../transitions.ts';
import { defineDecision } from './decision.ts';

/**
 * A coordinator registers a contract signed on site at a docking event, for a partnership still in
 * matchmaking, negotiation or contracting. It is sent by the event's signing step (`event sign`),
 * not offered on cards, so it is not in the registry of DECISIONS.
 */
export const sign = defineDecision({
  name: 'sign',
  wireName: 'signOnSite',
  payload: object({ actor: ActorSpec, ...SigningSpec.fields }),
  stages: ['matchmaking', 'negotiation', 'contracting'],
  check: (_life, d) => (isCoordinator(d.actor) ? null : refusal('coordinators_only', { decision: 'sign', name: d.actor.name, role: d.actor.role })),
  apply(life, d) {
    const { actor, ...signing } = d;
    t.signOnSite(life, actor, signing);
  },
  form: { variants: [] },
});
