import { describe, expect, it } from 'vitest';
import { CONCEPT_MAP } from '../../matching/concepts/index.ts';
import { DEFAULT_ENGINE_CONFIG } from '../../matching/config.ts';
import { createConceptDetector } from '../../matching/concepts/detect.ts';
import { authorStyleDataset } from '../../matching/eval/author-style.ts';
import { loadLabelledDataset } from '../../matching/eval/dataset.ts';
import { evaluateBaseline, evaluateEngine } from '../../matching/eval/evaluate.ts';
import { familiesOf, leaveFamilyOut, withoutFamilies } from '../../matching/eval/leave-family-out.ts';
import { withheldMatches } from '../../matching/eval/withheld.ts';
import { createMatcher } from '../../matching/index.ts';
import { achievement, DEV_ACHIEVEMENTS, demand, PUMP_PARTS_TEXT, UNRELATED } from './fixtures.ts';

const dev = loadLabelledDataset();
const authorStyle = authorStyleDataset(dev);

describe('held-out splits', () => {
  it('leave-family-out ranks each demand without the concepts of any family that claims one of its fields', () => {
    const pumps = demand({ id: 'PUMPS', fields: ['新材料', '矿山机械'] });
    const held = familiesOf(pumps);
    expect(held).toEqual(['新材料', '机械与智能制造', '矿山与安全生产']);
    const reduced = withoutFamilies(CONCEPT_MAP, held);
    expect(createConceptDetector(CONCEPT_MAP)('叶轮磨损').has('wear')).toBe(true);
    expect(createConceptDetector(reduced)('叶轮磨损').has('wear')).toBe(false);
  });

  it('without a family’s knowledge, still finds a true match in the first five for most demands, well ahead of plain BM25', () => {
    const { metrics } = leaveFamilyOut(dev);
    expect(metrics.recallAt5).toBeGreaterThanOrEqual(0.9);
    expect(metrics.mrrAt10).toBeGreaterThanOrEqual(0.65);
    expect(metrics.mrrAt10).toBeGreaterThan(evaluateBaseline(dev).mrrAt10 + 0.2);
  });

  it('without a family’s knowledge, keeps most demands nothing in the pool solves below the threshold, and offers nearly every true match', () => {
    const { metrics } = leaveFamilyOut(dev);
    expect(metrics.noMatchDemands).toBe(8);
    expect(metrics.noMatchAboveThreshold!).toBeLessThanOrEqual(metrics.noMatchDemands / 4);
    // Three quarters of the true matches stay confident though the knowledge that linked them is gone;
    // the others are offered marked weak, and no demand with a true match is closed.
    expect(metrics.goldBelowThreshold!).toBeLessThanOrEqual(metrics.judged / 4);
    expect(metrics.goldOffered!).toBeGreaterThanOrEqual(0.95 * metrics.judged);
    expect(metrics.goldClosedUnmatched).toBe(0);
  });

  it('puts true matches first more often with the character view than with words and concepts alone, without a family’s knowledge', () => {
    const withView = leaveFamilyOut(dev).metrics;
    const wordsOnly = leaveFamilyOut(dev, { ...DEFAULT_ENGINE_CONFIG, characterRerank: false }).metrics;
    expect(withView.mrrAt10).toBeGreaterThan(wordsOnly.mrrAt10 + 0.05);
    expect(withView.goldBelowThreshold!).toBeLessThan(wordsOnly.goldBelowThreshold!);
  });

  it('matches plain shop-floor demands to results written in paper language', () => {
    const metrics = evaluateEngine(authorStyle);
    expect(metrics.judged).toBe(30);
    expect(metrics.recallAt5).toBeGreaterThanOrEqual(0.9);
    expect(metrics.goldBelowThreshold).toBeLessThanOrEqual(3);
  });

  it('matches plain words to paper language without a family’s knowledge: a true match in the first five for most demands, often first', () => {
    const { metrics } = leaveFamilyOut(authorStyle);
    expect(metrics.recallAt5).toBeGreaterThanOrEqual(0.85);
    expect(metrics.mrrAt10).toBeGreaterThanOrEqual(0.65);
    expect(metrics.noMatchAboveThreshold!).toBeLessThanOrEqual(metrics.noMatchDemands / 4);
  });

  it('keeps demands that nothing in the pool addresses, written in plain words, mostly below the threshold', () => {
    const matcher = createMatcher(authorStyle);
    const unanswerable = authorStyle.demands.filter((d) => d.id.startsWith('DX'));
    expect(unanswerable.length).toBe(8);
    const confident = unanswerable.filter((d) => (matcher.rankAchievementsFor(d, { top: 1 })[0]?.score ?? 0) >= matcher.threshold);
    expect(confident.length).toBeLessThanOrEqual(unanswerable.length / 4);
  });

  it('with its true matches withheld, counts a demand as taking a neighbour for an answer only when something confident is left', () => {
    const pumps = demand({ id: 'PUMPS' });
    const match = achievement({ id: 'MATCH', ...PUMP_PARTS_TEXT });
    const gold = [{ demandId: 'PUMPS', relevant: ['MATCH'] }];
    const alone = withheldMatches({ achievements: [match, ...UNRELATED], demands: [pumps], gold });
    expect(alone).toMatchObject({ demands: 1, confident: 0 });
    expect(alone.medianTop).toBeLessThan(createMatcher({ achievements: [], demands: [] }).threshold);

    // Among the dev pool's results, the slurry-pump wear ones are left: what the pool ranks first without the match.
    const withNeighbours = withheldMatches({ achievements: [match, ...DEV_ACHIEVEMENTS], demands: [pumps], gold });
    const matcher = createMatcher({ achievements: DEV_ACHIEVEMENTS, demands: [pumps] });
    const nearest = matcher.rankAchievementsFor(pumps, { top: 1 })[0]!;
    expect(nearest.score).toBeGreaterThanOrEqual(matcher.threshold);
    expect(withNeighbours).toEqual({ demands: 1, confident: 1, medianTop: nearest.score });
  });
});
