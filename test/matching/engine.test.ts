import { beforeAll, describe, expect, it } from 'vitest';
import { createMatcher, DECLINE_CATEGORIES, FLAG_MATURITY_LOW, FLAG_MODE_INCOMPATIBLE, type RankedCandidate, type Matcher } from '../../matching/index.ts';
import { loadLabelledDataset } from '../../matching/eval/dataset.ts';
import { ALL, achievement, DEV_ACHIEVEMENTS, demand, PUMP_PARTS_TEXT, UNRELATED } from './fixtures.ts';

const ids = (candidates: readonly RankedCandidate[]) => candidates.map((c) => c.id);
/** The ids under test, in the order the ranking put them. */
const orderOf = (candidates: readonly RankedCandidate[], wanted: readonly string[]) => ids(candidates).filter((id) => wanted.includes(id));
const find = (candidates: readonly RankedCandidate[], id: string) => {
  const found = candidates.find((c) => c.id === id);
  if (!found) throw new Error(`${id} not ranked`);
  return found;
};

describe('ranking achievements for a demand', () => {
  const wearDemand = demand({ id: 'D1' });
  // Research language only: no word of the demand's title appears here.
  const coating = achievement({
    id: 'COATING',
    title: 'WC-CoCr金属陶瓷涂层超音速火焰喷涂制备',
    summary: '研究液固两相冲蚀机理，采用超音速火焰喷涂制备碳化钨金属陶瓷涂层，冲蚀失重降低80%。',
    keywords: ['金属陶瓷涂层', '超音速火焰喷涂', '碳化钨'],
    fields: ['新材料', '表面工程'],
  });
  const sameWordsOtherProblem = achievement({
    id: 'PUMP-CONTROL',
    title: '渣浆泵变频节能控制系统',
    summary: '针对渣浆泵电耗高，建立管网特性模型，变频调速节电20%。',
    keywords: ['渣浆泵', '变频', '节能'],
    fields: ['智能制造'],
  });
  let matcher: Matcher;
  beforeAll(() => {
    matcher = createMatcher({ achievements: [...UNRELATED, coating, sameWordsOtherProblem], demands: [wearDemand] });
  });

  it('bridges production language to research language through the concept map', () => {
    const [best] = matcher.rankAchievementsFor(wearDemand);
    expect(best?.id).toBe('COATING');
    expect(best?.reasons[0]).toMatch(/^概念匹配：.*磨损.*→/);
  });

  it('keeps scores in [0, 1], best first, and honours top', () => {
    const ranked = matcher.rankAchievementsFor(wearDemand, { top: 3 });
    expect(ranked).toHaveLength(3);
    for (const [i, candidate] of ranked.entries()) {
      expect(candidate.score).toBeGreaterThanOrEqual(0);
      expect(candidate.score).toBeLessThanOrEqual(1);
      if (i > 0) expect(candidate.score).toBeLessThanOrEqual(ranked[i - 1]!.score);
    }
  });

  it("gives a demand outside the pool's industries only low scores", () => {
    const offTopic = demand({
      id: 'OFF',
      title: '咖啡门店排队时间长，顾客流失',
      description: '门店高峰期点单排队超过二十分钟，希望改善顾客体验。',
      fields: ['商贸'],
    });
    const [best] = matcher.rankAchievementsFor(offTopic);
    expect(best!.score).toBeLessThan(matcher.threshold);
  });

  it('is deterministic and ranks new demands not in the pool', () => {
    const fresh = { ...wearDemand, id: 'NEW' };
    expect(matcher.rankAchievementsFor(fresh)).toEqual(matcher.rankAchievementsFor(wearDemand));
  });

  it('ranks demands for an achievement too', () => {
    const otherDemand = demand({ id: 'D2', title: '奶牛受胎率低', description: '牧场配种受胎率低，空怀期长。', fields: ['现代农业'] });
    const reverse = createMatcher({ achievements: [coating], demands: [otherDemand, wearDemand] });
    expect(ids(reverse.rankDemandsFor(coating))).toEqual(['D1', 'D2']);
  });
});

