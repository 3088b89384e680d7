import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { isMeaningful, normalizeText } from './normalize.ts';
import { STOPWORDS } from './stopwords.ts';

export type Tokenizer = (text: string) => string[];

/**
 * Frequency given to domain terms in the segmenter dictionary. jieba weighs a cut by its words'
 * frequencies over the dictionary's total (60 million), so terms at a high frequency swell that total
 * and change how all other text is cut, more with every concept added: 5,000 terms at 50,000 each
 * outweighed the whole dictionary four times (好几天才知道 came out 好几 / 天才). At 100 they add under
 * 1%, and a term still beats a split into its parts (half the dictionary's words have a frequency of 3 or less).
 */
const DOMAIN_TERM_FREQUENCY = 100;

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
