import { ApplicationFailure } from '@temporalio/common';
import { EVENT_REQUEST_REFUSED, type DockingEdit } from '../domain/event.ts';
import type { PrismaClient } from '../lib/prisma.ts';

export interface DockingsEdited {
  readonly struck: number;
  /** Struck pairs kept again, and pairs added that were not on the list. */
  readonly restored: number;
  readonly added: number;
  /** Already as asked, or launched (a launched pair is the partnership's to change now). */
  readonly unchanged: number;
}

const pairKey = (demandId: string, achievementId: string): string => `${demandId}\u0000${achievementId}`;

/**
 * A coordinator's choices on the docking list: strike a pair, or keep one (restoring a struck pair,
 * or adding a pair the engine did not list). Applying the same choices again changes nothing. An
 * unknown demand or achievement refuses the whole request before anything is written.
 */
export const editDockings = async (prisma: PrismaClient, eventId: string, decidedById: string, edits: readonly DockingEdit[]): Promise<DockingsEdited> =>
  prisma.$transaction(async (tx) => {
    const demandIds = [...new Set(edits.map((e) => e.demandId))];
    const achievementIds = [...new Set(edits.map((e) => e.achievementId))];
    const [demands, achievements, existing] = await Promise.all([
      tx.demand.findMany({ where: { id: { in: demandIds } }, select: { id: true } }),
      tx.achievement.findMany({ where: { id: { in: achievementIds } }, select: { id: true } }),
      tx.docking.findMany({
        where: { eventId, demandId: { in: demandIds }, achievementId: { in: achievementIds } },
        select: { id: true, demandId: true, achievementId: true, status: true, rank: true },
      }),
    ]);
    const unknown = [
      ...demandIds.filter((id) => !demands.some((d) => d.id === id)).map((id) => `demand ${id}`),
      ...achievementIds.filter((id) => !achievements.some((a) => a.id === id)).map((id) => `achievement ${id}`),
    ];
    if (unknown.length > 0)
      throw ApplicationFailure.create({ type: EVENT_REQUEST_REFUSED, nonRetryable: true, message: `not in the pool: ${unknown.join(', ')}` });
    const rows = new Map(existing.map((row) => [pairKey(row.demandId, row.achievementId), row]));
    const counts = { struck: 0, restored: 0, added: 0, unchanged: 0 };
    for (const edit of edits) {
      const row = rows.get(pairKey(edit.demandId, edit.achievementId));
      if (edit.choice === 'strike') {
        if (row && (row.status === 'listed' || row.status === 'added')) {
          await tx.docking.update({ where: { id: row.id }, data: { status: 'struck', decidedById } });
          rows.set(pairKey(edit.demandId, edit.achievementId), { ...row, status: 'struck' });
          counts.struck += 1;
        } else counts.unchanged += 1;
      } else if (!row) {
        const created = await tx.docking.create({
          data: { eventId, demandId: edit.demandId, achievementId: edit.achievementId, reasons: [], status: 'added', decidedById },
        });
        rows.set(pairKey(edit.demandId, edit.achievementId), created);
        counts.added += 1;
      } else if (row.status === 'struck') {
        const status = row.rank === null ? 'added' : 'listed';
        await tx.docking.update({ where: { id: row.id }, data: { status, decidedById } });
        rows.set(pairKey(edit.demandId, edit.achievementId), { ...row, status });
        counts.restored += 1;
      } else counts.unchanged += 1;
    }
    return counts;
  });
