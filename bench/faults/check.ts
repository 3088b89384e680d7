/**
 * What a fault run is judged by, read from the database and from what the receivers got:
 * every partnership completed, every step recorded once (12 events, seq 1..12), every outbox row
 * sent once, every sent message arrived at its recipient (none lost), and how many arrived twice.
 */
import { messageKeyHash } from '../../notifications/content.ts';
import type { PrismaClient } from '../../lib/prisma.ts';
import type { ReceivedMessage, ReceivedMessages } from '../receivers.ts';

/** Recorded events of a lifecycle of the happy path. */
export const EVENTS_PER_LIFECYCLE = 12;

export interface FaultCheck {
  readonly partnerships: number;
  readonly completed: number;
  /** Partnerships with exactly the events 1..12. */
  readonly eventsOk: number;
  /** The others: reference and what they hold. */
  readonly eventProblems: readonly string[];
  readonly outbox: { readonly sent: number; readonly pending: number; readonly failed: number; readonly total: number };
  /** Sent outbox rows whose Message-ID / uuid never reached their recipient, first few named. */
  readonly lost: number;
  readonly lostSamples: readonly string[];
  /** Arrivals beyond the first of the same key at the same recipient: emails, and Lark messages delivered. */
  readonly duplicates: { readonly email: number; readonly lark: number };
  /** Lark sends repeated with a uuid already delivered (answered with the first message, delivering nothing). */
  readonly larkResendsAbsorbed: number;
  /** Retries that found their message's acceptance in the worker's journal and recorded it instead of sending again. */
  readonly journalHits: number;
  /** Arrivals that match no outbox row of the run. */
  readonly strays: number;
}

const pairKey = (key: string, to: string): string => `${key}\u0000${to.toLowerCase()}`;

const countByPair = (messages: readonly ReceivedMessage[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const m of messages) counts.set(pairKey(m.key, m.to), (counts.get(pairKey(m.key, m.to)) ?? 0) + 1);
  return counts;
};

const beyondFirst = (counts: Map<string, number>): number => [...counts.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);

/** `references`: the run's partnerships; `completed`: how many of them the driver saw complete. */
export const checkRun = async (
  prisma: PrismaClient,
  references: readonly string[],
  expected: number,
  received: ReceivedMessages,
  emailDomain: string,
  journalHits: number,
): Promise<Omit<FaultCheck, 'completed'> & { completedInDatabase: number }> => {
  const rows = await prisma.partnership.findMany({
    where: { reference: { in: [...references] } },
    select: { reference: true, stage: true, events: { select: { seq: true }, orderBy: { seq: 'asc' } } },
  });
  const eventProblems: string[] = [];
  let eventsOk = 0;
  for (const row of rows) {
    const seqs = row.events.map((e) => e.seq);
    if (seqs.length === EVENTS_PER_LIFECYCLE && seqs.every((seq, i) => seq === i + 1)) eventsOk += 1;
    else eventProblems.push(`${row.reference}: events [${seqs.join(',')}]`);
  }
  const notifications = await prisma.notification.findMany({
    where: { partnership: { reference: { in: [...references] } } },
    select: { batchKey: true, channel: true, status: true, messageId: true, idempotencyKey: true, recipient: { select: { email: true, larkOpenId: true } } },
  });
  const outbox = { sent: 0, pending: 0, failed: 0, total: notifications.length };
  for (const n of notifications) outbox[n.status] += 1;

  const email = countByPair(received.email);
  const lark = countByPair(received.lark);
  const larkOk = countByPair(received.larkRequests.filter((r) => r.status === 200));
  const expectedPairs = new Set<string>();
  const lostSamples: string[] = [];
  let lost = 0;
  for (const n of notifications) {
    if (n.status !== 'sent') continue;
    const key = n.batchKey ?? n.idempotencyKey;
    const pair =
      n.channel === 'email'
        ? pairKey(`<${messageKeyHash(key)}@${emailDomain}>`, n.recipient.email ?? '')
        : pairKey(messageKeyHash(key), n.recipient.larkOpenId ?? '');
    expectedPairs.add(pair);
    if (!(n.channel === 'email' ? email : lark).has(pair)) {
      lost += 1;
      if (lostSamples.length < 5) lostSamples.push(`${n.channel} ${n.idempotencyKey}`);
    }
  }
  const strays = [...email.keys(), ...lark.keys()].filter((pair) => !expectedPairs.has(pair)).length;
  return {
    partnerships: expected,
    completedInDatabase: rows.filter((row) => row.stage === 'completed').length,
    eventsOk,
    eventProblems,
    outbox,
    lost,
    lostSamples,
    duplicates: { email: beyondFirst(email), lark: beyondFirst(lark) },
    larkResendsAbsorbed: beyondFirst(larkOk),
    journalHits,
    strays,
  };
};
