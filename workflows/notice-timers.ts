import type { Lifecycle } from './lifecycle.ts';
import { schedule } from './timers.ts';
import { nextReminderSlot } from './working-time.ts';

/**
 * Schedules a reminder or escalation at the first reminder slot inside working time at or after
 * `at`. One that working time would push to or past `notAfter` (the deadline it reminds of) is
 * dropped: the deadline's own notice follows.
 */
export const scheduleNotice = (life: Lifecycle, key: string, at: number, notAfter = Number.POSITIVE_INFINITY): void => {
  const slot = nextReminderSlot(at, life.policy.workingTime, life.policy.reminderSlot);
  if (slot < notAfter) schedule(life.state, key, slot);
};
