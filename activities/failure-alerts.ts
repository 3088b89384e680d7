import { z } from 'zod';
import type { Prisma } from '../generated/prisma/client.ts';
import type { PrismaClient } from '../lib/prisma.ts';
import { concernsCoordinator } from '../app/programmes/coordinators.ts';
import { listProgrammes } from '../app/programmes/store.ts';
import { channelsFor } from './outbox.ts';

export interface FailedMessage {
  readonly channel: 'lark' | 'email';
  readonly reason: string;
  /** The message's outbox rows; the first names the recipient and the partnership. */
  readonly rows: readonly { id: string; template: string; payload: unknown; recipient: { name: string } }[];
}

const TEMPLATE = 'delivery_failed';

/** The failed message's partnership, when its payload names one (digests and event messages do not). */
const PartnershipOf = z.object({ reference: z.string().min(1).optional(), title: z.string().min(1).optional() }).catch({});

/**
 * Queues the coordinators' alert about a message that failed for good, for the reminder dispatcher
 * to send. Keyed by the failed row, so a retried or repeated failure alerts once; an alert that
 * fails itself raises no alert of its own.
 */
export const queueFailureAlert = async (prisma: PrismaClient, failed: FailedMessage): Promise<void> => {
  const first = failed.rows[0];
  if (!first || failed.rows.some((row) => row.template === TEMPLATE)) return;
  const partnership = PartnershipOf.parse(first.payload);
  const [everyCoordinator, programmes, programmeOf] = await Promise.all([
    prisma.person.findMany({
      where: { role: 'coordinator' },
      select: { id: true, channel: true, larkOpenId: true, email: true },
      orderBy: { id: 'asc' },
    }),
    listProgrammes(prisma),
    partnership.reference ? prisma.partnership.findUnique({ where: { reference: partnership.reference }, select: { programmeId: true } }) : null,
  ]);
  // Like the partnership's own notices: the coordinators its programme concerns.
  const coordinators = everyCoordinator.filter((person) => concernsCoordinator(programmes, programmeOf?.programmeId ?? null, person.id));
  const payload = {
    ...partnership,
    recipient: first.recipient.name,
    channel: failed.channel,
    reason: failed.reason.slice(0, 500),
    notificationId: first.id,
  };
  const now = new Date();
  const rows: Prisma.NotificationCreateManyInput[] = coordinators.flatMap((coordinator) =>
    channelsFor(coordinator).map((channel) => ({
      idempotencyKey: `alert/${first.id}/${coordinator.id}/${channel}`,
      channel,
      recipientId: coordinator.id,
      template: TEMPLATE,
      payload,
      deliverAfter: now,
    })),
  );
  if (rows.length > 0) await prisma.notification.createMany({ data: rows, skipDuplicates: true });
};
