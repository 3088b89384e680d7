/**
 * Bot callback benchmark: how fast the bot answers Lark's card callbacks under load, against
 * Lark's 3-second limit and against the same Temporal update sent directly. Two phases take turns
 * in one-second blocks on two sets of negotiation-stage partnerships prepared alike: the direct
 * updates, `handle.executeUpdate` with the payload and update id the bot would send, and the card
 * callbacks, each a signed, encrypted `card.action.trigger` on loopback. Both are sent open loop
 * at the same rate for the same time, the two parties of each partnership taking turns. Every click is a real Temporal update on a
 * real workflow, with its event recorded and its notifications queued by the real worker.
 *
 *   npm run bench:bot -- [--rate 50] [--seconds 30] [--partnerships 50] [--database pglite|postgresql://…] [--worker inline|process] [--bot process|inline]
 *
 * Starts its own dev server (in memory, headless), database, worker, local Lark Open API and the
 * bot's webhook server; stops them at the end. `--worker inline` runs the worker in this process
 * (beside PGlite), as one `npm start` does; `process` runs it as `npm run worker` does, in a
 * process of its own. `--bot process` (the default) runs the bot as `npm run bot` does, in a
 * process of its own: this process sends the callbacks and plays Lark, and its event loop would
 * otherwise slow the bot's update. There each callback's update time is the one the bot's answer
 * reports in its Server-Timing header; with `--bot inline` (the bot in this process, as one
 * `npm start` runs it) a client interceptor times it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Command, Option } from 'commander';
import { Client, type WorkflowClientInterceptor } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { notificationCard } from '../lark/cards/notification.ts';
import { messageUuid, sendCard } from '../lark/messages.ts';
import { createLarkClient } from '../lark/client.ts';
import { fieldsOf } from '../lark/cards/elements.ts';
import type { DecisionValue } from '../lark/cards/action-value.ts';
import { startBot } from '../bots/server.ts';
import { updateIdFor } from '../bots/card-actions.ts';
import { importDirectory, resolveActor } from '../app/directory.ts';
import { payloadFromForm, prepareDecision } from '../app/decision-fields.ts';
import { submitPartnership } from '../app/intake.ts';
import { waitUntil } from '../app/wait-for-status.ts';
import { renderContent } from '../notifications/templates.ts';
import { startLarkOpenApi, type LarkOpenApi } from '../test/support/lark-open-api.ts';
import { cardActionEvent, deliveryOf, hex, localBotConfig, type AppSecrets, type Delivery } from '../test/bot/support/deliveries.ts';
import { bundleWorkflows, createWorker } from '../lib/workers.ts';
import type { PrismaClient } from '../lib/prisma.ts';
import { workflowIdFor } from '../domain/reference.ts';
import { type Actor } from '../domain/actor.ts';
import type { partnership } from '../workflows/index.ts';
import { decisionNamed } from '../workflows/decisions/index.ts';
import { respondToProposalUpdate, reviewUpdate, selectCandidatesUpdate, statusQuery } from '../workflows/messages.ts';
import { OUTBOX_ONLY_ENV, SERVICE_WORKER, startWorkerProcess } from './worker-process.ts';
import { startBotProcess } from './bot-process.ts';
import {
  DATABASE_OPTION,
  BENCH_DEMAND,
  connectDatabase,
  createTeardown,
  importFixtures,
  loadAverage,
  LONG_POLICY,
  log,
  outboxSenders,
  percentile,
  poolSizeFor,
  positiveInt,
  quietWorkerLogs,
  round,
  runPool,
  sleep,
  startDatabase,
  startTemporal,
  watchdog,
  type BenchDatabase,
  type BenchTemporal,
  type Teardown,
} from './support.ts';

const options = new Command('bench:bot')
  .description('card-callback answer time of the Lark bot under a steady load of clicks on real workflows')
  .option('--rate <n>', 'card callbacks per second', positiveInt('--rate'), 50)
  .option('--seconds <s>', 'how long the load lasts', positiveInt('--seconds'), 30)
  .option('--partnerships <n>', "negotiation-stage partnerships each phase's clicks are spread over", positiveInt('--partnerships'), 50)
  .option(...DATABASE_OPTION)
  .addOption(new Option('--worker <where>', 'the worker in this process, or in its own process').choices(['inline', 'process']).default('inline'))
  .addOption(new Option('--bot <where>', 'the bot in its own process (`npm run bot`), or in this process').choices(['inline', 'process']).default('process'))
  .parse()
  .opts<{ rate: number; seconds: number; partnerships: number; database?: string; worker: 'inline' | 'process'; bot: 'inline' | 'process' }>();

const databaseChoice = options.database ?? process.env.DATABASE_URL ?? 'pglite';
/** Lark's limit for answering a callback. */
const LARK_LIMIT_MS = 3_000;
/** The bar: the bot's answer adds at most 20% to the direct update, at p50 and at p99. */
const MAX_RATIO = 1.2;

