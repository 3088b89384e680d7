import type { RankedCandidate } from './matcher.ts';

/** How many nearest candidates a coordinator sees, marked weak, when none is confident. */
export const WEAK_SHORTLIST_SIZE = 3;

/**
 * What to offer a coordinator from a ranking (best first): the candidates at or above the
 * threshold, or, when there are none, the nearest few marked `weak`, so that "no confident
 * candidate — here are the three nearest" replaces an empty list. Those under `floor` are left out:
 * with nothing near, the list is empty and the demand closes as unmatched.
 */
export function shortlist(ranked: readonly RankedCandidate[], threshold: number, nearest: number = WEAK_SHORTLIST_SIZE, floor = 0): RankedCandidate[] {
  const confident = ranked.filter((candidate) => candidate.score >= threshold);
  if (confident.length > 0) return confident;
  return ranked
    .slice(0, nearest)
    .filter((candidate) => candidate.score >= floor)
    .map((candidate) => ({ ...candidate, weak: true }));
}
