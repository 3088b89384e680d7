import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Submission } from '../../app/intake.ts';
import { confidence, createMaturityPrior, detailFactorOf } from '../../matching/calibration.ts';
import { DEFAULT_ENGINE_CONFIG } from '../../matching/config.ts';
import { authorStyleDataset } from '../../matching/eval/author-style.ts';
import { loadLabelledDataset } from '../../matching/eval/dataset.ts';
import { demandedSolution, offeredSolution, solutionMismatch } from '../../matching/features/solution-type.ts';
import { createMatcher, FLAG_MATURITY_LOW, FLAG_SOLUTION_MISMATCH, type RankedCandidate } from '../../matching/index.ts';
import { createMatcherWithConfig } from '../../matching/matcher.ts';
import { DemandSchema, MatchingInputSchema, type Demand } from '../../matching/schema.ts';
import { relevanceOf, TEXT_HALF_SATURATION } from '../../matching/score.ts';
import { ROLL_WEAR_DEMAND } from '../fixtures/submissions.ts';
import { ALL, achievement, DEV_ACHIEVEMENTS, demand } from './fixtures.ts';

const find = (candidates: readonly RankedCandidate[], id: string) => {
  const found = candidates.find((c) => c.id === id);
  if (!found) throw new Error(`${id} not ranked`);
  return found;
};
const ids = (candidates: readonly RankedCandidate[]) => candidates.map((c) => c.id);

describe("confidence against the subject's pool", () => {
  const calibration = { background: 0.15, detailFactor: 1, maturityFactor: 1 };

  it('counts only the part of a fit above the background, and more of it the lower the background', () => {
    expect(confidence(0.15, calibration, DEFAULT_ENGINE_CONFIG)).toBe(0);
    expect(confidence(0.1, calibration, DEFAULT_ENGINE_CONFIG)).toBe(0);
    expect(confidence(0.6, calibration, DEFAULT_ENGINE_CONFIG)).toBeCloseTo(0.75);
    expect(confidence(0.6, { ...calibration, background: 0.3 }, DEFAULT_ENGINE_CONFIG)).toBeCloseTo(0.5);
    expect(confidence(0.7, calibration, DEFAULT_ENGINE_CONFIG)).toBeGreaterThan(confidence(0.6, calibration, DEFAULT_ENGINE_CONFIG));
  });

  it('is scaled down for a subject that says too little, and by the maturity factor', () => {
    expect(detailFactorOf(40)).toBe(1);
    expect(detailFactorOf(10)).toBeCloseTo(0.5);
    expect(confidence(0.6, { ...calibration, detailFactor: 0.5 }, DEFAULT_ENGINE_CONFIG)).toBeCloseTo(0.375);
    expect(confidence(0.6, { ...calibration, maturityFactor: 0.8 }, DEFAULT_ENGINE_CONFIG)).toBeCloseTo(0.6);
  });

  it('falls back to the plain fit when background calibration is switched off', () => {
    const config = { ...DEFAULT_ENGINE_CONFIG, backgroundCalibration: false, maturityPrior: false };
    expect(confidence(0.6, { ...calibration, detailFactor: 0.5 }, config)).toBe(0.6);
  });
});

describe('a shared concept needs the words to back it', () => {
  const conceptPart = (textScore: number, config = DEFAULT_ENGINE_CONFIG) => relevanceOf(textScore, 8, config) - relevanceOf(textScore, 0, config);

  it('counts in full once the words are half-way convincing, in proportion below, and not at all alone', () => {
    expect(relevanceOf(0, 8, DEFAULT_ENGINE_CONFIG)).toBe(0);
    const half = TEXT_HALF_SATURATION;
    expect(conceptPart(half / 2)).toBeCloseTo(conceptPart(half) / 2);
    expect(conceptPart(half * 2)).toBeCloseTo(conceptPart(half));
    expect(conceptPart(0, { ...DEFAULT_ENGINE_CONFIG, conceptNeedsWords: false })).toBeCloseTo(conceptPart(half));
  });

  const asDemand = (submission: Submission, id: string): Demand => {
    if (submission.kind !== 'demand') throw new Error('not a demand');
    return DemandSchema.parse({ ...submission, id });
  };

  it('leaves a demand nothing in a large pool answers without a confident candidate, and a small focused pool its true matches', () => {
    // Wooden floors that warp: nothing in the author-style pool answers; a bridge-steel result shares one loose concept (变形) and hardly a word.
    const pool = authorStyleDataset(loadLabelledDataset());
    const floors = pool.demands.find((d) => d.id === 'DX04')!;
    const top = (config = DEFAULT_ENGINE_CONFIG) => createMatcherWithConfig(pool, config).rankAchievementsFor(floors, { top: 1 })[0]!.score;
    expect(top()).toBeLessThan(createMatcher(pool).threshold);
    expect(top({ ...DEFAULT_ENGINE_CONFIG, conceptNeedsWords: false })).toBeGreaterThan(top());

    // The seven-result event pool of the docking tests: the roll-wear demand keeps all three roll results.
    const roll = asDemand(ROLL_WEAR_DEMAND, 'ROLL');
    const event = MatchingInputSchema.parse(JSON.parse(readFileSync(new URL('../fixtures/pool.json', import.meta.url), 'utf8')));
    const matcher = createMatcher({ ...event, demands: [roll] });
    const confident = matcher.rankAchievementsFor(roll, ALL).filter((c) => c.score >= matcher.threshold);
    expect(ids(confident).sort()).toEqual(['T-A1', 'T-A2', 'T-A4']);
  });
});

