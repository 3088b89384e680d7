/**
 * Bot callback benchmark: how fast the bot answers Lark's card callbacks under load, against
 * Lark's 3-second limit. Card clicks arrive on loopback at a fixed rate (open loop: each is sent
 * on schedule whether or not earlier ones were answered), each a signed, encrypted
 * `card.action.trigger` proposing terms on one of many negotiation-stage partnerships, the two
 * parties of each taking turns. Every click is a real Temporal update on a real workflow, with
 * its event recorded and its notifications queued by the real worker.
 *
 *   npm run bench:bot -- [--rate 50] [--seconds 30] [--partnerships 50] [--database pglite|postgresql://…] [--worker inline|process]
 *
 * Starts its own dev server (in memory, headless), database, worker, local Lark Open API and the
 * bot's webhook server; stops them at the end. `--worker inline` runs the worker in this process
 * beside the bot (and PGlite), as one `npm start` does; `process` runs it as `npm run worker` does,
 * in a process of its own.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Command, Option } from 'commander';
import { NativeConnection } from '@temporalio/worker';
import { notificationCard } from '../lark/cards/notification.ts';
import { messageUuid, sendCard } from '../lark/messages.ts';
import { createLarkClient } from '../lark/client.ts';
import { startBot } from '../bots/server.ts';
import { importDirectory, resolveActor } from '../app/directory.ts';
import { submitPartnership } from '../app/intake.ts';
import { waitUntil } from '../app/wait-for-status.ts';
import { renderContent } from '../notifications/templates.ts';
import { startLarkOpenApi } from '../test/support/lark-open-api.ts';
import { cardActionEvent, deliveryOf, hex, localBotConfig, type AppSecrets } from '../test/bot/support/deliveries.ts';
import { bundleWorkflows, createWorker } from '../lib/workers.ts';
import { workflowIdFor } from '../domain/reference.ts';
import { type Actor } from '../domain/actor.ts';
import type { partnership } from '../workflows/index.ts';
import { proposeTermsUpdate, respondToProposalUpdate, reviewUpdate, selectCandidatesUpdate, statusQuery } from '../workflows/messages.ts';
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
  positiveInt,
  quietWorkerLogs,
  round,
  runPool,
  sleep,
  startDatabase,
  startTemporal,
  watchdog,
} from './support.ts';

const options = new Command('bench:bot')
  .description('card-callback answer time of the Lark bot under a steady load of clicks on real workflows')
  .option('--rate <n>', 'card callbacks per second', positiveInt('--rate'), 50)
  .option('--seconds <s>', 'how long the load lasts', positiveInt('--seconds'), 30)
  .option('--partnerships <n>', 'negotiation-stage partnerships the clicks are spread over', positiveInt('--partnerships'), 50)
  .option(...DATABASE_OPTION)
  .addOption(new Option('--worker <where>', 'the worker beside the bot, or in its own process').choices(['inline', 'process']).default('inline'))
  .parse()
  .opts<{ rate: number; seconds: number; partnerships: number; database?: string; worker: 'inline' | 'process' }>();

const databaseChoice = options.database ?? process.env.DATABASE_URL ?? 'pglite';
/** Lark's limit for answering a callback. */
const LARK_LIMIT_MS = 3_000;

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
  readonly tto: Actor;
}

/** One request's time to answer, and how it was answered ("200 success", "200 info" for 处理中, "error: …"). */
interface Answer {
  readonly ms: number;
  readonly outcome: string;
}

interface Phase {
  readonly answers: readonly Answer[];
  readonly sentOverS: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly meanMs: number;
  readonly overLimit: number;
  readonly outcomes: Record<string, number>;
}

/**
 * Sends `total` requests at `rate` per second, open loop: each on its schedule whether or not the
 * earlier ones were answered, so a slow answer cannot hide the queue behind it.
 */
const openLoop = async (total: number, rate: number, send: (index: number) => Promise<string>): Promise<Phase> => {
  const pending: Promise<Answer>[] = [];
  const began = performance.now();
  for (let i = 0; i < total; i += 1) {
    const wait = began + (i * 1000) / rate - performance.now();
    if (wait > 1) await sleep(wait);
    const start = performance.now();
    pending.push(
      send(i).then(
        (outcome) => ({ ms: performance.now() - start, outcome }),
        (error: unknown) => ({ ms: performance.now() - start, outcome: `error: ${(error as Error).message.split('\n')[0]}` }),
      ),
    );
  }
  const answers = await Promise.all(pending);
  const sentOverS = round((performance.now() - began) / 1000, 1);
  const latencies = answers.map((a) => a.ms).sort((a, b) => a - b);
  const outcomes: Record<string, number> = {};
  for (const answer of answers) outcomes[answer.outcome] = (outcomes[answer.outcome] ?? 0) + 1;
  return {
    answers,
    sentOverS,
    p50Ms: round(percentile(latencies, 50), 0),
    p90Ms: round(percentile(latencies, 90), 0),
    p99Ms: round(percentile(latencies, 99), 0),
    maxMs: round(latencies.at(-1) ?? Number.NaN, 0),
    meanMs: round(latencies.reduce((a, b) => a + b, 0) / latencies.length, 0),
    overLimit: latencies.filter((ms) => ms > LARK_LIMIT_MS).length,
    outcomes,
  };
};

