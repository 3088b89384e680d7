import type { PrismaClient } from '../lib/prisma.ts';

/** Feishu retries a delivery at 15 s, 5 min, 1 h and 6 h; a day covers all of them with room. */
export const EVENT_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * Claims an event id: true the first time it is seen, false for a redelivery. The row is written
 * before the event is acted on, so a retry arriving while the first is still handled is dropped too.
 */
export const claimEvent = async (prisma: PrismaClient, eventId: string, type: string): Promise<boolean> => {
  const { count } = await prisma.larkEvent.createMany({ data: [{ eventId, type }], skipDuplicates: true });
  return count === 1;
};

/** Forgets event ids older than the retention; returns how many were removed. */
export const pruneEvents = async (prisma: PrismaClient, now = new Date(), retentionMs = EVENT_RETENTION_MS): Promise<number> => {
  const { count } = await prisma.larkEvent.deleteMany({ where: { receivedAt: { lt: new Date(now.getTime() - retentionMs) } } });
  return count;
};
