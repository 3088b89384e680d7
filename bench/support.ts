/**
 * What the benchmarks share: their own Temporal dev server and database, the fixtures, a
 * submission to repeat, and the arithmetic of the report. Everything listens on loopback only.
 */
import { readFile, readdir } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { importDirectory, importPool } from '../app/directory.ts';
import { createScratchDatabase } from '../lib/scratch-database.ts';
import { freePort } from '../lib/net.ts';
import { createPrisma, defaultPoolSize, type PrismaClient } from '../lib/prisma.ts';
import { findTemporalCli } from '../lib/temporal-cli.ts';
import { startDevServer } from '../lib/temporal-server.ts';
import type { ProgrammePolicyInput } from '../domain/policy.ts';
import { createSenders } from '../activities/senders.ts';
import { loadConfig } from '../lib/config.ts';

export const log = (line: string): void => {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
};

/** Warnings the worker logged, counted: a failed activity attempt is retried, but it is work done twice. */
export interface WorkerLogCounts {
  activityFailures: number;
  otherWarnings: number;
  /** The first failure's message, to say why. */
  firstActivityFailure: string | null;
}

/**
 * The worker's own state changes are noise here: warnings and errors only, and after the first
 * few, failed activity attempts are counted instead of printed. Call before connecting.
 */
export const quietWorkerLogs = (): WorkerLogCounts => {
  const counts: WorkerLogCounts = { activityFailures: 0, otherWarnings: 0, firstActivityFailure: null };
  Runtime.install({
    logger: new DefaultLogger('WARN', (entry) => {
      const meta = (entry.meta ?? {}) as { activityType?: string; workflowId?: string; attempt?: number; error?: { message?: string } };
      const why = `${meta.activityType ?? ''}${meta.workflowId ? ` ${meta.workflowId}` : ''}${meta.attempt ? ` attempt ${meta.attempt}` : ''}: ${(meta.error?.message ?? '').split('\n')[0]}`;
      if (entry.message === 'Activity failed') {
        counts.activityFailures += 1;
        counts.firstActivityFailure ??= why;
        if (counts.activityFailures > 3) return;
      } else {
        counts.otherWarnings += 1;
      }
      log(`worker ${entry.level}: ${entry.message} (${why})`);
    }),
  });
  return counts;
};

/** A positive whole number from the command line, or the option's name in the error. */
export const positiveInt =
  (name: string) =>
  (text: string): number => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name}: expected a positive whole number, got "${text}"`);
    return value;
  };

/** Zero or a positive whole number from the command line. */
export const nonNegativeInt =
  (name: string) =>
  (text: string): number =>
    text === '0' ? 0 : positiveInt(name)(text);

/** Days, as operators use them: nothing fires while a benchmark runs. */
export const LONG_POLICY: ProgrammePolicyInput = {
  decisionReminderAfter: '30 days',
  decisionEscalateAfter: '60 days',
  revisionReminderAfter: '30 days',
  proposalDeadline: '30 days',
  proposalReminderBefore: '7 days',
  negotiationDeadline: '90 days',
  negotiationReminderBefore: '7 days',
  milestoneReminderOffsets: ['7 days'],
  milestoneEscalateAfter: '30 days',
};

/** The lifecycle test's demand; the fixtures' pool holds several universities that fit it. */
export { ROLL_WEAR_DEMAND as BENCH_DEMAND } from '../test/fixtures/submissions.ts';

const fixture = async (name: string): Promise<unknown> => JSON.parse(await readFile(new URL(`../test/fixtures/${name}`, import.meta.url), 'utf8'));

export interface BenchDatabase {
  readonly url: string;
  /** What the report says: "pglite (in-memory, in this process)" or the server's host. */
  readonly kind: string;
  stop(): Promise<void>;
}

/**
 * A fresh, migrated database: an in-memory PGlite on a loopback port, or a new database on the
 * PostgreSQL server named by the URL (dropped at the end).
 */
export const startDatabase = async (database: string): Promise<BenchDatabase> => {
  if (database !== 'pglite' && !/^postgres(ql)?:$/.test(new URL(database).protocol)) {
    throw new Error(`--database: expected "pglite" or a postgresql:// URL, got "${database}"`);
  }
  const scratch = await createScratchDatabase(database === 'pglite' ? undefined : database, 'qxwq_bench');
  const kind =
    scratch.kind === 'pglite'
      ? 'pglite (in-memory, in the benchmark process)'
      : `postgresql server at ${new URL(database).host} (database ${new URL(scratch.url).pathname.slice(1)}, dropped afterwards)`;
  return { url: scratch.url, kind, stop: scratch.drop };
};

/** The pool the service itself would take on this database (lib/prisma.ts). */
export const poolSizeFor = (database: BenchDatabase): number => defaultPoolSize(database.kind.startsWith('pglite'));

export const importFixtures = async (prisma: PrismaClient): Promise<void> => {
  await importDirectory(prisma, await fixture('directory.json'));
  await importPool(prisma, await fixture('pool.json'));
};

export interface BenchTemporal {
  readonly address: string;
  readonly client: Client;
  /** The dev server's process id, to read its memory; null if it could not be found. */
  readonly serverPid: number | null;
  stop(): Promise<void>;
}

/** The dev server's pid: our child process running the Temporal CLI. */
const findServerPid = async (cli: string): Promise<number | null> => {
  for (const entry of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmdline = (await readFile(`/proc/${entry}/cmdline`, 'utf8')).split('\0');
      if (cmdline[0] === cli && cmdline.includes('start-dev')) return Number(entry);
    } catch {
      // The process ended while we looked.
    }
  }
  return null;
};

