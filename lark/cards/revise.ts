import type { Language } from '../../notifications/content.ts';
import type { PartnershipStatus } from '../../workflows/state.ts';
import { phrasesFor } from '../../notifications/bot-phrases.ts';
import { form, formScope, input, markdown, submitButton, type Element } from './elements.ts';
import { text, type Prefill } from './prefill.ts';

/** Changes requested: the submitter revises title and summary and says what changed. */
export const reviseSection = (status: Pick<PartnershipStatus, 'reference' | 'title'> & { readonly summary?: string }, language: Language, prefill: Prefill = {}): Element[] => {
  const p = phrasesFor(language);
  const scope = formScope(status.reference, 'revise');
  return [
    markdown(p.revisePrompt),
    form(scope, [
      input(scope, 'title', p.fieldTitle, { initial: text(prefill, 'title') ?? status.title }),
      input(scope, 'summary', p.fieldSummary, { multiline: true, initial: text(prefill, 'summary') ?? status.summary, maxLength: 5000 }),
      input(scope, 'note', p.note, { required: true, initial: text(prefill, 'note') }),
      submitButton(scope, 'revise', p.revise, { v: 1, d: 'revise', ref: status.reference }),
    ]),
  ];
};
