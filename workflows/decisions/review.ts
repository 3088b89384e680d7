import { ReviewDecisionSchema } from '../../domain/decision-payloads.ts';
import type { FormField } from '../../domain/decision-forms.ts';
import { refusal } from '../../domain/refusals.ts';
import { isCoordinator } from '../../domain/rules.ts';
import * as t from '../transitions.ts';
import { defineDecision } from './decision.ts';

const comment: FormField = { key: 'comment', kind: 'longText' };

/** A coordinator approves a submission, rejects it, or sends it back for changes (a reason is required for both). */
export const review = defineDecision({
  name: 'review',
  wireName: 'review',
  payload: ReviewDecisionSchema,
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
