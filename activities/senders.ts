import pThrottle from 'p-throttle';
import { channelRates, type Config } from '../lib/config.ts';
import type { PrismaClient } from '../lib/prisma.ts';
import { createLarkClient } from '../lark/client.ts';
import { unpaced, type ChannelSender, type Pace } from '../notifications/content.ts';
import { createEmailSender } from './email-sender.ts';
import { createLarkSender } from './lark-sender.ts';

/**
 * At most `perSecond` calls to a channel's server in any one second from this process. The
 * Temporal server holds the whole fleet to the same rate per task queue, but as a token bucket
 * that lets about twice the rate through after a quiet spell; this keeps each worker to the
 * limit the server on the other side states.
 */
const pacer = (perSecond: number | null): Pace => {
  if (perSecond === null) return unpaced;
  const throttle = pThrottle({ limit: Math.max(1, Math.floor(perSecond)), interval: 1000, strict: true });
  const paced = throttle((call: () => Promise<unknown>) => call());
  return <T>(call: () => Promise<T>) => paced(call) as Promise<T>;
};

/** The Lark and email transports as configured: real servers, or files in the outbox folder when none is set. */
export const createSenders = (config: Config, prisma: PrismaClient, log?: (line: string) => void): { lark: ChannelSender; email: ChannelSender } => {
  const rates = channelRates(config);
  return {
    lark: createLarkSender({ config, client: createLarkClient(config), pace: pacer(rates.lark), ...(log ? { log } : {}) }),
    email: createEmailSender({ config, prisma, pace: pacer(rates.email), ...(log ? { log } : {}) }),
  };
};
