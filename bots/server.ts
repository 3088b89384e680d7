import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as lark from '@larksuiteoapi/node-sdk';
import type { Client } from '@temporalio/client';
import type { Config } from '../lib/config.ts';
import { createLog } from '../lib/log.ts';
import type { PrismaClient } from '../lib/prisma.ts';
import { ProgrammePolicySchema } from '../lib/policy-schema.ts';
import { type ProgrammePolicyInput } from '../domain/policy.ts';
import { cachedIdentify } from './auth.ts';
import type { BotContext } from './context.ts';
import { createDispatcher } from './dispatcher.ts';
import { pruneEvents } from './event-log.ts';
import { createLarkClient, larkDomain, larkSdkLogger } from '../lark/client.ts';
import { serverTimingOf, withTimings } from './server-timing.ts';
import { parseTargets } from './targets.ts';
import { verifyDelivery } from './verify.ts';

export type BotConfig = Pick<
  Config,
  | 'LARK_MODE'
  | 'LARK_APP_ID'
  | 'LARK_APP_SECRET'
  | 'LARK_DOMAIN'
  | 'LARK_VERIFICATION_TOKEN'
  | 'LARK_ENCRYPT_KEY'
  | 'BOT_HOST'
  | 'BOT_PORT'
  | 'PROGRAMME_TARGETS'
>;

export interface BotOptions {
  readonly config: BotConfig;
  readonly prisma: PrismaClient;
  readonly client: Client;
  readonly taskQueue: string;
  /** The policy new partnerships start with. */
  readonly policy: ProgrammePolicyInput;
  /** From createLarkClient: replies and card updates go through it; null logs them instead. */
  readonly lark: lark.Client | null;
  /** How long a card callback waits for its workflow update before answering "处理中"; Lark allows 3 s. */
  readonly budgetMs?: number;
  readonly log?: (line: string) => void;
}

export interface Bot {
  /** The webhook server's base URL (events at /lark/events, card callbacks at /lark/cards); null in websocket mode. */
  readonly url: string | null;
  readonly dispatcher: lark.EventDispatcher;
  /** The long connection in websocket mode. */
  readonly ws: lark.WSClient | null;
  /** Resolves once replies and late card updates started so far are done. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** Answers inside Lark's 3 s with room for the network and our own checks. */
export const DEFAULT_BUDGET_MS = 2_500;
const MAX_BODY_BYTES = 1024 * 1024;
const PRUNE_EVERY_MS = 60 * 60 * 1000;
const ROUTES = new Set(['/lark/events', '/lark/cards']);

class TooLarge extends Error {}

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new TooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
};

const sendJson = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
};

/**
 * The webhook: verifies each delivery itself (signature, decryption, token; the SDK's adapters
 * answer 200 even when the signature is wrong), answers the URL check, and hands the plain event
 * to the dispatcher. A refused delivery gets 401 and starts nothing.
 */
const webhook =
  (ctx: BotContext, config: BotConfig, dispatcher: lark.EventDispatcher) =>
  async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/healthz') return sendJson(response, 200, { ok: true });
    if (!ROUTES.has(path)) return sendJson(response, 404, { error: 'not found' });
    if (request.method !== 'POST') return sendJson(response, 405, { error: 'POST only' });
    let rawBody: string;
    try {
      rawBody = await readBody(request);
    } catch (error) {
      if (error instanceof TooLarge) return sendJson(response, 413, { error: 'body too large' });
      throw error;
    }
    const verified = verifyDelivery(
      { verificationToken: config.LARK_VERIFICATION_TOKEN, encryptKey: config.LARK_ENCRYPT_KEY },
      { headers: request.headers, rawBody },
    );
    if (!verified.ok) {
      ctx.log(`bot: refused a delivery to ${path}: ${verified.reason}`);
      return sendJson(response, verified.status, { error: verified.reason });
    }
    if (verified.challenge !== null) return sendJson(response, 200, { challenge: verified.challenge });
    try {
      const { value: answer, timings } = await withTimings((): Promise<unknown> => dispatcher.invoke(verified.body, { needCheck: false }));
      const serverTiming = serverTimingOf(timings);
      // The dispatcher names an event type it has no handler for in a string: acknowledged, nothing to do.
      sendJson(response, 200, typeof answer === 'object' && answer !== null ? answer : {}, serverTiming ? { 'server-timing': serverTiming } : {});
    } catch (error) {
      ctx.log(`bot: handling a delivery to ${path} failed: ${(error as Error).message}`);
      sendJson(response, 500, { error: 'internal error' });
    }
  };

