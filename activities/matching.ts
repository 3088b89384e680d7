import { createMatcher, type Achievement, type Demand, type Matcher } from '../matching/index.ts';
import type { PrismaClient } from '../lib/prisma.ts';
import type { DeclineCategory, PartnershipKind } from '../domain/vocabulary.ts';
import type { Candidate } from '../workflows/events.ts';

export interface FindCandidatesInput {
  readonly partnershipId: string;
  readonly kind: PartnershipKind;
  readonly subjectId: string;
  /** Candidates already declined, lapsed or failed, with why: never offered again. */
  readonly excluded: readonly { id: string; category: DeclineCategory }[];
  readonly limit: number;
}

type AchievementRow = Awaited<ReturnType<typeof loadPool>>['achievements'][number];
type DemandRow = Awaited<ReturnType<typeof loadPool>>['demands'][number];

const loadPool = async (prisma: PrismaClient) => {
  const [achievements, demands] = await Promise.all([
    prisma.achievement.findMany({ include: { university: { select: { id: true, name: true } } }, orderBy: { id: 'asc' } }),
    prisma.demand.findMany({ include: { enterprise: { select: { id: true, name: true } } }, orderBy: { id: 'asc' } }),
  ]);
  return { achievements, demands };
};

const toAchievement = (row: AchievementRow): Achievement => ({
  id: row.id,
  university: row.university.name,
  title: row.title,
  summary: row.summary,
  fields: row.fields,
  keywords: row.keywords,
  maturity: row.maturity,
  cooperationModes: row.cooperationModes as Achievement['cooperationModes'],
  region: row.region,
});

const toDemand = (row: DemandRow): Demand => ({
  id: row.id,
  enterprise: row.enterprise.name,
  title: row.title,
  description: row.description,
  fields: row.fields,
  budgetWan: Number(row.budgetWan ?? 0),
  cooperationModes: row.cooperationModes as Demand['cooperationModes'],
  region: row.region,
});

/**
 * Ranks the pool for a partnership's demand (achievements) or achievement (demands). The index
 * is rebuilt only when the pool changes, so repeated matching costs one ranking.
 */
export const createFindCandidates = (prisma: PrismaClient) => {
  let cached: { version: string; matcher: Matcher; pool: Awaited<ReturnType<typeof loadPool>> } | null = null;

  const current = async () => {
    const [achievements, demands] = await Promise.all([
      prisma.achievement.aggregate({ _count: true, _max: { createdAt: true } }),
      prisma.demand.aggregate({ _count: true, _max: { createdAt: true } }),
    ]);
    const version = [achievements._count, achievements._max.createdAt?.getTime(), demands._count, demands._max.createdAt?.getTime()].join('/');
    if (cached?.version !== version) {
      const pool = await loadPool(prisma);
      cached = { version, pool, matcher: createMatcher({ achievements: pool.achievements.map(toAchievement), demands: pool.demands.map(toDemand) }) };
    }
    return cached;
  };

  return async function findCandidates(input: FindCandidatesInput): Promise<Candidate[]> {
    const { matcher, pool } = await current();
    const options = { top: input.limit, exclude: input.excluded.map((e) => e.id), declined: input.excluded };
    if (input.kind === 'demand') {
      const demand = pool.demands.find((d) => d.id === input.subjectId);
      if (!demand) throw new Error(`demand ${input.subjectId} is not in the pool`);
      const byId = new Map(pool.achievements.map((a) => [a.id, a]));
      return matcher
        .rankAchievementsFor(toDemand(demand), options)
        .filter((c) => c.score >= matcher.threshold)
        .map((c) => {
          const row = byId.get(c.id)!;
          return { id: c.id, title: row.title, counterpart: row.university, score: c.score, reasons: c.reasons, flags: c.flags };
        });
    }
    const achievement = pool.achievements.find((a) => a.id === input.subjectId);
    if (!achievement) throw new Error(`achievement ${input.subjectId} is not in the pool`);
    const byId = new Map(pool.demands.map((d) => [d.id, d]));
    return matcher
      .rankDemandsFor(toAchievement(achievement), options)
      .filter((c) => c.score >= matcher.threshold)
      .map((c) => {
        const row = byId.get(c.id)!;
        return { id: c.id, title: row.title, counterpart: row.enterprise, score: c.score, reasons: c.reasons, flags: c.flags };
      });
  };
};
