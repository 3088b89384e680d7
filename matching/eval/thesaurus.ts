import { readFileSync } from 'node:fs';

/** Larger synonym groups of a thesaurus are loose (many near-senses of a common word) and only add noise. */
const MAX_GROUP = 12;

/**
 * Reads a thesaurus in the Cilin (同义词词林扩展版) line format, `Aa01A01= 人 士 人物 …`, as shipped by
 * HanLP's portable jar (`data/dictionary/synonym/CoreSynonym.txt`) and several PyPI packages. Only `=`
 * groups (true synonyms) are used, not `#` (related words of a class) or `@` (a word alone).
 */
export function readCilin(path: string): Map<string, string[]> {
  return synonymsOf(linesOf(path).flatMap(([code, ...words]) => (code?.endsWith('=') ? [words] : [])));
}

/** Reads a thesaurus of one synonym group per line, words separated by spaces (cnsyn's `sim_words.txt`). */
export function readGroups(path: string): Map<string, string[]> {
  return synonymsOf(linesOf(path));
}

function linesOf(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\n')
    .map((line) => line.trim().split(/\s+/).filter(Boolean));
}

/** Word → the other words of its groups; words of one character are too ambiguous to expand. */
function synonymsOf(groups: readonly string[][]): Map<string, string[]> {
  const synonyms = new Map<string, string[]>();
  for (const words of groups) {
    const usable = words.filter((word) => word.length >= 2);
    if (usable.length < 2 || usable.length > MAX_GROUP) continue;
    for (const word of usable) synonyms.set(word, [...(synonyms.get(word) ?? []), ...usable.filter((other) => other !== word)]);
  }
  return synonyms;
}