describe('fit: fields, mode, maturity, region', () => {
  const base = demand({ id: 'D', cooperationModes: ['转让', '技术服务'], region: '辽宁省' });
  const twin = (id: string, overrides: Parameters<typeof achievement>[0] extends infer T ? Partial<T> : never) => achievement({ ...overrides, id });

  it('prefers a shared field over a related one over an unrelated one', () => {
    const pool = [twin('SHARED', { fields: ['新材料'] }), twin('RELATED', { fields: ['冶金'] }), twin('UNRELATED', { fields: ['生物医药'] })];
    const ranked = createMatcher({ achievements: [...DEV_ACHIEVEMENTS, ...pool], demands: [] }).rankAchievementsFor(base, ALL);
    expect(orderOf(ranked, ['SHARED', 'RELATED', 'UNRELATED'])).toEqual(['SHARED', 'RELATED', 'UNRELATED']);
    expect(find(ranked, 'UNRELATED').reasons).toContain('领域不同');
  });

  it('flags (not drops) an achievement whose modes the demand cannot use, and ranks it lower', () => {
    const pool = [twin('OK', {}), twin('CODEV-ONLY', { cooperationModes: ['合作开发'] })];
    const ranked = createMatcher({ achievements: [...DEV_ACHIEVEMENTS, ...pool], demands: [] }).rankAchievementsFor(base, ALL);
    expect(ids(ranked).indexOf('OK')).toBeLessThan(ids(ranked).indexOf('CODEV-ONLY'));
    const misfit = find(ranked, 'CODEV-ONLY');
    expect(misfit.flags).toContain(FLAG_MODE_INCOMPATIBLE);
    expect(misfit.reasons).toContain('合作方式不符：需求要转让/技术服务，成果仅合作开发');
    expect(find(ranked, 'OK').reasons).toContain('合作方式：转让、技术服务');
  });

  it('flags a lab-stage achievement for a buyer but not for a co-developer', () => {
    const pool = [twin('READY', { maturity: 8 }), twin('LAB', { maturity: 4, cooperationModes: ['转让', '合作开发'] })];
    const matcher = createMatcher({ achievements: [...DEV_ACHIEVEMENTS, ...pool], demands: [] });
    const forBuyer = matcher.rankAchievementsFor(base, ALL);
    expect(find(forBuyer, 'LAB').flags).toContain(FLAG_MATURITY_LOW);
    expect(find(forBuyer, 'LAB').reasons).toContain('成熟度偏低：TRL 4（需 ≥6）');
    expect(find(forBuyer, 'READY').reasons).toContain('成熟度 TRL 8');
    expect(ids(forBuyer).indexOf('READY')).toBeLessThan(ids(forBuyer).indexOf('LAB'));
    const coDeveloper = { ...base, cooperationModes: ['合作开发' as const] };
    expect(find(matcher.rankAchievementsFor(coDeveloper, ALL), 'LAB').flags).not.toContain(FLAG_MATURITY_LOW);
  });

  it('uses region to break a tie, never to beat a more relevant candidate', () => {
    const pool = [
      twin('FAR', { ...PUMP_PARTS_TEXT, region: '广东省' }),
      twin('NEAR', { ...PUMP_PARTS_TEXT, region: '辽宁省' }),
      twin('NEAR-WEAK', {
        region: '辽宁省',
        title: '泵站远程监控系统',
        summary: '泵站运行数据远程采集与监控。',
        keywords: ['远程监控'],
      }),
    ];
    const matcher = createMatcher({ achievements: [...DEV_ACHIEVEMENTS, ...pool], demands: [] });
    const ranked = matcher.rankAchievementsFor(base, ALL);
    expect(orderOf(ranked, ['NEAR', 'FAR'])).toEqual(['NEAR', 'FAR']);
    expect(find(ranked, 'FAR').score).toBeGreaterThanOrEqual(matcher.threshold);
    expect(find(ranked, 'FAR').score - find(ranked, 'NEAR').score).toBeLessThan(0.02);
    expect(ids(ranked).indexOf('FAR')).toBeLessThan(ids(ranked).indexOf('NEAR-WEAK'));
    expect(find(ranked, 'NEAR').reasons.length).toBeLessThanOrEqual(4);
  });
});

