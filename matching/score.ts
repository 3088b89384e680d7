import { confidence, type Calibration } from './calibration.ts';
import type { ConceptHit } from './concepts/detect.ts';
import type { EngineConfig } from './config.ts';
import { preferenceEffect, type DeclinePreferences, type PreferenceEffect } from './decline.ts';
import type { FieldOverlap, FieldRelation } from './features/fields.ts';
import { raisedMaturity } from './features/maturity.ts';
import { solutionMismatch, type SolutionType } from './features/solution-type.ts';
import type { Achievement, CooperationMode, Demand } from './schema.ts';

/**
 * BM25 score at which the text signal counts as half-way convincing. 12 since a word shared whole
 * counts once (analyze.ts coveredTerms): that took 11–16% off the scores of true matches and of each
 * demand's first ten, and 14 before it kept the same share of them convincing.
 */
export const TEXT_HALF_SATURATION = 12;
/** Summed concept weight (≈ idf) at which the concept signal is half-way convincing. */
const CONCEPT_HALF_SATURATION = 4;
/** Share of relevance carried by the text score; the rest comes from shared concepts. */
const TEXT_SHARE = 0.7;
const FIELD_FACTOR: Record<FieldRelation, number> = { shared: 1, related: 0.8, unrelated: 0.55 };
/** Incompatible pairs are kept (flagged) but fall behind every compatible peer of similar relevance. */
const MODE_INCOMPATIBLE_FACTOR = 0.6;
const MATURITY_LOW_FACTOR = 0.6;
/** A detection method for a demand that wants the problem removed (or the reverse) is a near miss. */
const SOLUTION_MISMATCH_FACTOR = 0.6;
/** Same-region bonus: small enough to reorder near-ties only, never to lift a pair over the threshold. */
const REGION_BONUS = 0.003;

/**
 * Scores at or above this are confident candidates. Scores are calibrated confidences
 * (calibration.ts): the share of a pair's fit above the subject's background relevance in the
 * pool, scaled for subjects that say too little, for pairs with little evidence of their own, and
 * for demands needing more maturity than usual. Below it, candidates are offered marked weak up
 * to the number a coordinator is shown, down to half of it (shortlist.ts); a demand with nothing
 * that near closes as unmatched.
 * 0.65 makes the least balanced error (metrics.ts balancedError) over the two held-out splits of
 * bench/matching-eval.ts, leave-one-industry-family-out with and without the author-style
 * rewrites, which prints the sweep. 0.6, picked on the dev set alone, let a third of the
 * no-match demands through on those splits; the true matches it no longer calls confident are
 * still offered, marked weak.
 */
export const CONFIDENCE_THRESHOLD = 0.65;

export const FLAG_MODE_INCOMPATIBLE = 'mode_incompatible';
export const FLAG_MATURITY_LOW = 'maturity_low';
export const FLAG_SOLUTION_MISMATCH = 'solution_mismatch';

/** A concept both sides mention, with its weight (rarer concepts say more). */
export interface SharedConcept {
  readonly demandHit: ConceptHit;
  readonly achievementHit: ConceptHit;
  readonly weight: number;
}

/** Everything a pair's score is made of, kept for the reasons. */
export interface PairEvidence {
  /** Calibrated confidence in [0, 1]: compare with CONFIDENCE_THRESHOLD. */
  readonly score: number;
  /** Relevance scaled by the fit factors (field, mode, maturity, solution type). */
  readonly fit: number;
  readonly relevance: number;
  readonly field: FieldOverlap;
  readonly sharedModes: readonly CooperationMode[];
  readonly maturity: number;
  readonly requiredMaturity: number;
  readonly sameRegion: boolean;
  readonly preference: PreferenceEffect;
  /** The university's record in these fields (history.ts): above 1 after acceptances and contracts, below after declines. */
  readonly trackRecord: number;
  /** Below 1 when the demand needs more maturity than the pool's demands usually do (calibration.ts). */
  readonly maturityFactor: number;
  /** Set when one side only finds the problem and the other only acts on it. */
  readonly solutionMismatch?: { readonly demanded: SolutionType; readonly offered: SolutionType };
  readonly flags: readonly string[];
}

export interface PairInput {
  readonly demand: Demand;
  readonly achievement: Achievement;
  /** TRL the demand needs (see requiredMaturity). */
  readonly demandRequiredMaturity: number;
  /** The pair's relevance (see `relevanceOf`). */
  readonly relevance: number;
  readonly field: FieldOverlap;
  readonly sharedModes: readonly CooperationMode[];
  readonly sameRegion: boolean;
  readonly demandedSolution: SolutionType;
  readonly offeredSolution: SolutionType;
  /** The achievement's university's record in its fields (history.ts): 1 without decisions. */
  readonly trackRecord: number;
}

