/**
 * Lifecycle benchmark: N partnerships driven through the whole happy path on a real Temporal dev
 * server with the service's worker in its own process (as `npm run worker` runs it), beside a
 * floor measured in the same run, in alternating rounds (bench/side-by-side.ts) — a bare workflow taking the same updates and running the same
 * activities (the records, the matching, and one delivery per message), all doing nothing.
 *
 *   npm run bench -- [--count 200] [--concurrency 20] [--warmup 10] [--rounds 4] [--database pglite|postgresql://…]
 *                    [--worker process|inline] [--profile DIR]
 *
 * The engine is measured with messages written to the outbox folder (no SMTP server or Lark app,
 * so no rate limit applies). Each lifecycle is timed from submission to `handle.result()`: submit →
 * approve → select the best candidate → its TTO accepts → terms → agreed → contract with two
 * milestones → both completed → every message sent. Between decisions the driver waits the way a
 * person's client would, asking the status query with a growing pause (app/wait-for-status.ts);
 * the floor is driven the same way. Afterwards it reads the measured workflows' histories and
 * prints where the time went, phase by phase, beside the floor's (bench/phases.ts).
 * Starts its own dev server (in memory, headless, loopback) and database; stops them at the end.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { submitPartnership } from '../app/intake.ts';
import { waitUntil } from '../app/wait-for-status.ts';
import type { PrismaClient } from '../lib/prisma.ts';
import { bundleWorkflows, createWorker, QUIET_BUNDLER_LOGGER } from '../lib/workers.ts';
import { workflowIdFor } from '../domain/reference.ts';
import type { partnership } from '../workflows/index.ts';
import { reviewUpdate, statusQuery } from '../workflows/messages.ts';
import { decisionsAfterMatching, loadPeople, titleFor, type People } from './happy-path.ts';
import { createClientTimer, phasesOf, phaseTable, type ClientTimer } from './phases.ts';
import { createFloorWorker } from './floor-activities.ts';
import { FLOOR_ACTIVITIES, FLOOR_STEPS, floorStatusQuery, floorUpdate, type floor, type FloorInput } from './floor-workflow.ts';
import { cpuSecondsOf, OUTBOX_ONLY_ENV, postgresCpuSeconds, SERVICE_WORKER, startWorkerProcess } from './worker-process.ts';
import { mostInAnyWindow, startReceivers } from './receivers.ts';
import { measureSideBySide, roundsFor, summarise, timeLifecycles, type CpuUsed, type Measured, type RunningWorker } from './side-by-side.ts';
import { ConfigSchema } from '../lib/config.ts';
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
  nonNegativeInt,
  positiveInt,
  quietWorkerLogs,
  round,
  type Teardown,
  startDatabase,
  startTemporal,
  watchdog,
} from './support.ts';

const options = new Command('bench')
  .description('partnership lifecycles per second and latency, beside a bare-workflow floor')
  .option('--count <n>', 'partnerships (and floor workflows) to measure', positiveInt('--count'), 200)
  .option('--concurrency <c>', 'lifecycles in flight at once', positiveInt('--concurrency'), 20)
  .option('--warmup <w>', 'unmeasured lifecycles of each kind run first', nonNegativeInt('--warmup'), 10)
  .option(
    '--rounds <r>',
    'alternate the engine and the floor in this many rounds, so both see the same machine (fewer when a round would hold under twice the concurrency)',
    positiveInt('--rounds'),
    4,
  )
  .option(...DATABASE_OPTION)
  .option(
    '--delivery <n>',
    'lifecycles sent for real, to an SMTP server and a Lark Open API in their own process, at the rate limits (0: none)',
    nonNegativeInt('--delivery'),
    20,
  )
  .option(
    '--email-rate <n>',
    'EMAIL_MAX_PER_SECOND for the delivery run',
    positiveInt('--email-rate'),
    ConfigSchema.shape.EMAIL_MAX_PER_SECOND.parse(process.env.EMAIL_MAX_PER_SECOND),
  )
  .option(
    '--lark-rate <n>',
    'LARK_MAX_PER_SECOND for the delivery run',
    positiveInt('--lark-rate'),
    ConfigSchema.shape.LARK_MAX_PER_SECOND.parse(process.env.LARK_MAX_PER_SECOND),
  )
  .option('--profile <dir>', 'write a CPU profile of each worker process (node --cpu-prof) into this folder')
  .addOption(
    new Option('--worker <where>', 'the worker in its own process (as production runs it) or in this one').choices(['process', 'inline']).default('process'),
  )
  .parse()
  .opts<{
    count: number;
    concurrency: number;
    warmup: number;
    rounds: number;
    database?: string;
    worker: 'process' | 'inline';
    profile?: string;
    delivery: number;
    emailRate: number;
    larkRate: number;
  }>();

const FLOOR_WORKFLOWS = fileURLToPath(new URL('./floor-workflow.ts', import.meta.url));
const FLOOR_WORKER = fileURLToPath(new URL('./floor-worker.ts', import.meta.url));

const databaseChoice = options.database ?? process.env.DATABASE_URL ?? 'pglite';
const UPDATES = FLOOR_STEPS.length;

/** Runs `count` timed lifecycles, `concurrency` at a time, and sums them up. */
const measure = async (count: number, concurrency: number, lifecycle: (index: number) => Promise<void>): Promise<Measured> => {
  const { latencies, wallS } = await timeLifecycles(count, concurrency, lifecycle);
  return summarise(latencies, wallS);
};

