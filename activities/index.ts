import type { PrismaClient } from '../lib/prisma.ts';
import type { ChannelSender } from '../notifications/content.ts';
import { createDeliver } from './delivery.ts';
import { createComposeDigests } from './digest.ts';
import { createRecordEvent } from './record-event.ts';
import { createFindCandidates } from './matching.ts';
import { createClaimDueReminders } from './reminder-batches.ts';

export interface ActivityDependencies {
  readonly prisma: PrismaClient;
}

/** The activities of the main task queue: the record, matching, reminder batches and digests. */
export const createActivities = ({ prisma }: ActivityDependencies) => ({
  recordEvent: createRecordEvent(prisma),
  findCandidates: createFindCandidates(prisma),
  claimDueReminders: createClaimDueReminders(prisma),
  composeDigests: createComposeDigests(prisma),
});

export interface DeliveryDependencies {
  readonly prisma: PrismaClient;
  readonly lark: ChannelSender;
  readonly email: ChannelSender;
}

/** The sending activities, each registered on its channel's own rate-limited task queue. */
export const createDeliveryActivities = ({ prisma, lark, email }: DeliveryDependencies) => ({
  deliverLark: createDeliver(prisma, 'lark', lark),
  deliverEmail: createDeliver(prisma, 'email', email),
});
