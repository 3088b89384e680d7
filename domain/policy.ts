import { z } from 'zod';
import { msToNumber } from '@temporalio/common/lib/time.js';

/** A duration in Temporal's format ("2 days", "90s", "500ms"), carried as text and used in milliseconds. */
export const DurationSchema = z
  .string()
  .refine((text) => {
    try {
      return msToNumber(text as Parameters<typeof msToNumber>[0]) > 0;
    } catch {
      return false;
    }
  }, 'expected a positive duration such as "2 days", "6h" or "30s"')
  .transform((text) => msToNumber(text as Parameters<typeof msToNumber>[0]));

const ClockTime = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'expected a time of day such as "09:00"');
const CalendarDate = z.iso.date({ error: 'expected a date such as "2027-01-01"' });

/**
 * When reminders may reach people, in Asia/Shanghai time (UTC+8 all year: China keeps no daylight
 * saving). Deadlines themselves are never moved; only the reminders and escalations about them.
 */
export const WorkingTimeSchema = z
  .object({
    start: ClockTime.default('09:00'),
    end: ClockTime.default('18:00'),
    /** ISO weekdays: 1 is Monday, 7 is Sunday. */
    days: z.array(z.number().int().min(1).max(7)).min(1).default([1, 2, 3, 4, 5]),
    /** Public holidays: no reminders. */
    holidays: z.array(CalendarDate).max(400).default([]),
    /** Weekend days worked in lieu of a holiday (调休): reminders as on any working day. */
    extraWorkingDays: z.array(CalendarDate).max(100).default([]),
  })
  .refine((w) => w.start < w.end, { message: 'working time must start before it ends', path: ['end'] });
export type WorkingTime = z.output<typeof WorkingTimeSchema>;

/**
 * The programme policy: every wait, reminder and escalation of a partnership. Operators use days;
 * tests use seconds. Parsed inside the workflow, so the input shows the durations as written.
 */
export const ProgrammePolicySchema = z.object({
  /** A coordinator decision (review, candidate selection) is reminded after this long… */
  decisionReminderAfter: DurationSchema.prefault('2 days'),
  /** …and escalated to the managers after this long. */
  decisionEscalateAfter: DurationSchema.prefault('5 days'),
  /** The submitter is reminded of requested changes after this long. */
  revisionReminderAfter: DurationSchema.prefault('7 days'),
  /** The counterpart has this long to accept or decline a match proposal. */
  proposalDeadline: DurationSchema.prefault('10 days'),
  proposalReminderBefore: DurationSchema.prefault('3 days'),
  /** Negotiation is expected to conclude within this long of the match being accepted. */
  negotiationDeadline: DurationSchema.prefault('30 days'),
  negotiationReminderBefore: DurationSchema.prefault('7 days'),
  /** Reminders before each milestone's due time, longest first. */
  milestoneReminderOffsets: z.array(DurationSchema).max(10).prefault(['30 days', '7 days', '1 day']),
  /** An unfinished milestone is escalated this long after its due time. */
  milestoneEscalateAfter: DurationSchema.prefault('3 days'),
  /** Repeats the overdue reminder to the responsible party this often until the milestone is done. */
  milestoneOverdueRepeatEvery: DurationSchema.prefault('2 days'),
  /** Reminders and escalations go out at the start of a slot this long, inside working time, so one person's
   *  reminders of the same slot are sent together as one message. */
  reminderSlot: DurationSchema.prefault('1 hour'),
  workingTime: WorkingTimeSchema.prefault({}),
  /** How many ranked candidates a coordinator is shown, and how many may be proposed at once. */
  candidatesShown: z.number().int().min(1).max(20).default(5),
  maxProposalsAtOnce: z.number().int().min(1).max(10).default(3),
  /** History length after which the workflow continues as new (Temporal suggests it near 10k). */
  historyLimit: z.number().int().min(20).max(40_000).default(5_000),
});

export type ProgrammePolicyInput = z.input<typeof ProgrammePolicySchema>;
export type ProgrammePolicy = z.output<typeof ProgrammePolicySchema>;
