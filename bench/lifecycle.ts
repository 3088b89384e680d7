/**
 * Lifecycle benchmark: N partnerships driven through the whole happy path on a real Temporal dev
 * server with one real worker, beside a floor measured in the same run — a bare workflow taking
 * the same updates and running the same number of activities, all doing nothing.
 *
 *   npm run bench -- [--count 200] [--concurrency 20] [--warmup 10] [--database pglite|postgresql://…]
 *
 * Each lifecycle is timed from submission to `handle.result()`: submit → approve → select the best
 * candidate → its TTO accepts → terms → agreed → contract with two milestones → both completed.
 * Between decisions the driver waits the way a person's client would: it polls the status query
 * (every 20 ms) for the review stage and for the candidates; the floor is driven the same way.
 * Starts its own dev server (in memory, headless, loopback) and database; stops them at the end.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Command } from 'commander';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import { resolveActor } from '../app/directory.ts';
import { submitPartnership } from '../app/intake.ts';
import type { PrismaClient } from '../lib/prisma.ts';
import { bundleWorkflows, createWorker } from '../lib/workers.ts';
import { workflowIdFor } from '../domain/reference.ts';
import { type Actor } from '../domain/actor.ts';
import type { partnership } from '../workflows/index.ts';
import {
  completeMilestoneUpdate,
  concludeNegotiationUpdate,
  proposeTermsUpdate,
  registerContractUpdate,
  respondToProposalUpdate,
  reviewUpdate,
  selectCandidatesUpdate,
  statusQuery,
} from '../workflows/messages.ts';
import { FLOOR_ACTIVITIES, FLOOR_STEPS, floorStatusQuery, floorUpdate, type FloorActivities, type floor } from './floor-workflow.ts';
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
  pollUntil,
  positiveInt,
  quietWorkerLogs,
  round,
  runPool,
  startDatabase,
  startTemporal,
  watchdog,
} from './support.ts';

const options = new Command('bench')
  .description('partnership lifecycles per second and latency, beside a bare-workflow floor')
  .option('--count <n>', 'partnerships (and floor workflows) to measure', positiveInt('--count'), 200)
  .option('--concurrency <c>', 'lifecycles in flight at once', positiveInt('--concurrency'), 20)
  .option('--warmup <w>', 'unmeasured lifecycles of each kind run first', (text) => (text === '0' ? 0 : positiveInt('--warmup')(text)), 10)
  .option(...DATABASE_OPTION)
  .parse()
  .opts<{ count: number; concurrency: number; warmup: number; database?: string }>();

const databaseChoice = options.database ?? process.env.DATABASE_URL ?? 'pglite';
const POLL_MS = 20;
const UPDATES = FLOOR_STEPS.length;

interface Measured {
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly meanMs: number;
  readonly maxMs: number;
  readonly wallS: number;
}

/** Runs `count` timed lifecycles, `concurrency` at a time, and sums them up. */
const measure = async (count: number, concurrency: number, lifecycle: (index: number) => Promise<void>): Promise<Measured> => {
  const latencies: number[] = [];
  const began = performance.now();
  await runPool(count, concurrency, async (index) => {
    const start = performance.now();
    await lifecycle(index);
    latencies.push(performance.now() - start);
  });
  const wall = (performance.now() - began) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    perSecond: round(count / wall, 2),
    p50Ms: round(percentile(latencies, 50), 0),
    p95Ms: round(percentile(latencies, 95), 0),
    meanMs: round(latencies.reduce((a, b) => a + b, 0) / latencies.length, 0),
    maxMs: round(latencies[latencies.length - 1]!, 0),
    wallS: round(wall, 1),
  };
};

const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

interface People {
  readonly coord: Actor;
  readonly contact: Actor;
  /** The tech-transfer officer of each university. */
  readonly ttoOf: ReadonlyMap<string, Actor>;
}

