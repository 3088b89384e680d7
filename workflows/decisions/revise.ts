import { ActorSpec } from '../../domain/actor.ts';
import { object, optional, text } from '../../domain/payload-spec.ts';
import { refusal } from '../../domain/refusals.ts';
import { speaksForSubmission } from '../../domain/rules.ts';
import * as t from '../transitions.ts';
import { defineDecision, viewOf } from './decision.ts';

const RevisionSpec = object({ actor: ActorSpec, title: optional(text(200)), summary: optional(text(5000)), note: text(2000) });

/** After changes were requested: the submitting side (or a coordinator) revises title and summary and says what changed. */
export const revise = defineDecision({
  name: 'revise',
  wireName: 'revise',
  payload: RevisionSpec,
  stages: ['intake'],
  answers: 'revise',
  askedIn: ['changes_requested', 'revision_reminder'],
  check: (life, d) => (speaksForSubmission(viewOf(life), d.actor) ? null : refusal('submitters_only', { decision: 'revise' })),
  apply(life, d) {
    t.revise(life, d.actor, d);
  },
  form: {
    variants: [
      {
        id: 'revise',
        set: {},
        fields: [
          { key: 'title', kind: 'text', current: 'title' },
          { key: 'summary', kind: 'longText', current: 'summary' },
          { key: 'note', kind: 'text', required: true },
        ],
        style: 'primary',
      },
    ],
  },
});