/** The fixture people who click, each with a Lark open_id. */
const OPEN_IDS = {
  contact: 'ou_0000000000000000000000000000e003',
  'u-neu': 'ou_0000000000000000000000000000a004',
  'u-dut': 'ou_0000000000000000000000000000d002',
  'u-jiangnan': 'ou_0000000000000000000000000000b005',
} as const;

const LARK_ACCOUNTS = {
  people: [
    {
      id: 'tto-neu',
      name: '赵磊',
      role: 'tto_officer',
      organisationId: 'u-neu',
      email: 'zhaolei@neu.example.cn',
      larkOpenId: OPEN_IDS['u-neu'],
      channel: 'email',
    },
    {
      id: 'tto-jiangnan',
      name: 'Emily Chen',
      role: 'tto_officer',
      organisationId: 'u-jiangnan',
      email: 'emily@jiangnan.example.cn',
      language: 'en',
      larkOpenId: OPEN_IDS['u-jiangnan'],
      channel: 'email',
    },
  ],
};

interface Target {
  readonly reference: string;
  /** The card both parties click (a terms_proposed notification). */
  readonly messageId: string;
  readonly chatId: string;
  readonly ttoOpenId: string;
}

/** One click: who, on which card, proposing which terms. */
interface Click {
  readonly target: Target;
  readonly openId: string;
  readonly value: DecisionValue;
  readonly formValue: Record<string, string>;
}

const TERMS = decisionNamed('terms')!;

/** The i-th click of a phase: the two parties of each partnership take turns. */
const clickOn = (targets: readonly Target[], i: number): Click => {
  const target = targets[i % targets.length]!;
  const byEnterprise = Math.floor(i / targets.length) % 2 === 0;
  return {
    target,
    openId: byEnterprise ? OPEN_IDS.contact : target.ttoOpenId,
    // A card drawn afresh for every click (its seq), so that each click is a decision of its own.
    value: { v: 1, d: 'terms', ref: target.reference, seq: i + 1 },
    formValue: { terms: `第 ${i + 1} 次报价：许可使用三年`, amount: String(1_000_000 + i * 100) },
  };
};

/** The update id the bot gives a click's update. */
const updateIdOf = (click: Click): string => updateIdFor(TERMS, click.value, { eventId: '', messageId: click.target.messageId, answered: Promise.resolve() });

/** A request ready to send (built before its phase starts); it resolves with how it was answered. */
type Request = () => Promise<string>;

interface Stats {
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly meanMs: number;
}

/** One request's time to answer, and how it was answered ("200 success", "200 info" for 处理中, "error: …"). */
interface Answer {
  readonly index: number;
  readonly ms: number;
  readonly outcome: string;
}

interface Phase extends Stats {
  readonly answers: readonly Answer[];
  readonly sentOverS: number;
  readonly overLimit: number;
  /** Answered "处理中": the update outlasted the bot's 2.5 s budget. */
  readonly fallbacks: number;
  readonly outcomes: Record<string, number>;
}

