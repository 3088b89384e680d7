import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { isMeaningful, normalizeText } from './normalize.ts';
import { STOPWORDS } from './stopwords.ts';

export type Tokenizer = (text: string) => string[];

/** Frequency given to domain terms in the segmenter dictionary: high enough to keep them whole. */
const DOMAIN_TERM_FREQUENCY = 50_000;

/** Segmenters by their user dictionary: loading jieba's dictionary costs tens of milliseconds, and every rebuilt index asks again for the same one. */
const segmenters = new Map<string, Jieba>();

const segmenterFor = (userDict: string): Jieba => {
  let jieba = segmenters.get(userDict);
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    if (userDict) jieba.loadDict(Buffer.from(userDict));
    segmenters.set(userDict, jieba);
  }
  return jieba;
};

/**
 * Word tokenizer backed by jieba (bundled dictionary, nothing downloaded), with the
 * domain lexicon added so terms such as 高铬铸铁 survive segmentation. Search mode
 * also emits the sub-words of long words (耐磨涂层 → 耐磨, 涂层, 耐磨涂层), which lets
 * a demand's short word meet an achievement's compound one.
 */
export function createWordTokenizer(domainTerms: readonly string[]): Tokenizer {
  const userDict = [...new Set(domainTerms.map(normalizeText))]
    .filter((term) => term.length > 1 && !/\s/.test(term))
    .map((term) => `${term} ${DOMAIN_TERM_FREQUENCY}`)
    .join('\n');
  const jieba = segmenterFor(userDict);
  return (text) =>
    jieba.cutForSearch(normalizeText(text), true).filter((token) => isMeaningful(token) && !STOPWORDS.has(token) && !/^\d+(\.\d+)?$/.test(token));
}
