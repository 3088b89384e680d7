/**
 * The programme policy: every wait, reminder and escalation of a partnership. Operators use days;
 * tests use seconds. A policy comes in as written ("2 days") and is checked where it comes in
 * (lib/policy-schema.ts, zod, with the defaults below); the workflow reads it with plain code
 * (`resolvePolicy`), so its input shows the durations as written and the sandbox carries no
 * schema library. The typecheck holds the two readings to the same shape.
 */
import { msToNumber } from '@temporalio/common/lib/time.js';

/**
 * When reminders may reach people, in Asia/Shanghai time (UTC+8 all year: China keeps no daylight
 * saving). Deadlines themselves are never moved; only the reminders and escalations about them.
 */
export interface WorkingTime {
  readonly start: string;
  readonly end: string;
  /** ISO weekdays: 1 is Monday, 7 is Sunday. */
  readonly days: readonly number[];
  /** Public holidays: no reminders. */
  readonly holidays: readonly string[];
  /** Weekend days worked in lieu of a holiday (调休): reminders as on any working day. */
  readonly extraWorkingDays: readonly string[];
}

/** The policy as the workflow uses it: durations in milliseconds. */
export interface ProgrammePolicy {
  /** A coordinator decision (review, candidate selection) is reminded after this long… */
  readonly decisionReminderAfter: number;
  /** …and escalated to the managers after this long. */
  readonly decisionEscalateAfter: number;
  /** The submitter is reminded of requested changes after this long. */
  readonly revisionReminderAfter: number;
  /** The counterpart has this long to accept or decline a match proposal. */
  readonly proposalDeadline: number;
  readonly proposalReminderBefore: number;
  /** A proposal held because nobody at its organisation can be reached is checked again this often, and sent once someone can be. */
  readonly contactRecheckEvery: number;
  /** Negotiation is expected to conclude within this long of the match being accepted. */
  readonly negotiationDeadline: number;
  readonly negotiationReminderBefore: number;
  /** Reminders before each milestone's due time, longest first. */
  readonly milestoneReminderOffsets: readonly number[];
  /** An unfinished milestone is escalated this long after its due time. */
  readonly milestoneEscalateAfter: number;
  /** Repeats the overdue reminder to the responsible party this often until the milestone is done. */
  readonly milestoneOverdueRepeatEvery: number;
  /** Reminders and escalations go out at the start of a slot this long, inside working time, so one
   *  person's reminders of the same slot are sent together as one message. */
  readonly reminderSlot: number;
  readonly workingTime: WorkingTime;
  /** How many ranked candidates a coordinator is shown, and how many may be proposed at once. */
  readonly candidatesShown: number;
  readonly maxProposalsAtOnce: number;
  /** History length after which the workflow continues as new (Temporal suggests it near 10k). */
  readonly historyLimit: number;
}

/** A policy as written: durations as text ("2 days", "6h"), anything left out takes its default. */
export type ProgrammePolicyInput = {
  readonly [K in keyof ProgrammePolicy]?: K extends 'workingTime'
    ? Partial<WorkingTime>
    : ProgrammePolicy[K] extends number
      ? K extends 'candidatesShown' | 'maxProposalsAtOnce' | 'historyLimit'
        ? number
        : string
      : readonly string[];
};

export const DEFAULT_WORKING_TIME = { start: '09:00', end: '18:00', days: [1, 2, 3, 4, 5], holidays: [], extraWorkingDays: [] } as const;

export const POLICY_DEFAULTS = {
  decisionReminderAfter: '2 days',
  decisionEscalateAfter: '5 days',
  revisionReminderAfter: '7 days',
  proposalDeadline: '10 days',
  proposalReminderBefore: '3 days',
  contactRecheckEvery: '1 hour',
  negotiationDeadline: '30 days',
  negotiationReminderBefore: '7 days',
  milestoneReminderOffsets: ['30 days', '7 days', '1 day'],
  milestoneEscalateAfter: '3 days',
  milestoneOverdueRepeatEvery: '2 days',
  reminderSlot: '1 hour',
  candidatesShown: 5,
  maxProposalsAtOnce: 3,
  historyLimit: 5_000,
} as const;

