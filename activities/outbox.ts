import { SPEAKER_ROLES } from '../domain/vocabulary.ts';
import type { Transaction } from '../lib/prisma.ts';
import type { Audience, PartnershipEvent } from '../workflows/events.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import type { CoordinatorsConcerned } from './programme-audience.ts';

type Recipient = { id: string; channel: 'lark' | 'email' | 'both'; larkOpenId: string | null; email: string | null };

const RECIPIENT_FIELDS = { id: true, channel: true, larkOpenId: true, email: true } as const;

type AudienceMember = Recipient & { role: string; organisationId: string | null; reports: { organisationId: string | null }[] };

/** Each audience as a database filter and as the same test on a person already loaded; they must say the same. */
const whereOf = (audience: Audience): Prisma.PersonWhereInput => {
  if ('role' in audience) return { role: audience.role };
  if ('personId' in audience) return { id: audience.personId };
  if ('managersOf' in audience)
    return { OR: [{ reports: { some: { organisationId: audience.managersOf, role: { in: [...SPEAKER_ROLES] } } } }, { role: 'manager' }] };
  return { organisationId: audience.organisationId, role: { in: [...SPEAKER_ROLES] } };
};

const membersOf = (people: readonly AudienceMember[], audience: Audience, coordinators: CoordinatorsConcerned): Recipient[] => {
  if ('role' in audience)
    return people.filter((person) => person.role === audience.role && (person.role !== 'coordinator' || (coordinators?.(person.id) ?? true)));
  if ('personId' in audience) return people.filter((person) => person.id === audience.personId);
  if ('managersOf' in audience) {
    const named = people.filter((person) => person.reports.some((report) => report.organisationId === audience.managersOf));
    // Nobody named as their manager: the programme's managers.
    return named.length > 0 ? named : people.filter((person) => person.role === 'manager');
  }
  return people.filter((person) => person.organisationId === audience.organisationId && (SPEAKER_ROLES as readonly string[]).includes(person.role));
};

/** Everyone the event's audiences name, in one query; then each audience's members ("the coordinators" only those concerned). */
export const resolveAudiences = async (
  tx: Transaction,
  audiences: readonly Audience[],
  coordinators: CoordinatorsConcerned = null,
): Promise<(audience: Audience) => Recipient[]> => {
  if (audiences.length === 0) return () => [];
  const managed = audiences.flatMap((audience) => ('managersOf' in audience ? [audience.managersOf] : []));
  const people = await tx.person.findMany({
    where: { OR: audiences.map(whereOf) },
    select: {
      ...RECIPIENT_FIELDS,
      role: true,
      organisationId: true,
      reports: { where: { organisationId: { in: managed }, role: { in: [...SPEAKER_ROLES] } }, select: { organisationId: true } },
    },
    orderBy: { id: 'asc' },
  });
  return (audience) => membersOf(people, audience, coordinators);
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
  coordinators: CoordinatorsConcerned = null,
): Promise<{ count: number; deliveries: Delivery[] }> => {
  const slot = waitsForSlot(event);
  const rows: Prisma.NotificationCreateManyInput[] = [];
  const membersOfAudience = await resolveAudiences(
    tx,
    event.notify.flatMap((spec) => spec.to),
    coordinators,
  );
  for (const spec of event.notify) {
    const recipients = new Map<string, Recipient>();
    for (const audience of spec.to) {
      for (const person of membersOfAudience(audience)) recipients.set(person.id, person);
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
