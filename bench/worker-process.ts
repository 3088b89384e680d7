/**
 * A worker in its own process, as production runs it: `worker.ts` (or the floor's entry) started
 * with the benchmark's Temporal address, database and task queue, stopped by the teardown.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Teardown } from './support.ts';

export interface WorkerProcess {
  readonly pid: number;
  /** CPU seconds (user + system) the process has used so far, from /proc; null off Linux. */
  cpuSeconds(): Promise<number | null>;
}

const TICKS_PER_SECOND = 100;

/** The CPU time fields of /proc/<pid>/stat (utime, stime, cutime, cstime) in seconds, or null once the process is gone. */
const cpuTimesOf = async (pid: number | string): Promise<{ own: number; children: number } | null> => {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (stat === null) return null;
  const fields = stat
    .slice(stat.lastIndexOf(')') + 2)
    .split(' ')
    .map(Number);
  return { own: (fields[11]! + fields[12]!) / TICKS_PER_SECOND, children: (fields[13]! + fields[14]!) / TICKS_PER_SECOND };
};

/** User + system CPU time of a process, in seconds (Linux /proc/<pid>/stat, in clock ticks). */
export const cpuSecondsOf = async (pid: number): Promise<number | null> => (await cpuTimesOf(pid))?.own ?? null;

/**
 * CPU seconds used so far by the PostgreSQL server processes on this machine: each one's own, plus
 * what its exited children used (a backend that closes hands its time to the postmaster), so the
 * sum never falls when a pool lets connections go. Null when there are none or off Linux.
 */
export const postgresCpuSeconds = async (): Promise<number | null> => {
  let total: number | null = null;
  for (const entry of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    const comm = await readFile(`/proc/${entry}/comm`, 'utf8').catch(() => '');
    if (comm.trim() !== 'postgres') continue;
    const times = await cpuTimesOf(entry);
    if (times !== null) total = (total ?? 0) + times.own + times.children;
  }
  return total;
};

/** The worker's environment with neither an SMTP server nor a Lark app: every message becomes a file in the outbox folder. */
export const OUTBOX_ONLY_ENV = { SMTP_URL: '', SMTP_HOST: '', LARK_APP_ID: '', LARK_APP_SECRET: '' } as const;

/** The service's own worker entry, or another (the floor's). */
export const SERVICE_WORKER = fileURLToPath(new URL('../worker.ts', import.meta.url));

/**
 * Starts `entry` under tsx with `env` over this process's environment (and `nodeArgs` before it,
 * such as `--cpu-prof`). Its stderr is this process's and its stdout is piped for the caller to
 * read; the teardown stops it with SIGTERM.
 */
export const spawnUnderTsx = (entry: string, env: Record<string, string>, teardown: Teardown, what: string, nodeArgs: readonly string[] = []): ChildProcess => {
  const child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', entry], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  teardown.add(what, async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await once(child, 'exit');
  });
  return child;
};

/** Starts `entry` as `spawnUnderTsx` does, and resolves once it prints "worker polling". */
export const startWorkerProcess = async (
  entry: string,
  env: Record<string, string>,
  teardown: Teardown,
  what = 'the worker process',
  nodeArgs: readonly string[] = [],
): Promise<WorkerProcess> => {
  const child = spawnUnderTsx(entry, env, teardown, what, nodeArgs);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('worker polling')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${what} exited (${code}) before polling`)));
  });
  return { pid: child.pid!, cpuSeconds: () => cpuSecondsOf(child.pid!) };
};