const statsOf = (values: readonly number[]): Stats => {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    p50Ms: round(percentile(sorted, 50)),
    p90Ms: round(percentile(sorted, 90)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.at(-1) ?? Number.NaN),
    meanMs: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
  };
};

const timed = async (index: number, request: Request): Promise<Answer> => {
  const start = performance.now();
  try {
    const outcome = await request();
    return { index, ms: performance.now() - start, outcome };
  } catch (error) {
    return { index, ms: performance.now() - start, outcome: `error: ${(error as Error).message.split('\n')[0]}` };
  }
};

/**
 * Sends one block of requests at `rate` per second, open loop: each on its schedule whether or not
 * the earlier ones were answered, so a slow answer cannot hide the queue behind it. `first` is the
 * index of the block's first request in its phase.
 */
const openLoop = async (rate: number, requests: readonly Request[], first: number): Promise<{ answers: Answer[]; seconds: number }> => {
  const pending: Promise<Answer>[] = [];
  const began = performance.now();
  for (const [i, request] of requests.entries()) {
    const wait = began + (i * 1000) / rate - performance.now();
    if (wait > 1) await sleep(wait);
    pending.push(timed(first + i, request));
  }
  const answers = await Promise.all(pending);
  return { answers, seconds: (performance.now() - began) / 1000 };
};

const phaseOf = (answers: readonly Answer[], sentOverS: number): Phase => {
  const outcomes: Record<string, number> = {};
  for (const answer of answers) outcomes[answer.outcome] = (outcomes[answer.outcome] ?? 0) + 1;
  return {
    ...statsOf(answers.map((a) => a.ms)),
    answers,
    sentOverS: round(sentOverS, 1),
    overLimit: answers.filter((a) => a.ms > LARK_LIMIT_MS).length,
    fallbacks: outcomes['200 info'] ?? 0,
    outcomes,
  };
};

/**
 * The two phases in alternating one-second blocks, each block answered before the next starts:
 * they never compete, and both see the same machine (others' load drifts over a run). The order
 * goes direct, bot, bot, direct, …: the worker is still recording a block when the next begins,
 * and this way each phase follows the other as often as itself.
 */
const alternate = async (rate: number, direct: readonly Request[], bot: readonly Request[]): Promise<{ direct: Phase; bot: Phase }> => {
  const runs = { direct: { answers: [] as Answer[], seconds: 0 }, bot: { answers: [] as Answer[], seconds: 0 } };
  for (let first = 0, round = 0; first < direct.length; first += rate, round += 1) {
    const order = [
      ['direct', direct],
      ['bot', bot],
    ] as const;
    for (const [name, requests] of round % 2 === 0 ? order : [...order].reverse()) {
      const block = await openLoop(rate, requests.slice(first, first + rate), first);
      runs[name].answers.push(...block.answers);
      runs[name].seconds += block.seconds;
    }
  }
  return { direct: phaseOf(runs.direct.answers, runs.direct.seconds), bot: phaseOf(runs.bot.answers, runs.bot.seconds) };
};

/** The bot's decision without the bot: the same update, payload and update id, sent with the Temporal client. */
const directUpdate = (client: Client, actors: ReadonlyMap<string, Actor>, click: Click): Request => {
  const actor = actors.get(click.openId)!;
  const prepared = prepareDecision(TERMS, payloadFromForm(TERMS, click.value, fieldsOf(click.formValue), actor), 'zh');
  if (!prepared.ok) throw new Error(`the bench's terms do not check: ${prepared.problems.join('; ')}`);
  const handle = client.workflow.getHandle<typeof partnership>(workflowIdFor(click.target.reference));
  const options = { args: [prepared.payload] as [unknown], updateId: updateIdOf(click) };
  return async () => {
    await handle.executeUpdate(prepared.update, options);
    return 'done';
  };
};

/** Lark's side of the connection, kept alive; lighter than fetch, whose cost would land on the bot's event loop here. */
const larkAgent = new http.Agent({ keepAlive: true });

const post = (url: string, delivery: Delivery): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> =>
  new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', headers: delivery.headers, agent: larkAgent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(delivery.body);
  });

