import type * as lark from '@larksuiteoapi/node-sdk';
import type { Client } from '@temporalio/client';
import type { PrismaClient } from '../lib/prisma.ts';
import type { ProgrammePolicyInput } from '../domain/policy.ts';
import type { BotUser } from './auth.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { ProgrammeTargets } from './targets.ts';

/** What the bot's handlers share: the services, the settings, and a place for work that outlives a request. */
export interface BotContext {
  readonly prisma: PrismaClient;
  readonly client: Client;
  readonly taskQueue: string;
  /** The policy new partnerships start with. */
  readonly policy: ProgrammePolicyInput;
  /** How many candidates a coordinator may propose at once (the policy's maxProposalsAtOnce). */
  readonly maxProposals: number;
  readonly targets: ProgrammeTargets;
  /** The SDK client for replies and card updates; null when no Lark app is configured (replies are logged). */
  readonly lark: lark.Client | null;
  /** How long a card callback waits for its Temporal update before answering "处理中" (Lark allows 3 s). */
  readonly budgetMs: number;
  readonly log: (line: string) => void;
  /** Per-person limit on chat messages and card callbacks, keyed by open_id. */
  readonly limiter: RateLimiter;
  /** The person behind a Lark open_id (cached briefly), or null. */
  identify(openId: string): Promise<BotUser | null>;
  /** Work that continues after the answer (replies, late card updates); close() waits for it. */
  background(work: Promise<unknown>): void;
}
