import type { WorkingTime } from '../domain/policy.ts';

/** Asia/Shanghai is UTC+8 all year (no daylight saving since 1991), so plain arithmetic is exact. */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
export const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Far enough to cross any holiday list; a policy with no working day at all leaves times unchanged. */
const SEARCH_DAYS = 400;

const minutesOf = (clock: string): number => {
  const [hours, minutes] = clock.split(':').map(Number) as [number, number];
  return hours * 60 + minutes;
};

/** Midnight (Shanghai) of the day holding `local` (an instant shifted to Shanghai wall-clock time). */
const dayStart = (local: number): number => Math.floor(local / DAY_MS) * DAY_MS;

const isWorkingDay = (localDayStart: number, working: WorkingTime): boolean => {
  const date = new Date(localDayStart).toISOString().slice(0, 10);
  if (working.extraWorkingDays.includes(date)) return true;
  if (working.holidays.includes(date)) return false;
  const isoWeekday = ((new Date(localDayStart).getUTCDay() + 6) % 7) + 1;
  return working.days.includes(isoWeekday);
};

/**
 * The first instant at or after `at` that starts a reminder slot inside working time: `at` rounded
 * up to the slot (counted from the start of the working day), or the next working day's start.
 */
export const nextReminderSlot = (at: number, working: WorkingTime, slotMs: number): number => {
  const open = minutesOf(working.start) * MINUTE_MS;
  const close = minutesOf(working.end) * MINUTE_MS;
  const local = at + SHANGHAI_OFFSET_MS;
  let day = dayStart(local);
  for (let i = 0; i <= SEARCH_DAYS; i += 1, day += DAY_MS) {
    if (!isWorkingDay(day, working)) continue;
    const opens = day + open;
    const earliest = Math.max(local, opens);
    const slot = opens + Math.ceil((earliest - opens) / slotMs) * slotMs;
    if (slot < day + close) return slot - SHANGHAI_OFFSET_MS;
  }
  return at;
};
