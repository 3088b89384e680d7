import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createFindCandidates, SUBJECT_SIDE_MAX_AGE_MS, type FindCandidatesInput } from '../../activities/matching.ts';
import { importDirectory, importPool } from '../../app/directory.ts';
import type { Submission } from '../../app/intake.ts';
import { createPrisma, type PrismaClient } from '../../lib/prisma.ts';
import { ROLL_WEAR_DEMAND } from '../fixtures/submissions.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';

let db: TestDatabase;
let prisma: PrismaClient;

const fixture = async (name: string): Promise<unknown> => JSON.parse(await readFile(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = createPrisma(db.url, 4);
  await importDirectory(prisma, await fixture('directory.json'));
  await importPool(prisma, await fixture('pool.json'));
});
afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

/** A demand as intake writes it, for an enterprise of the fixture directory. */
const insertDemand = async (id: string, submission: Submission): Promise<void> => {
  if (submission.kind !== 'demand') throw new Error('expected a demand');
  const enterprise = await prisma.organisation.findFirstOrThrow({ where: { name: submission.enterprise, kind: 'enterprise' } });
  const { title, description, fields, budgetWan, cooperationModes, region } = submission;
  await prisma.demand.create({ data: { id, enterpriseId: enterprise.id, title, description, fields, keywords: [], budgetWan, cooperationModes, region } });
};

/** Another roll-wear achievement, modelled on T-A1 of the fixture pool. */
const insertRollAchievement = async (id: string): Promise<void> => {
  const university = await prisma.organisation.findFirstOrThrow({ where: { name: '东北大学', kind: 'university' } });
  await prisma.achievement.create({
    data: {
      id,
      universityId: university.id,
      title: '精轧工作辊耐磨堆焊修复与表面强化技术',
      summary: '针对热连轧精轧机工作辊表面磨损快、剥落频繁、换辊次数多的问题，采用耐磨合金堆焊修复与表面强化工艺，轧辊耐磨性提高30%，换辊周期延长一倍。',
      fields: ['冶金'],
      keywords: ['轧辊', '耐磨', '堆焊', '修复'],
      maturity: 8,
      cooperationModes: ['许可', '技术服务'],
      region: '辽宁省',
    },
  });
};

/** A demand only the fixture pool's plant-based yoghurt (T-A7) answers. */
const YOGHURT_DEMAND: Submission = {
  kind: 'demand',
  enterprise: '沈阳宠乐食品有限公司',
  title: '宠物酸奶质构稀、发酵菌株不稳定',
  description: '我们计划推出植物基宠物酸奶，目前以豌豆蛋白发酵，质构偏稀、口感差，货架期短，希望找到产胞外多糖的发酵菌株和质构改良技术。',
  fields: ['食品'],
  budgetWan: 80,
  cooperationModes: ['合作开发', '许可'],
  region: '辽宁省',
};

const forDemand = (subjectId: string): FindCandidatesInput => ({ partnershipId: `p-${subjectId}`, kind: 'demand', subjectId, excluded: [], limit: 10 });

/** The client, with the achievements' full reads counted: each is a load of the pool. */
const countingPoolLoads = (): { prisma: PrismaClient; loads: () => number } => {
  let loads = 0;
  const achievement = new Proxy(prisma.achievement, {
    get: (target, property) =>
      property === 'findMany'
        ? (...args: Parameters<typeof target.findMany>) => {
            loads += 1;
            return target.findMany(...args);
          }
        : (Reflect.get(target, property) as unknown),
  });
  const counted = new Proxy(prisma, { get: (target, property) => (property === 'achievement' ? achievement : (Reflect.get(target, property) as unknown)) });
  return { prisma: counted, loads: () => loads };
};

