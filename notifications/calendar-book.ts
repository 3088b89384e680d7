import type { PrismaClient } from '../lib/prisma.ts';
import { referenceOfUid } from './calendar-ids.ts';
import type { CalendarEntry, NotificationContent } from './content.ts';

/**
 * What each person's calendar holds from us, as email last told it. A message's own entries are
 * checked against it (an older event must not move a date back), and a message that ends
 * something (`calendarCancels`) cancels the entries the record still has open.
 */
export interface CalendarBook {
  /** The entries to attach to one message for one recipient. */
  entriesFor(recipientId: string, content: NotificationContent): Promise<CalendarEntry[]>;
  /** Remembers what was sent, once it was. */
  record(recipientId: string, entries: readonly CalendarEntry[]): Promise<void>;
}

/** The newest of each UID: a combined reminder may carry the same entry twice. */
const newestByUid = (entries: readonly CalendarEntry[]): CalendarEntry[] => {
  const byUid = new Map<string, CalendarEntry>();
  for (const entry of entries) {
    const seen = byUid.get(entry.uid);
    if (!seen || entry.sequence > seen.sequence) byUid.set(entry.uid, entry);
  }
  return [...byUid.values()];
};

export const createCalendarBook = (prisma: PrismaClient): CalendarBook => ({
  async entriesFor(recipientId, content) {
    const announced = newestByUid(content.calendar);
    const prefixes = content.calendarCancels ?? [];
    const isCancellable = (uid: string) => prefixes.some((prefix) => uid.startsWith(prefix));
    // One read for both questions: the sequence the person has of each announced entry, and their open entries that this message ends.
    const rows =
      announced.length === 0 && prefixes.length === 0
        ? []
        : await prisma.calendarEntry.findMany({
            where: {
              recipientId,
              OR: [
                ...(announced.length > 0 ? [{ uid: { in: announced.map((e) => e.uid) } }] : []),
                ...prefixes.map((prefix) => ({ status: 'confirmed' as const, uid: { startsWith: prefix } })),
              ],
            },
            orderBy: { uid: 'asc' },
          });
    const sequenceOf = new Map(rows.map((row) => [row.uid, row.sequence]));
    // An entry older than the one the person has comes from an earlier event delivered late.
    const current = announced.filter((entry) => entry.sequence >= (sequenceOf.get(entry.uid) ?? 0));

    if (prefixes.length === 0) return current;
    const open = rows.filter((row) => row.status === 'confirmed' && isCancellable(row.uid));
    const kept = new Set(current.map((entry) => entry.uid));
    const cancelled = open
      .filter((row) => !kept.has(row.uid))
      .map((row): CalendarEntry => ({
        uid: row.uid,
        summary: row.summary,
        description: '',
        startsAt: row.startsAt.getTime(),
        sequence: row.sequence + 1,
        status: 'cancelled',
      }));
    return [...current, ...cancelled];
  },

  async record(recipientId, entries) {
    for (const entry of entries) {
      const fields = {
        summary: entry.summary,
        startsAt: new Date(entry.startsAt),
        sequence: entry.sequence,
        status: entry.status,
      };
      await prisma.calendarEntry.upsert({
        where: { uid_recipientId: { uid: entry.uid, recipientId } },
        create: { uid: entry.uid, recipientId, reference: referenceOfUid(entry.uid), ...fields },
        update: fields,
      });
    }
  },
});
