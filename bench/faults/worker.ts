/**
 * The service's worker (`worker.ts`), or the whole service as `npm start` runs it, in its own
 * process under a supervisor as production would run it: started, killed with SIGKILL and started
 * again on demand, and started again by itself if it exits on its own (counted as a crash, with the
 * end of what it printed). Its output goes to a log file in the run's folder, not to the terminal.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SERVICE_WORKER } from '../worker-process.ts';
import { log } from '../support.ts';

/** What the supervisor runs, and the line it prints once it serves. */
export interface SupervisedProgram {
  readonly script: string;
  readonly ready: string;
}

export const WORKER_PROGRAM: SupervisedProgram = { script: SERVICE_WORKER, ready: 'worker polling' };
/** `npm start`: the worker, the bot and the embedded PGlite in one process. */
export const NPM_START_PROGRAM: SupervisedProgram = {
  script: fileURLToPath(new URL('../../scripts/start.ts', import.meta.url)),
  ready: 'partnership service is running',
};

export interface WorkerSupervisor {
  /** Starts the worker; resolves once it polls. */
  start(): Promise<void>;
  /** SIGKILL, then a new process on the same task queue; resolves once it polls. */
  killAndRestart(): Promise<void>;
  /** Processes started so far. */
  readonly starts: number;
  /** Exits nobody asked for, each with the end of the process's output. */
  readonly crashes: readonly string[];
  /** How long each start took to poll, in ms. */
  readonly startMs: readonly number[];
  /** Stops the worker (SIGTERM, then SIGKILL after 10 s) and stops restarting it. */
  stop(): Promise<void>;
}

const POLLING_WITHIN_MS = 180_000;

export const superviseWorker = (env: Record<string, string>, logDir: string, program: SupervisedProgram = WORKER_PROGRAM): WorkerSupervisor => {
  let child: ChildProcess | null = null;
  let stopping = false;
  let starts = 0;
  const crashes: string[] = [];
  const startMs: number[] = [];
  let restarting: Promise<void> | null = null;
  /** Processes the supervisor killed itself, so that their exit is not taken for a crash. */
  const killed = new WeakSet<ChildProcess>();

  const launch = async (): Promise<void> => {
    starts += 1;
    const began = Date.now();
    const file = createWriteStream(path.join(logDir, `worker-${starts}.log`));
    const started = spawn(process.execPath, ['--import', 'tsx', program.script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    let tail = '';
    const keep = (chunk: Buffer) => {
      file.write(chunk);
      tail = (tail + chunk.toString()).slice(-3_000);
    };
    started.stderr.on('data', keep);
    const number = starts;
    let ready = false;
    const polling = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`worker ${number} did not poll within ${POLLING_WITHIN_MS / 1000} s:\n${tail}`)), POLLING_WITHIN_MS);
      started.stdout.on('data', (chunk: Buffer) => {
        keep(chunk);
        if (!ready && chunk.toString().includes(program.ready)) {
          ready = true;
          clearTimeout(timer);
          resolve();
        }
      });
      // A process that dies before it serves fails the start here, with what it printed, rather than leaving it waiting.
      started.once('exit', (code, signal) => {
        clearTimeout(timer);
        if (!ready) reject(new Error(`worker ${number} exited (${code ?? signal}) before it polled; it last printed:\n${tail}`));
      });
    });
    started.once('exit', (code, signal) => {
      file.end();
      if (started !== child || stopping || killed.has(started)) return;
      crashes.push(`exit ${code ?? signal}: ${tail.trim().split('\n').slice(-6).join(' | ')}`);
      log(`worker process ${started.pid} exited by itself (${code ?? signal}); starting another; it last printed:\n${tail}`);
      restarting = launch().catch((error: unknown) => log(`could not restart the worker: ${(error as Error).message}`));
    });
    await polling;
    startMs.push(Date.now() - began);
  };

  const kill = async (): Promise<void> => {
    const current = child;
    if (!current || current.exitCode !== null || current.signalCode !== null) return;
    killed.add(current);
    const exited = once(current, 'exit');
    current.kill('SIGKILL');
    await exited;
  };

  return {
    start: launch,
    async killAndRestart() {
      await restarting;
      await kill();
      await launch();
    },
    get starts() {
      return starts;
    },
    crashes,
    startMs,
    async stop() {
      stopping = true;
      await restarting;
      const current = child;
      if (!current || current.exitCode !== null || current.signalCode !== null) return;
      const exited = once(current, 'exit');
      current.kill('SIGTERM');
      const hard = setTimeout(() => current.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(hard);
    },
  };
};
