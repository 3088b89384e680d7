import { ActorSpec } from '../../domain/actor.ts';
import { milestonesField } from '../../domain/decision-forms.ts';
import { MilestonePlansSpec } from '../../domain/decision-payloads.ts';
import { object } from '../../domain/payload-spec.ts';
import { refusal } from '../../domain/refusals.ts';
import { speaksFor } from '../../domain/rules.ts';
import * as t from '../transitions.ts';
import { defineDecision, viewOf } from './decision.ts';

/**
 * Either party or a coordinator plans the milestones of a contract registered without them (one
 * signed on site at a docking event), with the same fields and checks as a contract's own.
 */
export const planMilestones = defineDecision({
  name: 'planMilestones',
  wireName: 'planMilestones',
  payload: object({ actor: ActorSpec, milestones: MilestonePlansSpec }),
  stages: ['milestones'],
  answers: 'plan_milestones',
  check(life, d) {
    const { milestones } = life.state;
    if (milestones.length > 0) return refusal('milestones_planned', { count: milestones.length });
    return speaksFor(viewOf(life), d.actor)
      ? null
      : refusal('not_a_party', { decision: 'planMilestones', name: d.actor.name, reference: life.input.reference });
  },
  apply(life, d) {
    t.planMilestones(life, d.actor, d.milestones);
  },
  form: { variants: [{ id: 'plan', set: {}, fields: [milestonesField], style: 'primary' }] },
});
