import { isMeaningful, normalizeText } from './normalize.ts';

const TOKEN = /\p{Script=Han}|[a-z0-9]+/gu;

/** Single Han characters and whole Latin/digit words of a text. */
export function characterTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const [token] of normalizeText(text).matchAll(TOKEN)) if (isMeaningful(token)) tokens.push(token);
  return tokens;
}
