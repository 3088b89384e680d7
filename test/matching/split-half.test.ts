import { describe, expect, it } from 'vitest';
import type { DemandOutcome } from '../../matching/eval/metrics.ts';
import { pickThreshold, splitHalfCheck } from '../../matching/eval/split-half.ts';

const gold = (id: string, best: number): DemandOutcome => ({ demandId: id, hasGold: true, topScore: best, bestGoldScore: best, bestShownGoldScore: best });
const none = (id: string, top: number): DemandOutcome => ({ demandId: id, hasGold: false, topScore: top, bestGoldScore: 0, bestShownGoldScore: 0 });

describe('threshold check on random halves', () => {
  it('picks the middle of the gap between no-match demands and gold demands', () => {
    expect(pickThreshold([none('N1', 0.3), none('N2', 0.4), gold('G1', 0.7), gold('G2', 0.8)])).toBeCloseTo(0.55);
  });

  it('weighs each kind of demand by its share: one no-match demand of two counts as much as two gold demands of four', () => {
    // Keeping N2 out costs G1: half the no-match demands against a quarter of the gold ones.
    const oneGoldLost = [none('N1', 0.3), none('N2', 0.75), ...[0.7, 0.8, 0.85, 0.9].map((s, i) => gold(`G${i}`, s))];
    const picked = pickThreshold(oneGoldLost);
    expect(picked).toBeGreaterThan(0.75);
    expect(picked).toBeLessThan(0.8);
    // Keeping N2 out would cost three of the four: it is let through.
    const threeGoldLost = [none('N1', 0.3), none('N2', 0.85), ...[0.7, 0.75, 0.8, 0.9].map((s, i) => gold(`G${i}`, s))];
    expect(pickThreshold(threeGoldLost)).toBeLessThan(0.7);
  });

  it('reports in-sample and held-out errors for a separable set as zero', () => {
    const outcomes = [...[0.2, 0.3, 0.35, 0.4].map((s, i) => none(`N${i}`, s)), ...[0.6, 0.65, 0.7, 0.8].map((s, i) => gold(`G${i}`, s))];
    const check = splitHalfCheck(outcomes, { splits: 20 });
    expect(check.tuned.noMatchAbove + check.heldOut.noMatchAbove).toBe(0);
    expect(check.heldOut.goldBelow).toBe(0);
    expect(check.heldOut.noMatchDemands).toBe(2);
    expect(check.thresholds.min).toBeGreaterThan(0.35);
  });
});
