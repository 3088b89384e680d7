import { DEFAULT_ENGINE_CONFIG, type EngineConfig } from '../config.ts';
import { createMatcherWithConfig } from '../matcher.ts';
import { createBaselineRanker } from './baseline.ts';
import type { LabelledDataset } from './dataset.ts';
import { evaluateRankings, type RankedList, type RetrievalMetrics } from './metrics.ts';

/** Metrics are taken at 10; ranking deeper would not change them. */
const DEPTH = 10;

/** The engine's dev-set metrics with the given ingredients. */
export function evaluateEngine(dataset: LabelledDataset, config: EngineConfig = DEFAULT_ENGINE_CONFIG): RetrievalMetrics {
  const matcher = createMatcherWithConfig(dataset, config);
  const rankings = new Map<string, RankedList>(
    dataset.demands.map((demand) => {
      const candidates = matcher.rankAchievementsFor(demand, { top: DEPTH });
      return [demand.id, { ids: candidates.map((c) => c.id), scores: candidates.map((c) => c.score) }];
    }),
  );
  return evaluateRankings(rankings, dataset.gold, matcher.threshold);
}

/** The plain character-bigram BM25 baseline's metrics on the same data. */
export function evaluateBaseline(dataset: LabelledDataset): RetrievalMetrics {
  const rank = createBaselineRanker(dataset.achievements);
  const rankings = new Map(dataset.demands.map((demand) => [demand.id, rank(demand, DEPTH)]));
  return evaluateRankings(rankings, dataset.gold, null);
}
