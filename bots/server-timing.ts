/**
 * How long the named steps of one webhook request took, reported in its answer's standard
 * `Server-Timing` header (`update;dur=123.4`), so that a client can tell the bot's own work from
 * the Temporal update inside it without running in the bot's process.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';

/** Each timed step of one request, by name, in milliseconds. */
export type Timings = ReadonlyMap<string, number>;

const requestTimings = new AsyncLocalStorage<Map<string, number>>();

/** Runs one request's work with a fresh store of timings; resolves with its result and the steps it timed. */
export const withTimings = async <T>(work: () => Promise<T>): Promise<{ value: T; timings: Timings }> => {
  const timings = new Map<string, number>();
  const value = await requestTimings.run(timings, work);
  return { value, timings };
};

/** Runs `work` as the step `name` of the current request (untimed outside one); a step that outlasts the answer is not reported. */
export const timeStep = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
  const timings = requestTimings.getStore();
  if (!timings) return work();
  const began = performance.now();
  try {
    return await work();
  } finally {
    timings.set(name, performance.now() - began);
  }
};

/** The `Server-Timing` header's value for these timings, or null when no step was timed. */
export const serverTimingOf = (timings: Timings): string | null =>
  timings.size === 0 ? null : [...timings].map(([name, ms]) => `${name};dur=${ms.toFixed(1)}`).join(', ');
