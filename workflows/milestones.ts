import type { MilestonePlan } from '../domain/decision-payloads.ts';
import type { MilestoneRecord } from './events.ts';
import type { Lifecycle } from './lifecycle.ts';
import type { AnnouncedMilestone } from './notice-data.ts';
import { scheduleNotice } from './timers.ts';

/** A milestone due on a calendar date is due at 09:00 that day in Asia/Shanghai, so "due today" arrives in the morning. */
export const dueInstant = (due: string): number => Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(due) ? `${due}T09:00:00+08:00` : due);

export const milestoneRecords = (plans: readonly MilestonePlan[]): MilestoneRecord[] =>
  plans.map((plan, index) => ({
    seq: index + 1,
    title: plan.title,
    kind: plan.kind,
    dueAt: dueInstant(plan.due),
    responsible: plan.responsible,
    ...(plan.amountCny === undefined ? {} : { amountCny: plan.amountCny }),
  }));

/** Sets the contract's milestones, all open, and schedules their reminders; returns them as recorded. */
export const setMilestones = (life: Lifecycle, plans: readonly MilestonePlan[]): MilestoneRecord[] => {
  const milestones = milestoneRecords(plans);
  life.state.milestones = milestones.map((m) => ({ ...m, done: false }));
  for (const milestone of milestones) scheduleMilestone(life, milestone);
  return milestones;
};

/** Each milestone with its due time, so the message can put them in calendars. */
export const announced = (milestones: readonly MilestoneRecord[]): AnnouncedMilestone[] =>
  milestones.map((m) => ({
    seq: m.seq,
    title: m.title,
    due: new Date(m.dueAt).toISOString(),
    kind: m.kind,
    responsible: m.responsible,
    ...(m.amountCny === undefined ? {} : { amountCny: m.amountCny }),
  }));

/**
 * Reminders at each policy offset still ahead, on the due time, then repeated while overdue
 * (see reminders.ts), and the escalation; all inside working time.
 */
export const scheduleMilestone = (life: Lifecycle, milestone: MilestoneRecord): void => {
  const now = life.now();
  for (const offset of life.policy.milestoneReminderOffsets) {
    const at = milestone.dueAt - offset;
    if (at > now) scheduleNotice(life, `milestone:${milestone.seq}:before:${offset}`, at, milestone.dueAt);
  }
  scheduleNotice(life, `milestone:${milestone.seq}:due`, milestone.dueAt);
  scheduleOverdueRepeat(life, milestone.seq, milestone.dueAt);
  scheduleNotice(life, `milestone:${milestone.seq}:overdue`, milestone.dueAt + life.policy.milestoneEscalateAfter);
};

/** The next "still overdue" reminder to the responsible party, one repeat interval after `from`. */
export const scheduleOverdueRepeat = (life: Lifecycle, seq: number, from: number): void => {
  scheduleNotice(life, `milestone:${seq}:late`, from + life.policy.milestoneOverdueRepeatEvery);
};