describe('re-matching after a decline', () => {
  const base = demand({ id: 'D', cooperationModes: ['转让', '许可', '合作开发', '技术服务'] });
  const pool = [
    achievement({ ...PUMP_PARTS_TEXT, id: 'DECLINED', maturity: 8 }),
    achievement({ ...PUMP_PARTS_TEXT, id: 'BUY-ONLY', maturity: 8, cooperationModes: ['转让'] }),
    achievement({ ...PUMP_PARTS_TEXT, id: 'LICENCE', maturity: 8, cooperationModes: ['许可'] }),
    achievement({
      ...PUMP_PARTS_TEXT,
      id: 'VAGUE',
      maturity: 8,
      summary: '研究高铬铸铁过流件的成分设计与热处理工艺，提高硬度与韧性，改善耐磨性能，已在多家选矿厂应用。',
    }),
    achievement({ ...PUMP_PARTS_TEXT, id: 'EARLY', maturity: 5, cooperationModes: ['转让', '许可'] }),
  ];
  let matcher: Matcher;
  beforeAll(() => {
    matcher = createMatcher({ achievements: [...DEV_ACHIEVEMENTS, ...pool], demands: [base] });
  });

  it('knows the decline categories', () => {
    expect(DECLINE_CATEGORIES).toEqual(['too_early', 'unclear_benefit', 'budget', 'timing', 'other']);
  });

  it('never proposes a declined or excluded achievement again', () => {
    const ranked = matcher.rankAchievementsFor(base, { ...ALL, exclude: ['BUY-ONLY'], declined: [{ id: 'DECLINED', category: 'other' }] });
    expect(ids(ranked)).not.toContain('DECLINED');
    expect(ids(ranked)).not.toContain('BUY-ONLY');
  });

  it('too_early: asks for more maturity', () => {
    const before = find(matcher.rankAchievementsFor(base, ALL), 'EARLY');
    const after = find(matcher.rankAchievementsFor(base, { ...ALL, declined: [{ id: 'DECLINED', category: 'too_early' }] }), 'EARLY');
    expect(before.flags).not.toContain(FLAG_MATURITY_LOW);
    expect(after.flags).toContain(FLAG_MATURITY_LOW);
  });

  it('budget: prefers a licence or service over an outright purchase', () => {
    const ranked = matcher.rankAchievementsFor(base, { ...ALL, declined: [{ id: 'DECLINED', category: 'budget' }] });
    expect(ids(ranked).indexOf('LICENCE')).toBeLessThan(ids(ranked).indexOf('BUY-ONLY'));
    expect(find(ranked, 'LICENCE').reasons.join(' ')).toContain('预算友好：许可');
  });

  it('unclear_benefit: prefers results with measured benefits', () => {
    const plain = matcher.rankAchievementsFor(base, ALL);
    const ranked = matcher.rankAchievementsFor(base, { ...ALL, declined: [{ id: 'DECLINED', category: 'unclear_benefit' }] });
    expect(find(ranked, 'VAGUE').score).toBeLessThan(find(plain, 'VAGUE').score);
    expect(find(ranked, 'LICENCE').score).toBe(find(plain, 'LICENCE').score);
    expect(find(ranked, 'LICENCE').reasons).toContain('效益有量化数据');
  });

  it('timing: prefers results ready to deploy', () => {
    const plain = find(matcher.rankAchievementsFor(base, ALL), 'EARLY').score;
    const hurried = find(matcher.rankAchievementsFor(base, { ...ALL, declined: [{ id: 'DECLINED', category: 'timing' }] }), 'EARLY');
    expect(hurried.score).toBeLessThan(plain);
  });

  it('reorders plausible candidates by what the decline asked for, but never makes one implausible', () => {
    const plain = find(matcher.rankAchievementsFor(base, ALL), 'EARLY').score;
    expect(plain).toBeGreaterThanOrEqual(matcher.threshold);
    for (const category of ['timing', 'budget', 'unclear_benefit'] as const) {
      const after = find(matcher.rankAchievementsFor(base, { ...ALL, declined: [{ id: 'DECLINED', category }] }), 'EARLY');
      expect(after.score, category).toBeGreaterThanOrEqual(matcher.threshold);
    }
  });
});

describe('reasons', () => {
  it('names each matched concept once, however many concepts surface through the same words', () => {
    const matcher = createMatcher({ achievements: DEV_ACHIEVEMENTS, demands: [] });
    const { demands } = loadLabelledDataset();
    for (const d of demands) {
      for (const candidate of matcher.rankAchievementsFor(d, { top: 5 })) {
        const concepts = candidate.reasons.find((r) => r.startsWith('概念匹配：'));
        if (!concepts) continue;
        const links = concepts.slice('概念匹配：'.length).split('，');
        expect(new Set(links).size, `${d.id} → ${candidate.id}: ${concepts}`).toBe(links.length);
      }
    }
  });
});
