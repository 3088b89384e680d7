import { ActorSpec, OnBehalfSpec } from '../../domain/actor.ts';
import { link, number, object, optional } from '../../domain/payload-spec.ts';
import { Amount } from '../../domain/decision-payloads.ts';
import { refusal } from '../../domain/refusals.ts';
import { mayCompleteMilestone } from '../../domain/rules.ts';
import * as t from '../transitions.ts';
import { defineDecision, viewOf } from './decision.ts';

const MilestoneCompletionSpec = object({
  actor: ActorSpec,
  onBehalfOf: OnBehalfSpec,
  milestone: number({ integer: true, positive: true }),
  evidenceUrl: link('expected an http(s) link to the evidence'),
  /** For a payment milestone: the amount actually received. */
  receivedCny: optional(Amount),
});

/** The responsible party (or a coordinator) marks a contract milestone done, with a link to the evidence. */
export const milestone = defineDecision({
  name: 'milestone',
  wireName: 'completeMilestone',
  payload: MilestoneCompletionSpec,
  stages: ['milestones'],
  answers: 'complete_milestone',
  askedIn: ['milestone_due_soon', 'milestone_due_today', 'milestone_overdue'],
  check(life, d) {
    const { milestones } = life.state;
    const found = milestones.find((m) => m.seq === d.milestone);
    if (!found) return refusal('no_such_milestone', { milestone: d.milestone, count: milestones.length });
    if (found.done) return refusal('milestone_done', { milestone: d.milestone });
    return mayCompleteMilestone(viewOf(life), found.responsible, d.actor)
      ? null
      : refusal('milestone_not_yours', { milestone: d.milestone, responsible: found.responsible });
  },
  apply(life, d) {
    t.completeMilestone(life, d.actor, d.milestone, d.evidenceUrl, d.receivedCny);
  },
  form: {
    subject: { key: 'milestone', kind: 'number' },
    variants: [
      {
        id: 'done',
        set: {},
        fields: [
          { key: 'evidenceUrl', kind: 'text', required: true, hint: 'https://' },
          { key: 'receivedCny', name: 'received', kind: 'amount', hint: '600000' },
        ],
        style: 'primary',
      },
    ],
  },
});
