import { describe, expect, it } from 'vitest';
import { createMatcher, shortlist, WEAK_SHORTLIST_SIZE } from '../../matching/index.ts';
import { achievement, DEV_ACHIEVEMENTS, demand } from './fixtures.ts';

describe('what a coordinator is offered', () => {
  const matcher = createMatcher({ achievements: [...DEV_ACHIEVEMENTS, achievement({ id: 'PUMP-ALLOY' })], demands: [] });

  it('offers the confident candidates first, unmarked, then the nearest under the threshold marked weak up to three', () => {
    const ranked = matcher.rankAchievementsFor(demand({ id: 'PUMPS' }));
    const offered = shortlist(ranked, matcher.threshold);
    const confident = offered.filter((c) => c.score >= matcher.threshold);
    expect(confident.map((c) => c.id)).toContain('PUMP-ALLOY');
    expect(confident.every((c) => c.weak === undefined)).toBe(true);
    expect(offered.slice(confident.length).every((c) => c.weak === true && c.score < matcher.threshold)).toBe(true);
    expect(offered.length).toBe(Math.max(confident.length, WEAK_SHORTLIST_SIZE));
    expect(offered.map((c) => c.id)).toEqual(ranked.slice(0, offered.length).map((c) => c.id));
  });

  it('offers the three nearest, marked weak, when no candidate is confident', () => {
    const tiles = demand({
      id: 'TILES',
      title: '高楼外墙瓷砖掉落砸车，不知道哪块要掉',
      description: '几十栋老高层住宅外墙瓷砖时不时掉下来，搭架子一块块敲太贵。想找一种不搭架子、能较快查出外墙哪些地方空鼓快要掉的办法。',
      fields: ['建筑'],
    });
    const ranked = matcher.rankAchievementsFor(tiles);
    expect(ranked.every((c) => c.score < matcher.threshold && c.weak === true)).toBe(true);
    const offered = shortlist(ranked, matcher.threshold);
    expect(offered).toHaveLength(WEAK_SHORTLIST_SIZE);
    expect(offered.map((c) => c.id)).toEqual(ranked.slice(0, WEAK_SHORTLIST_SIZE).map((c) => c.id));
    expect(offered.every((c) => c.weak)).toBe(true);
  });

  it('offers nothing when even the nearest fall under the floor, so the demand closes as unmatched', () => {
    const ranked = matcher.rankAchievementsFor(
      demand({ id: 'CATFOOD', title: '宠物猫粮适口性差、退货多', description: '猫粮适口性差，猫不爱吃，退货率高，希望改进配方与诱食剂。', fields: ['食品'] }),
    );
    const nearest = ranked.slice(0, WEAK_SHORTLIST_SIZE);
    const floor = Math.max(...nearest.map((c) => c.score)) + 0.01;
    expect(shortlist(ranked, matcher.threshold, WEAK_SHORTLIST_SIZE, floor)).toEqual([]);
  });
});
