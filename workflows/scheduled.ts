import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from './activities.ts';
import { createDeliveries } from './deliveries.ts';
import { DAY_MS, SHANGHAI_OFFSET_MS } from './working-time.ts';
import { HEARTBEAT_TIMEOUT } from '../domain/liveness.ts';

const { claimDueReminders, composeDigests } = proxyActivities<Activities>({
  // Database work on a healthy server takes milliseconds; 1 minute leaves room for a large outbox.
  startToCloseTimeout: '1 minute',
  heartbeatTimeout: HEARTBEAT_TIMEOUT,
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** The Monday of the week holding `at`, as a date in Asia/Shanghai. */
export const weekOf = (at: number): string => {
  const local = at + SHANGHAI_OFFSET_MS;
  const weekday = (new Date(local).getUTCDay() + 6) % 7;
  return new Date(local - weekday * DAY_MS).toISOString().slice(0, 10);
};

/**
 * Sends the reminders and escalations whose slot has come, one message per person and channel.
 * Run by the `reminder-dispatch` schedule every few minutes.
 */
export async function dispatchReminders(options: { settleMs?: number } = {}): Promise<{ messages: number }> {
  const deliveries = createDeliveries();
  const due = await claimDueReminders({ settleMs: options.settleMs ?? 30_000 });
  deliveries.start(due);
  await deliveries.settled();
  return { messages: due.length };
}

/**
 * This week's digest for every tech-transfer office and enterprise contact with something open,
 * and the programme summary for every manager. Run by the `weekly-digest` schedule.
 */
export async function weeklyDigest(options: { horizonDays?: number } = {}): Promise<{ week: string; messages: number }> {
  const deliveries = createDeliveries();
  const week = weekOf(Date.now());
  const due = await composeDigests({ weekOf: week, horizonMs: (options.horizonDays ?? 14) * DAY_MS });
  deliveries.start(due);
  await deliveries.settled();
  return { week, messages: due.length };
}
