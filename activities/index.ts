import type { Client } from '@temporalio/client';
import type { PrismaClient } from '../lib/prisma.ts';
import type { ChannelSender } from '../notifications/content.ts';
import { createAcceptanceJournal } from './acceptance-journal.ts';
import { createDeliver } from './delivery.ts';
import { createComposeDigests } from './digest.ts';
import { createRecordEvent } from './record-event.ts';
import { createReachableOrganisations } from './reachability.ts';
import { createFindCandidates } from './matching.ts';
import { createClaimDueReminders } from './reminder-batches.ts';
import { createEventActivities } from './events.ts';

export interface ActivityDependencies {
  readonly prisma: PrismaClient;
  /** For the docking events' launches and signings, which start and update partnerships. */
  readonly client?: Client;
}

/** The activities of the main task queue: the record, matching, reminder batches, digests and docking events. */
export const createActivities = ({ prisma, client }: ActivityDependencies) => ({
  ...createEventActivities({ prisma, ...(client ? { client } : {}) }),
  recordEvent: createRecordEvent(prisma),
  findCandidates: createFindCandidates(prisma),
  reachableOrganisations: createReachableOrganisations(prisma),
  claimDueReminders: createClaimDueReminders(prisma),
  composeDigests: createComposeDigests(prisma),
});

export interface DeliveryDependencies {
  readonly prisma: PrismaClient;
  readonly lark: ChannelSender;
  readonly email: ChannelSender;
  /** Where sends a server accepted are noted until the database records them (activities/acceptance-journal.ts). */
  readonly journalDir?: string;
}

/** The sending activities, each registered on its channel's own rate-limited task queue. */
export const createDeliveryActivities = ({ prisma, lark, email, journalDir }: DeliveryDependencies) => {
  const journal = (channel: 'lark' | 'email', sender: ChannelSender) =>
    journalDir && !sender.replacesOnResend ? createAcceptanceJournal(journalDir, channel) : undefined;
  return {
    deliverLark: createDeliver(prisma, 'lark', lark, journal('lark', lark)),
    deliverEmail: createDeliver(prisma, 'email', email, journal('email', email)),
  };
};
