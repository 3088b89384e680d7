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

/** Each reference, a record's id or its release number (成果编号 / 需求编号), mapped to the id. */
const idsByReference = (rows: readonly { id: string; releaseNumber: string | null }[]): Map<string, string> =>
  new Map(rows.flatMap((row) => [[row.id, row.id] as const, ...(row.releaseNumber ? [[row.releaseNumber, row.id] as const] : [])]));

/**
 * A coordinator's choices on the docking list: strike a pair, or keep one (restoring a struck pair,
 * or adding a pair the engine did not list). Demands and achievements are named by id or release
 * number. Applying the same choices again changes nothing. An unknown demand or achievement refuses
 * the whole request before anything is written.
 */
export const editDockings = async (prisma: PrismaClient, eventId: string, decidedById: string, named: readonly DockingEdit[]): Promise<DockingsEdited> =>
  prisma.$transaction(async (tx) => {
    const demandRefs = [...new Set(named.map((e) => e.demandId))];
    const achievementRefs = [...new Set(named.map((e) => e.achievementId))];
    const byReference = { select: { id: true, releaseNumber: true } } as const;
    const [demandIds, achievementIds] = await Promise.all([
      tx.demand.findMany({ where: { OR: [{ id: { in: demandRefs } }, { releaseNumber: { in: demandRefs } }] }, ...byReference }).then(idsByReference),
      tx.achievement
        .findMany({ where: { OR: [{ id: { in: achievementRefs } }, { releaseNumber: { in: achievementRefs } }] }, ...byReference })
        .then(idsByReference),
    ]);
    const unknown = [
      ...demandRefs.filter((ref) => !demandIds.has(ref)).map((ref) => `demand ${ref}`),
      ...achievementRefs.filter((ref) => !achievementIds.has(ref)).map((ref) => `achievement ${ref}`),
    ];
    if (unknown.length > 0)
      throw ApplicationFailure.create({ type: EVENT_REQUEST_REFUSED, nonRetryable: true, message: `not in the pool: ${unknown.join(', ')}` });
    const edits = named.map((e) => ({ ...e, demandId: demandIds.get(e.demandId)!, achievementId: achievementIds.get(e.achievementId)! }));
    const existing = await tx.docking.findMany({
      where: { eventId, demandId: { in: [...new Set(demandIds.values())] }, achievementId: { in: [...new Set(achievementIds.values())] } },
      select: { id: true, demandId: true, achievementId: true, status: true, rank: true },
    });
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
