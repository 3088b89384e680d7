import type { RankedCandidate } from './matcher.ts';

/** The share of the confidence threshold a candidate needs to be offered as weak: below it, nothing comes near. */
export const WEAK_FLOOR = 0.5;

/**
 * What to offer a coordinator from a ranking (best first): the candidates at or above the
 * threshold, then the nearest under it marked `weak` until there are `shown` (the programme's
 * `candidatesShown`), so that "no confident candidate — here are the nearest" replaces an empty
 * list, and a strict threshold does not hide a true match just under it. Those under `floor` are
 * left out: with nothing near, the list is empty and the demand closes as unmatched.
 */
export function shortlist(ranked: readonly RankedCandidate[], threshold: number, shown: number, floor = threshold * WEAK_FLOOR): RankedCandidate[] {
  const confident = ranked.filter((candidate) => candidate.score >= threshold);
  const near = ranked
    .filter((candidate) => candidate.score < threshold && candidate.score >= floor)
    .slice(0, Math.max(0, shown - confident.length))
    .map((candidate) => ({ ...candidate, weak: true as const }));
  return [...confident, ...near];
}
