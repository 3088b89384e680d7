export type Settled<T> = { readonly done: true; readonly value: T } | { readonly done: true; readonly error: unknown } | { readonly done: false };

/**
 * Waits for `work` at most `budgetMs`: its value or error if it settled in time, else
 * `{ done: false }` while it carries on (the caller finishes it in the background).
 * Every card callback waits twice, so this is a plain timer cleared when the work settles: an
 * AbortController and a promised sleep per wait were a visible share of a callback's CPU under load.
 */
export const settleWithin = <T>(work: Promise<T>, budgetMs: number): Promise<Settled<T>> =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ done: false }), budgetMs);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve({ done: true, value });
      },
      (error: unknown) => {
        clearTimeout(timer);
        resolve({ done: true, error });
      },
    );
  });