/** A headless, in-memory Temporal dev server on a free loopback port, and a client on it. */
export const startTemporal = async (): Promise<BenchTemporal> => {
  const cli = await findTemporalCli({ explicit: process.env.TEMPORAL_CLI, log, install: false });
  if (!cli) throw new Error('the benchmark needs the Temporal CLI: run `npm install` (it builds one with Go) or set TEMPORAL_CLI');
  const server = await startDevServer({ cli, port: await freePort(), uiPort: null, dbFile: null });
  const serverPid = await findServerPid(cli);
  const client = new Client({ connection: await Connection.connect({ address: server.address }), namespace: 'default' });
  return {
    address: server.address,
    client,
    serverPid,
    async stop() {
      await client.connection.close().catch(() => undefined);
      await server.stop();
    },
  };
};

/** Resident memory of another process, in bytes (Linux), or null. */
export const rssOf = async (pid: number | null): Promise<number | null> => {
  if (pid === null) return null;
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? Number(kb) * 1024 : null;
  } catch {
    return null;
  }
};

/** Runs `count` jobs with at most `concurrency` at once; stops taking new ones once `stop()` says so. */
export const runPool = async (
  count: number,
  concurrency: number,
  job: (index: number) => Promise<void>,
  stop: () => boolean = () => false,
): Promise<number> => {
  let next = 0;
  let started = 0;
  const lane = async (): Promise<void> => {
    while (next < count && !stop()) {
      const index = next++;
      started += 1;
      await job(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return started;
};

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The value at or below which p of the sorted values lie (nearest rank). */
export const percentile = (sorted: readonly number[], p: number): number => {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1]!;
};

export const mib = (bytes: number): number => bytes / (1024 * 1024);
export const round = (value: number, digits = 1): number => Number(value.toFixed(digits));
export const loadAverage = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** The caller's database and Prisma client; Prisma is closed before the database. */
export const connectDatabase = (database: BenchDatabase): PrismaClient => createPrisma(database.url, poolSizeFor(database));

/**
 * Stops the run if it overruns: cleans up what it can within 30 s, then exits with status 2.
 * The benchmark is bounded even if something hangs.
 */
export const watchdog = (limitMs: number, cleanup: () => Promise<void>): (() => void) => {
  const fire = (reason: string) => {
    log(`${reason}: stopping`);
    const hard = setTimeout(() => process.exit(2), 30_000);
    hard.unref();
    void cleanup().finally(() => process.exit(2));
  };
  const timer = setTimeout(() => fire(`the benchmark ran past its ${Math.round(limitMs / 60_000)}-minute limit`), limitMs);
  const onSignal = () => fire('interrupted');
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return () => {
    clearTimeout(timer);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
};

/** The default transports of a service with no SMTP server or Lark app: messages written as files under `dir`. */
export const outboxSenders = (prisma: PrismaClient, dir: string) =>
  createSenders(loadConfig({ DATA_DIR: dir, EMAIL_OUTBOX_DIR: dir }), prisma, () => undefined);

export interface Teardown {
  /** Registers something started, to be stopped in reverse order. */
  add(what: string, stop: () => Promise<unknown>): void;
  /** Stops everything registered; a step that fails is logged and the others still run. */
  run(): Promise<void>;
}

/** What a benchmark started (servers, workers, folders), stopped last-first at the end or by the watchdog. */
export const createTeardown = (): Teardown => {
  const steps: { what: string; stop: () => Promise<unknown> }[] = [];
  return {
    add: (what, stop) => {
      steps.push({ what, stop });
    },
    run: async () => {
      for (let step = steps.pop(); step; step = steps.pop()) {
        await step.stop().catch((error: unknown) => log(`while stopping ${step.what}: ${(error as Error).message}`));
      }
    },
  };
};

/** The `--database` option every benchmark takes. */
export const DATABASE_OPTION = ['--database <db>', '"pglite" (in memory) or a postgresql:// server URL; default DATABASE_URL, else pglite'] as const;

/** A dev server that keeps its data in a file, so it can be stopped and started again on the same port and file. */
export interface RestartableTemporal extends BenchTemporal {
  readonly dbFile: string;
  /** Stops the server (SIGTERM); clients and workers keep their connections and see it gone. */
  stopServer(): Promise<void>;
  /** Starts it again on the same port and database file; resolves once it answers. */
  startServer(): Promise<void>;
}

/**
 * A headless dev server on a free loopback port, with its data in `dbFile` (`--db-filename`), and a
 * client on it: what `startTemporal` gives, plus stopping and starting the server in the middle of a run.
 */
export const startFileBackedTemporal = async (dbFile: string): Promise<RestartableTemporal> => {
  const cli = await findTemporalCli({ explicit: process.env.TEMPORAL_CLI, log, install: false });
  if (!cli) throw new Error('the benchmark needs the Temporal CLI: run `npm install` (it builds one with Go) or set TEMPORAL_CLI');
  const port = await freePort();
  let server: Awaited<ReturnType<typeof startDevServer>> | null = await startDevServer({ cli, port, uiPort: null, dbFile });
  const serverPid = await findServerPid(cli);
  const client = new Client({ connection: await Connection.connect({ address: server.address }), namespace: 'default' });
  const address = server.address;
  return {
    address,
    client,
    serverPid,
    dbFile,
    async stopServer() {
      await server?.stop();
      server = null;
    },
    async startServer() {
      if (!server) server = await startDevServer({ cli, port, uiPort: null, dbFile });
    },
    async stop() {
      await client.connection.close().catch(() => undefined);
      await server?.stop();
      server = null;
    },
  };
};
