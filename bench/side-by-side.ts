/**
 * Two kinds of lifecycle measured in alternating rounds on the same machine: the partnership engine
 * and its floor. Run one after the other, the throughput ratio moved with whatever else the machine
 * was doing in each half (the floor alone ran from 3.8 to 6.8 lifecycles/s within an hour); in
 * alternating rounds both halves see the same conditions.
 */
import { performance } from 'node:perf_hooks';
import { log, percentile, round, runPool } from './support.ts';

export interface Measured {
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly meanMs: number;
  readonly maxMs: number;
  readonly wallS: number;
}

/** CPU seconds over the measured lifecycles, per process: null where it could not be read. */
export interface CpuUsed {
  readonly workerCpuS: number | null;
  readonly serverCpuS: number | null;
  /** A PostgreSQL server's processes; PGlite runs inside the benchmark's own process. */
  readonly databaseCpuS: number | null;
  /** This process: the clients driving the lifecycles (and PGlite, and an inline worker). */
  readonly benchCpuS: number | null;
}

/** A worker started for the run, and how to stop it and read its CPU time. */
export interface RunningWorker {
  /** CPU seconds used so far by the worker's process; in inline mode, this whole process. */
  cpuSeconds(): Promise<number | null>;
  stop(): Promise<void>;
}

/** One side of the comparison. */
export interface Contender {
  readonly what: string;
  start(): Promise<RunningWorker>;
  lifecycle(index: number): Promise<void>;
  /** Called once the warm-up is over: forget what the warm-up timed. */
  reset(): void;
}

/** The CPU clocks every side shares: the dev server, a PostgreSQL server, this process. */
export interface SharedClocks {
  server(): Promise<number | null>;
  database(): Promise<number | null>;
  bench(): Promise<number>;
}

export interface Plan {
  readonly count: number;
  readonly concurrency: number;
  readonly warmup: number;
  readonly rounds: number;
}

/** Throughput and latency of `count` lifecycles from their latencies and the wall time they took. */
export const summarise = (latencies: readonly number[], wallS: number): Measured => {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    perSecond: round(sorted.length / wallS, 2),
    p50Ms: round(percentile(sorted, 50), 0),
    p95Ms: round(percentile(sorted, 95), 0),
    meanMs: round(sorted.reduce((a, b) => a + b, 0) / sorted.length, 0),
    maxMs: round(sorted[sorted.length - 1]!, 0),
    wallS: round(wallS, 1),
  };
};

/** Runs lifecycles `first` to `first + count - 1`, `concurrency` at a time: each one's latency, and the wall time of them all. */
export const timeLifecycles = async (
  count: number,
  concurrency: number,
  lifecycle: (index: number) => Promise<void>,
  first = 0,
): Promise<{ latencies: number[]; wallS: number }> => {
  const latencies: number[] = [];
  const began = performance.now();
  await runPool(count, concurrency, async (i) => {
    const start = performance.now();
    await lifecycle(first + i);
    latencies.push(performance.now() - start);
  });
  return { latencies, wallS: (performance.now() - began) / 1000 };
};

/** The rounds the plan allows: each side's share of a round keeps at least twice the concurrency in flight-worth of lifecycles. */
export const roundsFor = (plan: Plan): number => Math.max(1, Math.min(plan.rounds, Math.floor(plan.count / (2 * plan.concurrency))));

/** Sizes of the rounds, as even as `count` allows. */
const roundSizes = (count: number, rounds: number): number[] =>
  Array.from({ length: rounds }, (_, i) => Math.floor(count / rounds) + (i < count % rounds ? 1 : 0));

interface Tally {
  readonly latencies: number[];
  wallS: number;
  cpu: Record<keyof CpuUsed, number | null>;
}

const add = (total: number | null, from: number | null, to: number | null): number | null =>
  total === null || from === null || to === null ? null : total + (to - from);

/**
 * Starts every contender's worker and runs its warm-up, then measures `count` lifecycles of each in
 * alternating rounds (the first contender first in every round), counting each round's CPU to the
 * contender that ran it. The workers are stopped at the end, however it ends.
 */
export const measureSideBySide = async <const T extends readonly Contender[]>(
  contenders: T,
  clocks: SharedClocks,
  plan: Plan,
): Promise<{ [K in keyof T]: Measured & CpuUsed }> => {
  const { count, concurrency, warmup } = plan;
  const rounds = roundsFor(plan);
  const workers: RunningWorker[] = [];
  const tallies: Tally[] = contenders.map(() => ({
    latencies: [],
    wallS: 0,
    cpu: { workerCpuS: 0, serverCpuS: 0, databaseCpuS: 0, benchCpuS: 0 },
  }));
  try {
    for (const contender of contenders) {
      workers.push(await contender.start());
      if (warmup > 0) {
        log(`${contender.what}: ${warmup} warm-up lifecycles`);
        await runPool(warmup, concurrency, (i) => contender.lifecycle(count + i));
      }
      contender.reset();
    }
    let offset = 0;
    for (const [round, size] of roundSizes(count, rounds).entries()) {
      for (const [side, contender] of contenders.entries()) {
        log(`${contender.what}: round ${round + 1} of ${rounds}, ${size} lifecycles, ${concurrency} at a time`);
        const readings = () => Promise.all([workers[side]!.cpuSeconds(), clocks.server(), clocks.database(), clocks.bench()]);
        const before = await readings();
        const timed = await timeLifecycles(size, concurrency, (i) => contender.lifecycle(i), offset);
        tallies[side]!.latencies.push(...timed.latencies);
        tallies[side]!.wallS += timed.wallS;
        const after = await readings();
        const cpu = tallies[side]!.cpu;
        cpu.workerCpuS = add(cpu.workerCpuS, before[0], after[0]);
        cpu.serverCpuS = add(cpu.serverCpuS, before[1], after[1]);
        cpu.databaseCpuS = add(cpu.databaseCpuS, before[2], after[2]);
        cpu.benchCpuS = add(cpu.benchCpuS, before[3], after[3]);
      }
      offset += size;
    }
  } finally {
    for (const worker of workers) await worker.stop();
  }
  const seconds = (value: number | null) => (value === null ? null : round(value, 1));
  return tallies.map((tally) => ({
    ...summarise(tally.latencies, tally.wallS),
    workerCpuS: seconds(tally.cpu.workerCpuS),
    serverCpuS: seconds(tally.cpu.serverCpuS),
    databaseCpuS: seconds(tally.cpu.databaseCpuS),
    benchCpuS: seconds(tally.cpu.benchCpuS),
  })) as { [K in keyof T]: Measured & CpuUsed };
};
