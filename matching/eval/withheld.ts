import { CONCEPT_MAP, type ConceptMap } from '../concepts/index.ts';
import { DEFAULT_ENGINE_CONFIG, type EngineConfig } from '../config.ts';
import { createMatcherWithConfig } from '../matcher.ts';
import type { LabelledDataset } from './dataset.ts';
import { familiesOf, withoutFamilies } from './leave-family-out.ts';
import { median } from './metrics.ts';

export interface WithheldResult {
  /** Demands with a true match, each ranked once with its true matches taken out of the pool. */
  readonly demands: number;
  /** Of those, how many still get a candidate at or above the threshold: a neighbour taken for an answer. */
  readonly confident: number;
  /** Median score of the best candidate left. */
  readonly medianTop: number;
}

/**
 * The hardest demands without a match: every demand that has one, ranked against the pool with its
 * true matches withheld. What is left on top is the nearest neighbour (the same product made
 * another way, the same process on another material), so this counts how often the threshold takes
 * a neighbour for an answer, over far more demands than the datasets' own no-match demands.
 * With `familyOut`, each demand is ranked without the concept families that claim its fields, as in
 * leave-family-out.
 */
export function withheldMatches(
  dataset: LabelledDataset,
  config: EngineConfig = DEFAULT_ENGINE_CONFIG,
  { familyOut = false, map = CONCEPT_MAP }: { familyOut?: boolean; map?: ConceptMap } = {},
): WithheldResult {
  const demands = new Map(dataset.demands.map((demand) => [demand.id, demand]));
  const tops: number[] = [];
  let confident = 0;
  for (const { demandId, relevant } of dataset.gold) {
    const demand = demands.get(demandId);
    if (!demand || relevant.length === 0) continue;
    const pool = { ...dataset, achievements: dataset.achievements.filter((achievement) => !relevant.includes(achievement.id)) };
    const matcher = createMatcherWithConfig(pool, config, familyOut ? withoutFamilies(map, familiesOf(demand, map)) : map);
    const top = matcher.rankAchievementsFor(demand, { top: 1 })[0]?.score ?? 0;
    tops.push(top);
    if (top >= matcher.threshold) confident += 1;
  }
  return { demands: tops.length, confident, medianTop: median(tops) };
}
