import { describe, expect, it } from 'vitest';
import { POLICY_DEFAULTS } from '../../domain/policy.ts';
import { createMatcher, shortlist } from '../../matching/index.ts';
import { WEAK_FLOOR } from '../../matching/shortlist.ts';
import { achievement, DEV_ACHIEVEMENTS, demand } from './fixtures.ts';

describe('what a coordinator is offered', () => {
  const shown = POLICY_DEFAULTS.candidatesShown;
  const matcher = createMatcher({ achievements: [...DEV_ACHIEVEMENTS, achievement({ id: 'PUMP-ALLOY' })], demands: [] });

  it('offers the confident candidates first, unmarked, then the nearest under the threshold marked weak up to the number shown', () => {
    const ranked = matcher.rankAchievementsFor(demand({ id: 'PUMPS' }));
    const offered = shortlist(ranked, matcher.threshold, shown);
    const confident = offered.filter((c) => c.score >= matcher.threshold);
    expect(confident.map((c) => c.id)).toContain('PUMP-ALLOY');
    expect(confident.every((c) => c.weak === undefined)).toBe(true);
    expect(offered.slice(confident.length).every((c) => c.weak === true && c.score < matcher.threshold)).toBe(true);
    expect(offered.length).toBe(Math.max(confident.length, shown));
    expect(offered.map((c) => c.id)).toEqual(ranked.slice(0, offered.length).map((c) => c.id));
  });

  it('offers the nearest, marked weak, when no candidate reaches the threshold', () => {
    const ranked = matcher.rankAchievementsFor(demand({ id: 'PUMPS' }));
    const strict = Math.max(...ranked.map((c) => c.score)) + 0.01;
    expect(ranked.every((c) => c.score >= strict * WEAK_FLOOR)).toBe(true);
    const offered = shortlist(ranked, strict, shown);
    expect(offered.map((c) => c.id)).toEqual(ranked.slice(0, shown).map((c) => c.id));
    expect(offered.every((c) => c.weak)).toBe(true);
  });

  it('offers nothing when even the nearest fall under half the threshold, so the demand closes as unmatched', () => {
    const tiles = demand({
      id: 'TILES',
      title: '高楼外墙瓷砖掉落砸车，不知道哪块要掉',
      description: '几十栋老高层住宅外墙瓷砖时不时掉下来，搭架子一块块敲太贵。想找一种不搭架子、能较快查出外墙哪些地方空鼓快要掉的办法。',
      fields: ['建筑'],
    });
    const ranked = matcher.rankAchievementsFor(tiles);
    expect(ranked.length).toBeGreaterThan(0);
    expect(ranked.every((c) => c.weak === true && c.score < matcher.threshold * WEAK_FLOOR)).toBe(true);
    expect(shortlist(ranked, matcher.threshold, shown)).toEqual([]);
    // With a floor under them, the same candidates are offered, marked weak.
    expect(shortlist(ranked, matcher.threshold, shown, 0)).toHaveLength(shown);
  });
});
