import type { Gold } from './dataset.ts';

/** One demand's ranked achievement ids (best first) and the top candidate's score. */
export interface RankedList {
  readonly ids: readonly string[];
  readonly topScore: number;
}

export interface RetrievalMetrics {
  /** Demands with at least one gold achievement. */
  readonly judged: number;
  readonly recallAt5: number;
  readonly recallAt10: number;
  readonly mrrAt10: number;
  readonly ndcgAt10: number;
  /** Demands whose gold list is empty. */
  readonly noMatchDemands: number;
  /** No-match demands whose top candidate scores at or above the threshold (null: ranker has none). */
  readonly noMatchAboveThreshold: number | null;
}

function recallAt(k: number, ids: readonly string[], relevant: ReadonlySet<string>): number {
  return ids.slice(0, k).filter((id) => relevant.has(id)).length / relevant.size;
}

function reciprocalRankAt(k: number, ids: readonly string[], relevant: ReadonlySet<string>): number {
  const rank = ids.slice(0, k).findIndex((id) => relevant.has(id));
  return rank < 0 ? 0 : 1 / (rank + 1);
}

function ndcgAt(k: number, ids: readonly string[], relevant: ReadonlySet<string>): number {
  const gain = (rank: number) => 1 / Math.log2(rank + 2);
  const dcg = ids.slice(0, k).reduce((sum, id, rank) => sum + (relevant.has(id) ? gain(rank) : 0), 0);
  let ideal = 0;
  for (let rank = 0; rank < Math.min(k, relevant.size); rank++) ideal += gain(rank);
  return dcg / ideal;
}

/** Recall@5/@10, MRR@10 and nDCG@10 over judged demands, plus no-match false positives. */
export function evaluateRankings(
  rankings: ReadonlyMap<string, RankedList>,
  gold: Gold,
  threshold: number | null,
): RetrievalMetrics {
  const judged = gold.filter((entry) => entry.relevant.length > 0);
  const noMatch = gold.filter((entry) => entry.relevant.length === 0);
  const mean = (metric: (ids: readonly string[], relevant: ReadonlySet<string>) => number) =>
    judged.reduce((sum, entry) => sum + metric(rankings.get(entry.demandId)?.ids ?? [], new Set(entry.relevant)), 0) /
    Math.max(1, judged.length);
  return {
    judged: judged.length,
    recallAt5: mean((ids, relevant) => recallAt(5, ids, relevant)),
    recallAt10: mean((ids, relevant) => recallAt(10, ids, relevant)),
    mrrAt10: mean((ids, relevant) => reciprocalRankAt(10, ids, relevant)),
    ndcgAt10: mean((ids, relevant) => ndcgAt(10, ids, relevant)),
    noMatchDemands: noMatch.length,
    noMatchAboveThreshold:
      threshold === null
        ? null
        : noMatch.filter((entry) => (rankings.get(entry.demandId)?.topScore ?? 0) >= threshold).length,
  };
}
