import type { PrismaClient } from '../lib/prisma.ts';
import type { Delivery } from './outbox.ts';

export interface ClaimRemindersInput {
  /** Rows whose slot began at least this long ago are claimed; younger ones may still have company coming. */
  readonly settleMs: number;
}

const BATCH_PREFIX = 'reminders/';

/**
 * Groups the reminders and escalations whose slot has come into one message per person and
 * channel, and returns every reminder message still to send (including ones an earlier dispatch
 * claimed but did not finish). A batch's key names its first row, so it is never reused.
 */
export const createClaimDueReminders = (prisma: PrismaClient) =>
  async function claimDueReminders({ settleMs }: ClaimRemindersInput): Promise<Delivery[]> {
    const cutoff = new Date(Date.now() - settleMs);
    const due = await prisma.notification.findMany({
      where: { status: 'pending', batchKey: null, deliverAfter: { lte: cutoff } },
      select: { id: true, recipientId: true, channel: true, deliverAfter: true },
      orderBy: [{ deliverAfter: 'asc' }, { id: 'asc' }],
    });
    const groups = new Map<string, typeof due>();
    for (const row of due) {
      const group = `${row.recipientId}/${row.channel}`;
      groups.set(group, [...(groups.get(group) ?? []), row]);
    }
    for (const [group, rows] of groups) {
      const first = rows[0]!;
      const key = `${BATCH_PREFIX}${group}/${first.deliverAfter!.toISOString()}/${first.id}`;
      await prisma.notification.updateMany({ where: { id: { in: rows.map((r) => r.id) }, batchKey: null }, data: { batchKey: key } });
    }
    const open = await prisma.notification.findMany({
      where: { status: 'pending', batchKey: { startsWith: BATCH_PREFIX } },
      select: { batchKey: true, channel: true },
      distinct: ['batchKey'],
      orderBy: { batchKey: 'asc' },
    });
    return open.map((row) => ({ key: row.batchKey!, channel: row.channel }));
  };
