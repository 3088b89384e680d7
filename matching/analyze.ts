import type { QueryCovers, WeightedQuery } from './bm25.ts';
import { CONCEPT_MAP, type Concept, type ConceptMap } from './concepts/index.ts';
import { conceptTerms, createConceptDetector, type ConceptDetector, type ConceptHit } from './concepts/detect.ts';
import type { EngineConfig } from './config.ts';
import { requiredMaturity } from './features/maturity.ts';
import { demandedSolution, offeredSolution, type SolutionType } from './features/solution-type.ts';
import type { Achievement, Demand } from './schema.ts';
import { bigramTokens } from './text/bigrams.ts';
import { characterTokens } from './text/characters.ts';
import { createWordTokenizer, type Tokenizer } from './text/segmenter.ts';

/** One side of a pair, ready for scoring: its index tokens, its query and its concepts. */
export interface Analysis {
  /** Tokens to index, important fields repeated. */
  readonly tokens: readonly string[];
  /** Query for the other side's index, expanded with the other language's concept terms. */
  readonly query: WeightedQuery;
  /** Query terms inside the query's own words, so that a word shared whole counts once (bm25.ts). */
  readonly coveredBy: QueryCovers;
  readonly concepts: ReadonlyMap<string, ConceptHit>;
  /** The kind of solution the item asks for (demand) or offers (achievement). */
  readonly solution: SolutionType;
  /** Distinct words of its own text (not expansion terms): how much the item says. */
  readonly contentTerms: number;
  /** Single characters of its text, for the segmentation-free view (rerank.ts). */
  readonly characters: readonly string[];
}

/** A demand's analysis also records the maturity it needs. */
export interface DemandAnalysis extends Analysis {
  readonly requiredMaturity: number;
}

export interface Analyzer {
  achievement(achievement: Achievement): Analysis;
  demand(demand: Demand): DemandAnalysis;
}

/** How often a title (or keyword list) is repeated relative to the body when field weighting is on. */
const TITLE_REPEAT = 2;
const KEYWORD_REPEAT = 2;
/** Weight of an expansion term relative to a word the text itself uses. */
const EXPANSION_WEIGHT = 0.35;
/** Weight of a character bigram relative to a word. */
const BIGRAM_WEIGHT = 0.15;
/** Bigram tokens live in their own namespace, so a two-character word is not counted twice. */
const BIGRAM_MARK = '\u0002';

/**
 * The query terms written inside the text's own words, each with the words it lies inside: the
 * sub-words jieba's search mode emits beside a compound (耐磨涂层 → 耐磨, 涂层) and the character
 * bigrams within a word. A document sharing the whole word would otherwise be paid for one shared
 * phrase three or four times, which lifts a neighbour that repeats a demand's setting word for word
 * (焊接机器人 for a demand about robot welds going off the seam) over the result that answers its
 * problem in other words.
 */
function coveredTerms(ownWords: ReadonlySet<string>, query: WeightedQuery): QueryCovers {
  const coveredBy = new Map<string, string[]>();
  const cover = (term: string, word: string) => {
    const words = coveredBy.get(term);
    if (!words) coveredBy.set(term, [word]);
    else if (!words.includes(word)) words.push(word);
  };
  for (const word of ownWords) {
    // Bigram tokens are two characters, or a whole Latin word or lone character (text/bigrams.ts).
    if (query.has(BIGRAM_MARK + word)) cover(BIGRAM_MARK + word, word);
    for (let start = 0; start < word.length; start++) {
      for (let end = start + 1; end <= word.length; end++) {
        if (end - start === word.length) continue;
        const piece = word.slice(start, end);
        if (query.has(piece)) cover(piece, word);
        if (piece.length === 2 && query.has(BIGRAM_MARK + piece)) cover(BIGRAM_MARK + piece, word);
      }
    }
  }
  return coveredBy;
}

const perMap = new WeakMap<ConceptMap, { detect: ConceptDetector; words?: Tokenizer }>();
/** One detector and one jieba instance per concept map: loading the dictionary is the slow part. */
function toolsFor(map: ConceptMap) {
  let tools = perMap.get(map);
  if (!tools) perMap.set(map, (tools = { detect: createConceptDetector(map) }));
  return tools;
}

/**
 * Builds the text analysis both directions of ranking share. The concept map is
 * replaceable so the evaluation can hold an industry family's knowledge out.
 */
export function createAnalyzer(config: EngineConfig, map: ConceptMap = CONCEPT_MAP): Analyzer {
  const tools = toolsFor(map);
  const detectConcepts = tools.detect;
  const tokenize = config.wordSegmentation ? (tools.words ??= createWordTokenizer(conceptTerms(map))) : bigramTokens;
  const repeat = (tokens: string[], times: number) => (config.fieldWeighting ? Array<string[]>(times).fill(tokens).flat() : tokens);

  const expansions = new Map<string, string[]>();
  const expansionTokens = (concept: Concept, side: 'methods' | 'symptoms') => {
    const key = `${concept.id}:${side}`;
    let tokens = expansions.get(key);
    if (!tokens) expansions.set(key, (tokens = concept[side].flatMap(tokenize)));
    return tokens;
  };

  const synonymTokens = (words: readonly string[]) => [...new Set(words)].flatMap((word) => (map.synonyms?.get(word) ?? []).flatMap(tokenize));

  const withBigrams = config.wordSegmentation && config.characterBigrams;
  const analyse = (weighted: string[], fullText: string, expandWith: 'methods' | 'symptoms', solution: SolutionType): Analysis => {
    const concepts = detectConcepts(fullText);
    const query = new Map<string, number>();
    const bigrams = withBigrams ? bigramTokens(fullText).map((token) => BIGRAM_MARK + token) : [];
    for (const token of bigrams) query.set(token, BIGRAM_WEIGHT);
    if (config.queryExpansion) {
      for (const { concept } of concepts.values()) {
        for (const token of expansionTokens(concept, expandWith)) query.set(token, EXPANSION_WEIGHT);
      }
      for (const token of map.synonyms ? synonymTokens(weighted) : []) query.set(token, EXPANSION_WEIGHT);
    }
    for (const token of weighted) query.set(token, 1);
    const ownWords = new Set(weighted);
    return {
      tokens: bigrams.length > 0 ? [...weighted, ...bigrams] : weighted,
      query,
      coveredBy: config.overlapCountsOnce ? coveredTerms(ownWords, query) : new Map(),
      concepts,
      solution,
      contentTerms: ownWords.size,
      characters: characterTokens(fullText),
    };
  };

  return {
    achievement(a) {
      const tokens = [...repeat(tokenize(a.title), TITLE_REPEAT), ...repeat(a.keywords.flatMap(tokenize), KEYWORD_REPEAT), ...tokenize(a.summary)];
      const text = [a.title, a.keywords.join('、'), a.summary].join('\n');
      return analyse(tokens, text, 'symptoms', offeredSolution(a.title));
    },
    demand(d) {
      const tokens = [...repeat(tokenize(d.title), TITLE_REPEAT), ...tokenize(d.description)];
      const text = `${d.title}\n${d.description}`;
      return {
        ...analyse(tokens, text, 'methods', demandedSolution(d.description)),
        requiredMaturity: requiredMaturity(d.cooperationModes, text),
      };
    },
  };
}
