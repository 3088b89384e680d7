/**
 * The faults, in order of priority. Each waits until the run is under way (a share of its events
 * recorded), injects its fault, ends it, and says when it ended.
 */
import { execFile } from 'node:child_process';
import { access, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { freePort } from '../../lib/net.ts';
import { log, round } from '../support.ts';
import type { FaultContext, Scenario } from './run.ts';

const run = promisify(execFile);

/** SIGKILLs `count` times at random moments (1–6 s after the previous process served), a new process each time. */
const killRepeatedly = async (context: FaultContext, count: number, what: string) => {
  const { worker } = context;
  await context.progress(0.02);
  let kills = 0;
  let faultEnd: number | null = null;
  while (kills < count && !context.done()) {
    await sleep(1_000 + context.random() * 5_000);
    if (context.done()) break;
    await worker.killAndRestart();
    kills += 1;
    faultEnd = Date.now();
    log(`${what}: kill ${kills} done; serving again after ${round(worker.startMs.at(-1)! / 1000)} s`);
  }
  return { faultEnd, kills };
};

export const workerKill: Scenario = {
  name: 'worker-kill',
  temporal: 'memory',
  describe: (o) => `worker SIGKILLed ${o.kills}× at random moments, restarted each time`,
  async inject(context) {
    const { faultEnd, kills } = await killRepeatedly(context, context.options.kills, 'worker-kill');
    return { faultEnd, injected: `worker SIGKILLed ${kills}× at random moments (of ${context.options.kills} planned), restarted each time` };
  },
};

/** `npm start` SIGKILLed, its embedded PGlite with it, a third as often as the worker alone: each restart recovers the database first. */
export const npmStartKill: Scenario = {
  name: 'npm-start-kill',
  temporal: 'memory',
  service: 'npm-start',
  describe: (o) => `npm start (worker and embedded PGlite in one process) SIGKILLed ${embeddedKills(o.kills)}× at random moments, restarted each time`,
  async inject(context) {
    const planned = embeddedKills(context.options.kills);
    const { faultEnd, kills } = await killRepeatedly(context, planned, 'npm-start-kill');
    return { faultEnd, injected: `npm start with its embedded PGlite SIGKILLed ${kills}× at random moments (of ${planned} planned), restarted each time` };
  },
};

const embeddedKills = (kills: number): number => Math.max(1, Math.ceil(kills / 3));

/** The file-backed dev server stopped (SIGTERM) at 40% of the run, started again on the same port and file after a few seconds. */
export const devServerRestart: Scenario = {
  name: 'dev-server-restart',
  temporal: 'file',
  describe: (o) => `dev server (file-backed) stopped mid-run, started again after ${o.downSeconds} s`,
  async inject(context) {
    const temporal = context.temporal!;
    await context.progress(0.4);
    if (context.done()) return { faultEnd: null, injected: 'nothing: the run ended first' };
    log('dev-server-restart: stopping the dev server');
    const stopped = Date.now();
    await temporal.stopServer();
    await sleep(context.options.downSeconds * 1000);
    await temporal.startServer();
    const faultEnd = Date.now();
    log(`dev-server-restart: the dev server answers again (down ${round((faultEnd - stopped) / 1000)} s)`);
    return { faultEnd, injected: `dev server (--db-filename) stopped at 40% of events, down ${round((faultEnd - stopped) / 1000)} s, same port and file` };
  },
};

const POSTGRES_SCRIPT = fileURLToPath(new URL('../../scripts/postgres-server.sh', import.meta.url));
const WORKER_APPLICATION = 'qxwq-faults-worker';

/** PostgreSQL's binaries as scripts/postgres-server.sh finds them; never installed from here. */
const postgresInstalled = async (): Promise<boolean> => {
  const versions = await readdir('/usr/lib/postgresql').catch(() => [] as string[]);
  for (const version of versions) {
    if (
      await access(`/usr/lib/postgresql/${version}/bin/initdb`).then(
        () => true,
        () => false,
      )
    )
      return true;
  }
  return false;
};

/** The PostgreSQL server restarted (fast stop, a few seconds down) at 30%, then the worker's connections terminated at 65%. */
export const postgresRestart: Scenario = {
  name: 'postgres-restart',
  temporal: 'memory',
  describe: (o) => `PostgreSQL restarted (fast stop, ${o.downSeconds} s down), then the worker's connections terminated`,
  skipReason: async () =>
    (await postgresInstalled()) ? null : 'no PostgreSQL binaries under /usr/lib/postgresql (scripts/postgres-server.sh would install them)',
  async startDatabase(teardown) {
    const port = await freePort();
    const dir = await mkdtemp(path.join(tmpdir(), 'qxwq-faults-pg-'));
    const env = { ...process.env, PG_TEST_DIR: path.join(dir, 'data') };
    const script = (action: 'start' | 'stop') => run('bash', [POSTGRES_SCRIPT, action, String(port)], { env });
    // The data folder's parent must be reachable by the postgres user the script runs the server as.
    await run('chmod', ['755', dir]);
    const serverUrl = (await script('start')).stdout.trim();
    teardown.add('the PostgreSQL folder', () => rm(dir, { recursive: true, force: true }));
    teardown.add('the PostgreSQL server', () => script('stop'));
    return {
      serverUrl,
      workerUrlParams: { application_name: WORKER_APPLICATION },
      async restart(downMs) {
        await script('stop');
        await sleep(downMs);
        await script('start');
      },
    };
  },
  async inject(context) {
    const database = context.database!;
    await context.progress(0.3);
    if (context.done()) return { faultEnd: null, injected: 'nothing: the run ended first' };
    log('postgres-restart: stopping PostgreSQL (fast)');
    const stopped = Date.now();
    await database.restart(context.options.downSeconds * 1000);
    const down = round((Date.now() - stopped) / 1000);
    log(`postgres-restart: PostgreSQL up again after ${down} s`);
    let faultEnd = Date.now();
    await context.progress(0.65);
    let terminated = 0;
    if (!context.done()) {
      terminated = await terminateWorkerConnections(database.serverUrl);
      faultEnd = Date.now();
      log(`postgres-restart: terminated ${terminated} of the worker's connections`);
    }
    return { faultEnd, injected: `PostgreSQL restarted at 30% of events (fast stop, ${down} s down), then ${terminated} worker connections terminated at 65%` };
  },
};

const terminateWorkerConnections = async (serverUrl: string): Promise<number> => {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const result = await client.query<{ pid: number }>(
      // Chosen first, then terminated: in one WHERE clause PostgreSQL may call the function before testing the name.
      'SELECT pid FROM (SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid() OFFSET 0) AS worker WHERE pg_terminate_backend(pid)',
      [WORKER_APPLICATION],
    );
    return result.rowCount ?? 0;
  } finally {
    await client.end();
  }
};

