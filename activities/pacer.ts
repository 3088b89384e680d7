import type { Pace } from '../notifications/content.ts';

/**
 * At most `limit` calls arriving at the receiving server within any `windowMs`, however long each
 * call takes. Spacing the starts is not enough: a slow call followed by quick ones arrives bunched.
 * So a call holds its slot from its start until `windowMs` after it ends. When the last of any
 * set of arrivals inside one window started, every earlier one was still running or had ended
 * less than `windowMs` before, so it was counted: no window holds more than `limit`.
 */
export const createPacer = (limit: number, windowMs = 1000): Pace => {
  const slots = Math.max(1, Math.floor(limit));
  let running = 0;
  /** When recent calls ended, oldest first; each holds its slot until windowMs later. */
  const ended: number[] = [];
  const waiting: (() => void)[] = [];
  let wakeUp: NodeJS.Timeout | null = null;

  const pump = (): void => {
    const now = Date.now();
    while (ended.length > 0 && ended[0]! <= now - windowMs) ended.shift();
    while (waiting.length > 0 && running + ended.length < slots) {
      running += 1;
      waiting.shift()!();
    }
    if (waiting.length > 0 && ended.length > 0 && wakeUp === null) {
      wakeUp = setTimeout(
        () => {
          wakeUp = null;
          pump();
        },
        ended[0]! + windowMs - now,
      );
    }
  };

  return async <T>(call: () => Promise<T>): Promise<T> => {
    await new Promise<void>((resolve) => {
      waiting.push(resolve);
      pump();
    });
    try {
      return await call();
    } finally {
      running -= 1;
      ended.push(Date.now());
      pump();
    }
  };
};
