import type { ConceptHit } from './concepts/detect.ts';
import type { EngineConfig } from './config.ts';
import { preferenceEffect, type DeclinePreferences, type PreferenceEffect } from './decline.ts';
import type { FieldOverlap, FieldRelation } from './features/fields.ts';
import { raisedMaturity } from './features/maturity.ts';
import type { Achievement, CooperationMode, Demand } from './schema.ts';

/** BM25 score at which the text signal counts as half-way convincing. */
const TEXT_HALF_SATURATION = 14;
/** Summed concept weight (≈ idf) at which the concept signal is half-way convincing. */
const CONCEPT_HALF_SATURATION = 4;
/** Share of relevance carried by the text score; the rest comes from shared concepts. */
const TEXT_SHARE = 0.7;
const FIELD_FACTOR: Record<FieldRelation, number> = { shared: 1, related: 0.8, unrelated: 0.55 };
/** Incompatible pairs are kept (flagged) but fall behind every compatible peer of similar relevance. */
const MODE_INCOMPATIBLE_FACTOR = 0.6;
const MATURITY_LOW_FACTOR = 0.6;
/** Same-region bonus: small enough to reorder near-ties only, never to lift a pair over the threshold. */
const REGION_BONUS = 0.01;

/**
 * Scores at or above this are plausible candidates. Set so that every dev demand
 * with a gold match keeps its best candidate above it while demands from industries
 * the pool does not cover stay below; near-miss neighbours of the same topic still
 * pass (see the benchmark's no-match column).
 */
export const CONFIDENCE_THRESHOLD = 0.45;

export const FLAG_MODE_INCOMPATIBLE = 'mode_incompatible';
export const FLAG_MATURITY_LOW = 'maturity_low';

/** A concept both sides mention, with its weight (rarer concepts say more). */
export interface SharedConcept {
  readonly demandHit: ConceptHit;
  readonly achievementHit: ConceptHit;
  readonly weight: number;
}

/** Everything a pair's score is made of, kept for the reasons. */
export interface PairEvidence {
  readonly score: number;
  readonly relevance: number;
  readonly sharedConcepts: readonly SharedConcept[];
  readonly field: FieldOverlap;
  readonly sharedModes: readonly CooperationMode[];
  readonly maturity: number;
  readonly requiredMaturity: number;
  readonly sameRegion: boolean;
  readonly preference: PreferenceEffect;
  readonly flags: readonly string[];
}

export interface PairInput {
  readonly demand: Demand;
  readonly achievement: Achievement;
  readonly demandConcepts: ReadonlyMap<string, ConceptHit>;
  readonly achievementConcepts: ReadonlyMap<string, ConceptHit>;
  /** TRL the demand needs (see requiredMaturity). */
  readonly demandRequiredMaturity: number;
  /** The pair's relevance (see `relevanceOf`). */
  readonly relevance: number;
  readonly field: FieldOverlap;
  readonly sharedModes: readonly CooperationMode[];
  readonly sameRegion: boolean;
}

const saturate = (value: number, half: number) => value / (value + half);

/** Shared concepts of a pair, heaviest first. */
function sharedConcepts(
  demandConcepts: ReadonlyMap<string, ConceptHit>,
  achievementConcepts: ReadonlyMap<string, ConceptHit>,
  conceptWeight: (id: string) => number,
): SharedConcept[] {
  const shared: SharedConcept[] = [];
  for (const [id, demandHit] of demandConcepts) {
    const achievementHit = achievementConcepts.get(id);
    if (achievementHit) shared.push({ demandHit, achievementHit, weight: conceptWeight(id) });
  }
  return shared.sort((x, y) => y.weight - x.weight || (x.demandHit.concept.id < y.demandHit.concept.id ? -1 : 1));
}

/**
 * Relevance in [0, 1] from the raw BM25 score of the pair (in the direction being
 * ranked) and the summed weight of the concepts both sides mention.
 */
export function relevanceOf(textScore: number, conceptScore: number, config: EngineConfig): number {
  const textSignal = saturate(textScore, TEXT_HALF_SATURATION);
  if (!config.conceptMatching) return textSignal;
  return TEXT_SHARE * textSignal + (1 - TEXT_SHARE) * saturate(conceptScore, CONCEPT_HALF_SATURATION);
}

/** No pair of this relevance can score higher: every later factor is at most 1, plus the region bonus. */
export function scoreUpperBound(relevance: number, config: EngineConfig): number {
  return Math.min(1, relevance + (config.regionPreference ? REGION_BONUS : 0));
}

/**
 * Scores a demand–achievement pair in [0, 1]: its relevance scaled by field overlap, then by cooperation-mode and maturity fit and the
 * decline preferences; a same-region pair gains a tie-breaking bonus.
 */
export function scorePair(
  input: PairInput,
  config: EngineConfig,
  conceptWeight: (id: string) => number,
  preferences: DeclinePreferences,
): PairEvidence {
  const concepts = config.conceptMatching
    ? sharedConcepts(input.demandConcepts, input.achievementConcepts, conceptWeight)
    : [];
  const relevance = input.relevance;

  const flags: string[] = [];
  let score = relevance * (config.fieldOverlap ? FIELD_FACTOR[input.field.relation] : 1);
  if (input.sharedModes.length === 0) {
    flags.push(FLAG_MODE_INCOMPATIBLE);
    if (config.modeFit) score *= MODE_INCOMPATIBLE_FACTOR;
  }
  const required = raisedMaturity(input.demandRequiredMaturity, preferences.maturityRaise);
  if (input.achievement.maturity < required) {
    flags.push(FLAG_MATURITY_LOW);
    if (config.maturityFit) score *= MATURITY_LOW_FACTOR;
  }
  const preference = preferenceEffect(preferences, {
    sharedModes: input.sharedModes,
    maturity: input.achievement.maturity,
    summary: input.achievement.summary,
  });
  score *= preference.factor;
  if (config.regionPreference && input.sameRegion && score >= CONFIDENCE_THRESHOLD) score += REGION_BONUS;

  return {
    score: Math.min(1, score),
    relevance,
    sharedConcepts: concepts,
    field: input.field,
    sharedModes: input.sharedModes,
    maturity: input.achievement.maturity,
    requiredMaturity: required,
    sameRegion: input.sameRegion,
    preference,
    flags,
  };
}
