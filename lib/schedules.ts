import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import type { dispatchReminders, weeklyDigest } from '../workflows/index.ts';

export interface ScheduleSettings {
  readonly TEMPORAL_TASK_QUEUE: string;
  /** Milliseconds between reminder dispatches. */
  readonly REMINDER_DISPATCH_EVERY: number;
  readonly DIGEST_CRON: string;
}

/** Schedule ids carry the task queue, so several deployments can share a namespace. */
export const reminderScheduleId = (taskQueue: string): string => `${taskQueue}-reminder-dispatch`;
export const digestScheduleId = (taskQueue: string): string => `${taskQueue}-weekly-digest`;

const schedulesFor = (settings: ScheduleSettings): ScheduleOptions[] => {
  const taskQueue = settings.TEMPORAL_TASK_QUEUE;
  const reminders: ScheduleOptions = {
    scheduleId: reminderScheduleId(taskQueue),
    spec: { intervals: [{ every: settings.REMINDER_DISPATCH_EVERY }] },
    action: { type: 'startWorkflow', workflowType: 'dispatchReminders' satisfies (typeof dispatchReminders)['name'], taskQueue, args: [{}] },
    // A dispatch still sending (a channel is down) makes the next one wait, not overlap it.
    policies: { overlap: ScheduleOverlapPolicy.SKIP },
    memo: { purpose: 'sends due reminders and escalations, one message per person and slot' },
  };
  const digest: ScheduleOptions = {
    scheduleId: digestScheduleId(taskQueue),
    spec: { cronExpressions: [settings.DIGEST_CRON], timezone: 'Asia/Shanghai' },
    action: { type: 'startWorkflow', workflowType: 'weeklyDigest' satisfies (typeof weeklyDigest)['name'], taskQueue, args: [{}] },
    policies: { overlap: ScheduleOverlapPolicy.SKIP },
    memo: { purpose: 'weekly digest to tech-transfer offices and enterprise contacts; programme summary to managers' },
  };
  return [reminders, digest];
};

/**
 * Creates the reminder-dispatch and weekly-digest schedules, or brings existing ones in line
 * with the configuration. Every worker calls it at start-up; the outcome is the same.
 */
export const ensureSchedules = async (client: Client, settings: ScheduleSettings): Promise<void> => {
  for (const options of schedulesFor(settings)) {
    try {
      await client.schedule.create(options);
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
      await client.schedule
        .getHandle(options.scheduleId)
        .update((previous) => ({ ...previous, spec: options.spec, action: options.action, policies: options.policies }));
    }
  }
};
