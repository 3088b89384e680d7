import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRateLimiter, secondsToWait, type Admission } from '../../bots/rate-limit.ts';
import { loadConfig } from '../../lib/config.ts';

/** A clock the test moves. */
const clock = (start = 1_000_000) => {
  let t = start;
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
  };
};

const refusal = (admission: Admission) => (admission.ok ? null : admission);

describe('the per-person limit', () => {
  it('lets a burst through, then one request each time a token comes back', () => {
    const c = clock();
    const limiter = createRateLimiter({ perMinute: 20, burst: 3, now: c.now });
    expect([1, 2, 3].map(() => limiter.take('ou_a').ok)).toEqual([true, true, true]);
    expect(refusal(limiter.take('ou_a'))).toEqual({ ok: false, retryAfterMs: 3_000, notify: true });
    c.advance(1_000);
    expect(refusal(limiter.take('ou_a'))).toEqual({ ok: false, retryAfterMs: 2_000, notify: false });
    c.advance(2_000);
    expect(limiter.take('ou_a').ok).toBe(true);
    expect(limiter.take('ou_a').ok).toBe(false);
  });

  it('keeps people apart', () => {
    const c = clock();
    const limiter = createRateLimiter({ perMinute: 20, burst: 2, now: c.now });
    limiter.take('ou_a');
    limiter.take('ou_a');
    expect(limiter.take('ou_a').ok).toBe(false);
    expect(limiter.take('ou_b').ok).toBe(true);
    expect(limiter.take('ou_b').ok).toBe(true);
  });

  it('asks for one answer to a flood per notice window, and one again after it', () => {
    const c = clock();
    const limiter = createRateLimiter({ perMinute: 20, burst: 1, now: c.now, noticeEveryMs: 60_000 });
    limiter.take('ou_a');
    const notices = () => Array.from({ length: 50 }, () => refusal(limiter.take('ou_a'))?.notify).filter(Boolean).length;
    expect(notices()).toBe(1);
    c.advance(30_000);
    expect(limiter.take('ou_a').ok).toBe(true);
    expect(notices()).toBe(0);
    c.advance(30_000);
    expect(limiter.take('ou_a').ok).toBe(true);
    expect(notices()).toBe(1);
  });

  it('forgets people once their bucket is full again, and never holds more than maxKeys', () => {
    const c = clock();
    const limiter = createRateLimiter({ perMinute: 60, burst: 5, now: c.now, noticeEveryMs: 10_000, maxKeys: 100 });
    for (let i = 0; i < 80; i += 1) limiter.take(`ou_${i}`);
    expect(limiter.size).toBe(80);
    // 5 tokens at one a second: full again after 5 s, and the sweep runs at most that often.
    c.advance(5_000);
    limiter.take('ou_new');
    expect(limiter.size).toBe(1);
    for (let i = 0; i < 500; i += 1) limiter.take(`ou_many_${i}`);
    expect(limiter.size).toBe(100);
  });

  it('keeps someone over the limit through a sweep, so forgetting never forgives', () => {
    const c = clock();
    const limiter = createRateLimiter({ perMinute: 6, burst: 2, now: c.now });
    limiter.take('ou_a');
    limiter.take('ou_a');
    c.advance(19_000); // one token back after 10 s, both after 20 s
    limiter.take('ou_b'); // sweeps nothing yet: the sweep waits a refill time
    c.advance(1_500);
    limiter.take('ou_b'); // sweeps: ou_a has refilled (20.5 s), ou_b has not
    expect(limiter.size).toBe(1);
    expect(limiter.take('ou_b').ok).toBe(false);
  });

  it('is set with BOT_COMMANDS_PER_MINUTE and BOT_COMMAND_BURST, 20 and 10 unless told', () => {
    expect(loadConfig({})).toMatchObject({ BOT_COMMANDS_PER_MINUTE: 20, BOT_COMMAND_BURST: 10 });
    expect(loadConfig({ BOT_COMMANDS_PER_MINUTE: '6', BOT_COMMAND_BURST: '2' })).toMatchObject({ BOT_COMMANDS_PER_MINUTE: 6, BOT_COMMAND_BURST: 2 });
    expect(() => loadConfig({ BOT_COMMAND_BURST: '0' })).toThrow(/BOT_COMMAND_BURST/);
    expect(() => loadConfig({ BOT_COMMANDS_PER_MINUTE: 'lots' })).toThrow(/BOT_COMMANDS_PER_MINUTE/);
  });

  it('refuses settings that make no sense', () => {
    expect(() => createRateLimiter({ perMinute: 0 })).toThrow(RangeError);
    expect(() => createRateLimiter({ burst: 0 })).toThrow(RangeError);
    expect(() => createRateLimiter({ burst: 1.5 })).toThrow(RangeError);
    expect(() => createRateLimiter({ perMinute: Number.NaN })).toThrow(RangeError);
  });

  it('tells whole seconds, at least one', () => {
    expect(secondsToWait(1)).toBe(1);
    expect(secondsToWait(3_000)).toBe(3);
    expect(secondsToWait(3_001)).toBe(4);
  });

  it('never accepts more from anyone than burst + rate × elapsed, over any stretch of any sequence of requests', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(
          fc.record({
            key: fc.constantFrom('ou_a', 'ou_b', 'ou_c'),
            gapMs: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 500 }), fc.integer({ min: 0, max: 120_000 })),
          }),
          {
            minLength: 1,
            maxLength: 200,
          },
        ),
        (perMinute, burst, requests) => {
          const c = clock();
          const limiter = createRateLimiter({ perMinute, burst, now: c.now, noticeEveryMs: 5_000 });
          const accepted = new Map<string, number[]>();
          for (const { key, gapMs } of requests) {
            c.advance(gapMs);
            if (limiter.take(key).ok) accepted.set(key, [...(accepted.get(key) ?? []), c.now()]);
          }
          for (const times of accepted.values())
            for (let i = 0; i < times.length; i += 1)
              for (let j = i; j < times.length; j += 1) {
                const elapsed = times[j]! - times[i]!;
                expect(j - i + 1).toBeLessThanOrEqual(burst + (perMinute * elapsed) / 60_000 + 1e-9);
              }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never refuses someone who keeps to the rate', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 100 }),
        (perMinute, burst, extraGaps) => {
          const c = clock();
          const limiter = createRateLimiter({ perMinute, burst, now: c.now });
          const interval = Math.ceil(60_000 / perMinute);
          for (const extra of extraGaps) {
            expect(limiter.take('ou_a').ok).toBe(true);
            c.advance(interval + extra);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