/** SMTP refusing connections for the outage, then answering each command 2 s late for half as long. */
export const smtpOutage: Scenario = {
  name: 'smtp-outage',
  temporal: 'memory',
  describe: (o) => `SMTP refusing connections ${o.outageSeconds} s, then each answer 2 s late for ${o.outageSeconds / 2} s`,
  async inject(context) {
    const { receivers, options } = context;
    await context.progress(0.25);
    if (context.done()) return { faultEnd: null, injected: 'nothing: the run ended first' };
    log(`smtp-outage: refusing connections for ${options.outageSeconds} s`);
    await receivers.inject({ smtp: { kind: 'refuse' } });
    await sleep(options.outageSeconds * 1000);
    log(`smtp-outage: answering 2 s late for ${options.outageSeconds / 2} s`);
    await receivers.inject({ smtp: { kind: 'slow', delayMs: 2_000 } });
    await sleep((options.outageSeconds / 2) * 1000);
    await receivers.inject({ smtp: null });
    return {
      faultEnd: Date.now(),
      injected: `SMTP refused connections (and 421 on open sessions) ${options.outageSeconds} s at 25% of events, then answered 2 s late ${options.outageSeconds / 2} s`,
    };
  },
};

/** Longer than the Lark client's 10 s timeout (lark/client.ts). */
const LARK_SILENCE_MS = 12_000;

/** The Lark Open API answering 503, then 429 with its reset header, then holding each answer past the client's timeout. */
export const larkErrors: Scenario = {
  name: 'lark-errors',
  temporal: 'memory',
  describe: (o) => `Lark 503 for ${o.outageSeconds / 2} s, 429 for ${o.outageSeconds / 2} s, no answer within the timeout for ${o.outageSeconds / 2} s`,
  async inject(context: FaultContext) {
    const { receivers, options } = context;
    const phaseMs = (options.outageSeconds / 2) * 1000;
    await context.progress(0.25);
    if (context.done()) return { faultEnd: null, injected: 'nothing: the run ended first' };
    log(`lark-errors: 503 for ${phaseMs / 1000} s`);
    await receivers.inject({ lark: { status: 503 } });
    await sleep(phaseMs);
    log(`lark-errors: 429 (x-ogw-ratelimit-reset: 1) for ${phaseMs / 1000} s`);
    await receivers.inject({ lark: { status: 429 } });
    await sleep(phaseMs);
    log(`lark-errors: sends carried out but answered after ${LARK_SILENCE_MS / 1000} s, for ${phaseMs / 1000} s`);
    await receivers.inject({ lark: { delayMs: LARK_SILENCE_MS } });
    await sleep(phaseMs);
    await receivers.inject({ lark: null });
    return {
      faultEnd: Date.now(),
      injected: `Lark sends at 25% of events: 503 ${phaseMs / 1000} s, 429 with reset 1 s ${phaseMs / 1000} s, carried out but answered after ${LARK_SILENCE_MS / 1000} s (past the 10 s client timeout) ${phaseMs / 1000} s`,
    };
  },
};

export const SCENARIOS: readonly Scenario[] = [workerKill, npmStartKill, devServerRestart, postgresRestart, smtpOutage, larkErrors];
