import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPacer } from '../../activities/pacer.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The most of the given instants within any half-open window [t, t + windowMs). */
const mostWithin = (instants: readonly number[], windowMs: number): number => {
  const sorted = [...instants].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    let j = i;
    while (j < sorted.length && sorted[j]! - sorted[i]! < windowMs) j += 1;
    most = Math.max(most, j - i);
  }
  return most;
};

describe('pacing calls to a rate-limited server', () => {
  it('never lets more than the limit arrive within one window, however long each call takes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.record({ duration: fc.integer({ min: 0, max: 30 }), arriveAt: fc.double({ min: 0, max: 1, noNaN: true }) }), {
          minLength: 1,
          maxLength: 14,
        }),
        async (limit, calls) => {
          const windowMs = 40;
          const pace = createPacer(limit, windowMs);
          const arrivals: number[] = [];
          // Each call "arrives" at the server at some instant between its start and its end.
          await Promise.all(
            calls.map(({ duration, arriveAt }) =>
              pace(async () => {
                const started = Date.now();
                await sleep(duration * arriveAt);
                arrivals.push(Math.max(started, Date.now()));
                await sleep(duration * (1 - arriveAt));
              }),
            ),
          );
          expect(arrivals).toHaveLength(calls.length);
          expect(mostWithin(arrivals, windowMs)).toBeLessThanOrEqual(limit);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('keeps the limit busy: quick calls go through at about the limit per window', async () => {
    const pace = createPacer(5, 100);
    const began = Date.now();
    await Promise.all(Array.from({ length: 20 }, () => pace(() => Promise.resolve())));
    // 20 calls at 5 per 100 ms: three full windows of waiting, not twenty.
    expect(Date.now() - began).toBeGreaterThanOrEqual(300);
    expect(Date.now() - began).toBeLessThan(600);
  });
});
