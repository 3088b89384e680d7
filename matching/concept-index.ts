import type { ConceptHit } from './concepts/detect.ts';

export interface ConceptIndex {
  /** Weight of a concept: idf over every item the index was built from. */
  weight(id: string): number;
  /** For each indexed item, the summed weight of the concepts it shares with `concepts`. */
  score(concepts: ReadonlyMap<string, ConceptHit>): Float64Array;
}

/**
 * Inverted index from concept to items, so one ranking call sums shared-concept
 * weights for a whole side in one pass. Weights count both sides of the pool, as
 * a concept is common or rare for the programme, not for one side of it.
 */
export function createConceptIndex(items: readonly ReadonlyMap<string, ConceptHit>[], weightPool: readonly ReadonlyMap<string, ConceptHit>[]): ConceptIndex {
  const documentFrequency = new Map<string, number>();
  for (const concepts of weightPool) {
    for (const id of concepts.keys()) documentFrequency.set(id, (documentFrequency.get(id) ?? 0) + 1);
  }
  const weight = (id: string) => Math.log(1 + weightPool.length / (documentFrequency.get(id) ?? 1));
  const postings = new Map<string, number[]>();
  items.forEach((concepts, position) => {
    for (const id of concepts.keys()) postings.set(id, [...(postings.get(id) ?? []), position]);
  });
  return {
    weight,
    score(concepts) {
      const scores = new Float64Array(items.length);
      for (const id of concepts.keys()) {
        const conceptWeight = weight(id);
        for (const position of postings.get(id) ?? []) scores[position]! += conceptWeight;
      }
      return scores;
    },
  };
}