const saturate = (value: number, half: number) => value / (value + half);

/** Shared concepts of a pair, heaviest first (for the reasons of the candidates returned). */
export function sharedConceptsOf(
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
 *
 * The two signals must agree: shared concepts count in full once the words alone are
 * half-way convincing (a BM25 score of TEXT_HALF_SATURATION), in proportion below. One
 * term of a concept's list is enough to detect it, so a pair sharing a concept and hardly
 * a word is usually another problem of the same trade; and as few pool items share any
 * concept, the concept part of a fit stands almost wholly above the background
 * (calibration.ts), which made such pairs confident on the concept alone.
 */
export function relevanceOf(textScore: number, conceptScore: number, config: EngineConfig): number {
  const textSignal = saturate(textScore, TEXT_HALF_SATURATION);
  if (!config.conceptMatching) return textSignal;
  const support = config.conceptNeedsWords ? Math.min(1, textScore / TEXT_HALF_SATURATION) : 1;
  return TEXT_SHARE * textSignal + (1 - TEXT_SHARE) * support * saturate(conceptScore, CONCEPT_HALF_SATURATION);
}

/**
 * What a decline asked for, or a university's record, reorders candidates but never decides
 * whether one is plausible: above the threshold it scales the margin over the threshold (a
 * good record widens it, up to 1), below it the score can only shrink.
 */
function withPreference(score: number, factor: number): number {
  return score >= CONFIDENCE_THRESHOLD ? Math.min(1, CONFIDENCE_THRESHOLD + (score - CONFIDENCE_THRESHOLD) * factor) : score * Math.min(1, factor);
}

/**
 * No pair of this relevance can score higher: every fit factor is at most 1; a track record
 * can widen the margin above the threshold by at most `maxRecord`; plus the region bonus if it applies.
 */
export function scoreUpperBound(relevance: number, calibration: Calibration, config: EngineConfig, sameRegion: boolean, maxRecord = 1): number {
  const bound = withPreference(confidence(relevance, calibration, config), maxRecord);
  return config.regionPreference && sameRegion && bound >= CONFIDENCE_THRESHOLD ? Math.min(1, bound + REGION_BONUS) : bound;
}

/**
 * Scores a demand–achievement pair in [0, 1]. Its fit is the relevance scaled by field
 * overlap, cooperation-mode, maturity and solution-type fit; the score is that fit
 * calibrated against the subject's pool (see calibration.ts), reordered by the decline
 * preferences, and a same-region pair that is already plausible gains a tie-breaking bonus.
 */
export function scorePair(input: PairInput, config: EngineConfig, preferences: DeclinePreferences, calibration: Calibration): PairEvidence {
  const relevance = input.relevance;

  const flags: string[] = [];
  let fit = relevance * (config.fieldOverlap ? FIELD_FACTOR[input.field.relation] : 1);
  if (input.sharedModes.length === 0) {
    flags.push(FLAG_MODE_INCOMPATIBLE);
    if (config.modeFit) fit *= MODE_INCOMPATIBLE_FACTOR;
  }
  const required = raisedMaturity(input.demandRequiredMaturity, preferences.maturityRaise);
  if (input.achievement.maturity < required) {
    flags.push(FLAG_MATURITY_LOW);
    if (config.maturityFit) fit *= MATURITY_LOW_FACTOR;
  }
  const mismatch = solutionMismatch(input.demandedSolution, input.offeredSolution);
  if (mismatch) {
    flags.push(FLAG_SOLUTION_MISMATCH);
    if (config.solutionType) fit *= SOLUTION_MISMATCH_FACTOR;
  }
  const preference = preferenceEffect(preferences, {
    sharedModes: input.sharedModes,
    maturity: input.achievement.maturity,
    summary: input.achievement.summary,
  });
  let score = withPreference(confidence(fit, calibration, config), preference.factor * input.trackRecord);
  if (config.regionPreference && input.sameRegion && score >= CONFIDENCE_THRESHOLD) score += REGION_BONUS;

  return {
    score: Math.min(1, score),
    fit,
    relevance,
    field: input.field,
    sharedModes: input.sharedModes,
    maturity: input.achievement.maturity,
    requiredMaturity: required,
    sameRegion: input.sameRegion,
    preference,
    trackRecord: input.trackRecord,
    maturityFactor: config.maturityPrior ? calibration.maturityFactor : 1,
    ...(mismatch ? { solutionMismatch: { demanded: input.demandedSolution, offered: input.offeredSolution } } : {}),
    flags,
  };
}
