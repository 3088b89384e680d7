import { channelRates, type Config } from '../lib/config.ts';
import type { PrismaClient } from '../lib/prisma.ts';
import { createLarkClient } from '../lark/client.ts';
import { unpaced, type ChannelSender, type Pace } from '../notifications/content.ts';
import { createEmailSender } from './email-sender.ts';
import { createLarkSender } from './lark-sender.ts';
import { createPacer } from './pacer.ts';

/**
 * A channel's pace when it talks to a server: at most its limit arriving there in any second (a
 * limit under one a second becomes one per 1/limit seconds). The Temporal server holds the whole
 * fleet to the same rate per task queue, but as a token bucket that lets bursts through; this
 * keeps each process within the limit the server on the other side states. The outbox folder has no limit.
 */
const pacer = (perSecond: number | null): Pace => {
  if (perSecond === null) return unpaced;
  return perSecond >= 1 ? createPacer(Math.floor(perSecond), 1000) : createPacer(1, 1000 / perSecond);
};

/** The Lark and email transports as configured: real servers, or files in the outbox folder when none is set. */
export const createSenders = (config: Config, prisma: PrismaClient, log?: (line: string) => void): { lark: ChannelSender; email: ChannelSender } => {
  const rates = channelRates(config);
  return {
    lark: createLarkSender({ config, client: createLarkClient(config), pace: pacer(rates.lark), ...(log ? { log } : {}) }),
    email: createEmailSender({ config, prisma, pace: pacer(rates.email), ...(log ? { log } : {}) }),
  };
};
