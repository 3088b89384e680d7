import { describe, expect, it } from 'vitest';
import { createBreather } from '../../lib/breather.ts';

/** Busy for `ms` of CPU without giving the event loop a turn. */
const spin = (ms: number) => {
  const until = Date.now() + ms;
  while (Date.now() < until);
};

/** Runs `steps` CPU-bound steps of `stepMs`, awaiting `between` after each, and counts the ticks a 20 ms interval got meanwhile. */
const ticksDuring = async (steps: number, stepMs: number, between: () => Promise<void>): Promise<number> => {
  let ticks = 0;
  const timer = setInterval(() => (ticks += 1), 20);
  for (let step = 0; step < steps; step += 1) {
    spin(stepMs);
    await between();
  }
  clearInterval(timer);
  return ticks;
};

describe('a long loop that breathes', () => {
  it('lets timers such as the heartbeat run while it works, where an unbroken loop starves them', async () => {
    const breathing = await ticksDuring(60, 10, createBreather(50));
    const unbroken = await ticksDuring(60, 10, () => Promise.resolve());
    // 600 ms of work: about one tick per 50 ms breath, against none at all.
    expect(breathing).toBeGreaterThanOrEqual(8);
    expect(unbroken).toBe(0);
  });
});
