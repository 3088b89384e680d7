import { CONCEPT_MAP, type ConceptMap } from '../concepts/index.ts';
import { DEFAULT_ENGINE_CONFIG, type EngineConfig } from '../config.ts';
import { createMatcherWithConfig } from '../matcher.ts';
import type { Demand } from '../schema.ts';
import type { LabelledDataset } from './dataset.ts';
import { rankingsOf } from './evaluate.ts';
import { evaluateRankings, type RankedList, type RetrievalMetrics } from './metrics.ts';

/** The industry families of the map that claim one of a demand's release fields. */
export function familiesOf(demand: Demand, map: ConceptMap = CONCEPT_MAP): string[] {
  return map.industries.filter((industry) => industry.fields.some((field) => demand.fields.includes(field))).map((industry) => industry.industry);
}

const reducedMaps = new WeakMap<ConceptMap, Map<string, ConceptMap>>();

/**
 * The map without the given families: their terms neither detect concepts nor enter the segmenter.
 * One object per reduction, so every split reuses its segmenter (building one takes a third of a second).
 */
export function withoutFamilies(map: ConceptMap, families: readonly string[]): ConceptMap {
  let byKey = reducedMaps.get(map);
  if (!byKey) reducedMaps.set(map, (byKey = new Map<string, ConceptMap>()));
  const key = families.join('+');
  let reduced = byKey.get(key);
  if (!reduced) {
    reduced = { ...map, version: `${map.version}-without-${key}`, industries: map.industries.filter((industry) => !families.includes(industry.industry)) };
    byKey.set(key, reduced);
  }
  return reduced;
}

export interface LeaveFamilyOutResult {
  readonly metrics: RetrievalMetrics;
  /** How many differently reduced maps the demands needed. */
  readonly folds: number;
}

/**
 * Leave-one-industry-family-out: each demand is ranked by an engine whose concept map lacks
 * every family that claims one of its fields, so what the engine knows about the demand's
 * industry cannot have been written with its items in view. Concept weights come from the
 * reduced map's detections; the confidence calibration has no fitted parameters to refit.
 */
export function leaveFamilyOut(dataset: LabelledDataset, config: EngineConfig = DEFAULT_ENGINE_CONFIG, map: ConceptMap = CONCEPT_MAP): LeaveFamilyOutResult {
  const groups = new Map<string, Demand[]>();
  for (const demand of dataset.demands) {
    const key = familiesOf(demand, map).join('+');
    groups.set(key, [...(groups.get(key) ?? []), demand]);
  }
  const rankings = new Map<string, RankedList>();
  let threshold = 0;
  for (const [key, demands] of groups) {
    const matcher = createMatcherWithConfig(dataset, config, withoutFamilies(map, key ? key.split('+') : []));
    threshold = matcher.threshold;
    for (const [id, ranking] of rankingsOf(matcher, demands)) rankings.set(id, ranking);
  }
  return { metrics: evaluateRankings(rankings, dataset.gold, threshold), folds: groups.size };
}