/** One partnership through the whole happy path, as the lifecycle test drives it. */
const realLifecycle =
  (deps: { prisma: PrismaClient; client: Client; taskQueue: string; people: People; runId: string; timer: ClientTimer }) =>
  async (index: number): Promise<void> => {
    const { prisma, client, taskQueue, people, runId, timer } = deps;
    const { coord, contact } = people;
    const submitted = await timer.time('client: submit', () =>
      submitPartnership(
        { prisma, client, taskQueue, policy: LONG_POLICY },
        contact,
        { ...BENCH_DEMAND, title: titleFor(runId, index) },
        { submissionKey: `bench-${runId}-${index}` },
      ),
    );
    const handle: WorkflowHandle<typeof partnership> = client.workflow.getHandle<typeof partnership>(workflowIdFor(submitted.reference));
    const what = `${submitted.reference}`;
    await timer.time('client: wait for review', () =>
      waitUntil(
        () => handle.query(statusQuery),
        (s) => s.stage === 'review',
        `${what} in review`,
      ),
    );
    await timer.time('client: update review', () => handle.executeUpdate(reviewUpdate, { args: [{ actor: coord, decision: 'approve' }] }));
    const matching = await timer.time('client: wait for candidates', () =>
      waitUntil(
        () => handle.query(statusQuery),
        (s) => s.awaiting.some((a) => a.action === 'select_candidates'),
        `${what} candidates`,
      ),
    );
    const best = matching.candidates[0];
    if (!best) throw new Error(`${what}: no candidate`);
    for (const decision of decisionsAfterMatching(people, { id: best.id, university: best.counterpart.id }, Date.now())) {
      await timer.time(`client: update ${decision.update}`, () => decision.run(handle));
    }
    const outcome = await timer.time('client: wait for the result', () => handle.result());
    if (outcome.stage !== 'completed') throw new Error(`${what} ended ${outcome.stage}: ${outcome.reason}`);
  };

/** How many messages the partnership sent on each channel after each of its events, in order: the floor sends as many. */
const messagesAfterEachEvent = async (prisma: PrismaClient, reference: string): Promise<FloorInput> => {
  const rows = await prisma.notification.findMany({
    where: { partnership: { reference } },
    select: { idempotencyKey: true, channel: true },
  });
  const bySeq = new Map<number, { lark: number; email: number }>();
  for (const row of rows) {
    const seq = Number(row.idempotencyKey.split('/')[1]);
    const counts = bySeq.get(seq) ?? { lark: 0, email: 0 };
    counts[row.channel] += 1;
    bySeq.set(seq, counts);
  }
  const last = Math.max(0, ...bySeq.keys());
  return { messagesAfterEvent: Array.from({ length: last }, (_, i) => bySeq.get(i + 1) ?? { lark: 0, email: 0 }) };
};