type DurationKey = {
  [K in keyof typeof POLICY_DEFAULTS]: (typeof POLICY_DEFAULTS)[K] extends string ? K : never;
}[keyof typeof POLICY_DEFAULTS];

/** A duration as written ("2 days", "90s") in milliseconds; anything else is a TypeError naming the key. */
export const durationMs = (text: unknown, key: string): number => {
  let ms = Number.NaN;
  try {
    ms = msToNumber(text as Parameters<typeof msToNumber>[0]);
  } catch {
    // Reported below.
  }
  if (!(ms > 0)) throw new TypeError(`${key}: expected a positive duration such as "2 days", "6h" or "30s"`);
  return ms;
};

const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> => typeof value === 'object' && value !== null && !Array.isArray(value);
const listOr = <T>(value: unknown, fallback: readonly T[]): unknown[] => (Array.isArray(value) ? value : [...fallback]);
const wholeNumberOr = (value: unknown, fallback: number, key: string): number => {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new TypeError(`${key}: expected a whole number`);
  return value;
};
const textList = (values: readonly unknown[], key: string): string[] =>
  values.map((value, i) => {
    if (typeof value !== 'string') throw new TypeError(`${key}[${i}]: expected text`);
    return value;
  });

/** A policy as the workflow uses it (the input as written, checked at intake): defaults filled in, durations in milliseconds. */
export const resolvePolicy = (raw: unknown): ProgrammePolicy => {
  const input = isRecord(raw) ? raw : {};
  const ms = (key: DurationKey): number => durationMs(input[key] ?? POLICY_DEFAULTS[key], key);
  const working = isRecord(input.workingTime) ? input.workingTime : {};
  const clock = (key: 'start' | 'end'): string => {
    const value = working[key] ?? DEFAULT_WORKING_TIME[key];
    if (typeof value !== 'string') throw new TypeError(`workingTime.${key}: expected a time of day such as "09:00"`);
    return value;
  };
  return {
    decisionReminderAfter: ms('decisionReminderAfter'),
    decisionEscalateAfter: ms('decisionEscalateAfter'),
    revisionReminderAfter: ms('revisionReminderAfter'),
    proposalDeadline: ms('proposalDeadline'),
    proposalReminderBefore: ms('proposalReminderBefore'),
    contactRecheckEvery: ms('contactRecheckEvery'),
    negotiationDeadline: ms('negotiationDeadline'),
    negotiationReminderBefore: ms('negotiationReminderBefore'),
    milestoneEscalateAfter: ms('milestoneEscalateAfter'),
    milestoneOverdueRepeatEvery: ms('milestoneOverdueRepeatEvery'),
    reminderSlot: ms('reminderSlot'),
    milestoneReminderOffsets: listOr(input.milestoneReminderOffsets, POLICY_DEFAULTS.milestoneReminderOffsets).map((offset, i) =>
      durationMs(offset, `milestoneReminderOffsets[${i}]`),
    ),
    workingTime: {
      start: clock('start'),
      end: clock('end'),
      days: listOr(working.days, DEFAULT_WORKING_TIME.days).map((day, i) => wholeNumberOr(day, 1, `workingTime.days[${i}]`)),
      holidays: textList(listOr(working.holidays, DEFAULT_WORKING_TIME.holidays), 'workingTime.holidays'),
      extraWorkingDays: textList(listOr(working.extraWorkingDays, DEFAULT_WORKING_TIME.extraWorkingDays), 'workingTime.extraWorkingDays'),
    },
    candidatesShown: wholeNumberOr(input.candidatesShown, POLICY_DEFAULTS.candidatesShown, 'candidatesShown'),
    maxProposalsAtOnce: wholeNumberOr(input.maxProposalsAtOnce, POLICY_DEFAULTS.maxProposalsAtOnce, 'maxProposalsAtOnce'),
    historyLimit: wholeNumberOr(input.historyLimit, POLICY_DEFAULTS.historyLimit, 'historyLimit'),
  };
};