/**
 * The bot under test: where its webhook listens, each callback's update time (request to outcome)
 * by update id, and how to wait for the card updates its "处理中" answers promised.
 */
interface BotUnderTest {
  readonly url: string;
  readonly updateTimes: Map<string, number>;
  /** The update times are read from the answers' Server-Timing header (else a client interceptor in this process records them). */
  readonly timedByHeader: boolean;
  lateCardUpdates(fallbacks: number): Promise<void>;
}

/** The update time a bot's answer reports in its Server-Timing header (`update;dur=123.4`), if it does. */
const updateTimeOf = (serverTiming: string | string[] | undefined): number | undefined => {
  const dur = /(?:^|,)\s*update;dur=([\d.]+)/.exec(String(serverTiming ?? ''))?.[1];
  return dur === undefined ? undefined : Number(dur);
};

/** The click as Lark delivers it, signed and encrypted, to the bot's webhook; answered with the status and the toast's type. */
const cardCallback = (bot: BotUnderTest, lark: LarkOpenApi, secrets: AppSecrets, click: Click): Request => {
  const event = cardActionEvent(secrets, {
    operatorOpenId: click.openId,
    messageId: click.target.messageId,
    chatId: click.target.chatId,
    token: lark.issueCardToken(click.target.messageId),
    value: click.value,
    formValue: click.formValue,
  });
  const updateId = updateIdOf(click);
  return async () => {
    // Signed when sent, as Lark does: the webhook refuses a timestamp more than 5 minutes old.
    const delivery = deliveryOf(secrets, event);
    const response = await post(`${bot.url}/lark/cards`, delivery);
    const updateMs = bot.timedByHeader ? updateTimeOf(response.headers['server-timing']) : undefined;
    if (updateMs !== undefined) bot.updateTimes.set(updateId, updateMs);
    const body = JSON.parse(response.body) as { toast?: { type?: string } };
    return `${response.status} ${body.toast?.type ?? 'none'}`;
  };
};

/**
 * A client on the same connection that times each update's own round trip (request to outcome),
 * by update id: taken from a callback's answer time, it leaves what the bot adds around it.
 */
const timingClient = (temporal: BenchTemporal): { client: Client; roundTrips: Map<string, number> } => {
  const roundTrips = new Map<string, number>();
  const interceptor: WorkflowClientInterceptor = {
    async startUpdate(input, next) {
      const began = performance.now();
      try {
        return await next(input);
      } finally {
        if (input.options.updateId) roundTrips.set(input.options.updateId, performance.now() - began);
      }
    },
  };
  const client = new Client({ connection: temporal.client.connection, namespace: 'default', interceptors: { workflow: [interceptor] } });
  return { client, roundTrips };
};

interface Services {
  readonly temporal: BenchTemporal;
  readonly database: BenchDatabase;
  readonly prisma: PrismaClient;
  readonly taskQueue: string;
}

const startWorker = async ({ temporal, database, prisma, taskQueue }: Services, teardown: Teardown): Promise<void> => {
  const outbox = await mkdtemp(path.join(tmpdir(), 'qxwq-bench-bot-'));
  teardown.add('the outbox folder', () => rm(outbox, { recursive: true, force: true }));
  if (options.worker === 'process') {
    log('starting the worker in its own process (`npm run worker`)');
    const env = {
      TEMPORAL_ADDRESS: temporal.address,
      DATABASE_URL: database.url,
      // As `npm run worker` beside `npm start`'s PGlite: with the bot's process too, PGlite's 16 connections would not do for 10 each.
      DATABASE_POOL_MAX: String(poolSizeFor(database)),
      TEMPORAL_TASK_QUEUE: taskQueue,
      DATA_DIR: outbox,
      EMAIL_OUTBOX_DIR: outbox,
    };
    await startWorkerProcess(SERVICE_WORKER, { ...OUTBOX_ONLY_ENV, ...env }, teardown);
    return;
  }
  const connection = await NativeConnection.connect({ address: temporal.address });
  teardown.add('the worker connection', () => connection.close());
  log('bundling the workflows and starting the worker');
  const worker = await createWorker({
    connection,
    namespace: 'default',
    taskQueue,
    prisma,
    senders: outboxSenders(prisma, outbox),
    workflowBundle: { code: (await bundleWorkflows()).code },
  });
  const running = worker.run();
  teardown.add('the worker', async () => {
    worker.shutdown();
    await running;
  });
};

