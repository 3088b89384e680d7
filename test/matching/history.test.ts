import { describe, expect, it } from 'vitest';
import { createMatcher, FLAG_MATURITY_LOW, type Demand, type ProposalOutcome, type RankedCandidate } from '../../matching/index.ts';
import { ALL, achievement, DEV_ACHIEVEMENTS, demand } from './fixtures.ts';

const ids = (candidates: readonly RankedCandidate[]) => candidates.map((c) => c.id);
const find = (candidates: readonly RankedCandidate[], id: string) => {
  const found = candidates.find((c) => c.id === id);
  if (!found) throw new Error(`${id} not ranked`);
  return found;
};

// Two answers to a worn-pump demand: the more specific one is still at the pilot stage.
const early = achievement({
  id: 'EARLY',
  maturity: 6,
  title: '渣浆泵叶轮护板高铬铸铁耐磨材料成分设计与热处理技术',
  keywords: ['高铬铸铁', '耐磨材料', '渣浆泵', '叶轮'],
});
const ready = achievement({ id: 'READY', maturity: 8, university: '另一大学' });
const next = demand({ id: 'NEXT', fields: ['新材料'], cooperationModes: ['转让', '许可', '技术服务'] });

/** Earlier demands of the same field whose proposals were declined, each with the given reason. */
function declinedRun(count: number, category: 'too_early' | 'budget', achievementId: string, fields: readonly string[] = ['新材料']) {
  const earlier: Demand[] = Array.from({ length: count }, (_, i) => demand({ id: `EARLIER-${i}`, fields: [...fields] }));
  const outcomes: ProposalOutcome[] = earlier.map((d) => ({ demandId: d.id, achievementId, outcome: 'declined', category }));
  return { earlier, outcomes };
}

describe("learning from the programme's own decisions", () => {
  const pool = [...DEV_ACHIEVEMENTS, early, ready];

  it('a run of too_early declines in a field makes the next demand of that field ask for more maturity', () => {
    const { earlier, outcomes } = declinedRun(3, 'too_early', 'EARLY');
    const before = createMatcher({ achievements: pool, demands: earlier }).rankAchievementsFor(next, ALL);
    const after = createMatcher({ achievements: pool, demands: earlier, outcomes }).rankAchievementsFor(next, ALL);
    expect(ids(before).indexOf('EARLY')).toBeLessThan(ids(before).indexOf('READY'));
    expect(find(after, 'EARLY').flags).toContain(FLAG_MATURITY_LOW);
    expect(ids(after).indexOf('READY')).toBeLessThan(ids(after).indexOf('EARLY'));
  });

  it('one or two declines, or declines in another field, do not change what the next demand asks for', () => {
    const few = declinedRun(2, 'too_early', 'EARLY');
    const elsewhere = declinedRun(5, 'too_early', 'EARLY', ['现代农业']);
    const afterFew = createMatcher({ achievements: pool, demands: few.earlier, outcomes: few.outcomes }).rankAchievementsFor(next, ALL);
    expect(find(afterFew, 'EARLY').flags).not.toContain(FLAG_MATURITY_LOW);
    const other = createMatcher({ achievements: pool, demands: elsewhere.earlier, outcomes: elsewhere.outcomes }).rankAchievementsFor(next, ALL);
    expect(find(other, 'EARLY').flags).not.toContain(FLAG_MATURITY_LOW);
  });

  it('a run of budget declines favours licences and services over outright purchase', () => {
    const buy = achievement({ id: 'BUY', cooperationModes: ['转让'], university: '甲大学' });
    const licence = achievement({ id: 'LICENCE', cooperationModes: ['许可'], university: '乙大学' });
    const declinedBefore = achievement({ id: 'BG-DECLINED', university: '丙大学', title: '矿用输送带撕裂检测', keywords: ['输送带'] });
    const { earlier, outcomes } = declinedRun(3, 'budget', 'BG-DECLINED');
    const achievements = [...DEV_ACHIEVEMENTS, buy, licence, declinedBefore];
    const before = createMatcher({ achievements, demands: earlier }).rankAchievementsFor(next, ALL);
    const after = createMatcher({ achievements, demands: earlier, outcomes }).rankAchievementsFor(next, ALL);
    expect(find(before, 'BUY').score).toBe(find(before, 'LICENCE').score);
    expect(find(after, 'LICENCE').score).toBeGreaterThan(find(after, 'BUY').score);
    expect(find(after, 'LICENCE').reasons.join(' ')).toContain('预算友好');
  });

  it("a university's accepted and signed proposals in a field lift its results there; its declined ones lower them", () => {
    const twinA = achievement({ id: 'TWIN-A', university: '甲大学' });
    const twinB = achievement({ id: 'TWIN-B', university: '乙大学' });
    const achievements = [...DEV_ACHIEVEMENTS, twinA, twinB];
    const past = [demand({ id: 'P1' }), demand({ id: 'P2' }), demand({ id: 'P3' })];
    const plain = createMatcher({ achievements, demands: past }).rankAchievementsFor(next, ALL);
    expect(find(plain, 'TWIN-A').score).toBe(find(plain, 'TWIN-B').score);

    const outcomes: ProposalOutcome[] = [
      { demandId: 'P1', achievementId: 'TWIN-B', outcome: 'signed' },
      { demandId: 'P2', achievementId: 'TWIN-B', outcome: 'accepted' },
      { demandId: 'P3', achievementId: 'TWIN-A', outcome: 'declined', category: 'other' },
    ];
    const after = createMatcher({ achievements, demands: past, outcomes }).rankAchievementsFor(next, ALL);
    expect(ids(after).indexOf('TWIN-B')).toBeLessThan(ids(after).indexOf('TWIN-A'));
    expect(find(after, 'TWIN-B').reasons).toContain('往绩：该校同领域推荐曾被接受或签约');
    // A record reorders plausible candidates; it never lifts one over the threshold or sinks one below it.
    expect(find(after, 'TWIN-B').score >= 0.6).toBe(find(plain, 'TWIN-B').score >= 0.6);
    expect(find(after, 'TWIN-A').score >= 0.6).toBe(find(plain, 'TWIN-A').score >= 0.6);
  });
});
