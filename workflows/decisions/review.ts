import { ActorSpec } from '../../domain/actor.ts';
import { object, oneOf, optional, text } from '../../domain/payload-spec.ts';
import type { FormField } from '../../domain/decision-forms.ts';
import { refusal } from '../../domain/refusals.ts';
import { isCoordinator } from '../../domain/rules.ts';
import * as t from '../transitions.ts';
import { defineDecision } from './decision.ts';

const comment: FormField = { key: 'comment', kind: 'longText' };

const ReviewDecisionSpec = object({ actor: ActorSpec, decision: oneOf(['approve', 'reject', 'request_changes']), comment: optional(text(2000)) }, [
  { holds: (d) => d.decision === 'approve' || d.comment !== undefined, path: 'comment', message: 'a reason is required to reject or request changes' },
]);

/** A coordinator approves a submission, rejects it, or sends it back for changes (a reason is required for both). */
export const review = defineDecision({
  name: 'review',
  wireName: 'review',
  payload: ReviewDecisionSpec,
  stages: ['review'],
  answers: 'review',
  askedIn: ['review_requested', 'review_reminder'],
  check: (_life, d) => (isCoordinator(d.actor) ? null : refusal('coordinators_only', { decision: 'review', name: d.actor.name, role: d.actor.role })),
  apply(life, d) {
    if (d.decision === 'approve') t.approve(life, d.actor, d.comment);
    else if (d.decision === 'reject') t.reject(life, d.actor, d.comment ?? '');
    else t.requestChanges(life, d.actor, d.comment ?? '');
  },
  form: {
    variants: [
      { id: 'approve', set: { decision: 'approve' }, fields: [comment], style: 'primary' },
      { id: 'changes', set: { decision: 'request_changes' }, fields: [comment] },
      { id: 'reject', set: { decision: 'reject' }, fields: [comment], style: 'danger' },
    ],
  },
});