/** Card updates the local Lark Open API accepted: the late ones, after "处理中" answers. */
const cardUpdatesSent = (lark: LarkOpenApi): number => lark.requests.filter((r) => r.route === 'cardUpdate' && r.status === 200).length;

interface BotSetting extends Services {
  readonly lark: LarkOpenApi;
  readonly larkClient: NonNullable<ReturnType<typeof createLarkClient>>;
  readonly secrets: AppSecrets;
  readonly timing: ReturnType<typeof timingClient>;
}

/** The bot in this process, on the timing client, as one `npm start` runs it. */
const startBotInline = async (s: BotSetting, teardown: Teardown): Promise<BotUnderTest> => {
  let botLogLines = 0;
  const bot = await startBot({
    config: localBotConfig(s.lark, s.secrets),
    prisma: s.prisma,
    client: s.timing.client,
    taskQueue: s.taskQueue,
    policy: LONG_POLICY,
    lark: s.larkClient,
    log: (line) => {
      botLogLines += 1;
      if (botLogLines <= 3) log(line);
    },
  });
  teardown.add('the bot', bot.close);
  return { url: bot.url!, updateTimes: s.timing.roundTrips, timedByHeader: false, lateCardUpdates: () => bot.idle() };
};

/** The bot in its own process, as `npm run bot` runs it; its late card updates are counted as the local Lark Open API accepts them. */
const startBotApart = async (s: BotSetting, teardown: Teardown): Promise<BotUnderTest> => {
  log('starting the bot in its own process (`npm run bot`)');
  const settings = { lark: s.lark, secrets: s.secrets, database: s.database, temporalAddress: s.temporal.address, taskQueue: s.taskQueue, policy: LONG_POLICY };
  const bot = await startBotProcess(settings, teardown);
  const lateCardUpdates = (fallbacks: number) =>
    waitUntil(
      () => Promise.resolve(cardUpdatesSent(s.lark)),
      (sent) => sent >= fallbacks,
      'the late card updates',
      60_000,
    ).then(
      () => undefined,
      (error: unknown) => log((error as Error).message),
    );
  return { url: bot.url, updateTimes: new Map(), timedByHeader: true, lateCardUpdates };
};

interface Preparation extends Services {
  readonly lark: LarkOpenApi;
  readonly larkClient: NonNullable<ReturnType<typeof createLarkClient>>;
  readonly coord: Actor;
  readonly contact: Actor;
}

