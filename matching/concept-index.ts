import type { ConceptHit } from './concepts/detect.ts';

export interface ConceptIndex {
  /** Weight of a concept: idf over every item the index was built from. */
  weight(id: string): number;
  /** For each indexed item, the summed credit of the concepts it shares with `concepts` (see `sharedCredit`). */
  score(concepts: ReadonlyMap<string, ConceptHit>): Float64Array;
}

/**
 * Share of a shared concept's weight withheld when both sides name it with the same terms. The text
 * score already counts those words: a concept is extra evidence only as far as it links different
 * words (冲烂 / 冲击损伤). Named alike, a concept fired by a generic term (回收, 定位) makes
 * neighbours of one trade look alike twice over.
 */
const SAME_TERMS_DISCOUNT = 0.5;

/** The terms that fired a hit, as a set. */
const termsOf = (hit: ConceptHit): ReadonlySet<string> => new Set([...hit.symptoms, ...hit.methods]);

/** Share of the two term sets in common (Jaccard): 1 when both sides name the concept alike, 0 when their words differ. */
function termOverlap(mine: ReadonlySet<string>, theirs: ReadonlySet<string>): number {
  let common = 0;
  for (const term of theirs) if (mine.has(term)) common += 1;
  return common / (mine.size + theirs.size - common);
}

/** A shared concept's credit: its weight, less the part the shared words already count. */
export function sharedCredit(weight: number, mine: ReadonlySet<string>, theirs: ReadonlySet<string>, bridging: boolean): number {
  return bridging ? weight * (1 - SAME_TERMS_DISCOUNT * termOverlap(mine, theirs)) : weight;
}

interface Posting {
  readonly position: number;
  readonly terms: ReadonlySet<string>;
}

/**
 * Inverted index from concept to items, so one ranking call sums shared-concept
 * weights for a whole side in one pass. Weights count both sides of the pool, as
 * a concept is common or rare for the programme, not for one side of it.
 * With `bridging`, a concept both sides name with the same terms counts less (SAME_TERMS_DISCOUNT).
 */
export function createConceptIndex(
  items: readonly ReadonlyMap<string, ConceptHit>[],
  weightPool: readonly ReadonlyMap<string, ConceptHit>[],
  bridging: boolean,
): ConceptIndex {
  const documentFrequency = new Map<string, number>();
  for (const concepts of weightPool) {
    for (const id of concepts.keys()) documentFrequency.set(id, (documentFrequency.get(id) ?? 0) + 1);
  }
  const weight = (id: string) => Math.log(1 + weightPool.length / (documentFrequency.get(id) ?? 1));
  const postings = new Map<string, Posting[]>();
  items.forEach((concepts, position) => {
    for (const [id, hit] of concepts) {
      let list = postings.get(id);
      if (!list) postings.set(id, (list = []));
      list.push({ position, terms: termsOf(hit) });
    }
  });
  return {
    weight,
    score(concepts) {
      const scores = new Float64Array(items.length);
      for (const [id, hit] of concepts) {
        const conceptWeight = weight(id);
        const mine = termsOf(hit);
        for (const { position, terms } of postings.get(id) ?? []) scores[position]! += sharedCredit(conceptWeight, mine, terms, bridging);
      }
      return scores;
    },
  };
}
