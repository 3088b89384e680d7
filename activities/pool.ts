import type { Achievement, Demand } from '../matching/index.ts';
import type { PrismaClient } from '../lib/prisma.ts';
import type { Prisma } from '../generated/prisma/client.ts';

/** The whole matching pool as the engine reads it, with each row's organisation. */
export const achievementInclude = { university: { select: { id: true, name: true } } } as const;
export const demandInclude = { enterprise: { select: { id: true, name: true } } } as const;

/** Achievements that may be proposed: one exclusively licensed or transferred is not, whoever asks. */
export const proposable = { availability: 'open' } as const satisfies Prisma.AchievementWhereInput;

export const loadPool = (prisma: PrismaClient) =>
  Promise.all([
    prisma.achievement.findMany({ where: proposable, include: achievementInclude, orderBy: { id: 'asc' } }),
    prisma.demand.findMany({ include: demandInclude, orderBy: { id: 'asc' } }),
  ]);

export type AchievementRow = Awaited<ReturnType<typeof loadPool>>[0][number];
export type DemandRow = Awaited<ReturnType<typeof loadPool>>[1][number];

export const toAchievement = (row: AchievementRow): Achievement => ({
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

export const toDemand = (row: DemandRow): Demand => ({
  id: row.id,
  enterprise: row.enterprise.name,
  title: row.title,
  description: row.description,
  fields: row.fields,
  budgetWan: Number(row.budgetWan ?? 0),
  cooperationModes: row.cooperationModes as Demand['cooperationModes'],
  region: row.region,
});
