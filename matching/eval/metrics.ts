import { POLICY_DEFAULTS } from '../../domain/policy.ts';
import { WEAK_FLOOR } from '../shortlist.ts';
import type { Gold } from './dataset.ts';

/** One demand's ranked achievement ids (best first) and their scores. */
export interface RankedList {
  readonly ids: readonly string[];
  readonly scores: readonly number[];
}

/** What a confidence threshold has to judge for one demand. */
export interface DemandOutcome {
  readonly demandId: string;
  /** False for a no-match demand (empty gold list). */
  readonly hasGold: boolean;
  /** Score of the top candidate (0 if none). */
  readonly topScore: number;
  /** Best score of a gold achievement in the ranked list (0 if none is listed). */
  readonly bestGoldScore: number;
  /** Best score of a gold achievement among the first `candidatesShown` (0 if none is there). */
  readonly bestShownGoldScore: number;
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
  /** The price of the threshold: judged demands with no gold candidate at or above it. */
  readonly goldBelowThreshold: number | null;
  /** Judged demands offered a true match: one among the candidates a coordinator is shown (shortlist.ts), at or above the weak floor. */
  readonly goldOffered: number | null;
  /** Judged demands whose top candidate is below the weak floor (shortlist.ts): nothing is offered, they close as unmatched. */
  readonly goldClosedUnmatched: number | null;
  readonly outcomes: readonly DemandOutcome[];
}

/** The middle value (the upper one of an even count; 0 for none). */
export const median = (values: readonly number[]) => [...values].sort((x, y) => x - y)[values.length >> 1] ?? 0;

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

function outcomeOf(demandId: string, relevant: readonly string[], ranking: RankedList | undefined): DemandOutcome {
  const scores = ranking?.scores ?? [];
  const gold = (ranking?.ids ?? []).flatMap((id, rank) => (relevant.includes(id) ? [{ rank, score: scores[rank] ?? 0 }] : []));
  return {
    demandId,
    hasGold: relevant.length > 0,
    topScore: scores[0] ?? 0,
    bestGoldScore: Math.max(0, ...gold.map((entry) => entry.score)),
    bestShownGoldScore: Math.max(0, ...gold.filter((entry) => entry.rank < POLICY_DEFAULTS.candidatesShown).map((entry) => entry.score)),
  };
}

/**
 * How a threshold splits the demands: no-match demands let through, gold demands without a
 * confident gold candidate, and gold demands closed because nothing comes near enough to offer.
 */
export function thresholdErrors(outcomes: readonly DemandOutcome[], threshold: number) {
  return {
    noMatchAbove: outcomes.filter((o) => !o.hasGold && o.topScore >= threshold).length,
    goldBelow: outcomes.filter((o) => o.hasGold && o.bestGoldScore < threshold).length,
    goldClosed: outcomes.filter((o) => o.hasGold && o.topScore < threshold * WEAK_FLOOR).length,
    goldOffered: outcomes.filter((o) => o.hasGold && o.bestShownGoldScore >= threshold * WEAK_FLOOR).length,
  };
}

/**
 * The mean of the two error rates a threshold makes: the share of no-match demands let through and
 * the share of gold demands left without a confident gold candidate. Each kind of demand weighs
 * alike however many of it a dataset holds; counted one by one, the few no-match demands (8 beside
 * 71 on the dev set) would hardly weigh against the gold ones. An empty kind counts no error.
 */
export function balancedError(outcomes: readonly DemandOutcome[], threshold: number): number {
  const errors = thresholdErrors(outcomes, threshold);
  const rate = (count: number, of: number) => (of === 0 ? 0 : count / of);
  const gold = outcomes.filter((o) => o.hasGold).length;
  return (rate(errors.noMatchAbove, outcomes.length - gold) + rate(errors.goldBelow, gold)) / 2;
}

/** Recall@5/@10, MRR@10 and nDCG@10 over judged demands, plus what the threshold lets through and costs. */
export function evaluateRankings(rankings: ReadonlyMap<string, RankedList>, gold: Gold, threshold: number | null): RetrievalMetrics {
  const judged = gold.filter((entry) => entry.relevant.length > 0);
  const mean = (metric: (ids: readonly string[], relevant: ReadonlySet<string>) => number) =>
    judged.reduce((sum, entry) => sum + metric(rankings.get(entry.demandId)?.ids ?? [], new Set(entry.relevant)), 0) / Math.max(1, judged.length);
  const outcomes = gold.map((entry) => outcomeOf(entry.demandId, entry.relevant, rankings.get(entry.demandId)));
  const errors = threshold === null ? null : thresholdErrors(outcomes, threshold);
  return {
    judged: judged.length,
    recallAt5: mean((ids, relevant) => recallAt(5, ids, relevant)),
    recallAt10: mean((ids, relevant) => recallAt(10, ids, relevant)),
    mrrAt10: mean((ids, relevant) => reciprocalRankAt(10, ids, relevant)),
    ndcgAt10: mean((ids, relevant) => ndcgAt(10, ids, relevant)),
    noMatchDemands: gold.length - judged.length,
    noMatchAboveThreshold: errors?.noMatchAbove ?? null,
    goldBelowThreshold: errors?.goldBelow ?? null,
    goldOffered: errors?.goldOffered ?? null,
    goldClosedUnmatched: errors?.goldClosed ?? null,
    outcomes,
  };
}
