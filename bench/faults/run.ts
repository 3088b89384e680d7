/**
 * One fault scenario, end to end: its own dev server (in memory, or file-backed when it is to be
 * restarted) unless given one, its own database, the receivers in their own process, the worker
 * in its own process under a supervisor; a batch of partnerships driven through the whole
 * lifecycle while the scenario injects its fault; then the checks of check.ts.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { importFixtures, createTeardown, log, round, startFileBackedTemporal, startTemporal, type RestartableTemporal, type Teardown } from '../support.ts';
import { createPrisma, type PrismaClient } from '../../lib/prisma.ts';
import { createScratchDatabase } from '../../lib/scratch-database.ts';
import { startReceivers, type Receivers } from '../receivers.ts';
import { checkRun, type FaultCheck } from './check.ts';
import { JOURNAL_HIT } from '../../activities/acceptance-journal.ts';
import { driveLifecycle, type Driven } from './drive.ts';
import { loadPeople } from '../happy-path.ts';
import { NPM_START_PROGRAM, superviseWorker, type WorkerSupervisor } from './worker.ts';
import { loadConfig } from '../../lib/config.ts';
import { freePort } from '../../lib/net.ts';
import { causesOf } from '../../lib/error-causes.ts';
import { embeddedDatabaseUrl } from '../../lib/services.ts';
import { seededRandom } from '../../matching/eval/synthetic.ts';

export interface FaultOptions {
  readonly partnerships: number;
  readonly concurrency: number;
  /** SIGKILLs of the worker in `worker-kill`. */
  readonly kills: number;
  /** The SMTP outage, and each phase of the Lark errors, in seconds. */
  readonly outageSeconds: number;
  /** How long a stopped server (Temporal, PostgreSQL) stays down, in seconds. */
  readonly downSeconds: number;
  readonly emailRate: number;
  readonly larkRate: number;
  /** How long one lifecycle may take, outages included. */
  readonly lifecycleMs: number;
  /** Seeds the random moments of the kills. */
  readonly seed: number;
}

export const EMAIL_FROM = '千校万企协同创新平台 <noreply@qxwq.example.cn>';
const EMAIL_DOMAIN = 'qxwq.example.cn';

/** What a scenario can reach while the partnerships run. */
export interface FaultContext {
  readonly options: FaultOptions;
  readonly worker: WorkerSupervisor;
  readonly receivers: Receivers;
  readonly prisma: PrismaClient;
  /** Set when the scenario asked for a file-backed dev server. */
  readonly temporal: RestartableTemporal | null;
  /** Set when the scenario brought its own database server. */
  readonly database: ScenarioDatabase | null;
  /** True once every lifecycle has ended (completed or given up). */
  done(): boolean;
  /** Resolves once this share (0–1) of the run's events is recorded, or every lifecycle has ended. */
  progress(share: number): Promise<void>;
  /** A number in [0, 1) from the run's seeded generator. */
  random(): number;
}

/** A database server a scenario starts for itself (PostgreSQL), with what the worker's URL should say. */
export interface ScenarioDatabase {
  /** The server's admin URL; the run's database is made on it. */
  readonly serverUrl: string;
  /** Added to the worker's DATABASE_URL, e.g. `application_name=…`. */
  readonly workerUrlParams?: Readonly<Record<string, string>>;
  /** Stops the server, waits `downMs`, starts it again on the same port and data. */
  restart(downMs: number): Promise<void>;
}

export interface Scenario {
  readonly name: string;
  /** What is done, in a few words, for the table. */
  describe(options: FaultOptions): string;
  readonly temporal: 'memory' | 'file';
  /** `npm-start`: the whole service in one process with its embedded PGlite, which is the run's database; the worker alone otherwise. */
  readonly service?: 'worker' | 'npm-start';
  /** Why it cannot run here (no PostgreSQL binaries…), or null. */
  skipReason?(): Promise<string | null>;
  /** A database server of its own; otherwise the run's default. */
  startDatabase?(teardown: Teardown): Promise<ScenarioDatabase>;
  /** Injects the fault while the lifecycles run; resolves with when the last fault ended (epoch ms), or null if none was injected. */
  inject(context: FaultContext): Promise<{ faultEnd: number | null; injected: string }>;
}

export interface ScenarioResult extends Omit<FaultCheck, 'completed'> {
  readonly scenario: string;
  readonly fault: string;
  readonly skipped: string | null;
  /** Lifecycles the driver saw complete. */
  readonly completed: number;
  readonly completedInDatabase: number;
  readonly lifecycleErrors: readonly string[];
  readonly workerStarts: number;
  readonly workerCrashes: readonly string[];
  /** From the fault's end to the first message or completion after it. */
  readonly movingAgainS: number | null;
  /** From the fault's end to the last partnership completing. */
  readonly recoverS: number | null;
  readonly wallS: number;
  /** What failed the checks; empty when the run passed. */
  readonly problems: readonly string[];
}

/** Where the scenario runs when the caller brings its own services (the CI test brings the suite's dev server and database). */
export interface GivenServices {
  readonly temporal?: { readonly address: string; readonly client: Client };
  /** A migrated database, and how many connections this process may use on it. */
  readonly database?: { readonly url: string; readonly poolMax: number };
}

