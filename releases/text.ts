/** Full-width forms to ASCII (（）→ (), Ａ → A, full-width spaces), so what Excel users type matches. */
const fold = (text: string): string => text.normalize('NFKC');

/** A heading as compared: folded, lower-case, without spaces, a required marker or a trailing colon. */
export const headingKey = (text: string): string =>
  fold(text)
    .toLowerCase()
    .replace(/[\s*:]+/g, '')
    .replace(/[_-]/g, '');

/** A value as compared with a list's entries: folded, lower-case, without spaces or joiners. */
export const valueKey = (text: string): string =>
  fold(text)
    .toLowerCase()
    .replace(/[\s_\-.·]+/g, '');

/** Multi-value cells: 、，,;；/ and line breaks separate values. */
const SEPARATORS = /[、，,;；/／\r\n]+/;

export const splitValues = (text: string): string[] =>
  text
    .split(SEPARATORS)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);

/** Characters as a person counts them (an emoji or a rare 汉字 outside the BMP is one). */
export const lengthOf = (text: string): number => [...text].length;

/** Levenshtein distance over characters. */
export const editDistance = (a: string, b: string): number => {
  const left = [...a];
  const right = [...b];
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (const [i, charA] of left.entries()) {
    const current = [i + 1];
    for (const [j, charB] of right.entries()) {
      current.push(Math.min(previous[j + 1]! + 1, current[j]! + 1, previous[j]! + (charA === charB ? 0 : 1)));
    }
    previous = current;
  }
  return previous[right.length]!;
};

/**
 * The candidate closest to `typed`, if it is close enough to be a slip: one contains the other,
 * or they differ in at most a third of the characters.
 */
export const closest = <T>(typed: string, candidates: readonly T[], formsOf: (candidate: T) => readonly string[]): T | undefined => {
  const key = valueKey(typed);
  if (!key) return undefined;
  let best: { candidate: T; score: number } | undefined;
  for (const candidate of candidates) {
    for (const form of formsOf(candidate)) {
      const other = valueKey(form);
      if (!other) continue;
      const contained = Math.min(lengthOf(key), lengthOf(other)) >= 2 && (other.includes(key) || key.includes(other));
      const distance = editDistance(key, other);
      const allowed = Math.max(1, Math.floor(Math.max(lengthOf(key), lengthOf(other)) / 3));
      if (!contained && distance > allowed) continue;
      const score = contained ? Math.abs(lengthOf(key) - lengthOf(other)) / 10 : distance;
      if (!best || score < best.score) best = { candidate, score };
    }
  }
  return best?.candidate;
};
