/**
 * Capacity benchmark: how many open partnerships one worker holds, and its memory.
 *
 *   npm run bench:capacity -- [--open 10000] [--cache N] [--limit-minutes 8] [--submitters 16] [--queries 1000] [--query-concurrency 10] [--database pglite|postgresql://…]
 *
 * Starts its own dev server (in memory, headless, loopback) and database, and one worker in a
 * child process (so its memory is the worker's alone: the database and the submitting client live
 * in this process), keeping at most `--cache` workflows in memory (the service's default); the
 * others are evicted and replayed from their history when next needed. `--cache` above `--open`
 * keeps every partnership in memory, which shows the cost of one cached workflow. Opens N partnerships, 16 at a
 * time: each submitter waits until its partnership's intake is recorded and it waits in review
 * (the policy is in days, so no timer fires during the run) before it submits the next.
 * When the database shows N rows in review (or the time limit passes: then it reports how many
 * were reached), it reads the worker's memory again, and times `--queries` status queries (1,000)
 * of partnerships drawn at random among all those open, `--query-concurrency` (10) at a time: an
 * evicted partnership is replayed from its history to answer.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { NativeConnection } from '@temporalio/worker';
import { ConfigSchema } from '../lib/config.ts';
import { resolveActor } from '../app/directory.ts';
import { submitPartnership } from '../app/intake.ts';
import { createPrisma } from '../lib/prisma.ts';
import { bundleWorkflows, createWorker } from '../lib/workers.ts';
import { workflowIdFor } from '../domain/reference.ts';
import type { partnership } from '../workflows/index.ts';
import { statusQuery } from '../workflows/messages.ts';
import {
  DATABASE_OPTION,
  BENCH_DEMAND,
  connectDatabase,
  createTeardown,
  importFixtures,
  loadAverage,
  LONG_POLICY,
  log,
  mib,
  outboxSenders,
  percentile,
  poolSizeFor,
  positiveInt,
  quietWorkerLogs,
  round,
  rssOf,
  runPool,
  sleep,
  startDatabase,
  startTemporal,
  watchdog,
} from './support.ts';

const CHILD_ENV = 'QXWQ_BENCH_CAPACITY_WORKER';

interface ChildConfig {
  readonly address: string;
  readonly databaseUrl: string;
  readonly poolMax: number;
  readonly taskQueue: string;
  readonly bundlePath: string;
  /** Where the worker's messages are written (no SMTP server or Lark app in the benchmark). */
  readonly outboxDir: string;
  readonly maxCachedWorkflows: number;
}

interface WorkerMemory {
  readonly rss: number;
  readonly heapUsed: number;
  readonly heapTotal: number;
  readonly external: number;
  readonly arrayBuffers: number;
  readonly cachedWorkflows: number;
  /** Activity attempts that failed (and were retried) so far. */
  readonly activityFailures: number;
  readonly firstActivityFailure: string | null;
}

type ToChild = { type: 'memory'; id: number } | { type: 'stop' };
type FromChild = { type: 'ready' } | { type: 'memory'; id: number; memory: WorkerMemory } | { type: 'stopped' } | { type: 'failed'; message: string };

/** The worker process: one real worker (createWorker), answering the parent's questions over IPC. */
const runWorkerChild = async (config: ChildConfig): Promise<void> => {
  const send = (message: FromChild) => process.send?.(message);
  const logCounts = quietWorkerLogs();
  const connection = await NativeConnection.connect({ address: config.address });
  const prisma = createPrisma(config.databaseUrl, config.poolMax);
  const worker = await createWorker({
    connection,
    namespace: 'default',
    taskQueue: config.taskQueue,
    prisma,
    senders: outboxSenders(prisma, config.outboxDir),
    workflowBundle: { codePath: config.bundlePath },
    maxCachedWorkflows: config.maxCachedWorkflows,
  });
  const running = worker.run();
  const gc = (globalThis as { gc?: () => void }).gc;
  process.on('message', (message: ToChild) => {
    if (message.type === 'memory') {
      // Collected first, so the figure is what the open workflows keep, not garbage not yet freed.
      gc?.();
      gc?.();
      const usage = process.memoryUsage();
      send({
        type: 'memory',
        id: message.id,
        memory: {
          rss: usage.rss,
          heapUsed: usage.heapUsed,
          heapTotal: usage.heapTotal,
          external: usage.external,
          arrayBuffers: usage.arrayBuffers,
          cachedWorkflows: worker.getStatus().numCachedWorkflows,
          activityFailures: logCounts.activityFailures,
          firstActivityFailure: logCounts.firstActivityFailure,
        },
      });
    } else if (message.type === 'stop') {
      worker.shutdown();
      void running
        .then(async () => {
          await connection.close();
          await prisma.$disconnect();
        })
        .finally(() => {
          send({ type: 'stopped' });
          process.exit(0);
        });
    }
  });
  // The parent is gone: so is this worker.
  process.on('disconnect', () => process.exit(0));
  running.catch((error: unknown) => {
    send({ type: 'failed', message: (error as Error).message });
    process.exit(1);
  });
  send({ type: 'ready' });
};