/** The floor, driven the same way: start, wait for the first answer, the same updates, the same wait for "candidates". */
const floorLifecycle =
  (deps: { client: Client; taskQueue: string; runId: string; input: () => Promise<FloorInput>; timer: ClientTimer }) =>
  async (index: number): Promise<void> => {
    const { client, taskQueue, runId, timer } = deps;
    const input = await deps.input();
    const handle: WorkflowHandle<typeof floor> = await timer.time('client: submit', () =>
      client.workflow.start<typeof floor>('floor', { workflowId: floorIdFor(runId, index), taskQueue, args: [input] }),
    );
    const what = handle.workflowId;
    await timer.time('client: wait for review', () =>
      waitUntil(
        () => handle.query(floorStatusQuery),
        () => true,
        `${what} started`,
      ),
    );
    for (const step of FLOOR_STEPS) {
      if (step === 'selectCandidates') {
        await timer.time('client: wait for candidates', () =>
          waitUntil(
            () => handle.query(floorStatusQuery),
            (s) => s.ready,
            `${what} candidates`,
          ),
        );
      }
      await timer.time(`client: update ${step}`, () => handle.executeUpdate(floorUpdate(step), { args: [{}] }));
    }
    const outcome = await timer.time('client: wait for the result', () => handle.result());
    if (!outcome.done) throw new Error(`${what} did not finish`);
  };

const floorIdFor = (runId: string, index: number): string => `floor-${runId}-${index}`;

/** All the CPU a lifecycle took, in seconds, counting each process once. */
const cpuPerLifecycle = (m: CpuUsed, lifecycles: number, inline: boolean): number | null => {
  if (m.workerCpuS === null || m.serverCpuS === null || m.benchCpuS === null) return null;
  return round(((inline ? 0 : m.workerCpuS) + m.serverCpuS + (m.databaseCpuS ?? 0) + m.benchCpuS) / lifecycles, 3);
};

const inlineCpuSeconds = (): Promise<number> => {
  const { user, system } = process.cpuUsage();
  return Promise.resolve((user + system) / 1e6);
};

/** Runs `worker` here until stopped. */
const runInline = (worker: Pick<Worker, 'run' | 'shutdown'>): RunningWorker => {
  const running = worker.run();
  return {
    cpuSeconds: inlineCpuSeconds,
    stop: async () => {
      worker.shutdown();
      await running;
    },
  };
};

