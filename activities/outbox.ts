import type { Transaction } from '../lib/prisma.ts';
import type { Audience, PartnershipEvent } from '../workflows/events.ts';
import type { Prisma } from '../generated/prisma/client.ts';

type Recipient = { id: string; channel: 'lark' | 'email' | 'both'; larkOpenId: string | null; email: string | null };

const RECIPIENT_FIELDS = { id: true, channel: true, larkOpenId: true, email: true } as const;

const resolveAudience = async (tx: Transaction, audience: Audience): Promise<Recipient[]> => {
  if ('role' in audience) return tx.person.findMany({ where: { role: audience.role }, select: RECIPIENT_FIELDS });
  if ('personId' in audience) return tx.person.findMany({ where: { id: audience.personId }, select: RECIPIENT_FIELDS });
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

/**
 * Queues the event's notifications in the outbox, one row per recipient and channel. The key
 * names the partnership, the step and the recipient, so writing it twice leaves one row.
 */
export const queueNotifications = async (
  tx: Transaction,
  partnership: { id: string; reference: string; title: string },
  event: PartnershipEvent,
): Promise<number> => {
  const rows: Prisma.NotificationCreateManyInput[] = [];
  for (const spec of event.notify) {
    const recipients = new Map<string, Recipient>();
    for (const audience of spec.to) {
      for (const person of await resolveAudience(tx, audience)) recipients.set(person.id, person);
    }
    for (const person of recipients.values()) {
      for (const channel of channelsFor(person)) {
        rows.push({
          idempotencyKey: `${partnership.reference}/${event.seq}/${spec.template}/${person.id}/${channel}`,
          partnershipId: partnership.id,
          channel,
          recipientId: person.id,
          template: spec.template,
          payload: { reference: partnership.reference, title: partnership.title, stage: event.stage, ...spec.data },
        });
      }
    }
  }
  if (rows.length === 0) return 0;
  const { count } = await tx.notification.createMany({ data: rows, skipDuplicates: true });
  return count;
};