interface WorkerChild {
  memory(): Promise<WorkerMemory>;
  /** Why the worker process ended early (e.g. out of memory), or null while it runs. */
  exited(): string | null;
  stop(): Promise<void>;
  readonly pid: number | undefined;
}

const startWorkerChild = async (config: ChildConfig): Promise<WorkerChild> => {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [], {
    execArgv: [...process.execArgv, '--expose-gc'],
    env: { ...process.env, [CHILD_ENV]: JSON.stringify(config) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, (memory: WorkerMemory) => void>();
  let nextId = 0;
  let failure: string | null = null;
  let onStopped: (() => void) | null = null;
  let exited: string | null = null;
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) exited = `the worker process exited (code ${code}, signal ${signal})${failure ? `: ${failure}` : ''}`;
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.on('message', (message: FromChild) => {
      if (message.type === 'ready') resolve();
      else if (message.type === 'memory') waiting.get(message.id)?.(message.memory);
      else if (message.type === 'stopped') onStopped?.();
      else if (message.type === 'failed') {
        failure = message.message;
        reject(new Error(`the worker failed: ${message.message}`));
      }
    });
    child.once('exit', (code) => reject(new Error(`the worker process exited (code ${code})${failure ? `: ${failure}` : ''}`)));
  });
  await ready;
  return {
    pid: child.pid,
    exited: () => exited,
    memory: () =>
      new Promise<WorkerMemory>((resolve, reject) => {
        const id = nextId++;
        if (exited) return reject(new Error(exited));
        const timer = setTimeout(() => reject(new Error('the worker did not report its memory within 60 s')), 60_000);
        waiting.set(id, (memory) => {
          clearTimeout(timer);
          waiting.delete(id);
          resolve(memory);
        });
        child.send({ type: 'memory', id } satisfies ToChild);
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (child.exitCode !== null || !child.connected) return resolve();
        const timer = setTimeout(() => {
          child.kill('SIGKILL');
          resolve();
        }, 60_000);
        onStopped = () => {
          clearTimeout(timer);
          resolve();
        };
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.send({ type: 'stop' } satisfies ToChild);
      }),
  };
};

const describeMemory = (m: WorkerMemory): string =>
  `rss ${round(mib(m.rss))} MiB, heapUsed ${round(mib(m.heapUsed))} MiB, heapTotal ${round(mib(m.heapTotal))} MiB, external ${round(mib(m.external))} MiB, cached workflows ${m.cachedWorkflows}`;

interface Options {
  readonly open: number;
  readonly cache: number;
  readonly limitMinutes: number;
  readonly submitters: number;
  readonly maxWorkerRssMib: number;
  readonly queries: number;
  readonly queryConcurrency: number;
  readonly database?: string;
}

