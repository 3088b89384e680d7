import type { Language } from './content.ts';
import { formatAmount, formatWhen } from './format.ts';
import { WORDS, type Phrasebook } from './words.ts';

/** Everything a template needs to say something in the reader's language. */
export interface Wording {
  readonly language: Language;
  readonly words: Phrasebook;
  /** Picks the sentence for the reader's language. */
  say(zh: string, en: string): string;
  /** An ISO instant (or date) in Beijing time. */
  when(iso: string): string;
  amount(amountCny: number): string;
  quote(text: string): string;
}

export const wordingFor = (language: Language): Wording => {
  const words = WORDS[language];
  return {
    language,
    words,
    say: (zh, en) => (language === 'zh' ? zh : en),
    when: (iso) => formatWhen(iso, language),
    amount: (amountCny) => formatAmount(amountCny, language),
    quote: words.quote,
  };
};

/** "3 candidates" / "1 candidate": English needs the plural, Chinese has none. */
export const count = (n: number, singular: string, plural = `${singular}s`): string => `${n} ${n === 1 ? singular : plural}`;