const loadPeople = async (prisma: PrismaClient): Promise<People> => {
  const ttos = await prisma.person.findMany({ where: { role: 'tto_officer' }, select: { id: true, organisationId: true } });
  const ttoOf = new Map<string, Actor>();
  for (const tto of ttos) if (tto.organisationId) ttoOf.set(tto.organisationId, await resolveActor(prisma, tto.id));
  return { coord: await resolveActor(prisma, 'coord'), contact: await resolveActor(prisma, 'contact-steel'), ttoOf };
};

/** One partnership through the whole happy path, as the lifecycle test drives it. */
const realLifecycle =
  (deps: { prisma: PrismaClient; client: Client; taskQueue: string; people: People; runId: string }) =>
  async (index: number): Promise<void> => {
    const { prisma, client, taskQueue, people, runId } = deps;
    const { coord, contact } = people;
    const submitted = await submitPartnership(
      { prisma, client, taskQueue, policy: LONG_POLICY },
      contact,
      { ...BENCH_DEMAND, title: `${BENCH_DEMAND.title}（${runId}-${index}）` },
      { submissionKey: `bench-${runId}-${index}` },
    );
    const handle: WorkflowHandle<typeof partnership> = client.workflow.getHandle<typeof partnership>(workflowIdFor(submitted.reference));
    const what = `${submitted.reference}`;
    await pollUntil(
      () => handle.query(statusQuery),
      (s) => s.stage === 'review',
      `${what} in review`,
      POLL_MS,
    );
    await handle.executeUpdate(reviewUpdate, { args: [{ actor: coord, decision: 'approve' }] });
    const matching = await pollUntil(
      () => handle.query(statusQuery),
      (s) => s.awaiting.some((a) => a.action === 'select_candidates'),
      `${what} candidates`,
      POLL_MS,
    );
    const best = matching.candidates[0];
    if (!best) throw new Error(`${what}: no candidate`);
    const tto = people.ttoOf.get(best.counterpart.id);
    if (!tto) throw new Error(`${what}: no TTO officer for ${best.counterpart.id}`);
    await handle.executeUpdate(selectCandidatesUpdate, { args: [{ actor: coord, candidateIds: [best.id] }] });
    await handle.executeUpdate(respondToProposalUpdate, { args: [{ actor: tto, candidateId: best.id, decision: 'accept' }] });
    await handle.executeUpdate(proposeTermsUpdate, { args: [{ actor: contact, terms: '许可使用三年，首期付款后技术服务', amountCny: 1_200_000 }] });
    await handle.executeUpdate(concludeNegotiationUpdate, { args: [{ actor: tto, outcome: 'agreed' }] });
    const now = Date.now();
    await handle.executeUpdate(registerContractUpdate, {
      args: [
        {
          actor: coord,
          type: 'licensing',
          amountCny: 1_200_000,
          signedOn: isoDate(now),
          milestones: [
            { title: '技术资料交付', kind: 'deliverable', due: isoDate(now + 60 * DAY), responsible: 'university' },
            { title: '首期许可费', kind: 'payment', due: isoDate(now + 90 * DAY), responsible: 'enterprise', amountCny: 600_000 },
          ],
        },
      ],
    });
    await handle.executeUpdate(completeMilestoneUpdate, { args: [{ actor: tto, milestone: 1, evidenceUrl: 'https://docs.example.cn/delivery.pdf' }] });
    await handle.executeUpdate(completeMilestoneUpdate, { args: [{ actor: contact, milestone: 2, evidenceUrl: 'https://pay.example.cn/receipt/1' }] });
    const outcome = await handle.result();
    if (outcome.stage !== 'completed') throw new Error(`${what} ended ${outcome.stage}: ${outcome.reason}`);
  };