const withParams = (url: string, params: Readonly<Record<string, string>> = {}): string => {
  const parsed = new URL(url);
  for (const [key, value] of Object.entries(params)) parsed.searchParams.set(key, value);
  return parsed.toString();
};

/** How many retries the workers' logs say were settled from the acceptance journal (activities/acceptance-journal.ts). */
const journalHitsIn = async (workDir: string): Promise<number> => {
  let hits = 0;
  for (const file of (await readdir(workDir)).filter((name) => /^worker-\d+\.log$/.test(name))) {
    hits += (await readFile(path.join(workDir, file), 'utf8')).split(JOURNAL_HIT).length - 1;
  }
  return hits;
};

/** The row of a scenario that was skipped, or that could not run (`problems` says why). */
export const notRun = (scenario: Scenario, options: FaultOptions, skipped: string | null, problems: readonly string[]): ScenarioResult => ({
  scenario: scenario.name,
  fault: scenario.describe(options),
  partnerships: options.partnerships,
  skipped,
  completed: 0,
  completedInDatabase: 0,
  eventsOk: 0,
  eventProblems: [],
  outbox: { sent: 0, pending: 0, failed: 0, total: 0 },
  lost: 0,
  lostSamples: [],
  duplicates: { email: 0, lark: 0 },
  larkResendsAbsorbed: 0,
  journalHits: 0,
  strays: 0,
  lifecycleErrors: [],
  workerStarts: 0,
  workerCrashes: [],
  movingAgainS: null,
  recoverS: null,
  wallS: 0,
  problems,
});