/** A partnership brought to negotiation (reviewed, matched, the proposal accepted), and the terms card its parties click. */
const prepareTarget = async (p: Preparation, index: number): Promise<Target> => {
  const client = p.temporal.client;
  const submitted = await submitPartnership(
    { prisma: p.prisma, client, taskQueue: p.taskQueue, policy: LONG_POLICY },
    p.contact,
    { ...BENCH_DEMAND, title: `${BENCH_DEMAND.title}（${index + 1}）` },
    { submissionKey: `bench-bot-${index}` },
  );
  const handle = client.workflow.getHandle<typeof partnership>(workflowIdFor(submitted.reference));
  await waitUntil(
    () => handle.query(statusQuery),
    (s) => s.stage === 'review',
    `${submitted.reference} in review`,
  );
  await handle.executeUpdate(reviewUpdate, { args: [{ actor: p.coord, decision: 'approve' }] });
  const offered = await waitUntil(
    () => handle.query(statusQuery),
    (s) => s.awaiting.some((a) => a.action === 'select_candidates'),
    `${submitted.reference} candidates`,
  );
  const best = offered.candidates.find((c) => c.counterpart.id in OPEN_IDS);
  if (!best) throw new Error(`${submitted.reference}: no candidate from a fixture university`);
  await handle.executeUpdate(selectCandidatesUpdate, { args: [{ actor: p.coord, candidateIds: [best.id] }] });
  const ttoOpenId = OPEN_IDS[best.counterpart.id as keyof typeof OPEN_IDS];
  const tto = await resolveActor(p.prisma, ttoOpenId);
  await handle.executeUpdate(respondToProposalUpdate, { args: [{ actor: tto, candidateId: best.id, decision: 'accept' }] });
  // The card the parties click: a terms notification with its buttons, sent through the real SDK.
  const item = {
    template: 'terms_proposed' as const,
    payload: { reference: submitted.reference, title: BENCH_DEMAND.title, stage: 'negotiation', round: 1, terms: '待议', amountCny: '' },
  };
  const card = notificationCard(renderContent(item, 'zh'), { items: [item], language: 'zh' });
  const messageId = await sendCard(p.larkClient, { receiveId: OPEN_IDS.contact, card, uuid: messageUuid(`bench:${submitted.reference}`) });
  return { reference: submitted.reference, messageId, chatId: p.lark.message(messageId)!.chatId, ttoOpenId };
};

/** Twice `count` partnerships, prepared together and dealt alternately to the two phases, so that neither set is the older. */
const prepareTargets = async (p: Preparation, count: number): Promise<{ direct: Target[]; bot: Target[] }> => {
  const targets: Target[] = [];
  await runPool(2 * count, 10, async (index) => {
    targets[index] = await prepareTarget(p, index);
  });
  return { direct: targets.filter((_, i) => i % 2 === 0), bot: targets.filter((_, i) => i % 2 === 1) };
};

type Sets = { readonly direct: readonly Target[]; readonly bot: readonly Target[] };

const roundsOnSet = (prisma: PrismaClient, set: readonly Target[]): Promise<number> =>
  prisma.negotiationRound.count({ where: { partnership: { reference: { in: set.map((t) => t.reference) } } } });

/** The terms rounds recorded on each set of partnerships. */
const roundsOn = async (prisma: PrismaClient, targets: Sets) => ({
  direct: await roundsOnSet(prisma, targets.direct),
  bot: await roundsOnSet(prisma, targets.bot),
});

/**
 * Waits until the worker has recorded the rounds of both phases and delivered their notifications
 * (or a couple of minutes passed). Returns the rounds recorded on each set of partnerships.
 */
const drain = async (prisma: PrismaClient, targets: Sets, expected: number): Promise<{ direct: number; bot: number }> => {
  await waitUntil(
    () => roundsOn(prisma, targets),
    (n) => n.direct + n.bot >= expected,
    'the rounds to be recorded',
    120_000,
  ).catch(() => undefined);
  await waitUntil(
    () => prisma.notification.count({ where: { status: 'pending', deliverAfter: null } }),
    (n) => n === 0,
    'the notifications to be delivered',
    60_000,
  ).catch(() => undefined);
  return roundsOn(prisma, targets);
};

/** What the bot adds around its update, per callback: its answer time less its update's round trip. */
const aroundTheUpdate = (phase: Phase, clicks: readonly Click[], roundTrips: ReadonlyMap<string, number>): { update: Stats; rest: Stats } => {
  const pairs = phase.answers.flatMap((a) => {
    const trip = roundTrips.get(updateIdOf(clicks[a.index]!));
    return trip === undefined ? [] : [{ trip, rest: a.ms - trip }];
  });
  return { update: statsOf(pairs.map((p) => p.trip)), rest: statsOf(pairs.map((p) => p.rest)) };
};

const row = (name: string, s: Stats, overLimit: number | string = '–', fallbacks: number | string = '–') =>
  `| ${name} | ${s.p50Ms} | ${s.p90Ms} | ${s.p99Ms} | ${s.maxMs} | ${s.meanMs} | ${overLimit} | ${fallbacks} |`;
