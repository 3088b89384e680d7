import type { DockingStatus } from '../../domain/event.ts';
import type { PrismaClient } from '../../lib/prisma.ts';

/** One pair of the docking list as coordinators review it. */
export interface DockingRow {
  readonly demandId: string;
  /** How people name the demand: its release number (需求编号), or its id without one. */
  readonly demandNumber: string;
  readonly demandTitle: string;
  readonly enterprise: string;
  readonly achievementId: string;
  /** How people name the achievement: its release number (成果编号), or its id without one. */
  readonly achievementNumber: string;
  readonly achievementTitle: string;
  readonly university: string;
  readonly score: number | null;
  readonly rank: number | null;
  readonly reasons: readonly string[];
  readonly status: DockingStatus;
  readonly partnership: string | null;
}

export interface DockingPage {
  readonly rows: readonly DockingRow[];
  readonly total: number;
  readonly page: number;
  readonly pages: number;
}

/** The docking list, demand by demand and best first; a page of it, or all of it without `page`. */
export const dockingRows = async (prisma: PrismaClient, eventId: string, paging?: { page: number; size: number }): Promise<DockingPage> => {
  const [total, rows] = await Promise.all([
    prisma.docking.count({ where: { eventId } }),
    prisma.docking.findMany({
      where: { eventId },
      orderBy: [{ demandId: 'asc' }, { rank: { sort: 'asc', nulls: 'last' } }, { achievementId: 'asc' }],
      ...(paging ? { skip: (paging.page - 1) * paging.size, take: paging.size } : {}),
      select: {
        score: true,
        rank: true,
        reasons: true,
        status: true,
        demand: { select: { id: true, releaseNumber: true, title: true, enterprise: { select: { name: true } } } },
        achievement: { select: { id: true, releaseNumber: true, title: true, university: { select: { name: true } } } },
        partnershipId: true,
      },
    }),
  ]);
  const partnershipIds = rows.flatMap((r) => (r.partnershipId ? [r.partnershipId] : []));
  const references = new Map(
    (await prisma.partnership.findMany({ where: { id: { in: partnershipIds } }, select: { id: true, reference: true } })).map((p) => [p.id, p.reference]),
  );
  return {
    total,
    page: paging?.page ?? 1,
    pages: paging ? Math.max(1, Math.ceil(total / paging.size)) : 1,
    rows: rows.map((r) => ({
      demandId: r.demand.id,
      demandNumber: r.demand.releaseNumber ?? r.demand.id,
      demandTitle: r.demand.title,
      enterprise: r.demand.enterprise.name,
      achievementId: r.achievement.id,
      achievementNumber: r.achievement.releaseNumber ?? r.achievement.id,
      achievementTitle: r.achievement.title,
      university: r.achievement.university.name,
      score: r.score,
      rank: r.rank,
      reasons: r.reasons,
      status: r.status,
      partnership: r.partnershipId ? (references.get(r.partnershipId) ?? null) : null,
    })),
  };
};

/** The page of the docking list (in `dockingRows`' order) that holds a pair, or null when the pair is not on it. */
export const dockingPageOf = async (
  prisma: PrismaClient,
  eventId: string,
  pair: { demandId: string; achievementId: string },
  size: number,
): Promise<number | null> => {
  const row = await prisma.docking.findUnique({ where: { eventId_demandId_achievementId: { eventId, ...pair } }, select: { rank: true } });
  if (!row) return null;
  const sameDemandBefore =
    row.rank === null
      ? [{ rank: { not: null } }, { rank: null, achievementId: { lt: pair.achievementId } }]
      : [{ rank: { lt: row.rank } }, { rank: row.rank, achievementId: { lt: pair.achievementId } }];
  const before = await prisma.docking.count({
    where: { eventId, OR: [{ demandId: { lt: pair.demandId } }, ...sameDemandBefore.map((rest) => ({ demandId: pair.demandId, ...rest }))] },
  });
  return Math.floor(before / size) + 1;
};
