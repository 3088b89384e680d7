import { isMeaningful, normalizeText } from './normalize.ts';

const HAN_RUN = /\p{Script=Han}+|[a-z0-9]+/gu;

/**
 * Character bigrams of each Han run (single characters stay as they are) and whole
 * Latin/digit words: the segmentation-free tokenizer of the plain BM25 baseline.
 */
export function bigramTokens(text: string): string[] {
  const tokens: string[] = [];
  for (const [run] of normalizeText(text).matchAll(HAN_RUN)) {
    if (!isMeaningful(run)) continue;
    if (!/\p{Script=Han}/u.test(run) || run.length < 2) {
      tokens.push(run);
      continue;
    }
    for (let i = 0; i + 1 < run.length; i++) tokens.push(run.slice(i, i + 2));
  }
  return tokens;
}
