import type { RankedCandidate } from './matcher.ts';

/** How many candidates a coordinator sees at least, the nearest under the threshold marked weak. */
export const WEAK_SHORTLIST_SIZE = 3;

/**
 * What to offer a coordinator from a ranking (best first): the candidates at or above the
 * threshold, then the nearest under it marked `weak` until there are `nearest`, so that "no
 * confident candidate — here are the three nearest" replaces an empty list, and a single confident
 * candidate does not hide a true match just under the threshold. Those under `floor` are left out:
 * with nothing near, the list is empty and the demand closes as unmatched.
 */
export function shortlist(ranked: readonly RankedCandidate[], threshold: number, nearest: number = WEAK_SHORTLIST_SIZE, floor = 0): RankedCandidate[] {
  const confident = ranked.filter((candidate) => candidate.score >= threshold);
  const near = ranked
    .filter((candidate) => candidate.score < threshold && candidate.score >= floor)
    .slice(0, Math.max(0, nearest - confident.length))
    .map((candidate) => ({ ...candidate, weak: true as const }));
  return [...confident, ...near];
}
