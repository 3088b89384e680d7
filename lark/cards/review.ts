import type { Language } from '../../notifications/content.ts';
import { WORDS } from '../../notifications/words.ts';
import { phrasesFor } from '../../notifications/bot-phrases.ts';
import { buttonRow, form, formScope, input, markdown, submitButton, type Element } from './elements.ts';
import { text, type Prefill } from './prefill.ts';

/** Review: approve, reject with a reason, or request changes (the reason goes in the comment). */
export const reviewSection = (reference: string, language: Language, prefill: Prefill = {}): Element[] => {
  const p = phrasesFor(language);
  const scope = formScope(reference, 'review');
  const value = (decision: 'approve' | 'reject' | 'request_changes') => ({ v: 1 as const, d: 'review' as const, ref: reference, decision });
  return [
    markdown(p.reviewPrompt),
    form(scope, [
      input(scope, 'comment', WORDS[language].label.comment, { multiline: true, initial: text(prefill, 'comment') }),
      buttonRow([
        submitButton(scope, 'approve', p.approve, value('approve'), 'primary'),
        submitButton(scope, 'changes', p.requestChanges, value('request_changes'), 'default'),
        submitButton(scope, 'reject', p.reject, value('reject'), 'danger'),
      ]),
    ]),
  ];
};
