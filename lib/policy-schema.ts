import { z } from 'zod';
import { msToNumber } from '@temporalio/common/lib/time.js';
import { DEFAULT_WORKING_TIME, POLICY_DEFAULTS, type ProgrammePolicy, type ProgrammePolicyInput } from '../domain/policy.ts';

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
    start: ClockTime.default(DEFAULT_WORKING_TIME.start),
    end: ClockTime.default(DEFAULT_WORKING_TIME.end),
    /** ISO weekdays: 1 is Monday, 7 is Sunday. */
    days: z
      .array(z.number().int().min(1).max(7))
      .min(1)
      .default([...DEFAULT_WORKING_TIME.days]),
    /** Public holidays: no reminders. */
    holidays: z.array(CalendarDate).max(400).default([]),
    /** Weekend days worked in lieu of a holiday (调休): reminders as on any working day. */
    extraWorkingDays: z.array(CalendarDate).max(100).default([]),
  })
  .refine((w) => w.start < w.end, { message: 'working time must start before it ends', path: ['end'] });

/** A programme policy where it comes in (a policy file, the bot's settings), with the defaults of domain/policy.ts. */
export const ProgrammePolicySchema = z.object({
  /** A coordinator decision (review, candidate selection) is reminded after this long… */
  decisionReminderAfter: DurationSchema.prefault(POLICY_DEFAULTS.decisionReminderAfter),
  /** …and escalated to the managers after this long. */
  decisionEscalateAfter: DurationSchema.prefault(POLICY_DEFAULTS.decisionEscalateAfter),
  /** The submitter is reminded of requested changes after this long. */
  revisionReminderAfter: DurationSchema.prefault(POLICY_DEFAULTS.revisionReminderAfter),
  /** The counterpart has this long to accept or decline a match proposal. */
  proposalDeadline: DurationSchema.prefault(POLICY_DEFAULTS.proposalDeadline),
  proposalReminderBefore: DurationSchema.prefault(POLICY_DEFAULTS.proposalReminderBefore),
  contactRecheckEvery: DurationSchema.prefault(POLICY_DEFAULTS.contactRecheckEvery),
  /** Negotiation is expected to conclude within this long of the match being accepted. */
  negotiationDeadline: DurationSchema.prefault(POLICY_DEFAULTS.negotiationDeadline),
  negotiationReminderBefore: DurationSchema.prefault(POLICY_DEFAULTS.negotiationReminderBefore),
  /** Reminders before each milestone's due time, longest first. */
  milestoneReminderOffsets: z
    .array(DurationSchema)
    .max(10)
    .prefault([...POLICY_DEFAULTS.milestoneReminderOffsets]),
  /** An unfinished milestone is escalated this long after its due time. */
  milestoneEscalateAfter: DurationSchema.prefault(POLICY_DEFAULTS.milestoneEscalateAfter),
  /** Repeats the overdue reminder to the responsible party this often until the milestone is done. */
  milestoneOverdueRepeatEvery: DurationSchema.prefault(POLICY_DEFAULTS.milestoneOverdueRepeatEvery),
  /** Reminders and escalations go out at the start of a slot this long, inside working time, so one person's
   *  reminders of the same slot are sent together as one message. */
  reminderSlot: DurationSchema.prefault(POLICY_DEFAULTS.reminderSlot),
  workingTime: WorkingTimeSchema.prefault({}),
  /** How many ranked candidates a coordinator is shown, and how many may be proposed at once. */
  candidatesShown: z.number().int().min(1).max(20).default(POLICY_DEFAULTS.candidatesShown),
  maxProposalsAtOnce: z.number().int().min(1).max(10).default(POLICY_DEFAULTS.maxProposalsAtOnce),
  /** History length after which the workflow continues as new (Temporal suggests it near 10k). */
  historyLimit: z.number().int().min(20).max(40_000).default(POLICY_DEFAULTS.historyLimit),
});

/** What this schema reads is a policy the workflow's plain reading (domain/policy.ts) takes and yields: the typecheck says so. */
export const POLICY_SHAPES_AGREE: [z.output<typeof ProgrammePolicySchema>, z.input<typeof ProgrammePolicySchema>] extends [
  ProgrammePolicy,
  ProgrammePolicyInput,
]
  ? true
  : false = true;