/** The floor, driven the same way: start, wait for the first answer, the same updates, the same wait for "candidates". */
const floorLifecycle =
  (deps: { client: Client; taskQueue: string; runId: string }) =>
  async (index: number): Promise<void> => {
    const { client, taskQueue, runId } = deps;
    const handle: WorkflowHandle<typeof floor> = await client.workflow.start<typeof floor>('floor', {
      workflowId: `floor-${runId}-${index}`,
      taskQueue,
      args: [],
    });
    const what = handle.workflowId;
    await pollUntil(
      () => handle.query(floorStatusQuery),
      () => true,
      `${what} started`,
      POLL_MS,
    );
    for (const step of FLOOR_STEPS) {
      if (step === 'selectCandidates')
        await pollUntil(
          () => handle.query(floorStatusQuery),
          (s) => s.ready,
          `${what} candidates`,
          POLL_MS,
        );
      await handle.executeUpdate(floorUpdate(step), { args: [{}] });
    }
    const outcome = await handle.result();
    if (!outcome.done) throw new Error(`${what} did not finish`);
  };

const FLOOR_ACTIVITY_IMPLEMENTATIONS: FloorActivities = {
  recordEvent: () => Promise.resolve({ applied: true, notifications: 0 }),
  findCandidates: () => Promise.resolve([]),
};

/** Runs the worker for the duration of `work`, then shuts it down. */
const withWorker = async <T>(worker: Pick<Worker, 'run' | 'shutdown'>, work: () => Promise<T>): Promise<T> => {
  const running = worker.run();
  try {
    return await work();
  } finally {
    worker.shutdown();
    await running;
  }
};