describe('finding candidates', () => {
  it('ranks a demand submitted after the index was built, as an index built after it would', async () => {
    const { prisma: counted, loads } = countingPoolLoads();
    const findCandidates = createFindCandidates(counted);
    await insertDemand('D-first', ROLL_WEAR_DEMAND);
    expect((await findCandidates(forDemand('D-first'))).map((c) => c.id)).toContain('T-A1');

    await insertDemand('D-later', ROLL_WEAR_DEMAND);
    const later = await findCandidates(forDemand('D-later'));
    const fresh = await createFindCandidates(prisma)(forDemand('D-later'));

    expect(later.map((c) => c.id)).toEqual(fresh.map((c) => c.id));
    // The scores may differ in the third decimal: the demands in the index shape its statistics.
    later.forEach((c, i) => expect(c.score).toBeCloseTo(fresh[i]!.score, 1));
    expect(later.map((c) => c.id)).toContain('T-A1');
    // A new demand changes only the statistics' side: no reload of the pool for it.
    expect(loads()).toBe(1);
  });

  it('offers an achievement added after the index was built to a demand it fits', async () => {
    const findCandidates = createFindCandidates(prisma);
    await insertDemand('D-roll', ROLL_WEAR_DEMAND);
    const before = await findCandidates(forDemand('D-roll'));
    expect(before.map((c) => c.id)).not.toContain('T-A-new');

    await insertRollAchievement('T-A-new');
    const after = await findCandidates(forDemand('D-roll'));

    expect(after.map((c) => c.id)).toContain('T-A-new');
    expect(after.find((c) => c.id === 'T-A-new')?.counterpart).toEqual({ id: 'u-neu', name: '东北大学' });
  });

  it('offers a demand added after the index was built to an achievement it fits', async () => {
    const findCandidates = createFindCandidates(prisma);
    const forYoghurt = { partnershipId: 'p-T-A7', kind: 'achievement', subjectId: 'T-A7', excluded: [], limit: 10 } as const;
    expect((await findCandidates(forYoghurt)).map((c) => c.id)).not.toContain('D-yoghurt');

    await insertDemand('D-yoghurt', YOGHURT_DEMAND);
    const after = await findCandidates(forYoghurt);

    expect(after.map((c) => c.id)).toContain('D-yoghurt');
    expect(after.find((c) => c.id === 'D-yoghurt')?.counterpart).toEqual({ id: 'e-petfood', name: '沈阳宠乐食品有限公司' });
  });

  it('offers a demand with no confident candidate the nearest, marked weak, leaving out what does not come near', async () => {
    await insertDemand('D-SOY', {
      ...YOGHURT_DEMAND,
      title: '酱油发酵周期长、风味不足',
      description: '我们酿造酱油，发酵周期长达半年，风味物质积累不够，希望缩短发酵周期并提升鲜味。',
    });
    const offered = await createFindCandidates(prisma)({ ...forDemand('D-SOY'), limit: 5 });
    // The soy-sauce fermentation result shares the trade but not the problem; nothing else in the pool is near.
    expect(offered.map((c) => [c.id, c.weak])).toEqual([['T-A3', true]]);
  });

  it('answers ten concurrent calls for new demands with one reload of the pool', async () => {
    const { prisma: counted, loads } = countingPoolLoads();
    const findCandidates = createFindCandidates(counted);
    await insertDemand('D-burst-first', ROLL_WEAR_DEMAND);
    await findCandidates(forDemand('D-burst-first'));
    expect(loads()).toBe(1);

    await insertRollAchievement('T-A-burst');
    const ids = Array.from({ length: 10 }, (_, i) => `D-burst-${i}`);
    for (const id of ids) await insertDemand(id, ROLL_WEAR_DEMAND);
    const answers = await Promise.all(ids.map((id) => findCandidates(forDemand(id))));

    for (const candidates of answers) expect(candidates.map((c) => c.id)).toContain('T-A-burst');
    expect(loads()).toBe(2);
  });

  it('rebuilds for new demands once the index is older than the bound', async () => {
    const { prisma: counted, loads } = countingPoolLoads();
    const findCandidates = createFindCandidates(counted);
    await insertDemand('D-aged-first', ROLL_WEAR_DEMAND);
    await findCandidates(forDemand('D-aged-first'));
    await insertDemand('D-aged-second', ROLL_WEAR_DEMAND);
    await findCandidates(forDemand('D-aged-second'));
    expect(loads()).toBe(1);

    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + SUBJECT_SIDE_MAX_AGE_MS + 1_000);
      await findCandidates(forDemand('D-aged-second'));
      expect(loads()).toBe(2);
      await findCandidates(forDemand('D-aged-second'));
      expect(loads()).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("learns from the programme's decisions: after a university's run of declines in a field, its achievement ranks lower for the next demand there", async () => {
    const findCandidates = createFindCandidates(prisma);
    await insertDemand('D-learn', ROLL_WEAR_DEMAND);
    const before = await findCandidates(forDemand('D-learn'));
    const declined = before.find((c) => c.id === 'T-A1');
    expect(declined, 'T-A1 is offered before any decision').toBeDefined();

    const coordinator = await prisma.person.findFirstOrThrow({ where: { role: 'coordinator' } });
    for (const n of [1, 2, 3, 4]) {
      const demandId = `D-declined-${n}`;
      await insertDemand(demandId, ROLL_WEAR_DEMAND);
      const reference = `P-2026-9900${n}0`;
      const partnershipId = `learn-${n}`;
      await prisma.partnership.create({
        data: {
          id: partnershipId,
          reference,
          workflowId: `partnership-${reference}`,
          submissionKey: partnershipId,
          kind: 'demand',
          title: ROLL_WEAR_DEMAND.title,
          region: '辽宁省',
          industry: '冶金',
          submittedById: coordinator.id,
          demandId,
        },
      });
      await prisma.matchProposal.create({
        data: {
          partnershipId,
          candidateId: 'T-A1',
          counterpartOrgId: declined!.counterpart.id,
          rank: 1,
          score: declined!.score,
          status: 'declined',
          declineCategory: 'budget',
        },
      });
    }

    // The same activity, as a worker keeps it: the recorded decisions reach its next ranking.
    const after = (await findCandidates(forDemand('D-learn'))).find((c) => c.id === 'T-A1')?.score ?? 0;
    // Against the same pool without the decisions, so that the new demands' statistics are not what moved it.
    await prisma.matchProposal.deleteMany({ where: { partnershipId: { startsWith: 'learn-' } } });
    const control = (await createFindCandidates(prisma)(forDemand('D-learn'))).find((c) => c.id === 'T-A1')!.score;
    expect(after).toBeLessThan(control);
  });

  it('refuses a subject that does not exist, as before', async () => {
    const findCandidates = createFindCandidates(prisma);
    await expect(findCandidates(forDemand('D-missing'))).rejects.toThrow('demand D-missing is not in the pool');
    await expect(findCandidates({ ...forDemand('T-missing'), kind: 'achievement' })).rejects.toThrow('achievement T-missing is not in the pool');
  });
});