describe('maturity prior', () => {
  // Four of ten achievements at TRL 8 or more, all ten at TRL 6 or more.
  const maturities = [6, 6, 6, 7, 7, 7, 8, 8, 9, 9];

  it("leaves a demand needing what the pool's demands typically need alone, and lowers a stricter one", () => {
    const factor = createMaturityPrior(maturities, [6, 6, 6, 6, 8]);
    expect(factor(6)).toBe(1);
    expect(factor(4)).toBe(1);
    expect(factor(8)).toBeLessThan(0.9);
    expect(factor(9)).toBeLessThan(factor(8));
  });

  it('leans on a typical share while the pool is small', () => {
    const tiny = createMaturityPrior([9], []);
    expect(tiny(8)).toBe(1);
    expect(tiny(10)).toBeGreaterThan(0.85);
  });

  it('gives a demand that only takes production-ready results less confidence in the same candidate', () => {
    const ready = achievement({ id: 'READY', maturity: 9 });
    const matcher = createMatcher({ achievements: [...DEV_ACHIEVEMENTS, ready], demands: [] });
    const open = demand({ id: 'OPEN', cooperationModes: ['转让', '技术服务'] });
    const strict = { ...open, id: 'STRICT', description: `${open.description}要求可直接投产，有工程实例。` };
    const forOpen = find(matcher.rankAchievementsFor(open, ALL), 'READY');
    const forStrict = find(matcher.rankAchievementsFor(strict, ALL), 'READY');
    expect(forStrict.flags).not.toContain(FLAG_MATURITY_LOW);
    expect(forOpen.score).toBeGreaterThanOrEqual(matcher.threshold);
    expect(forStrict.score).toBeLessThan(forOpen.score * 0.9);
    expect(forStrict.reasons).toContain('需求成熟度门槛高（需 ≥8），置信度下调');
    expect(forOpen.reasons.join(' ')).not.toContain('门槛');
  });
});

describe('solution type', () => {
  it('reads what a demand asks for from its ask sentences and what an achievement offers from its title', () => {
    expect(demandedSolution('产品多次被退运。希望获得能降解去除残留农药的处理工艺。')).toBe('intervention');
    expect(demandedSolution('焊缝缺陷事后才发现。希望在焊接过程中实时判断焊缝好坏并报警。')).toBe('sensing');
    expect(demandedSolution('说不清要什么')).toBe('unknown');
    expect(offeredSolution('中药材农药多残留高通量筛查检测方法')).toBe('sensing');
    expect(offeredSolution('高铬铸铁耐磨材料成分设计与热处理技术')).toBe('intervention');
    expect(offeredSolution('腐蚀在线监测与阴极保护智能调控技术')).toBe('both');
    expect(solutionMismatch('intervention', 'sensing')).toBe(true);
    expect(solutionMismatch('sensing', 'intervention')).toBe(true);
    expect(solutionMismatch('intervention', 'both')).toBe(false);
    expect(solutionMismatch('unknown', 'sensing')).toBe(false);
  });

  it('flags a method that only detects what the demand wants removed, with a reason, and ranks it below a remedy', () => {
    const residues = demand({
      id: 'RESIDUE',
      title: '中药饮片农药残留超标，出口批次被退运',
      description: '收购的药材农药残留超标，饮片出口多次被退运。希望获得在饮片加工环节降解去除残留农药的处理工艺，不影响有效成分。',
      fields: ['生物医药', '现代农业'],
      cooperationModes: ['转让', '技术服务'],
    });
    const summary = '针对中药饮片中有机磷与拟除虫菊酯类农药残留，建立前处理与工艺路线，已在饮片企业应用。';
    const detect = achievement({ id: 'DETECT', title: '中药饮片农药残留快速检测方法', summary, keywords: ['农药残留', '中药饮片'], fields: ['生物医药'] });
    const remove = achievement({ id: 'REMOVE', title: '中药饮片农药残留降解去除工艺', summary, keywords: ['农药残留', '中药饮片'], fields: ['生物医药'] });
    const ranked = createMatcher({ achievements: [...DEV_ACHIEVEMENTS, detect, remove], demands: [] }).rankAchievementsFor(residues, ALL);
    expect(ids(ranked).indexOf('REMOVE')).toBeLessThan(ids(ranked).indexOf('DETECT'));
    expect(find(ranked, 'DETECT').flags).toContain(FLAG_SOLUTION_MISMATCH);
    expect(find(ranked, 'DETECT').reasons).toContain('方案类型不符：成果侧重检测识别，需求要求治理改进');
    expect(find(ranked, 'REMOVE').flags).not.toContain(FLAG_SOLUTION_MISMATCH);
  });
});
