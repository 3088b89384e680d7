import { DOCKING_STATUSES, type DockingStatus, type EventFigures } from '../../domain/event.ts';
import type { PrismaClient } from '../../lib/prisma.ts';

/** The event's figures from the database: releases, the docking list by status, partnerships, signings and their amount. */
export const eventFigures = async (prisma: PrismaClient, eventId: string): Promise<EventFigures> => {
  const [achievements, demands, dockings, partnerships, signings] = await Promise.all([
    prisma.achievement.count({ where: { eventId } }),
    prisma.demand.count({ where: { eventId } }),
    prisma.docking.groupBy({ by: ['status'], where: { eventId }, _count: { _all: true } }),
    prisma.partnership.count({ where: { eventId } }),
    prisma.contract.aggregate({ where: { signedAtEventId: eventId }, _count: { _all: true }, _sum: { amountCny: true } }),
  ]);
  const byStatus = Object.fromEntries(DOCKING_STATUSES.map((status) => [status, 0])) as Record<DockingStatus, number>;
  for (const row of dockings) byStatus[row.status] = row._count._all;
  return {
    releases: { achievements, demands },
    dockings: byStatus,
    partnerships,
    signings: signings._count._all,
    amountCny: Number(signings._sum.amountCny ?? 0),
  };
};
