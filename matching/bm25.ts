/** Query term → weight (1 for the query's own words, less for expansion terms). */
export type WeightedQuery = ReadonlyMap<string, number>;

export interface Bm25Index {
  readonly size: number;
  /** Inverse document frequency of a term (0 for unseen terms). */
  idf(term: string): number;
  /** BM25 score of every document for the query, by document position. */
  score(query: WeightedQuery): Float64Array;
  /** The query terms one document matches, largest contribution first (for explanations). */
  matchedTerms(query: WeightedQuery, doc: number): string[];
}

interface Posting {
  readonly doc: number;
  readonly tf: number;
}

const K1 = 1.2;
const B = 0.75;

/**
 * Okapi BM25 over pre-tokenized documents. Field weighting is done by the caller
 * repeating the tokens of important fields (a BM25F approximation); query terms
 * carry weights so concept expansion can add terms at reduced strength.
 */
export function createBm25Index(documents: readonly (readonly string[])[]): Bm25Index {
  const postings = new Map<string, Posting[]>();
  const lengths = new Float64Array(documents.length);
  const termCounts = documents.map((tokens, doc) => {
    lengths[doc] = tokens.length;
    const counts = new Map<string, number>();
    for (const token of tokens) counts.set(token, (counts.get(token) ?? 0) + 1);
    for (const [term, tf] of counts) {
      const list = postings.get(term);
      if (list) list.push({ doc, tf });
      else postings.set(term, [{ doc, tf }]);
    }
    return counts;
  });
  const averageLength = lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, documents.length);
  const lengthNorm = lengths.map((length) => K1 * (1 - B + (B * length) / Math.max(1, averageLength)));
  const idf = (term: string): number => {
    const df = postings.get(term)?.length ?? 0;
    return df === 0 ? 0 : Math.log(1 + (documents.length - df + 0.5) / (df + 0.5));
  };
  /** One term's share of a document's score; termWeight is the query weight times the term's idf. */
  const contribution = (termWeight: number, tf: number, doc: number) => (termWeight * tf * (K1 + 1)) / (tf + lengthNorm[doc]!);
  return {
    size: documents.length,
    idf,
    score(query) {
      const scores = new Float64Array(documents.length);
      for (const [term, weight] of query) {
        const list = postings.get(term);
        if (!list) continue;
        const termWeight = weight * idf(term);
        for (const { doc, tf } of list) scores[doc]! += contribution(termWeight, tf, doc);
      }
      return scores;
    },
    matchedTerms(query, doc) {
      const counts = termCounts[doc];
      if (!counts) return [];
      return [...query]
        .filter(([term]) => counts.has(term))
        .map(([term, weight]) => ({ term, value: contribution(weight * idf(term), counts.get(term)!, doc) }))
        .sort((x, y) => y.value - x.value || (x.term < y.term ? -1 : 1))
        .map(({ term }) => term);
    },
  };
}

/** The plain query of a token list: each distinct token with weight 1. */
export function plainQuery(tokens: readonly string[]): WeightedQuery {
  return new Map(tokens.map((token) => [token, 1]));
}
