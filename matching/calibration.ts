import type { EngineConfig } from './config.ts';

/**
 * What one ranking call knows about its subject against the whole pool, to turn a pair's
 * fit into a confidence that means the same for every subject:
 *
 * - background: the subject's mean relevance over every item of the pool. A demand written
 *   in generic words (设备, 温度, 回收 …) gets sizeable relevance from half the pool, so a high
 *   fit says less for it than for a demand whose words only a few items share. The mean, not a
 *   stricter figure (mean + k·std, the 10th-best relevance, the candidate's own mean over the
 *   demands): on the dev and held-out splits those separate no-match demands from true matches
 *   no better than the mean does, so they only act as a higher threshold, and they can cost a small
 *   focused pool its true matches. What makes a lone concept link look confident is handled in
 *   the relevance instead (score.ts relevanceOf: concepts need the words to back them).
 * - detailFactor: a subject of a title and one short sentence shares words with few items, so
 *   its background is low and any match would stand out; below MIN_CONTENT_TERMS distinct
 *   content words (every dev-set release has 30 or more) confidence is scaled down in
 *   proportion: there is too little said to be sure of a match.
 * - maturityFactor: how the share of the pool mature enough for a demand compares with what
 *   the pool's demands typically get (capped at 1). A demand that only takes production-ready
 *   results rules most of a university pool out, so the item that would solve it is less
 *   likely to be among those left, and the best of those left is more likely a neighbour
 *   that merely shares its vocabulary (a base-rate argument). Ranking demands for an
 *   achievement has no such requirement: there the factor is 1.
 *
 * Pool figures are shrunk toward typical values so that a pool of a handful of items (tests,
 * a new programme) does not make every candidate look exceptional or hopeless.
 */
export interface Calibration {
  readonly background: number;
  readonly detailFactor: number;
  readonly maturityFactor: number;
}

/** Typical mean relevance of a pool item to a demand (dev set: 0.10–0.22). */
const BACKGROUND_PRIOR = 0.15;
/** Below this the background is noise: an odd demand whose words nobody uses must still earn its confidence. */
const BACKGROUND_FLOOR = 0.08;
/** Distinct content words (after stopwords) from which a subject says enough to be judged. */
const MIN_CONTENT_TERMS = 20;
/** Typical share of a pool mature enough for a demand (dev set: 0.84 for a buyer needing TRL 6). */
const MATURE_SHARE_PRIOR = 0.8;
/**
 * Fit from which a pair has enough evidence of its own. Standing out from the background is
 * relative: a demand in plain words shares them with few items, so its background is near
 * zero and a pair sharing a few words stands out as much as a real answer. Below this fit
 * (about a clear concept link and the shared words that back it) confidence shrinks in
 * proportion, whatever the background.
 */
const EVIDENCE_FULL = 0.5;
/** Pool items' worth of weight the priors carry. */
const PRIOR_WEIGHT = 20;

const shrunk = (sum: number, count: number, prior: number) => (sum + PRIOR_WEIGHT * prior) / (count + PRIOR_WEIGHT);

/** The subject's background from its summed relevance over `poolSize` items. */
export function backgroundOf(relevanceSum: number, poolSize: number): number {
  return Math.max(BACKGROUND_FLOOR, shrunk(relevanceSum, poolSize, BACKGROUND_PRIOR));
}

/** The detail factor of a subject with this many distinct content words. */
export function detailFactorOf(contentTerms: number): number {
  return Math.min(1, contentTerms / MIN_CONTENT_TERMS);
}

/**
 * The maturity factor of a demand needing a given TRL, from the maturities of the pool's
 * achievements and the TRLs its demands need (a nine-level histogram: cheap at any size).
 */
export function createMaturityPrior(achievementMaturities: readonly number[], demandRequirements: readonly number[]): (required: number) => number {
  const atLeast = Array.from({ length: 11 }, () => 0);
  for (const maturity of achievementMaturities) atLeast[Math.min(9, Math.max(0, maturity))]! += 1;
  for (let level = 8; level >= 0; level--) atLeast[level]! += atLeast[level + 1]!;
  const matureShare = (required: number) => shrunk(atLeast[Math.min(10, Math.max(0, required))]!, achievementMaturities.length, MATURE_SHARE_PRIOR);
  const typical = shrunk(
    demandRequirements.reduce((sum, required) => sum + matureShare(required), 0),
    demandRequirements.length,
    MATURE_SHARE_PRIOR,
  );
  return (required) => Math.min(1, matureShare(required) / typical);
}

/**
 * A pair's confidence in [0, 1) from its fit: the share of the fit that stands above the
 * subject's background (1 − background / fit) times the detail factor, times the share of
 * the evidence a confident pair needs (fit / EVIDENCE_FULL, at most 1), times the maturity
 * factor. Monotone in the fit, so it never reorders one subject's candidates.
 */
export function confidence(fit: number, calibration: Calibration, config: EngineConfig): number {
  const standout = config.backgroundCalibration ? (fit > 0 ? Math.max(0, 1 - calibration.background / fit) : 0) * calibration.detailFactor : fit;
  const evidence = config.absoluteEvidence ? Math.min(1, fit / EVIDENCE_FULL) : 1;
  return standout * evidence * (config.maturityPrior ? calibration.maturityFactor : 1);
}
