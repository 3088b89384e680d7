import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as lark from '@larksuiteoapi/node-sdk';
import type { Client } from '@temporalio/client';
import { actionLinkSecretOf, type Config } from '../lib/config.ts';
import { createLog } from '../lib/log.ts';
import type { PrismaClient } from '../lib/prisma.ts';
import { ProgrammePolicySchema } from '../lib/policy-schema.ts';
import { type ProgrammePolicyInput } from '../domain/policy.ts';
import { cachedIdentify } from './auth.ts';
import { createRateLimiter, type RateLimiter } from './rate-limit.ts';
import type { BotContext } from './context.ts';
import { createDispatcher } from './dispatcher.ts';
import { pruneEvents } from './event-log.ts';
import { guardReplay, pruneNonces } from './replay-guard.ts';
import { createLarkClient, larkDomain, larkSdkLogger } from '../lark/client.ts';
import { serverTimingOf, withTimings } from './server-timing.ts';
import { parseTargets } from './targets.ts';
import { verifyDelivery } from './verify.ts';
import { createActionPages, isActionPagePath, type ActionPages } from '../web/action-pages.ts';
import { mediaTypeOf, readBody } from '../lib/request-body.ts';

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
> &
  Partial<Pick<Config, 'BOT_COMMANDS_PER_MINUTE' | 'BOT_COMMAND_BURST' | 'ACTION_LINK_SECRET'>>;

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
  /** The per-person limit; by default one from BOT_COMMANDS_PER_MINUTE and BOT_COMMAND_BURST (tests pass one with their own clock). */
  readonly limiter?: RateLimiter;
  /** The clock signed deliveries' timestamps are checked against (tests move it). */
  readonly now?: () => Date;
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

/** `application/json`, with or without parameters such as `charset=utf-8`. */
const isJson = (contentType: string | undefined): boolean => mediaTypeOf(contentType) === 'application/json';

const sendJson = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(body));
};

/**
 * The webhook: verifies each delivery itself (signature, decryption, token; the SDK's adapters
 * answer 200 even when the signature is wrong), refuses a stale or replayed signed delivery,
 * answers the URL check, and hands the plain event to the dispatcher. A refused delivery starts
 * nothing: 401 when it is not Lark's or is replayed, 400 for a body that is not a JSON object
 * (or nested too deep), 413 when too large, 415 when not sent as JSON.
 */
const webhook =
  (ctx: BotContext, config: BotConfig, dispatcher: lark.EventDispatcher, now: () => Date, pages: ActionPages) =>
  async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    if (path === '/healthz') return sendJson(response, 200, { ok: true });
    if (isActionPagePath(path)) return pages(request, response, path);
    if (!ROUTES.has(path)) return sendJson(response, 404, { error: 'not found' });
    if (request.method !== 'POST') return sendJson(response, 405, { error: 'POST only' });
    if (!isJson(request.headers['content-type'])) return sendJson(response, 415, { error: 'the content type must be application/json' });
    const rawBody = await readBody(request, MAX_BODY_BYTES);
    if (rawBody === null) return sendJson(response, 413, { error: 'body too large' }, { connection: 'close' });
    const verified = verifyDelivery(
      { verificationToken: config.LARK_VERIFICATION_TOKEN, encryptKey: config.LARK_ENCRYPT_KEY },
      { headers: request.headers, rawBody },
    );
    if (!verified.ok) {
      ctx.log(`bot: refused a delivery to ${path}: ${verified.reason}`);
      return sendJson(response, verified.status, { error: verified.reason });
    }
    if (verified.challenge !== null) return sendJson(response, 200, { challenge: verified.challenge });
    if (verified.signed) {
      const fresh = await guardReplay(ctx.prisma, verified.signed, now());
      if (!fresh.ok) {
        ctx.log(`bot: refused a delivery to ${path}: ${fresh.reason}`);
        return sendJson(response, fresh.status, { error: fresh.reason });
      }
    }
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
 * Starts the Lark bot as LARK_MODE says: `webhook` serves POST /lark/events and /lark/cards, and the
 * action pages of email links (/act/, web/action-pages.ts), on
 * BOT_HOST:BOT_PORT; `websocket` opens the SDK's long connection (no public URL needed); `off`
 * starts nothing but the dispatcher. Event ids already handled are forgotten after a day, the
 * nonces of signed deliveries after 15 minutes.
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
    limiter: options.limiter ?? createRateLimiter({ perMinute: config.BOT_COMMANDS_PER_MINUTE, burst: config.BOT_COMMAND_BURST }),
    log,
    identify: cachedIdentify(options.prisma),
    background(work) {
      const tracked = work.catch((error: unknown) => log(`bot: background work failed: ${(error as Error).message}`)).finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
    },
  };
  const dispatcher = createDispatcher(ctx);

  const prune = () =>
    void Promise.all([pruneEvents(options.prisma), pruneNonces(options.prisma)]).catch((error: unknown) =>
      log(`bot: pruning old event ids and nonces failed: ${(error as Error).message}`),
    );
  prune();
  const pruning = setInterval(prune, PRUNE_EVERY_MS);
  pruning.unref();

  let server: Server | null = null;
  let url: string | null = null;
  let ws: lark.WSClient | null = null;
  if (config.LARK_MODE === 'webhook') {
    const now = options.now ?? (() => new Date());
    const pages = createActionPages({ client: options.client, prisma: options.prisma, secret: actionLinkSecretOf(config).secret, log, now });
    const handle = webhook(ctx, config, dispatcher, now, pages);
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
export const startConfiguredBot = (config: Config, services: { prisma: PrismaClient; client: Client }, policy: ProgrammePolicyInput): Promise<Bot> => {
  if (config.LARK_MODE === 'webhook' && actionLinkSecretOf(config).generated) {
    createLog({ secrets: config }).info(
      'bot: no ACTION_LINK_SECRET set, so the links in emails are signed with a key of this process alone and stop working when it ends',
    );
  }
  return startBot({ config, prisma: services.prisma, client: services.client, taskQueue: config.TEMPORAL_TASK_QUEUE, policy, lark: createLarkClient(config) });
};
