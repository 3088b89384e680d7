import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * For a long CPU-bound loop inside an activity: awaited once per step, it gives the event loop a turn
 * whenever `everyMs` have passed since the last, so timers (the activity's heartbeat) keep running and
 * the server does not take a busy worker for a dead one.
 */
export const createBreather = (everyMs = 100): (() => Promise<void>) => {
  let last = Date.now();
  return async () => {
    if (Date.now() - last < everyMs) return;
    await nextTurn();
    last = Date.now();
  };
};
