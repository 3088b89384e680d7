/**
 * Per-person limits on what people ask of the bot, so one person cannot flood the worker: a
 * token bucket for each Lark open_id. A bucket holds at most `burst` tokens and refills at
 * `perMinute`; each chat message and card callback takes one, and one that finds none is refused.
 */

export const DEFAULT_COMMANDS_PER_MINUTE = 20;
export const DEFAULT_COMMAND_BURST = 10;
/** At most one "too many requests" answer per person in this long: a flood must not make the bot flood back. */
export const NOTICE_EVERY_MS = 60_000;
/** Past this many people at once, the least recently seen is forgotten (and so forgiven). */
export const MAX_KEYS = 10_000;

export interface RateLimitSettings {
  /** The sustained rate, in requests a minute. */
  readonly perMinute?: number | undefined;
  /** How many requests a person may make at once after a quiet spell. */
  readonly burst?: number | undefined;
  /** The clock, in milliseconds (tests move it). */
  readonly now?: (() => number) | undefined;
  readonly noticeEveryMs?: number | undefined;
  readonly maxKeys?: number | undefined;
}

export type Admission =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** When a token will be there again. */
      readonly retryAfterMs: number;
      /** True for the first refusal in a notice window: answer that one, drop the rest silently. */
      readonly notify: boolean;
    };

export interface RateLimiter {
  /** Takes a token from `key`'s bucket, or says why not. */
  take(key: string): Admission;
  /** The keys held now. */
  readonly size: number;
}

interface Bucket {
  /** Tokens × 60,000: with whole milliseconds and a whole rate, every sum is exact. */
  credit: number;
  /** When `credit` was counted. */
  at: number;
  /** Until when further refusals go unanswered. */
  quietUntil: number;
}

/**
 * The limiter lives in the bot process's memory: each bot process limits on its own, so with
 * several bot processes behind one app a person may get up to that many times the limit.
 *
 * Memory stays bounded: a bucket that has refilled and whose notice window is over behaves exactly
 * like no bucket, so such idle keys are swept out (at most once per refill time); and past
 * `maxKeys` the least recently seen key is dropped even if it was not idle.
 */
export const createRateLimiter = (settings: RateLimitSettings = {}): RateLimiter => {
  const perMinute = settings.perMinute ?? DEFAULT_COMMANDS_PER_MINUTE;
  const burst = settings.burst ?? DEFAULT_COMMAND_BURST;
  const now = settings.now ?? Date.now;
  const noticeEveryMs = settings.noticeEveryMs ?? NOTICE_EVERY_MS;
  const maxKeys = settings.maxKeys ?? MAX_KEYS;
  if (!(perMinute > 0) || !Number.isFinite(perMinute)) throw new RangeError(`perMinute must be a positive number, not ${perMinute}`);
  if (!Number.isInteger(burst) || burst < 1) throw new RangeError(`burst must be a whole number of at least 1, not ${burst}`);
  if (!Number.isInteger(maxKeys) || maxKeys < 1) throw new RangeError(`maxKeys must be a whole number of at least 1, not ${maxKeys}`);
  // In credit, a token is worth 60,000 and each millisecond brings `perMinute`.
  const token = 60_000;
  const full = burst * token;
  const refillMs = full / perMinute;

  // A Map keeps insertion order: each take moves its key to the end, so the first key is the least recently seen.
  const buckets = new Map<string, Bucket>();
  let sweptAt = now();

  const creditAt = (bucket: Bucket, t: number): number => Math.min(full, bucket.credit + Math.max(0, t - bucket.at) * perMinute);

  const sweep = (t: number): void => {
    sweptAt = t;
    for (const [key, bucket] of buckets) if (t >= bucket.quietUntil && creditAt(bucket, t) >= full) buckets.delete(key);
  };

  return {
    take(key) {
      const t = now();
      if (t - sweptAt >= refillMs || t < sweptAt) sweep(t);
      const found = buckets.get(key);
      const bucket: Bucket = found
        ? { credit: creditAt(found, t), at: Math.max(t, found.at), quietUntil: found.quietUntil }
        : { credit: full, at: t, quietUntil: t };
      buckets.delete(key);
      buckets.set(key, bucket);
      while (buckets.size > maxKeys) {
        const oldest = buckets.keys().next().value as string;
        buckets.delete(oldest);
      }
      if (bucket.credit >= token) {
        bucket.credit -= token;
        return { ok: true };
      }
      const retryAfterMs = Math.ceil((token - bucket.credit) / perMinute);
      const notify = t >= bucket.quietUntil;
      if (notify) bucket.quietUntil = t + noticeEveryMs;
      return { ok: false, retryAfterMs, notify };
    },
    get size() {
      return buckets.size;
    },
  };
};

/** Whole seconds to tell a person to wait, at least 1. */
export const secondsToWait = (retryAfterMs: number): number => Math.max(1, Math.ceil(retryAfterMs / 1000));