/** Runs a worker process until stopped (the teardown also stops it if the run fails). */
const runProcess = async (entry: string, env: Record<string, string>, teardown: Teardown, what: string): Promise<RunningWorker> => {
  const local = createTeardown();
  const profile = options.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(options.profile)}`] : [];
  const child = await startWorkerProcess(entry, env, { add: (step, stop) => (local.add(step, stop), teardown.add(step, stop)), run: local.run }, what, profile);
  return { cpuSeconds: child.cpuSeconds, stop: local.run };
};

interface DeliveryDeps {
  readonly prisma: PrismaClient;
  readonly client: Client;
  readonly people: People;
  readonly runId: string;
  readonly temporalAddress: string;
  readonly databaseUrl: string;
  readonly workDir: string;
  readonly teardown: Teardown;
}

interface ChannelDelivery {
  readonly messages: number;
  readonly perSecond: number;
  /** Messages ÷ rate: the least time the limit allows. */
  readonly rateFloorS: number;
  /** From this channel's first arrival to its last. */
  readonly spanS: number;
  /** The most arrivals within any one second (sliding window). */
  readonly mostInOneSecond: number;
}

interface DeliveryMeasured {
  readonly lifecycles: number;
  readonly lifecyclesPerSecond: number;
  readonly wallS: number;
  /** From the first message received to the last, on either channel. */
  readonly deliveryS: number;
  /** The slower channel's rate floor: no sending can finish sooner. */
  readonly rateFloorS: number;
  readonly ratio: number;
  readonly email: ChannelDelivery;
  readonly lark: ChannelDelivery;
  readonly outbox: Record<string, number>;
}

/**
 * Lifecycles whose messages really go out: the worker (in its own process) sends to a loopback SMTP
 * server and the local Lark Open API, both in a third process that records when each arrived,
 * under EMAIL_MAX_PER_SECOND and LARK_MAX_PER_SECOND as set by --email-rate and --lark-rate.
 */
const measureDelivery = async (deps: DeliveryDeps): Promise<DeliveryMeasured> => {
  const { prisma, client, people, runId, teardown } = deps;
  const { delivery: count, concurrency, emailRate, larkRate } = options;
  const receivers = await startReceivers(teardown);
  const taskQueue = `bench-delivery-${runId}`;
  log(`delivery: starting the worker in its own process, sending to the receivers' process at ${emailRate} emails/s and ${larkRate} Lark messages/s`);
  const worker = await runProcess(
    SERVICE_WORKER,
    {
      TEMPORAL_ADDRESS: deps.temporalAddress,
      DATABASE_URL: deps.databaseUrl,
      TEMPORAL_TASK_QUEUE: taskQueue,
      DATA_DIR: deps.workDir,
      SMTP_URL: receivers.smtpUrl,
      SMTP_HOST: '',
      LARK_APP_ID: receivers.larkAppId,
      LARK_APP_SECRET: receivers.larkAppSecret,
      LARK_DOMAIN: receivers.larkBaseUrl,
      EMAIL_MAX_PER_SECOND: String(emailRate),
      LARK_MAX_PER_SECOND: String(larkRate),
    },
    teardown,
    'the delivery worker process',
  );
  const drive = realLifecycle({ prisma, client, taskQueue, people, runId: `${runId}d`, timer: createClientTimer() });
  log(`delivery: ${count} lifecycles, ${concurrency} at a time, every message sent`);
  let measured: Measured;
  try {
    measured = await measure(count, concurrency, drive);
  } finally {
    await worker.stop();
  }
  const arrivals = await receivers.arrivals();
  const channel = (times: readonly number[], perSecond: number): ChannelDelivery => ({
    messages: times.length,
    perSecond,
    rateFloorS: round(times.length / perSecond, 1),
    spanS: round(times.length === 0 ? 0 : (Math.max(...times) - Math.min(...times)) / 1000, 1),
    mostInOneSecond: mostInAnyWindow(times),
  });
  const all = [...arrivals.email, ...arrivals.lark];
  const email = channel(arrivals.email, emailRate);
  const lark = channel(arrivals.lark, larkRate);
  const deliveryS = round((Math.max(...all) - Math.min(...all)) / 1000, 1);
  const rateFloorS = Math.max(email.rateFloorS, lark.rateFloorS);
  const rows = await prisma.notification.groupBy({ by: ['channel', 'status'], where: { partnership: { title: { contains: `（${runId}d-` } } }, _count: true });
  return {
    lifecycles: count,
    lifecyclesPerSecond: measured.perSecond,
    wallS: measured.wallS,
    deliveryS,
    rateFloorS,
    ratio: round(deliveryS / rateFloorS, 2),
    email,
    lark,
    outbox: Object.fromEntries(rows.map((row) => [`${row.channel} ${row.status}`, row._count])),
  };
};

