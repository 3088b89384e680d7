import type { Transaction } from '../lib/prisma.ts';
import type { Audience, PartnershipEvent } from '../workflows/events.ts';
import type { Prisma } from '../generated/prisma/client.ts';

type Recipient = { id: string; channel: 'lark' | 'email' | 'both'; larkOpenId: string | null; email: string | null };

const RECIPIENT_FIELDS = { id: true, channel: true, larkOpenId: true, email: true } as const;

const resolveAudience = async (tx: Transaction, audience: Audience): Promise<Recipient[]> => {
  if ('role' in audience) return tx.person.findMany({ where: { role: audience.role }, select: RECIPIENT_FIELDS });
  if ('personId' in audience) return tx.person.findMany({ where: { id: audience.personId }, select: RECIPIENT_FIELDS });
  if ('managersOf' in audience) {
    const named = await tx.person.findMany({
      where: { reports: { some: { organisationId: audience.managersOf, role: { in: ['tto_officer', 'enterprise_contact'] } } } },
      select: RECIPIENT_FIELDS,
    });
    return named.length > 0 ? named : tx.person.findMany({ where: { role: 'manager' }, select: RECIPIENT_FIELDS });
  }
  return tx.person.findMany({
    where: { organisationId: audience.organisationId, role: { in: ['tto_officer', 'enterprise_contact'] } },
    select: RECIPIENT_FIELDS,
  });
};

/** The channels a person is reached on: their preference where it is possible, else whatever is. */
export const channelsFor = (person: Recipient): ('lark' | 'email')[] => {
  const lark = person.larkOpenId !== null && person.channel !== 'email';
  const email = person.email !== null && person.channel !== 'lark';
  if (lark || email) return [...(lark ? ['lark' as const] : []), ...(email ? ['email' as const] : [])];
  return person.larkOpenId ? ['lark'] : person.email ? ['email'] : [];
};

/** A message to send now: the key of its outbox rows (`batchKey`) and its channel. */
export interface Delivery {
  readonly key: string;
  readonly channel: 'lark' | 'email';
}

/** Reminders and escalations wait for the dispatcher, which sends each person's reminders of a slot together. */
const waitsForSlot = (event: PartnershipEvent): boolean => event.type === 'reminder' || event.type === 'escalation';

const slotOf = (event: PartnershipEvent): number =>
  (event.type === 'reminder' || event.type === 'escalation') && event.data.slot !== undefined ? event.data.slot : event.at;

/** The messages to send at once of an event recorded earlier (not the reminders, which wait for their slot). */
export const deliveriesOf = async (tx: Transaction, reference: string, event: PartnershipEvent): Promise<Delivery[]> => {
  if (waitsForSlot(event)) return [];
  const rows = await tx.notification.findMany({
    where: { idempotencyKey: { startsWith: `${reference}/${event.seq}/` } },
    select: { batchKey: true, channel: true },
    orderBy: { idempotencyKey: 'asc' },
  });
  return rows.flatMap((row) => (row.batchKey ? [{ key: row.batchKey, channel: row.channel }] : []));
};

/**
 * Queues the event's notifications in the outbox, one row per recipient and channel. The key
 * names the partnership, the step and the recipient, so writing it twice leaves one row.
 */
export const queueNotifications = async (
  tx: Transaction,
  partnership: { id: string; reference: string; title: string },
  event: PartnershipEvent,
): Promise<{ count: number; deliveries: Delivery[] }> => {
  const slot = waitsForSlot(event);
  const rows: Prisma.NotificationCreateManyInput[] = [];
  for (const spec of event.notify) {
    const recipients = new Map<string, Recipient>();
    for (const audience of spec.to) {
      for (const person of await resolveAudience(tx, audience)) recipients.set(person.id, person);
    }
    for (const person of recipients.values()) {
      for (const channel of channelsFor(person)) {
        const idempotencyKey = `${partnership.reference}/${event.seq}/${spec.template}/${person.id}/${channel}`;
        rows.push({
          idempotencyKey,
          partnershipId: partnership.id,
          channel,
          recipientId: person.id,
          template: spec.template,
          payload: { reference: partnership.reference, title: partnership.title, stage: event.stage, seq: event.seq, ...spec.data },
          ...(slot ? { deliverAfter: new Date(slotOf(event)) } : { batchKey: idempotencyKey }),
        });
      }
    }
  }
  if (rows.length === 0) return { count: 0, deliveries: [] };
  const { count } = await tx.notification.createMany({ data: rows, skipDuplicates: true });
  const deliveries = rows
    .flatMap((row) => (row.batchKey ? [{ key: row.batchKey, channel: row.channel }] : []))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { count, deliveries };
};
