import { inverseFrequency, K1, lengthNorms, termPart } from './bm25.ts';

/**
 * Okapi BM25 over single characters, scored for chosen documents only: a second, segmentation-free
 * view of the texts for reordering a subject's head of candidates (rerank.ts). Characters get integer
 * ids and queries are dense arrays, because the head is scored for every ranking: with bm25.ts's
 * string-keyed lookups, ranking 1,100 demands against 1,500 achievements took 250–450 ms more CPU.
 */
export interface CharacterIndex {
  /**
   * The query of a text: by character id, the idf of each character the index knows, times (with
   * `repeats`) how often the text writes it, saturating as a document's term frequency does.
   */
  query(tokens: readonly string[], repeats: boolean): CharacterQuery;
  /** BM25 of one document for the query. */
  score(query: CharacterQuery, doc: number): number;
}

/** Query weights by character id (dense: a pool uses a few thousand distinct characters). */
export type CharacterQuery = Float64Array;

interface CharacterDocument {
  readonly ids: Int32Array;
  readonly counts: Int32Array;
  /** BM25's length normalisation of this document. */
  readonly norm: number;
}

export function createCharacterIndex(documents: readonly (readonly string[])[]): CharacterIndex {
  const ids = new Map<string, number>();
  const documentFrequency: number[] = [];
  const counted = documents.map((tokens) => {
    const counts = new Map<number, number>();
    for (const token of tokens) {
      let id = ids.get(token);
      if (id === undefined) ids.set(token, (id = documentFrequency.push(0) - 1));
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    for (const id of counts.keys()) documentFrequency[id]! += 1;
    return counts;
  });
  const norms = lengthNorms(documents.map((tokens) => tokens.length));
  const docs: CharacterDocument[] = counted.map((counts, doc) => ({
    ids: Int32Array.from(counts.keys()),
    counts: Int32Array.from(counts.values()),
    norm: norms[doc]!,
  }));
  const idf = documentFrequency.map((df) => inverseFrequency(df, documents.length));
  return {
    query(tokens, repeats) {
      const counts = new Float64Array(idf.length);
      for (const token of tokens) {
        const id = ids.get(token);
        if (id !== undefined) counts[id]! += 1;
      }
      // A query has no length to normalise: its saturation is K1's alone.
      return counts.map((count, id) => (count === 0 ? 0 : idf[id]! * (repeats ? termPart(count, K1) : 1)));
    },
    score(query, doc) {
      const { ids: present, counts, norm } = docs[doc]!;
      let score = 0;
      for (let i = 0; i < present.length; i++) {
        const weight = query[present[i]!]!;
        if (weight > 0) score += weight * termPart(counts[i]!, norm);
      }
      return score;
    },
  };
}