const outcomesOf = (phase: Phase) =>
  Object.entries(phase.outcomes)
    .map(([k, n]) => `${k} × ${n}`)
    .join(', ');
const figures = ({ answers: _answers, ...rest }: Phase) => rest;

interface Report {
  readonly direct: Phase;
  readonly bot: Phase;
  readonly split: { update: Stats; rest: Stats };
  readonly partnerships: number;
  readonly database: string;
  readonly rounds: { direct: number; bot: number };
  readonly lateCardUpdates: number;
  readonly failedActivityAttempts: string;
  readonly loadBefore: string;
  readonly loadAfter: string;
}

const report = (r: Report): string => {
  const { rate, seconds } = options;
  const ratios = { p50: round(r.bot.p50Ms / r.direct.p50Ms, 2), p99: round(r.bot.p99Ms / r.direct.p99Ms, 2) };
  const met = ratios.p50 <= MAX_RATIO && ratios.p99 <= MAX_RATIO && r.bot.fallbacks === 0;
  return [
    `Bot callback benchmark: ${rate}/s for ${seconds} s (${rate * seconds} per phase), each phase on its own ${r.partnerships} negotiation-stage partnerships prepared alike, the two parties of each taking turns; the phases alternate in one-second blocks (direct, bot, bot, direct, …), each block answered before the next`,
    `direct: proposeTerms sent with handle.executeUpdate (the payload and update id the bot would send); its blocks took ${r.direct.sentOverS} s, each until its last answer`,
    `bot: signed + encrypted card.action.trigger (schema 2.0) → verify, decrypt, resolve the person → the same update (budget 2.5 s, then "处理中" and a later card update) → the decided card; its blocks took ${r.bot.sentOverS} s`,
    `database: ${r.database}; Temporal: dev server (in memory); worker ${options.worker === 'inline' ? 'in this process' : 'in its own process'}; bot ${options.bot === 'inline' ? 'in this process' : 'in its own process (`npm run bot`)'}`,
    `load average (1/5/15 min) before: ${r.loadBefore}; after: ${r.loadAfter}`,
    `answers: direct ${outcomesOf(r.direct)}; bot ${outcomesOf(r.bot)}`,
    `terms rounds recorded: direct ${r.rounds.direct}, bot ${r.rounds.bot}; late card updates sent: ${r.lateCardUpdates}; failed activity attempts: ${r.failedActivityAttempts}`,
    `bot / direct: p50 ×${ratios.p50}, p99 ×${ratios.p99}; 处理中 ${r.bot.fallbacks} (bar: at most ×${MAX_RATIO} at both, none): ${met ? 'met' : 'NOT met'}`,
    '',
    '| run | p50 ms | p90 ms | p99 ms | max ms | mean ms | over 3 s | 处理中 |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    row(`direct: executeUpdate (${rate}/s)`, r.direct, r.direct.overLimit),
    row(`bot: card callback answered (${rate}/s)`, r.bot, r.bot.overLimit, r.bot.fallbacks),
    row(`bot: its update, request to outcome (${options.bot === 'inline' ? 'timed in this process' : "from the bot's Server-Timing header"})`, r.split.update),
    row('bot: the rest of each callback (HTTP, verify, decrypt, parse, answer card)', r.split.rest),
    JSON.stringify({
      bench: 'bot-callbacks',
      rate,
      seconds,
      partnerships: r.partnerships,
      database: databaseChoice === 'pglite' ? 'pglite' : 'postgresql',
      worker: options.worker,
      botProcess: options.bot,
      direct: figures(r.direct),
      bot: figures(r.bot),
      botUpdate: r.split.update,
      botRest: r.split.rest,
      ratios,
      fallbacks: r.bot.fallbacks,
      bar: { maxRatio: MAX_RATIO, met },
      roundsRecorded: r.rounds,
      lateCardUpdates: r.lateCardUpdates,
      failedActivityAttempts: r.failedActivityAttempts,
      loadBefore: r.loadBefore,
      loadAfter: r.loadAfter,
    }),
  ].join('\n');
};

