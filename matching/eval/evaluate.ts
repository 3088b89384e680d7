import type { ConceptMap } from '../concepts/index.ts';
import { DEFAULT_ENGINE_CONFIG, type EngineConfig } from '../config.ts';
import { createMatcherWithConfig, type Matcher } from '../matcher.ts';
import type { Demand } from '../schema.ts';
import { createBaselineRanker } from './baseline.ts';
import type { LabelledDataset } from './dataset.ts';
import { evaluateRankings, type RankedList, type RetrievalMetrics } from './metrics.ts';

/** Metrics are taken at 10; ranking deeper would not change them. */
export const DEPTH = 10;

/** Each demand's ranked list from one matcher. */
export function rankingsOf(matcher: Matcher, demands: readonly Demand[]): Map<string, RankedList> {
  return new Map(
    demands.map((demand) => {
      const candidates = matcher.rankAchievementsFor(demand, { top: DEPTH });
      return [demand.id, { ids: candidates.map((c) => c.id), scores: candidates.map((c) => c.score) }];
    }),
  );
}

/** The engine's metrics on a dataset with the given ingredients (and concept map). */
export function evaluateEngine(dataset: LabelledDataset, config: EngineConfig = DEFAULT_ENGINE_CONFIG, conceptMap?: ConceptMap): RetrievalMetrics {
  const matcher = createMatcherWithConfig(dataset, config, conceptMap);
  return evaluateRankings(rankingsOf(matcher, dataset.demands), dataset.gold, matcher.threshold);
}

/** The plain character-bigram BM25 baseline's metrics on the same data. */
export function evaluateBaseline(dataset: LabelledDataset): RetrievalMetrics {
  const rank = createBaselineRanker(dataset.achievements);
  const rankings = new Map(dataset.demands.map((demand) => [demand.id, rank(demand, DEPTH)]));
  return evaluateRankings(rankings, dataset.gold, null);
}
