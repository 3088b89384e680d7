import { CONTRACT_TYPES } from '../../domain/vocabulary.ts';
import type { Language } from '../../notifications/content.ts';
import { eventPhrasesFor } from '../../notifications/event-phrases.ts';
import { formatAmount } from '../../notifications/format.ts';
import { WORDS } from '../../notifications/words.ts';
import type { EventValue } from './action-value.ts';
import { card } from './card.ts';
import { button, buttonRow, datePicker, escapeMarkdown as e, form, formScope, input, markdown, select, submitButton, type Card } from './elements.ts';
import { text, type Prefill } from './prefill.ts';

export interface SignEvent {
  readonly id: string;
  readonly name: string;
}

const title = (event: SignEvent, language: Language): string => {
  const p = eventPhrasesFor(language);
  return p.signTitle(p.eventLabel(event.name, event.id));
};

/**
 * 签约 EVENT: the signing on site as one form (demand or achievement, the two parties, contract
 * type, amount, date), the date set to `today`. Shown again with the problems named and what
 * was typed kept, until it registers.
 */
export const signFormCard = (event: SignEvent, language: Language, options: { today: string; prefill?: Prefill; problems?: readonly string[] }): Card => {
  const p = eventPhrasesFor(language);
  const prefill = options.prefill ?? {};
  const scope = formScope('event-sign', event.id);
  const value: EventValue = { v: 1, d: 'event', op: 'sign', event: event.id };
  const problems = options.problems ?? [];
  return card(title(event, language), problems.length > 0 ? 'orange' : 'blue', [
    markdown([p.signIntro, ...problems.map((problem) => `⚠️ ${e(problem)}`)].join('\n')),
    form(scope, [
      select(
        scope,
        'kind',
        p.subjectKind,
        (['demand', 'achievement'] as const).map((kind) => ({ value: kind, label: p.kinds[kind] })),
        { required: true, initial: text(prefill, 'kind') ?? 'demand' },
      ),
      input(scope, 'subject', p.subject, { required: true, initial: text(prefill, 'subject') }),
      input(scope, 'university', p.university, { initial: text(prefill, 'university') }),
      input(scope, 'enterprise', p.enterprise, { initial: text(prefill, 'enterprise') }),
      select(
        scope,
        'type',
        p.contractType,
        CONTRACT_TYPES.map((type) => ({ value: type, label: WORDS[language].contractType[type] })),
        { required: true, initial: text(prefill, 'type') },
      ),
      input(scope, 'amount', p.amount, { required: true, initial: text(prefill, 'amount'), placeholder: '1200000' }),
      datePicker(scope, 'signedOn', p.signedOn, { required: true, initial: text(prefill, 'signedOn')?.slice(0, 10) ?? options.today }),
      submitButton(scope, 'sign', p.signSubmit, value),
    ]),
  ]);
};

export interface SignedOnSite {
  readonly reference: string;
  readonly subjectTitle: string;
  readonly counterpart: string;
  readonly type: (typeof CONTRACT_TYPES)[number];
  readonly amountCny: number;
  readonly signedOn: string;
}

/** The signing registered: its partnership, the contract, and a button for the next one. */
export const signedCard = (event: SignEvent, signed: SignedOnSite, language: Language): Card => {
  const p = eventPhrasesFor(language);
  const words = WORDS[language];
  return card(p.signedTitle, 'green', [
    markdown(
      [
        p.signed(signed.reference),
        `${words.quote(e(signed.subjectTitle))} · ${e(signed.counterpart)}`,
        `${words.contractType[signed.type]} · ${formatAmount(signed.amountCny, language)} · ${signed.signedOn}`,
      ].join('\n'),
    ),
    buttonRow([
      button(p.signAnother, { v: 1, d: 'event', op: 'sign_form', event: event.id }, 'primary'),
      button(p.backToEvent, { v: 1, d: 'event', op: 'overview', event: event.id }),
    ]),
  ]);
};