const listen = (server: Server, host: string, port: number): Promise<AddressInfo> =>
  new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    });
  });

/**
 * Starts the Lark bot as LARK_MODE says: `webhook` serves POST /lark/events and /lark/cards on
 * BOT_HOST:BOT_PORT; `websocket` opens the SDK's long connection (no public URL needed); `off`
 * starts nothing but the dispatcher. Event ids already handled are forgotten after a day.
 */
export const startBot = async (options: BotOptions): Promise<Bot> => {
  const { config } = options;
  const log = options.log ?? createLog({ secrets: config }).info;
  const inFlight = new Set<Promise<unknown>>();
  const ctx: BotContext = {
    prisma: options.prisma,
    client: options.client,
    taskQueue: options.taskQueue,
    policy: options.policy,
    maxProposals: ProgrammePolicySchema.parse(options.policy).maxProposalsAtOnce,
    targets: parseTargets(config.PROGRAMME_TARGETS),
    lark: options.lark,
    budgetMs: options.budgetMs ?? DEFAULT_BUDGET_MS,
    log,
    identify: cachedIdentify(options.prisma),
    background(work) {
      const tracked = work.catch((error: unknown) => log(`bot: background work failed: ${(error as Error).message}`)).finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
    },
  };
  const dispatcher = createDispatcher(ctx);

  const prune = () => void pruneEvents(options.prisma).catch((error: unknown) => log(`bot: pruning old event ids failed: ${(error as Error).message}`));
  prune();
  const pruning = setInterval(prune, PRUNE_EVERY_MS);
  pruning.unref();

  let server: Server | null = null;
  let url: string | null = null;
  let ws: lark.WSClient | null = null;
  if (config.LARK_MODE === 'webhook') {
    const handle = webhook(ctx, config, dispatcher);
    server = createServer((request, response) => {
      handle(request, response).catch((error: unknown) => {
        log(`bot: ${(error as Error).message}`);
        if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
      });
    });
    const address = await listen(server, config.BOT_HOST, config.BOT_PORT);
    url = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}`;
  } else if (config.LARK_MODE === 'websocket') {
    if (!config.LARK_APP_ID || !config.LARK_APP_SECRET) throw new Error('LARK_MODE=websocket needs LARK_APP_ID and LARK_APP_SECRET');
    ws = new lark.WSClient({
      appId: config.LARK_APP_ID,
      appSecret: config.LARK_APP_SECRET,
      domain: larkDomain(config.LARK_DOMAIN),
      loggerLevel: lark.LoggerLevel.warn,
      logger: larkSdkLogger(log, [config.LARK_APP_SECRET]),
    });
    await ws.start({ eventDispatcher: dispatcher });
  }

  const idle = async (): Promise<void> => {
    while (inFlight.size > 0) await Promise.all([...inFlight]);
  };
  return {
    url,
    dispatcher,
    ws,
    idle,
    async close() {
      clearInterval(pruning);
      ws?.close({ force: true });
      if (server) {
        const closing = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closing;
      }
      await idle();
    },
  };
};

/** The bot as configured, on the service's database and Temporal client: `npm start` and `npm run bot`. */
export const startConfiguredBot = (config: Config, services: { prisma: PrismaClient; client: Client }, policy: ProgrammePolicyInput): Promise<Bot> =>
  startBot({ config, prisma: services.prisma, client: services.client, taskQueue: config.TEMPORAL_TASK_QUEUE, policy, lark: createLarkClient(config) });
