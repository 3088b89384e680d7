import type { Language } from '../../notifications/content.ts';
import { WORDS } from '../../notifications/words.ts';
import { phrasesFor } from '../../notifications/bot-phrases.ts';
import { form, formScope, input, markdown, submitButton, type Element } from './elements.ts';
import { text, type Prefill } from './prefill.ts';

/** Withdrawal, with its reason: ends the partnership. */
export const withdrawSection = (reference: string, language: Language, prefill: Prefill = {}): Element[] => {
  const p = phrasesFor(language);
  const scope = formScope(reference, 'withdraw');
  return [
    markdown(p.withdrawPrompt),
    form(scope, [
      input(scope, 'reason', WORDS[language].label.reason, { required: true, initial: text(prefill, 'reason') }),
      submitButton(scope, 'withdraw', p.withdraw, { v: 1, d: 'withdraw', ref: reference }, 'danger'),
    ]),
  ];
};