const main = async (): Promise<void> => {
  const { rate, seconds, partnerships } = options;
  const total = rate * seconds;
  const teardown = createTeardown();
  // Bounded: set-up, the load and the drain take a few minutes at the defaults.
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

    const outbox = await mkdtemp(path.join(tmpdir(), 'qxwq-bench-bot-'));
    teardown.add('the outbox folder', () => rm(outbox, { recursive: true, force: true }));
    const taskQueue = `bench-bot-${Date.now().toString(36)}`;
    if (options.worker === 'inline') {
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
    } else {
      log('starting the worker in its own process (`npm run worker`)');
      const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../worker.ts', import.meta.url))], {
        env: {
          ...process.env,
          TEMPORAL_ADDRESS: temporal.address,
          DATABASE_URL: database.url,
          TEMPORAL_TASK_QUEUE: taskQueue,
          DATA_DIR: outbox,
          EMAIL_OUTBOX_DIR: outbox,
          LARK_APP_ID: '',
          LARK_APP_SECRET: '',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      teardown.add('the worker process', async () => {
        if (child.exitCode !== null) return;
        child.kill('SIGTERM');
        await once(child, 'exit');
      });
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('worker polling')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`the worker process exited (${code}) before polling`)));
      });
    }
    const client = temporal.client;
    const larkClient = createLarkClient({ LARK_APP_ID: lark.appId, LARK_APP_SECRET: lark.appSecret, LARK_DOMAIN: lark.baseUrl }, { log: () => undefined })!;
    const secrets: AppSecrets = { appId: lark.appId, verificationToken: hex(16), encryptKey: hex(16) };
    let botLogLines = 0;
    const bot = await startBot({
      config: localBotConfig(lark, secrets),
      prisma,
      client,
      taskQueue,
      policy: LONG_POLICY,
      lark: larkClient,
      log: (line) => {
        botLogLines += 1;
        if (botLogLines <= 3) log(line);
      },
    });
    teardown.add('the bot', bot.close);

    log(`bringing ${partnerships} partnerships to negotiation`);
    const [coord, contact] = await Promise.all([resolveActor(prisma, 'coord'), resolveActor(prisma, 'contact-steel')]);
    const targets: Target[] = [];
    await runPool(partnerships, 10, async (index) => {
      const submitted = await submitPartnership(
        { prisma, client, taskQueue, policy: LONG_POLICY },
        contact,
        { ...BENCH_DEMAND, title: `${BENCH_DEMAND.title}（${index + 1}）` },
        { submissionKey: `bench-bot-${index}` },
      );
      const handle = client.workflow.getHandle<typeof partnership>(workflowIdFor(submitted.reference));
      await waitUntil(
        () => handle.query(statusQuery),
        (s) => s.stage === 'review',
        `${submitted.reference} in review`,
      );
      await handle.executeUpdate(reviewUpdate, { args: [{ actor: coord, decision: 'approve' }] });
      const offered = await waitUntil(
        () => handle.query(statusQuery),
        (s) => s.awaiting.some((a) => a.action === 'select_candidates'),
        `${submitted.reference} candidates`,
      );
      const best = offered.candidates.find((c) => c.counterpart.id in OPEN_IDS);
      if (!best) throw new Error(`${submitted.reference}: no candidate from a fixture university`);
      await handle.executeUpdate(selectCandidatesUpdate, { args: [{ actor: coord, candidateIds: [best.id] }] });
      const tto = await prisma.person.findFirstOrThrow({ where: { role: 'tto_officer', organisationId: best.counterpart.id } });
      await handle.executeUpdate(respondToProposalUpdate, {
        args: [{ actor: { personId: tto.id, name: tto.name, role: tto.role, organisationId: tto.organisationId }, candidateId: best.id, decision: 'accept' }],
      });
      // The card the parties click: a terms notification with its buttons, sent through the real SDK.
      const item = {
        template: 'terms_proposed' as const,
        payload: { reference: submitted.reference, title: BENCH_DEMAND.title, stage: 'negotiation', round: 1, terms: '待议', amountCny: '' },
      };
      const card = notificationCard(renderContent(item, 'zh'), { items: [item], language: 'zh' });
      const messageId = await sendCard(larkClient, { receiveId: OPEN_IDS.contact, card, uuid: messageUuid(`bench:${submitted.reference}`) });
      targets.push({
        reference: submitted.reference,
        messageId,
        chatId: lark.message(messageId)!.chatId,
        ttoOpenId: OPEN_IDS[best.counterpart.id as keyof typeof OPEN_IDS],
        tto: { personId: tto.id, name: tto.name, role: tto.role, organisationId: tto.organisationId },
      });
    });

    // The two parties of each partnership take turns.
    const turn = (i: number) => ({ target: targets[i % targets.length]!, byEnterprise: Math.floor(i / targets.length) % 2 === 0 });
    const roundsBefore = await prisma.negotiationRound.count();
    log(`bot: ${rate} card callbacks/s for ${seconds} s (${total} clicks) on ${targets.length} partnerships`);
    const viaBot = await openLoop(total, rate, async (i) => {
      const { target, byEnterprise } = turn(i);
      const delivery = deliveryOf(
        secrets,
        cardActionEvent(secrets, {
          operatorOpenId: byEnterprise ? OPEN_IDS.contact : target.ttoOpenId,
          messageId: target.messageId,
          chatId: target.chatId,
          token: lark.issueCardToken(target.messageId),
          // A card drawn afresh for every click (its seq), so that each click is a decision of its own.
          value: { v: 1, d: 'terms', ref: target.reference, seq: i + 1 },
          formValue: { terms: `第 ${i + 1} 次报价：许可使用三年`, amount: String(1_000_000 + i * 100) },
        }),
      );
      const response = await fetch(`${bot.url}/lark/cards`, { method: 'POST', headers: delivery.headers, body: delivery.body });
      const body = (await response.json()) as { toast?: { type?: string } };
      return `${response.status} ${body.toast?.type ?? 'none'}`;
    });
    log('waiting for the late card updates and the last events to be recorded');
    await bot.idle();
    const decided = (viaBot.outcomes['200 success'] ?? 0) + (viaBot.outcomes['200 info'] ?? 0);
    await waitUntil(
      () => prisma.negotiationRound.count(),
      (n) => n - roundsBefore >= decided,
      'the rounds to be recorded',
      120_000,
    ).catch(() => undefined);
    const roundsRecorded = (await prisma.negotiationRound.count()) - roundsBefore;
    const lateUpdates = lark.requests.filter((r) => r.route === 'cardUpdate' && r.status === 200).length;

    // The floor: the same updates on the same workflows at the same rate, sent with the Temporal client directly.
    log(`floor: ${rate} proposeTerms updates/s for ${seconds} s sent directly`);
    const direct = await openLoop(total, rate, async (i) => {
      const { target, byEnterprise } = turn(total + i);
      await client.workflow.getHandle<typeof partnership>(workflowIdFor(target.reference)).executeUpdate(proposeTermsUpdate, {
        args: [{ actor: byEnterprise ? contact : target.tto, terms: `第 ${total + i + 1} 次报价：许可使用三年`, amountCny: 1_000_000 + i * 100 }],
      });
      return 'done';
    });

    const loadAfter = loadAverage();
    const row = (name: string, phase: Phase) =>
      `| ${name} | ${phase.p50Ms} | ${phase.p90Ms} | ${phase.p99Ms} | ${phase.maxMs} | ${phase.meanMs} | ${phase.overLimit} |`;
    const figures = (phase: Phase) => {
      const { answers: _answers, ...rest } = phase;
      return rest;
    };
    console.log(
      [
        `Bot callback benchmark: ${total} card callbacks at ${rate}/s for ${seconds} s (sent over ${viaBot.sentOverS} s), on ${targets.length} negotiation-stage partnerships, the two parties of each taking turns`,
        'each callback: signed + encrypted card.action.trigger (schema 2.0) → verify, decrypt, de-duplicate, resolve the person → proposeTerms update on the real workflow (budget 2.5 s, then "处理中" and a later card update)',
        `floor: the same number of proposeTerms updates at the same rate, sent directly with the Temporal client (sent over ${direct.sentOverS} s)`,
        `database: ${database.kind}; Temporal: dev server ${temporal.address} (in memory); worker ${options.worker === 'inline' ? 'beside the bot, in this process' : 'in its own process'}`,
        `load average (1/5/15 min) before: ${loadBefore}; after: ${loadAfter}`,
        `bot answers: ${Object.entries(viaBot.outcomes)
          .map(([k, n]) => `${k} × ${n}`)
          .join(', ')}; floor: ${Object.entries(direct.outcomes)
          .map(([k, n]) => `${k} × ${n}`)
          .join(', ')}`,
        `terms rounds recorded for the clicks: ${roundsRecorded}; late card updates sent: ${lateUpdates}`,
        `activity attempts that failed and were retried${options.worker === 'process' ? ' (in this process; the worker process logs its own)' : ''}: ${logCounts.activityFailures}${logCounts.firstActivityFailure ? ` (first: ${logCounts.firstActivityFailure})` : ''}`,
        '',
        '| run | p50 ms | p90 ms | p99 ms | max ms | mean ms | over 3 s |',
        '|---|---:|---:|---:|---:|---:|---:|',
        row(`bot: card callback answered (${rate}/s)`, viaBot),
        row(`floor: update sent directly (${rate}/s)`, direct),
        JSON.stringify({
          bench: 'bot-callbacks',
          rate,
          seconds,
          partnerships: targets.length,
          database: databaseChoice === 'pglite' ? 'pglite' : 'postgresql',
          worker: options.worker,
          bot: figures(viaBot),
          floor: figures(direct),
          roundsRecorded,
          lateCardUpdates: lateUpdates,
          failedActivityAttempts: logCounts.activityFailures,
          loadBefore,
          loadAfter,
        }),
      ].join('\n'),
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
