/** Query term → weight (1 for the query's own words, less for expansion terms). */
export type WeightedQuery = ReadonlyMap<string, number>;

/** Query terms written inside the query's own words (sub-words, character bigrams), each with the words it lies inside. */
export type QueryCovers = ReadonlyMap<string, readonly string[]>;

export interface Bm25Index {
  readonly size: number;
  /** Inverse document frequency of a term (0 for unseen terms). */
  idf(term: string): number;
  /**
   * BM25 score of every document for the query, by document position. With `coveredBy`, a document
   * holding one of the words a term lies inside gets nothing for that term.
   */
  score(query: WeightedQuery, coveredBy?: QueryCovers): Float64Array;
  /** The query terms one document matches, largest contribution first (for explanations). */
  matchedTerms(query: WeightedQuery, doc: number): string[];
}

/** A term's documents and, for each, its BM25 term-frequency part (query-independent, so computed once). */
interface Postings {
  readonly docs: Int32Array;
  readonly parts: Float64Array;
}

/** Term-frequency saturation: how much a term's second, third … occurrence adds. */
export const K1 = 1.2;
const B = 0.75;

/** BM25's length normalisation of each document, from the documents' lengths. */
export function lengthNorms(lengths: readonly number[]): number[] {
  const average = lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, lengths.length);
  return lengths.map((length) => K1 * (1 - B + (B * length) / Math.max(1, average)));
}

/** A term's share of a document's score per unit of term weight (query weight × idf). */
export const termPart = (tf: number, lengthNorm: number) => (tf * (K1 + 1)) / (tf + lengthNorm);

/** Inverse document frequency of a term in `df` of `documents` documents. */
export const inverseFrequency = (df: number, documents: number) => Math.log(1 + (documents - df + 0.5) / (df + 0.5));

/**
 * Okapi BM25 over pre-tokenized documents. Field weighting is done by the caller
 * repeating the tokens of important fields (a BM25F approximation); query terms
 * carry weights so concept expansion can add terms at reduced strength.
 */
export function createBm25Index(documents: readonly (readonly string[])[]): Bm25Index {
  const termCounts = documents.map((tokens) => {
    const counts = new Map<string, number>();
    for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
    return counts;
  });
  const lengthNorm = lengthNorms(documents.map((tokens) => tokens.length));
  const part = (tf: number, doc: number) => termPart(tf, lengthNorm[doc]!);

  const collected = new Map<string, { docs: number[]; parts: number[] }>();
  termCounts.forEach((counts, doc) => {
    for (const [term, tf] of counts) {
      let list = collected.get(term);
      if (!list) collected.set(term, (list = { docs: [], parts: [] }));
      list.docs.push(doc);
      list.parts.push(part(tf, doc));
    }
  });
  const postings = new Map<string, Postings>();
  for (const [term, list] of collected) postings.set(term, { docs: Int32Array.from(list.docs), parts: Float64Array.from(list.parts) });

  const idf = (term: string): number => {
    const df = postings.get(term)?.docs.length ?? 0;
    return df === 0 ? 0 : inverseFrequency(df, documents.length);
  };
  // Documents holding a word a term lies inside, marked afresh for each such term (a typed array: no hashing per posting).
  const covered = new Uint32Array(documents.length);
  let mark = 0;
  const markHolders = (words: readonly string[]) => {
    mark += 1;
    for (const word of words) for (const doc of postings.get(word)?.docs ?? []) covered[doc] = mark;
  };
  return {
    size: documents.length,
    idf,
    score(query, coveredBy) {
      const scores = new Float64Array(documents.length);
      for (const [term, weight] of query) {
        const list = postings.get(term);
        if (!list) continue;
        const termWeight = weight * idf(term);
        const { docs, parts } = list;
        const words = coveredBy?.get(term);
        if (words) {
          markHolders(words);
          for (let i = 0; i < docs.length; i++) if (covered[docs[i]!] !== mark) scores[docs[i]!]! += termWeight * parts[i]!;
        } else {
          for (let i = 0; i < docs.length; i++) scores[docs[i]!]! += termWeight * parts[i]!;
        }
      }
      return scores;
    },
    matchedTerms(query, doc) {
      const counts = termCounts[doc];
      if (!counts) return [];
      const matched: { term: string; value: number }[] = [];
      for (const [term, weight] of query) {
        const tf = counts.get(term);
        if (tf !== undefined) matched.push({ term, value: weight * idf(term) * part(tf, doc) });
      }
      return matched.sort((x, y) => y.value - x.value || (x.term < y.term ? -1 : 1)).map(({ term }) => term);
    },
  };
}

/** The plain query of a token list: each distinct token with weight 1. */
export function plainQuery(tokens: readonly string[]): WeightedQuery {
  return new Map(tokens.map((token) => [token, 1]));
}