const main = async (options: Options): Promise<void> => {
  const { open, limitMinutes, submitters, maxWorkerRssMib } = options;
  const databaseChoice = options.database ?? process.env.DATABASE_URL ?? 'pglite';
  const runId = Date.now().toString(36);
  const teardown = createTeardown();
  const disarm = watchdog((limitMinutes + 8) * 60_000, teardown.run);
  const loadBefore = loadAverage();
  quietWorkerLogs();
  try {
    log(`starting the Temporal dev server and the database (${databaseChoice === 'pglite' ? 'pglite' : 'postgresql server'}), bundling the workflows`);
    const [temporal, database, bundle] = await Promise.all([startTemporal(), startDatabase(databaseChoice), bundleWorkflows()]);
    teardown.add('the dev server', temporal.stop);
    teardown.add('the database', database.stop);
    const prisma = connectDatabase(database);
    teardown.add('Prisma', () => prisma.$disconnect());
    await importFixtures(prisma);
    const bundleDir = await mkdtemp(path.join(tmpdir(), 'qxwq-bench-'));
    teardown.add('the temporary folder', () => rm(bundleDir, { recursive: true, force: true }));
    const bundlePath = path.join(bundleDir, 'partnership.js');
    await writeFile(bundlePath, bundle.code);
    const taskQueue = `bench-capacity-${runId}`;
    const maxCachedWorkflows = options.cache;
    const worker = await startWorkerChild({
      address: temporal.address,
      databaseUrl: database.url,
      poolMax: poolSizeFor(database),
      taskQueue,
      bundlePath,
      outboxDir: path.join(bundleDir, 'outbox'),
      maxCachedWorkflows,
    });
    teardown.add('the worker', () => worker.stop());
    await sleep(2_000);
    const before = await worker.memory();
    const serverBefore = await rssOf(temporal.serverPid);
    log(`worker ready (pid ${worker.pid}): ${describeMemory(before)}`);

    const contact = await resolveActor(prisma, 'contact-steel');
    const deps = { prisma, client: temporal.client, taskQueue, policy: LONG_POLICY };
    const references: string[] = [];
    let submitErrors = 0;
    // Set inside runPool's callbacks, which control-flow narrowing does not see.
    let firstError = null as string | null;
    const began = performance.now();
    const deadline = Date.now() + limitMinutes * 60_000;
    // Stop opening more at the time limit, if the worker died, or if it outgrew the memory guard.
    let stopReason: string | null = null;
    const pastDeadline = () => {
      if (!stopReason && Date.now() > deadline) stopReason = `the ${limitMinutes}-minute limit`;
      const exited = worker.exited();
      if (!stopReason && exited) stopReason = exited;
      return stopReason !== null;
    };
    let lastRss = before.rss;
    const inReview = () => prisma.partnership.count({ where: { stage: 'review' } });

    let submitting = true;
    const progress = (async () => {
      let ticks = 0;
      while (submitting) {
        await sleep(5_000);
        if (!submitting || worker.exited()) break;
        const memory = await worker.memory().catch(() => null);
        if (memory) {
          lastRss = memory.rss;
          if (!stopReason && mib(memory.rss) > maxWorkerRssMib)
            stopReason = `the worker's memory guard (rss ${round(mib(memory.rss))} MiB > ${maxWorkerRssMib} MiB)`;
        }
        ticks += 1;
        if (ticks % 6 === 0 || stopReason) {
          log(
            `${references.length} submitted, ${await inReview()} in review, ${round((performance.now() - began) / 1000)} s${memory ? `; worker rss ${round(mib(memory.rss))} MiB, ${memory.activityFailures} failed activity attempts` : ''}`,
          );
        }
      }
    })();
    log(`opening ${open} partnerships, ${submitters} at a time (limit ${limitMinutes} min)`);
    await runPool(
      open,
      submitters,
      async (index) => {
        try {
          const submitted = await submitPartnership(
            deps,
            contact,
            { ...BENCH_DEMAND, title: `${BENCH_DEMAND.title}（容量 ${index + 1}）` },
            { submissionKey: `capacity-${runId}-${index}` },
          );
          references.push(submitted.reference);
          // Back-pressure: a submitter takes the next one once this one's intake is recorded and it
          // waits in review, so at most `submitters` partnerships are being opened at once.
          while (!pastDeadline()) {
            const row = await prisma.partnership.findUnique({ where: { reference: submitted.reference }, select: { stage: true } });
            if (row?.stage === 'review') break;
            await sleep(100);
          }
        } catch (error) {
          submitErrors += 1;
          firstError ??= (error as Error).message;
        }
      },
      pastDeadline,
    );
    const submittedSeconds = (performance.now() - began) / 1000;
    log(`${references.length} submitted in ${round(submittedSeconds)} s; waiting for all to be in review`);
    let reached = await inReview();
    while (reached < references.length && !pastDeadline() && !(stopReason ?? '').startsWith("the worker's memory")) {
      await sleep(500);
      reached = await inReview();
    }
    submitting = false;
    await progress;
    const openSeconds = (performance.now() - began) / 1000;
    const complete = reached === open;

    if (worker.exited()) {
      console.log(
        [
          `Capacity benchmark: ${open} partnerships on one worker (maxCachedWorkflows ${maxCachedWorkflows})`,
          `STOPPED: ${worker.exited()}`,
          `${reached} of ${open} had reached review (${references.length} submitted) after ${round(openSeconds, 1)} s; last worker rss seen ${round(mib(lastRss))} MiB (before: ${round(mib(before.rss))} MiB)`,
          JSON.stringify({
            bench: 'capacity',
            target: open,
            submitted: references.length,
            reachedReview: reached,
            complete: false,
            workerExited: worker.exited(),
            lastRssMiB: round(mib(lastRss)),
            openSeconds: round(openSeconds, 1),
          }),
        ].join('\n'),
      );
      process.exitCode = 1;
      return;
    }
    // Status queries spread over every open partnership (cached or evicted alike), a few at a time as coordinators would ask.
    const sample = Array.from({ length: options.queries }, () => references[Math.floor(Math.random() * references.length)]!);
    const latencies: number[] = [];
    let sampleInReview = 0;
    const sampleBegan = performance.now();
    await runPool(sample.length, options.queryConcurrency, async (index) => {
      const start = performance.now();
      const status = await temporal.client.workflow.getHandle<typeof partnership>(workflowIdFor(sample[index]!)).query(statusQuery);
      latencies.push(performance.now() - start);
      if (status.stage === 'review') sampleInReview += 1;
    });
    const sampleMs = performance.now() - sampleBegan;
    latencies.sort((a, b) => a - b);

    const after = await worker.memory();
    const serverAfter = await rssOf(temporal.serverPid);
    const loadAfter = loadAverage();
    // Every started partnership sits in the worker's cache, whether or not its events are recorded yet.
    const openInWorker = after.cachedWorkflows > 0 ? after.cachedWorkflows : references.length;
    const perOpen = (delta: number) => (openInWorker > 0 ? delta / openInWorker : Number.NaN);
    const kib = (bytes: number) => round(bytes / 1024, 1);
    const figures = {
      bench: 'capacity',
      target: open,
      submitted: references.length,
      submitErrors,
      reachedReview: reached,
      complete,
      database: databaseChoice === 'pglite' ? 'pglite' : 'postgresql',
      maxCachedWorkflows,
      openSeconds: round(openSeconds, 1),
      openedPerSecond: round(reached / openSeconds, 1),
      workerBefore: { rssMiB: round(mib(before.rss)), heapUsedMiB: round(mib(before.heapUsed)), cached: before.cachedWorkflows },
      workerAfter: { rssMiB: round(mib(after.rss)), heapUsedMiB: round(mib(after.heapUsed)), cached: after.cachedWorkflows },
      perOpenPartnership: { rssKiB: kib(perOpen(after.rss - before.rss)), heapUsedKiB: kib(perOpen(after.heapUsed - before.heapUsed)) },
      devServerRssMiB: { before: serverBefore === null ? null : round(mib(serverBefore)), after: serverAfter === null ? null : round(mib(serverAfter)) },
      stoppedBy: complete ? null : stopReason,
      failedActivityAttempts: after.activityFailures,
      sample: {
        queried: sample.length,
        inReview: sampleInReview,
        totalMs: round(sampleMs, 0),
        p50Ms: round(percentile(latencies, 50), 1),
        p95Ms: round(percentile(latencies, 95), 1),
        p99Ms: round(percentile(latencies, 99), 1),
        maxMs: round(latencies[latencies.length - 1] ?? Number.NaN, 1),
      },
      loadBefore,
      loadAfter,
    };
    console.log(
      [
        `Capacity benchmark: ${open} partnerships opened on one worker (maxCachedWorkflows ${maxCachedWorkflows}), waiting in review`,
        `database: ${database.kind}; Temporal: dev server ${temporal.address} (in memory); the worker in its own process (pid ${worker.pid})`,
        `load average (1/5/15 min) before: ${loadBefore}; after: ${loadAfter}`,
        complete
          ? `all ${open} reached review in ${figures.openSeconds} s (${figures.openedPerSecond} opened/s; ${submitters} opened at a time, each submitter waiting for its partnership to be in review)`
          : `STOPPED at ${stopReason ?? 'the limit'}: ${reached} of ${open} reached review (${references.length} submitted, ${submitErrors} submissions failed${firstError ? `: ${firstError}` : ''}) in ${figures.openSeconds} s (${figures.openedPerSecond} opened/s)`,
        `activity attempts that failed and were retried: ${after.activityFailures}${after.firstActivityFailure ? ` (first: ${after.firstActivityFailure})` : ''}`,
        '',
        '| worker memory (after GC) | rss MiB | heapUsed MiB | heapTotal MiB | external MiB | cached workflows |',
        '|---|---:|---:|---:|---:|---:|',
        `| before (worker running, nothing open) | ${round(mib(before.rss))} | ${round(mib(before.heapUsed))} | ${round(mib(before.heapTotal))} | ${round(mib(before.external))} | ${before.cachedWorkflows} |`,
        `| after (${reached} open, in review) | ${round(mib(after.rss))} | ${round(mib(after.heapUsed))} | ${round(mib(after.heapTotal))} | ${round(mib(after.external))} | ${after.cachedWorkflows} |`,
        `| per open partnership (÷ ${openInWorker} cached) | ${figures.perOpenPartnership.rssKiB} KiB | ${figures.perOpenPartnership.heapUsedKiB} KiB | | | |`,
        '',
        "heapUsed is the worker process's main thread; the workflows run in the SDK's workflow thread, whose heap is counted in rss.",
        `dev server rss: ${figures.devServerRssMiB.before ?? '?'} MiB before, ${figures.devServerRssMiB.after ?? '?'} MiB after`,
        `status queries: ${sample.length} of partnerships drawn at random among all ${references.length} open, ${options.queryConcurrency} at a time: ${figures.sample.totalMs} ms in all, p50 ${figures.sample.p50Ms} ms, p95 ${figures.sample.p95Ms} ms, p99 ${figures.sample.p99Ms} ms, max ${figures.sample.maxMs} ms; ${sampleInReview}/${sample.length} in review`,
        JSON.stringify(figures),
      ].join('\n'),
    );
    if (submitErrors > 0) process.exitCode = 1;
  } finally {
    disarm();
    log('stopping the worker, database and dev server');
    await teardown.run();
  }
};

