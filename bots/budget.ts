import { setTimeout as sleep } from 'node:timers/promises';

export type Settled<T> = { readonly done: true; readonly value: T } | { readonly done: true; readonly error: unknown } | { readonly done: false };

/**
 * Waits for `work` at most `budgetMs`: its value or error if it settled in time, else
 * `{ done: false }` while it carries on (the caller finishes it in the background).
 */
export const settleWithin = async <T>(work: Promise<T>, budgetMs: number): Promise<Settled<T>> => {
  const timer = new AbortController();
  const outcome = work.then(
    (value): Settled<T> => ({ done: true, value }),
    (error: unknown): Settled<T> => ({ done: true, error }),
  );
  const late = sleep(budgetMs, { done: false } as const, { signal: timer.signal }).catch(() => ({ done: false }) as const);
  const first = await Promise.race([outcome, late]);
  timer.abort();
  return first;
};
