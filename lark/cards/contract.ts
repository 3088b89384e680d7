import type { Language } from '../../notifications/content.ts';
import { CONTRACT_TYPES } from '../../domain/vocabulary.ts';
import { WORDS } from '../../notifications/words.ts';
import { phrasesFor } from '../../notifications/bot-phrases.ts';
import { datePicker, form, formScope, input, markdown, select, submitButton, type Element } from './elements.ts';
import { text, type Prefill } from './prefill.ts';

/** Contract registration: type, amount, signing date and the milestones, one per line. */
export const contractSection = (reference: string, language: Language, prefill: Prefill = {}): Element[] => {
  const p = phrasesFor(language);
  const w = WORDS[language];
  const scope = formScope(reference, 'contract');
  return [
    markdown(p.contractPrompt),
    form(scope, [
      select(scope, 'type', w.label.contractType, CONTRACT_TYPES.map((t) => ({ value: t, label: w.contractType[t] })), {
        required: true,
        initial: text(prefill, 'type'),
      }),
      input(scope, 'amount', p.amountCny, { required: true, initial: text(prefill, 'amount'), placeholder: '1200000' }),
      datePicker(scope, 'signedOn', w.label.signedOn, { required: true, initial: text(prefill, 'signedOn')?.slice(0, 10) }),
      input(scope, 'milestones', p.milestones, { required: true, multiline: true, placeholder: p.milestonesPlaceholder, initial: text(prefill, 'milestones'), maxLength: 5000 }),
      submitButton(scope, 'contract', p.registerContract, { v: 1, d: 'contract', ref: reference }),
    ]),
  ];
};
