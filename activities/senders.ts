import type { Config } from '../lib/config.ts';
import type { PrismaClient } from '../lib/prisma.ts';
import { createLarkClient } from '../bots/lark-client.ts';
import type { ChannelSender } from '../notifications/content.ts';
import { createEmailSender } from './email.ts';
import { createLarkSender } from './lark.ts';

/** The Lark and email transports as configured: real servers, or files in the outbox folder when none is set. */
export const createSenders = (config: Config, prisma: PrismaClient, log?: (line: string) => void): { lark: ChannelSender; email: ChannelSender } => ({
  lark: createLarkSender({ config, client: createLarkClient(config), ...(log ? { log } : {}) }),
  email: createEmailSender({ config, prisma, ...(log ? { log } : {}) }),
});
