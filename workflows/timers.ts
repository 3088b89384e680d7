import type { Lifecycle } from './lifecycle.ts';
import type { PartnershipState, Timer } from './state.ts';
import { nextReminderSlot } from './working-time.ts';

/** Timer keys are `<subject>:<what>`, so leaving a stage cancels its timers by prefix. */
export const schedule = (state: PartnershipState, key: string, at: number): void => {
  state.timers = [...state.timers.filter((timer) => timer.key !== key), { key, at }];
};

export const cancel = (state: PartnershipState, prefix: string): void => {
  state.timers = state.timers.filter((timer) => !timer.key.startsWith(prefix));
};

export const nextTimerAt = (state: PartnershipState): number | null =>
  state.timers.reduce<number | null>((soonest, timer) => (soonest === null || timer.at < soonest ? timer.at : soonest), null);

/** Removes and returns the timers due at `now`, earliest first. */
export const takeDue = (state: PartnershipState, now: number): Timer[] => {
  const due = state.timers.filter((timer) => timer.at <= now).sort((a, b) => a.at - b.at || a.key.localeCompare(b.key));
  state.timers = state.timers.filter((timer) => timer.at > now);
  return due;
};

/**
 * Schedules a reminder or escalation at the first reminder slot inside working time at or after
 * `at`. One that working time would push to or past `notAfter` (the deadline it reminds of) is
 * dropped: the deadline's own notice follows.
 */
export const scheduleNotice = (life: Lifecycle, key: string, at: number, notAfter = Number.POSITIVE_INFINITY): void => {
  const slot = nextReminderSlot(at, life.policy.workingTime, life.policy.reminderSlot);
  if (slot < notAfter) schedule(life.state, key, slot);
};
