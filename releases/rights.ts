import { rightFromNumber, type IpRight, type IpRightKind, type IpRightStatus } from '../domain/ip.ts';
import type { Parsed } from './columns.ts';
import type { Language } from './report.ts';
import { closest, lengthOf, valueKey } from './text.ts';
import { formsOf, IP_RIGHT_KIND_VOCABULARY, IP_RIGHT_STATUS_VOCABULARY, labelOf, type VocabularyEntry } from './vocabularies.ts';
import { wordsFor } from './words.ts';

type Annotation = { readonly kind: IpRightKind } | { readonly status: IpRightStatus };

const ANNOTATIONS = new Map<string, Annotation>([
  ...IP_RIGHT_KIND_VOCABULARY.entries.flatMap((entry) => formsOf(entry).map((form) => [valueKey(form), { kind: entry.value }] as const)),
  ...IP_RIGHT_STATUS_VOCABULARY.entries.flatMap((entry) => formsOf(entry).map((form) => [valueKey(form), { status: entry.value }] as const)),
]);
const WORDS: readonly VocabularyEntry[] = [...IP_RIGHT_KIND_VOCABULARY.entries, ...IP_RIGHT_STATUS_VOCABULARY.entries];

/** After NFKC: what separates rights (outside brackets), and what separates the words of one right. */
const BETWEEN_RIGHTS = new Set(['、', ',', ';', '/', '\n', '\r']);
const WITHIN_RIGHT = /[\s,;、/()[\]【】]+/;

/** The cell's rights, one text each: split on list separators, except inside brackets. */
const splitRights = (text: string): string[] => {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if ('([【'.includes(char)) depth++;
    if (')]】'.includes(char)) depth = Math.max(0, depth - 1);
    if (depth === 0 && BETWEEN_RIGHTS.has(char)) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  return [...parts, current].filter((part) => part.trim());
};

/**
 * A cell of rights: numbers, each with its kind and status beside it if the row says them, as in
 * `ZL202010123456.7（发明专利，已授权）、2021SR0123456`. What a right does not say is read from its
 * number (domain/ip.ts). A number holds at least one digit; a word that is neither a number nor a
 * kind or status is named with the closest kind or status.
 */
export const readRights =
  (itemMax: number) =>
  (typed: string, language: Language): Parsed<readonly IpRight[]> => {
    const words = wordsFor(language);
    const rights = new Map<string, IpRight>();
    for (const part of splitRights(typed.normalize('NFKC'))) {
      const numbers: string[] = [];
      const annotations: Annotation[] = [];
      for (const token of part.split(WITHIN_RIGHT).filter(Boolean)) {
        const annotation = ANNOTATIONS.get(valueKey(token));
        if (annotation) annotations.push(annotation);
        else if (/\d/.test(token)) numbers.push(token);
        else {
          const suggestion = closest(token, WORDS, formsOf);
          return {
            ok: false,
            message: words.notChoice(
              token,
              suggestion && labelOf(suggestion, language),
              WORDS.map((entry) => labelOf(entry, language)),
            ),
          };
        }
      }
      if (numbers.length === 0) return { ok: false, message: words.rightWithoutNumber(part.trim()) };
      for (const number of numbers) {
        if (lengthOf(number) > itemMax) return { ok: false, message: words.itemTooLong(number, itemMax, lengthOf(number)) };
        const right = annotations.reduce<IpRight>((annotated, annotation) => ({ ...annotated, ...annotation }), rightFromNumber(number));
        if (!rights.has(right.number)) rights.set(right.number, right);
      }
    }
    return { ok: true, value: [...rights.values()] };
  };