const main = async (): Promise<void> => {
  const { count, concurrency, warmup } = options;
  const runId = Date.now().toString(36);
  const teardown = createTeardown();
  // Bounded: a run that hangs is stopped; defaults take a few minutes.
  const disarm = watchdog(Math.max(15, Math.ceil((count * 2) / 60) + 10) * 60_000, teardown.run);
  const loadBefore = loadAverage();
  const logCounts = quietWorkerLogs();
  try {
    log(`starting the Temporal dev server and the database (${databaseChoice === 'pglite' ? 'pglite' : 'postgresql server'})`);
    const [temporal, database] = await Promise.all([startTemporal(), startDatabase(databaseChoice)]);
    teardown.add('the dev server', temporal.stop);
    teardown.add('the database', database.stop);
    const prisma = connectDatabase(database);
    teardown.add('Prisma', () => prisma.$disconnect());
    await importFixtures(prisma);
    const people = await loadPeople(prisma);
    log('bundling the partnership and floor workflows');
    const [realBundle, floorBundle] = await Promise.all([
      bundleWorkflows(),
      bundleWorkflowCode({
        workflowsPath: fileURLToPath(new URL('./floor-workflow.ts', import.meta.url)),
        logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} },
      }),
    ]);
    const bundleDir = await mkdtemp(path.join(tmpdir(), 'qxwq-bench-'));
    teardown.add('the temporary folder', () => rm(bundleDir, { recursive: true, force: true }));
    const realPath = path.join(bundleDir, 'partnership.js');
    const floorPath = path.join(bundleDir, 'floor.js');
    await Promise.all([writeFile(realPath, realBundle.code), writeFile(floorPath, floorBundle.code)]);
    const connection = await NativeConnection.connect({ address: temporal.address });
    teardown.add('the worker connection', () => connection.close());
    const client = temporal.client;

    const realQueue = `bench-partnerships-${runId}`;
    const realWorker = await createWorker({
      connection,
      namespace: 'default',
      taskQueue: realQueue,
      prisma,
      senders: outboxSenders(prisma, path.join(bundleDir, 'outbox')),
      workflowBundle: { codePath: realPath },
    });
    const drive = realLifecycle({ prisma, client, taskQueue: realQueue, people, runId });
    const real = await withWorker(realWorker, async () => {
      if (warmup > 0) {
        log(`partnership: ${warmup} warm-up lifecycles`);
        await runPool(warmup, concurrency, (i) => drive(count + i));
      }
      log(`partnership: ${count} lifecycles, ${concurrency} at a time`);
      return measure(count, concurrency, drive);
    });
    const realFailures = logCounts.activityFailures;
    const completed = await prisma.partnership.count({ where: { stage: 'completed' } });
    const events = await prisma.partnershipEvent.count();
    const expectedEvents = (count + warmup) * 12;
    if (completed !== count + warmup || events !== expectedEvents) {
      throw new Error(`database check failed: ${completed} completed partnerships (expected ${count + warmup}), ${events} events (expected ${expectedEvents})`);
    }

    const floorQueue = `bench-floor-${runId}`;
    const floorWorker = await Worker.create({
      connection,
      namespace: 'default',
      taskQueue: floorQueue,
      workflowBundle: { codePath: floorPath },
      activities: FLOOR_ACTIVITY_IMPLEMENTATIONS,
    });
    const driveFloor = floorLifecycle({ client, taskQueue: floorQueue, runId });
    const bare = await withWorker(floorWorker, async () => {
      if (warmup > 0) {
        log(`floor: ${warmup} warm-up lifecycles`);
        await runPool(warmup, concurrency, (i) => driveFloor(count + i));
      }
      log(`floor: ${count} lifecycles, ${concurrency} at a time`);
      return measure(count, concurrency, driveFloor);
    });

    const floorFailures = logCounts.activityFailures - realFailures;
    const ratio = {
      throughput: round(real.perSecond / bare.perSecond, 3),
      p50: round(real.p50Ms / bare.p50Ms, 2),
      p95: round(real.p95Ms / bare.p95Ms, 2),
    };
    const loadAfter = loadAverage();
    const row = (name: string, m: Measured) => `| ${name} | ${m.perSecond.toFixed(2)} | ${m.p50Ms} | ${m.p95Ms} | ${m.meanMs} | ${m.maxMs} | ${m.wallS} |`;
    const lines = [
      `Partnership lifecycle benchmark: N=${count}, C=${concurrency}, warm-up ${warmup} of each (not measured)`,
      `database: ${database.kind}; Temporal: dev server ${temporal.address} (in memory); one worker in this process`,
      `each lifecycle: ${UPDATES} updates, ${FLOOR_ACTIVITIES} activities (12 recordEvent + 1 findCandidates); status polled every ${POLL_MS} ms while waiting`,
      `load average (1/5/15 min) before: ${loadBefore}; after: ${loadAfter}`,
      `database check: ${completed} partnerships completed, ${events} events recorded (12 each)`,
      `activity attempts that failed and were retried (warm-up included): partnership ${realFailures}${logCounts.firstActivityFailure ? ` (first: ${logCounts.firstActivityFailure})` : ''}, floor ${floorFailures}`,
      '',
      '| run | lifecycles/s | p50 ms | p95 ms | mean ms | max ms | wall s |',
      '|---|---:|---:|---:|---:|---:|---:|',
      row('partnership (real worker, real activities)', real),
      row(`floor (bare workflow, ${UPDATES} no-op updates, ${FLOOR_ACTIVITIES} no-op activities)`, bare),
      '',
      `ratio real/floor: throughput ${ratio.throughput} (${Math.round(ratio.throughput * 100)}% of the floor), p50 ×${ratio.p50}, p95 ×${ratio.p95}`,
      JSON.stringify({
        bench: 'lifecycle',
        count,
        concurrency,
        warmup,
        database: databaseChoice === 'pglite' ? 'pglite' : 'postgresql',
        updates: UPDATES,
        activities: FLOOR_ACTIVITIES,
        real,
        floor: bare,
        ratio,
        failedActivityAttempts: { real: realFailures, floor: floorFailures },
        loadBefore,
        loadAfter,
      }),
    ];
    console.log(lines.join('\n'));
  } finally {
    disarm();
    log('stopping the worker connection, database and dev server');
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
