/** Full-width to half-width, lower case: so 'ＣＨＯ' and 'cho' are one token. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

const MEANINGFUL = /[\p{Script=Han}\p{L}\p{N}]/u;

/** True when the token carries letters, digits or Han characters (not punctuation or spaces). */
export function isMeaningful(token: string): boolean {
  return MEANINGFUL.test(token);
}