const main = async (): Promise<void> => {
  const { rate, seconds, partnerships } = options;
  const total = rate * seconds;
  const teardown = createTeardown();
  // Bounded: set-up, the two phases and their drains take a few minutes at the defaults.
  const disarm = watchdog(20 * 60_000, teardown.run);
  const loadBefore = loadAverage();
  const logCounts = quietWorkerLogs();
  try {
    log(`starting the Temporal dev server, the database (${databaseChoice === 'pglite' ? 'pglite' : 'postgresql server'}) and the local Lark Open API`);
    const [temporal, database, lark] = await Promise.all([startTemporal(), startDatabase(databaseChoice), startLarkOpenApi()]);
    teardown.add('the dev server', temporal.stop);
    teardown.add('the database', database.stop);
    teardown.add('the Lark Open API', lark.close);
    const prisma = connectDatabase(database);
    teardown.add('Prisma', () => prisma.$disconnect());
    await importFixtures(prisma);
    await importDirectory(prisma, LARK_ACCOUNTS);

    const services: Services = { temporal, database, prisma, taskQueue: `bench-bot-${Date.now().toString(36)}` };
    await startWorker(services, teardown);
    const timing = timingClient(temporal);
    const { client } = timing;
    const larkClient = createLarkClient({ LARK_APP_ID: lark.appId, LARK_APP_SECRET: lark.appSecret, LARK_DOMAIN: lark.baseUrl }, { log: () => undefined })!;
    const secrets: AppSecrets = { appId: lark.appId, verificationToken: hex(16), encryptKey: hex(16) };
    const setting: BotSetting = { ...services, lark, larkClient, secrets, timing };
    const bot = await (options.bot === 'inline' ? startBotInline : startBotApart)(setting, teardown);

    log(`bringing 2 × ${partnerships} partnerships to negotiation`);
    const [coord, contact] = await Promise.all([resolveActor(prisma, 'coord'), resolveActor(prisma, 'contact-steel')]);
    const targets = await prepareTargets({ ...services, lark, larkClient, coord, contact }, partnerships);
    const actors = new Map(await Promise.all(Object.values(OPEN_IDS).map(async (id) => [id, await resolveActor(prisma, id)] as const)));

    const directClicks = Array.from({ length: total }, (_, i) => clickOn(targets.direct, i));
    const roundsBefore = await roundsOn(prisma, targets);
    const botClicks = Array.from({ length: total }, (_, i) => clickOn(targets.bot, i));
    log(`${rate} requests/s for ${seconds} s in each phase (${total}), alternating one-second blocks, on 2 × ${partnerships} partnerships`);
    const { direct, bot: viaBot } = await alternate(
      rate,
      directClicks.map((click) => directUpdate(client, actors, click)),
      botClicks.map((click) => cardCallback(bot, lark, secrets, click)),
    );
    log('waiting for the late card updates and the last events to be recorded');
    await bot.lateCardUpdates(viaBot.fallbacks);
    const decided = (direct.outcomes.done ?? 0) + (viaBot.outcomes['200 success'] ?? 0) + viaBot.fallbacks;
    const roundsAfter = await drain(prisma, targets, roundsBefore.direct + roundsBefore.bot + decided);

    console.log(
      report({
        direct,
        bot: viaBot,
        split: aroundTheUpdate(viaBot, botClicks, bot.updateTimes),
        partnerships,
        database: database.kind,
        rounds: { direct: roundsAfter.direct - roundsBefore.direct, bot: roundsAfter.bot - roundsBefore.bot },
        lateCardUpdates: cardUpdatesSent(lark),
        failedActivityAttempts: `${logCounts.activityFailures}${options.worker === 'process' ? ' in this process (the worker process logs its own)' : ''}`,
        loadBefore,
        loadAfter: loadAverage(),
      }),
    );
  } finally {
    disarm();
    log('stopping the bot, worker, Lark Open API, database and dev server');
    await teardown.run();
  }
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench failed: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