export const runScenario = async (scenario: Scenario, options: FaultOptions, given: GivenServices = {}): Promise<ScenarioResult> => {
  const skipped = (await scenario.skipReason?.()) ?? null;
  if (skipped) {
    log(`${scenario.name}: skipped: ${skipped}`);
    return notRun(scenario, options, skipped, []);
  }
  const teardown = createTeardown();
  const runId = `${scenario.name.replace(/[^a-z]/g, '')}${Date.now().toString(36)}`;
  try {
    const workDir = await mkdtemp(path.join(tmpdir(), 'qxwq-faults-'));
    // The worker's logs are kept when the run fails, for whoever looks into it.
    let failed = true;
    teardown.add('the temporary folder', () =>
      failed ? Promise.resolve(log(`${scenario.name}: logs kept in ${workDir}`)) : rm(workDir, { recursive: true, force: true }),
    );
    log(`${scenario.name}: starting the services (work folder ${workDir})`);

    let temporal: RestartableTemporal | null = null;
    let address: string;
    let client: Client;
    if (scenario.temporal === 'file') {
      temporal = await startFileBackedTemporal(path.join(workDir, 'temporal', 'temporal.db'));
      teardown.add('the dev server', temporal.stop);
      ({ address, client } = temporal);
    } else if (given.temporal) {
      ({ address, client } = given.temporal);
    } else {
      const started = await startTemporal();
      teardown.add('the dev server', started.stop);
      ({ address, client } = started);
    }

    const receivers = await startReceivers(teardown);
    const taskQueue = `faults-${runId}`;
    const serviceEnv = {
      TEMPORAL_ADDRESS: address,
      TEMPORAL_TASK_QUEUE: taskQueue,
      DATA_DIR: workDir,
      SMTP_URL: receivers.smtpUrl,
      SMTP_HOST: '',
      EMAIL_FROM,
      LARK_APP_ID: receivers.larkAppId,
      LARK_APP_SECRET: receivers.larkAppSecret,
      LARK_DOMAIN: receivers.larkBaseUrl,
      EMAIL_MAX_PER_SECOND: String(options.emailRate),
      LARK_MAX_PER_SECOND: String(options.larkRate),
      LARK_MODE: 'off',
    };

    const ownDatabase = scenario.startDatabase ? await scenario.startDatabase(teardown) : null;
    let databaseUrl: string;
    let poolMax: number;
    let worker: WorkerSupervisor;
    if (scenario.service === 'npm-start') {
      // The service makes and migrates its own database, so it starts first.
      const config = loadConfig({ ...serviceEnv, PGLITE_PORT: String(await freePort()) });
      worker = superviseWorker({ ...serviceEnv, DATABASE_URL: '', PGLITE_PORT: String(config.PGLITE_PORT) }, workDir, NPM_START_PROGRAM);
      teardown.add('the service process', worker.stop);
      await worker.start();
      databaseUrl = embeddedDatabaseUrl(config);
      poolMax = 2;
    } else {
      if (ownDatabase) {
        const scratch = await createScratchDatabase(ownDatabase.serverUrl, 'qxwq_faults');
        teardown.add('the database', scratch.drop);
        databaseUrl = scratch.url;
        poolMax = 10;
      } else if (given.database) {
        ({ url: databaseUrl, poolMax } = given.database);
      } else {
        const scratch = await createScratchDatabase(undefined, 'qxwq_faults');
        teardown.add('the database', scratch.drop);
        databaseUrl = scratch.url;
        poolMax = 4;
      }
      worker = superviseWorker({ ...serviceEnv, DATABASE_URL: withParams(databaseUrl, ownDatabase?.workerUrlParams) }, workDir);
      teardown.add('the worker process', worker.stop);
    }
    const prisma = createPrisma(databaseUrl, poolMax);
    teardown.add('Prisma', () => prisma.$disconnect());
    await importFixtures(prisma);
    const people = await loadPeople(prisma);
    if (scenario.service !== 'npm-start') await worker.start();
    log(`${scenario.name}: worker polling after ${round(worker.startMs[0]! / 1000)} s; ${options.partnerships} lifecycles, ${options.concurrency} at a time`);

    const began = Date.now();
    const expectedEvents = options.partnerships * 12;
    let ended = 0;
    const context: FaultContext = {
      options,
      worker,
      receivers,
      prisma,
      temporal,
      database: ownDatabase,
      done: () => ended >= options.partnerships,
      async progress(share) {
        while (ended < options.partnerships) {
          const recorded = await prisma.partnershipEvent.count({ where: { partnership: { title: { contains: `（${runId}-` } } } }).catch(() => 0);
          if (recorded >= share * expectedEvents) return;
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      },
      random: seededRandom(options.seed),
    };
    const drive = driveLifecycle({ prisma, client, taskQueue, people, runId, lifecycleMs: options.lifecycleMs });
    const driven: Driven[] = [];
    const lifecycleErrors: string[] = [];
    let next = 0;
    const lane = async (): Promise<void> => {
      while (next < options.partnerships) {
        const index = next++;
        try {
          driven.push(await drive(index));
        } catch (error) {
          lifecycleErrors.push(`${index}: ${causesOf(error)}`);
          log(`${scenario.name}: lifecycle ${index} failed: ${causesOf(error)}`);
        } finally {
          ended += 1;
        }
      }
    };
    const injecting = scenario.inject(context);
    const [, injection] = await Promise.all([Promise.all(Array.from({ length: Math.min(options.concurrency, options.partnerships) }, lane)), injecting]);
    const wallS = round((Date.now() - began) / 1000);
    log(`${scenario.name}: ${driven.length}/${options.partnerships} completed in ${wallS} s; checking`);

    // Late answers (a Lark send held past the client's timeout) land within a second or two.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const received = await receivers.received();
    const references = (await prisma.partnership.findMany({ where: { title: { contains: `（${runId}-` } }, select: { reference: true } })).map(
      (p) => p.reference,
    );
    const check = await checkRun(prisma, references, options.partnerships, received, EMAIL_DOMAIN, await journalHitsIn(workDir));

    const { faultEnd } = injection;
    const lastCompletion = driven.length === 0 ? null : Math.max(...driven.map((d) => d.completedAt));
    const after = (times: readonly number[]) => times.filter((t) => faultEnd !== null && t >= faultEnd);
    const firstAfter = Math.min(
      ...after([
        ...received.email.map((m) => m.at),
        ...received.larkRequests.filter((r) => r.status === 200).map((r) => r.at),
        ...driven.map((d) => d.completedAt),
      ]),
    );
    const recoverS = faultEnd === null || lastCompletion === null ? null : round(Math.max(0, lastCompletion - faultEnd) / 1000);
    const movingAgainS = faultEnd === null || !Number.isFinite(firstAfter) ? null : round((firstAfter - faultEnd) / 1000);

    const problems: string[] = [];
    if (driven.length !== options.partnerships)
      problems.push(`${options.partnerships - driven.length} partnerships did not complete (${lifecycleErrors[0] ?? 'no error'})`);
    if (check.completedInDatabase !== options.partnerships) problems.push(`${check.completedInDatabase} completed in the database`);
    if (check.eventsOk !== options.partnerships) problems.push(`events: ${check.eventProblems.slice(0, 3).join('; ')}`);
    if (check.outbox.pending > 0 || check.outbox.failed > 0) problems.push(`outbox: ${check.outbox.pending} pending, ${check.outbox.failed} failed`);
    if (check.outbox.total !== options.partnerships * 40) problems.push(`outbox: ${check.outbox.total} rows (expected ${options.partnerships * 40})`);
    if (check.lost > 0) problems.push(`${check.lost} messages lost (${check.lostSamples.join(', ')})`);
    if (check.strays > 0) problems.push(`${check.strays} arrivals match no outbox row`);
    if (worker.crashes.length > 0) problems.push(`the worker exited by itself ${worker.crashes.length} times: ${worker.crashes[0]}`);
    if (injection.faultEnd === null) problems.push('the fault was not injected (the run ended first)');
    failed = problems.length > 0;
    return {
      ...check,
      scenario: scenario.name,
      fault: injection.injected,
      skipped: null,
      completed: driven.length,
      lifecycleErrors,
      workerStarts: worker.starts,
      workerCrashes: worker.crashes,
      movingAgainS,
      recoverS,
      wallS,
      problems,
    };
  } finally {
    log(`${scenario.name}: stopping the worker, receivers, database and dev server`);
    await teardown.run();
  }
};