const childConfig = process.env[CHILD_ENV];
if (childConfig) {
  runWorkerChild(JSON.parse(childConfig) as ChildConfig).catch((error: unknown) => {
    process.send?.({ type: 'failed', message: (error as Error).message } satisfies FromChild);
    process.exit(1);
  });
} else {
  const options = new Command('bench:capacity')
    .description('how many open partnerships one worker holds, and its memory')
    .option('--open <n>', 'partnerships to open', positiveInt('--open'), 10_000)
    .option(
      '--cache <n>',
      'workflows the worker keeps in memory (WORKER_MAX_CACHED_WORKFLOWS)',
      positiveInt('--cache'),
      ConfigSchema.shape.WORKER_MAX_CACHED_WORKFLOWS.parse(undefined),
    )
    .option('--queries <q>', 'status queries asked afterwards, each of a partnership drawn at random', positiveInt('--queries'), 1_000)
    .option('--query-concurrency <c>', 'status queries in flight at once', positiveInt('--query-concurrency'), 10)
    .option('--limit-minutes <m>', 'stop opening after this long and report how many were reached', positiveInt('--limit-minutes'), 8)
    .option('--submitters <s>', 'partnerships being opened at once (each submitter waits until its partnership is in review)', positiveInt('--submitters'), 16)
    .option('--max-worker-rss-mib <m>', 'stop opening if the worker grows past this (protects a shared machine)', positiveInt('--max-worker-rss-mib'), 12_288)
    .option(...DATABASE_OPTION)
    .parse()
    .opts<Options>();
  main(options).then(
    () => process.exit(process.exitCode ?? 0),
    (error: unknown) => {
      console.error(`bench:capacity failed: ${(error as Error).stack ?? String(error)}`);
      process.exit(1);
    },
  );
}