const deliveryLines = (d: DeliveryMeasured): string[] => {
  const row = (name: string, c: ChannelDelivery) => `| ${name} | ${c.messages} | ${c.perSecond} | ${c.rateFloorS} | ${c.spanS} | ${c.mostInOneSecond} |`;
  return [
    `delivery: ${d.lifecycles} lifecycles with every message sent for real (worker and receivers each in their own process), ${d.lifecyclesPerSecond} lifecycles/s, wall ${d.wallS} s; outbox: ${Object.entries(
      d.outbox,
    )
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
    '| channel | messages received | limit /s | rate floor s | first to last s | most in any 1 s |',
    '|---|---:|---:|---:|---:|---:|',
    row('email (SMTP)', d.email),
    row('Lark (Open API)', d.lark),
    `delivery time ${d.deliveryS} s against a rate floor of ${d.rateFloorS} s: ×${d.ratio}`,
  ];
};

const main = async (): Promise<void> => {
  const { count, concurrency, warmup } = options;
  const runId = Date.now().toString(36);
  const teardown = createTeardown();
  // Bounded: a run that hangs is stopped; defaults take a few minutes.
  const disarm = watchdog(Math.max(15, Math.ceil((count * 2) / 60) + 10) * 60_000, teardown.run);
  const loadBefore = loadAverage();
  const logCounts = quietWorkerLogs();
  const inline = options.worker === 'inline';
  try {
    log(`starting the Temporal dev server and the database (${databaseChoice === 'pglite' ? 'pglite' : 'postgresql server'})`);
    const [temporal, database] = await Promise.all([startTemporal(), startDatabase(databaseChoice)]);
    teardown.add('the dev server', temporal.stop);
    teardown.add('the database', database.stop);
    const prisma = connectDatabase(database);
    teardown.add('Prisma', () => prisma.$disconnect());
    await importFixtures(prisma);
    const people = await loadPeople(prisma);
    const workDir = await mkdtemp(path.join(tmpdir(), 'qxwq-bench-'));
    teardown.add('the temporary folder', () => rm(workDir, { recursive: true, force: true }));
    const outbox = path.join(workDir, 'outbox');
    const client = temporal.client;
    const connection = inline ? await NativeConnection.connect({ address: temporal.address }) : null;
    if (connection) teardown.add('the worker connection', () => connection.close());

    const realQueue = `bench-partnerships-${runId}`;
    const startReal = async (): Promise<RunningWorker> => {
      if (!connection) {
        log('starting the worker in its own process (`npm run worker`, messages to the outbox folder)');
        return runProcess(
          SERVICE_WORKER,
          {
            ...OUTBOX_ONLY_ENV,
            TEMPORAL_ADDRESS: temporal.address,
            DATABASE_URL: database.url,
            TEMPORAL_TASK_QUEUE: realQueue,
            DATA_DIR: workDir,
            EMAIL_OUTBOX_DIR: outbox,
          },
          teardown,
          'the worker process',
        );
      }
      log('bundling the workflows; the worker runs in this process');
      const realBundle = await bundleWorkflows();
      return runInline(
        await createWorker({
          connection,
          namespace: 'default',
          taskQueue: realQueue,
          prisma,
          senders: outboxSenders(prisma, outbox),
          workflowBundle: { code: realBundle.code },
        }),
      );
    };
    const timer = createClientTimer();
    const floorTimer = createClientTimer();
    const floorQueue = `bench-floor-${runId}`;
    const startFloor = async (): Promise<RunningWorker> => {
      if (!connection) {
        log('starting the floor worker in its own process');
        return runProcess(FLOOR_WORKER, { TEMPORAL_ADDRESS: temporal.address, TEMPORAL_TASK_QUEUE: floorQueue }, teardown, 'the floor worker process');
      }
      const floorBundle = await bundleWorkflowCode({ workflowsPath: FLOOR_WORKFLOWS, logger: QUIET_BUNDLER_LOGGER });
      return runInline(await createFloorWorker(connection, floorQueue, { workflowBundle: { code: floorBundle.code } }));
    };
    // The floor sends as many messages as a partnership of this run did: the engine always runs first.
    let floorInput: Promise<FloorInput> | undefined;
    const inputOfFloor = (): Promise<FloorInput> =>
      (floorInput ??= prisma.partnership
        .findFirstOrThrow({ where: { stage: 'completed', title: { contains: `（${runId}-` } }, select: { reference: true } })
        .then((row) => messagesAfterEachEvent(prisma, row.reference)));
    const [real, bare] = await measureSideBySide(
      [
        {
          what: 'partnership',
          start: startReal,
          lifecycle: realLifecycle({ prisma, client, taskQueue: realQueue, people, runId, timer }),
          reset: () => timer.reset(),
        },
        {
          what: 'floor',
          start: startFloor,
          lifecycle: floorLifecycle({ client, taskQueue: floorQueue, runId, input: inputOfFloor, timer: floorTimer }),
          reset: () => floorTimer.reset(),
        },
      ],
      {
        server: () => (temporal.serverPid === null ? Promise.resolve(null) : cpuSecondsOf(temporal.serverPid)),
        database: postgresCpuSeconds,
        bench: inlineCpuSeconds,
      },
      options,
    );
    const activityFailures = logCounts.activityFailures;
    const completed = await prisma.partnership.count({ where: { stage: 'completed' } });
    const events = await prisma.partnershipEvent.count();
    const expectedEvents = (count + warmup) * 12;
    if (completed !== count + warmup || events !== expectedEvents) {
      throw new Error(`database check failed: ${completed} completed partnerships (expected ${count + warmup}), ${events} events (expected ${expectedEvents})`);
    }
    const messages = await prisma.notification.groupBy({ by: ['channel', 'status'], _count: true });
    const measuredTitles = new Set(Array.from({ length: count }, (_, i) => titleFor(runId, i)));
    const measuredRefs = (await prisma.partnership.findMany({ where: { title: { contains: `（${runId}-` } }, select: { reference: true, title: true } }))
      .filter((p) => measuredTitles.has(p.title))
      .map((p) => p.reference);
    const realPhases = { ...timer.phases(), ...(await phasesOf(client, measuredRefs.map(workflowIdFor))) };
    const floorPhases = {
      ...floorTimer.phases(),
      ...(await phasesOf(
        client,
        Array.from({ length: count }, (_, i) => floorIdFor(runId, i)),
      )),
    };
    const delivery =
      options.delivery > 0
        ? await measureDelivery({ prisma, client, people, runId, temporalAddress: temporal.address, databaseUrl: database.url, workDir, teardown })
        : null;

    const [engineCpu, floorCpu] = [cpuPerLifecycle(real, count, inline), cpuPerLifecycle(bare, count, inline)];
    const ratio = {
      throughput: round(real.perSecond / bare.perSecond, 3),
      p50: round(real.p50Ms / bare.p50Ms, 2),
      p95: round(real.p95Ms / bare.p95Ms, 2),
      cpu: engineCpu === null || floorCpu === null ? null : round(engineCpu / floorCpu, 2),
    };
    const loadAfter = loadAverage();
    const row = (name: string, m: Measured & CpuUsed) =>
      `| ${name} | ${m.perSecond.toFixed(2)} | ${m.p50Ms} | ${m.p95Ms} | ${m.meanMs} | ${m.maxMs} | ${m.wallS} | ${m.workerCpuS ?? '–'} | ${m.serverCpuS ?? '–'} | ${m.databaseCpuS ?? '–'} | ${m.benchCpuS ?? '–'} | ${cpuPerLifecycle(m, count, inline) ?? '–'} |`;
    const lines = [
      `Partnership lifecycle benchmark: N=${count}, C=${concurrency}, warm-up ${warmup} of each (not measured)`,
      `database: ${database.kind}; Temporal: dev server ${temporal.address} (in memory); worker ${inline ? 'in this process' : 'in its own process'}`,
      `each lifecycle: ${UPDATES} updates, ${FLOOR_ACTIVITIES} activities (12 recordEvent + 1 findCandidates) plus one delivery activity per message; the floor runs as many no-op deliveries after each event as the partnership sent`,
      `messages (warm-up included), written to the outbox folder with no rate limit: ${messages.map((m) => `${m.channel} ${m.status} ${m._count}`).join(', ')}`,
      `load average (1/5/15 min) before: ${loadBefore}; after: ${loadAfter}; ${cpus().length} cores`,
      `database check: ${completed} partnerships completed, ${events} events recorded (12 each)`,
      `measured in ${roundsFor(options)} alternating rounds of each (engine, then floor), so that both see the same machine`,
      `activity attempts that failed and were retried (warm-up included, engine and floor together): ${activityFailures}${logCounts.firstActivityFailure ? ` (first: ${logCounts.firstActivityFailure})` : ''}${inline ? '' : ' (counted in this process only; the worker processes log their own)'}`,
      '',
      '| run | lifecycles/s | p50 ms | p95 ms | mean ms | max ms | wall s | worker CPU s | dev server CPU s | PostgreSQL CPU s | bench process CPU s | CPU s a lifecycle |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      row('partnership engine (real worker and activities, messages to the outbox folder)', real),
      row(`floor (bare workflow, ${UPDATES} no-op updates, ${FLOOR_ACTIVITIES} no-op activities)`, bare),
      '',
      ...phaseTable(
        `where a partnership's time goes (${measuredRefs.length} lifecycles; client phases timed by the driver, the rest read from the histories)`,
        realPhases,
        floorPhases,
      ),
      '',
      `ratio engine/floor: throughput ${ratio.throughput} (${Math.round(ratio.throughput * 100)}% of the floor), p50 ×${ratio.p50}, p95 ×${ratio.p95}${ratio.cpu === null ? '' : `, CPU a lifecycle ×${ratio.cpu}`}`,
      ...(delivery ? ['', ...deliveryLines(delivery)] : []),
      JSON.stringify({
        bench: 'lifecycle',
        count,
        concurrency,
        warmup,
        database: databaseChoice === 'pglite' ? 'pglite' : 'postgresql',
        worker: options.worker,
        updates: UPDATES,
        activities: FLOOR_ACTIVITIES,
        real,
        floor: bare,
        ratio,
        phases: { real: realPhases, floor: floorPhases },
        rounds: roundsFor(options),
        failedActivityAttempts: activityFailures,
        loadBefore,
        loadAfter,
        delivery,
      }),
    ];
    console.log(lines.join('\n'));
  } finally {
    disarm();
    log('stopping the workers, database and dev server');
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
