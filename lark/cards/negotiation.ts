import type { Language } from '../../notifications/content.ts';
import { WORDS } from '../../notifications/words.ts';
import { phrasesFor } from '../../notifications/bot-phrases.ts';
import { button, form, formScope, input, markdown, select, submitButton, type Element } from './elements.ts';
import { text, type Prefill } from './prefill.ts';

/**
 * Negotiation: propose terms (text and amount), agree to the latest round, or record that it
 * failed and whether to match again or close. Agreeing is offered once terms exist.
 */
export const negotiationSection = (reference: string, language: Language, options: { canAgree: boolean }, prefill: Prefill = {}): Element[] => {
  const p = phrasesFor(language);
  const w = WORDS[language];
  const terms = formScope(reference, 'terms');
  const failure = formScope(reference, 'fail');
  return [
    markdown(p.termsPrompt),
    form(terms, [
      input(terms, 'terms', w.label.terms, { required: true, multiline: true, initial: text(prefill, 'terms'), maxLength: 5000 }),
      input(terms, 'amount', p.amountCny, { initial: text(prefill, 'amount'), placeholder: '1200000' }),
      submitButton(terms, 'terms', p.proposeTerms, { v: 1, d: 'terms', ref: reference }),
    ]),
    ...(options.canAgree ? [button(p.agree, { v: 1, d: 'conclude', ref: reference, outcome: 'agreed' }, 'primary', { name: terms.name('agree') })] : []),
    markdown(p.failPrompt),
    form(failure, [
      select(failure, 'next', p.next, [
        { value: 'rematch', label: p.nextRematch },
        { value: 'close', label: p.nextClose },
      ], { required: true, initial: text(prefill, 'next') }),
      input(failure, 'reason', w.label.reason, { required: true, initial: text(prefill, 'reason') }),
      submitButton(failure, 'fail', p.fail, { v: 1, d: 'conclude', ref: reference, outcome: 'failed' }, 'danger'),
    ]),
  ];
};
