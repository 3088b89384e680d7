import { balancedError, median, thresholdErrors, type DemandOutcome } from './metrics.ts';
import { seededRandom } from './synthetic.ts';

export interface SplitHalfOptions {
  readonly splits?: number;
  readonly seed?: number;
}

/** Mean errors over one side of the splits. */
export interface HalfErrors {
  readonly noMatchAbove: number;
  readonly noMatchDemands: number;
  readonly goldBelow: number;
  readonly goldClosed: number;
  readonly goldDemands: number;
}

export interface SplitHalfResult {
  readonly splits: number;
  /** On the halves the thresholds were picked on (in-sample). */
  readonly tuned: HalfErrors;
  /** On the other halves. */
  readonly heldOut: HalfErrors;
  /** The thresholds picked on the tuning halves. */
  readonly thresholds: { readonly min: number; readonly median: number; readonly max: number };
}

/**
 * The threshold with the least balanced error on some demands (metrics.ts balancedError).
 * Candidates lie midway between neighbouring scores, and of equally good ones the middle one is
 * taken, so the pick does not hug the scores it was tuned on.
 */
export function pickThreshold(outcomes: readonly DemandOutcome[]): number {
  const scores = [...new Set(outcomes.map((o) => (o.hasGold ? o.bestGoldScore : o.topScore)))].sort((x, y) => x - y);
  const candidates = [0, ...scores.slice(1).map((score, i) => (score + scores[i]!) / 2), (scores.at(-1) ?? 0) + 1e-9];
  const costs = candidates.map((threshold) => balancedError(outcomes, threshold));
  const best = Math.min(...costs);
  const tied = candidates.filter((_, i) => costs[i] === best);
  return tied[tied.length >> 1]!;
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/**
 * Overfitting check for a confidence threshold: over seeded random splits of the demands
 * into halves (gold and no-match demands each split evenly), pick the threshold on one half
 * and count on the other what it lets through and what it costs.
 */
export function splitHalfCheck(outcomes: readonly DemandOutcome[], options: SplitHalfOptions = {}): SplitHalfResult {
  const { splits = 200, seed = 2026 } = options;
  const random = seededRandom(seed);
  const gold = outcomes.filter((o) => o.hasGold);
  const noMatch = outcomes.filter((o) => !o.hasGold);
  const zero = () => ({ noMatchAbove: 0, noMatchDemands: 0, goldBelow: 0, goldClosed: 0, goldDemands: 0 });
  const sums = { tuned: zero(), heldOut: zero() };
  const add = (into: ReturnType<typeof zero>, half: readonly DemandOutcome[], threshold: number) => {
    const errors = thresholdErrors(half, threshold);
    into.noMatchAbove += errors.noMatchAbove;
    into.goldBelow += errors.goldBelow;
    into.goldClosed += errors.goldClosed;
    into.noMatchDemands += half.filter((o) => !o.hasGold).length;
    into.goldDemands += half.filter((o) => o.hasGold).length;
  };
  const thresholds: number[] = [];
  for (let split = 0; split < splits; split++) {
    const g = shuffled(gold, random);
    const n = shuffled(noMatch, random);
    const tune = [...g.slice(0, g.length >> 1), ...n.slice(0, n.length >> 1)];
    const test = [...g.slice(g.length >> 1), ...n.slice(n.length >> 1)];
    const threshold = pickThreshold(tune);
    thresholds.push(threshold);
    add(sums.tuned, tune, threshold);
    add(sums.heldOut, test, threshold);
  }
  const mean = (half: ReturnType<typeof zero>): HalfErrors => ({
    noMatchAbove: half.noMatchAbove / splits,
    noMatchDemands: half.noMatchDemands / splits,
    goldBelow: half.goldBelow / splits,
    goldClosed: half.goldClosed / splits,
    goldDemands: half.goldDemands / splits,
  });
  thresholds.sort((x, y) => x - y);
  return {
    splits,
    tuned: mean(sums.tuned),
    heldOut: mean(sums.heldOut),
    thresholds: { min: thresholds[0] ?? 0, median: median(thresholds), max: thresholds[thresholds.length - 1] ?? 0 },
  };
}
