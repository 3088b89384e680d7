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
    const rows =
      announced.length === 0 && prefixes.length === 0
        ? []
        : await readEntries(
            prisma,
            recipientId,
            announced.map((entry) => entry.uid),
            prefixes,
          );
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
    if (entries.length === 0) return;
    const now = new Date();
    // One statement for all of a message's entries: every email with a deadline records one.
    await prisma.$executeRaw`
      INSERT INTO "CalendarEntry" (id, uid, "recipientId", reference, summary, "startsAt", sequence, status, "updatedAt")
      SELECT gen_random_uuid()::text, e.uid, ${recipientId}, e.reference, e.summary, e."startsAt", e.sequence, e.status::"CalendarEntryStatus", ${now}
      FROM unnest(
        ${entries.map((entry) => entry.uid)}::text[], ${entries.map((entry) => referenceOfUid(entry.uid))}::text[],
        ${entries.map((entry) => entry.summary)}::text[], ${entries.map((entry) => new Date(entry.startsAt).toISOString())}::timestamp[],
        ${entries.map((entry) => entry.sequence)}::int[], ${entries.map((entry) => entry.status)}::text[]
      ) AS e(uid, reference, summary, "startsAt", sequence, status)
      ON CONFLICT (uid, "recipientId") DO UPDATE
      SET summary = EXCLUDED.summary, "startsAt" = EXCLUDED."startsAt", sequence = EXCLUDED.sequence, status = EXCLUDED.status, "updatedAt" = EXCLUDED."updatedAt"`;
  },
});

interface EntryRow {
  readonly uid: string;
  readonly summary: string;
  readonly startsAt: Date;
  readonly sequence: number;
  readonly status: 'confirmed' | 'cancelled';
}

/** One read for both questions: the sequence the person has of each announced entry, and their open entries that this message ends. */
const readEntries = (prisma: PrismaClient, recipientId: string, uids: readonly string[], prefixes: readonly string[]): Promise<EntryRow[]> =>
  prisma.$queryRaw<EntryRow[]>`
    SELECT uid, summary, "startsAt", sequence, status::text AS status
    FROM "CalendarEntry"
    WHERE "recipientId" = ${recipientId}
      AND (uid = ANY(${[...uids]}::text[]) OR (status = 'confirmed' AND EXISTS (SELECT 1 FROM unnest(${[...prefixes]}::text[]) AS p(prefix) WHERE starts_with(uid, p.prefix))))
    ORDER BY uid`;
