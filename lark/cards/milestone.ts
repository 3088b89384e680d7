import type { Language } from '../../notifications/content.ts';
import { formatTime } from '../../notifications/format.ts';
import { WORDS } from '../../notifications/words.ts';
import { phrasesFor } from '../../notifications/bot-phrases.ts';
import { escapeMarkdown as e, form, formScope, input, markdown, submitButton, type Element } from './elements.ts';
import { text, type Prefill } from './prefill.ts';

export interface MilestoneView {
  readonly reference: string;
  readonly seq: number;
  readonly title: string;
  readonly dueAt?: string | undefined;
}

/** A milestone to mark done, with the link to its evidence (acceptance report, payment slip…). */
export const milestoneSection = (milestone: MilestoneView, language: Language, prefill: Prefill = {}): Element[] => {
  const p = phrasesFor(language);
  const scope = formScope(milestone.reference, 'milestone', milestone.seq);
  return [
    markdown(`${e(p.milestonePrompt(milestone.seq, milestone.title))}${milestone.dueAt ? `（${WORDS[language].label.due} ${formatTime(milestone.dueAt, language)}）` : ''}`),
    form(scope, [
      input(scope, 'evidenceUrl', p.evidenceUrl, { required: true, placeholder: 'https://', initial: text(prefill, 'evidenceUrl') }),
      submitButton(scope, 'done', p.markDone, { v: 1, d: 'milestone', ref: milestone.reference, milestone: milestone.seq }),
    ]),
  ];
};
