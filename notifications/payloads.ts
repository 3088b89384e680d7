import { z } from 'zod';
import { parseInput } from '../lib/validation.ts';
import { ENTERPRISE_CATEGORIES } from '../domain/enterprise.ts';
import { CONTRACT_TYPES, DECLINE_CATEGORIES, MILESTONE_KINDS, STAGES, UNREACHABILITIES } from '../domain/vocabulary.ts';
import { DECISION_NAMES } from '../workflows/decisions/index.ts';
import { AWAITING_ACTIONS } from './words.ts';
import type { MessageTemplate } from './content.ts';
import type { Stage } from '../domain/vocabulary.ts';
import type { Template } from '../workflows/events.ts';
import type { NoticeData } from '../workflows/notice-data.ts';

const Text = z.string().trim().min(1);
const Count = z.number().int().nonnegative();
const Instant = z.iso.datetime({ offset: true });
const Day = z.iso.date();
/** Free text that may be empty: the workflow passes '' for "none given". */
const OptionalText = z
  .string()
  .trim()
  .optional()
  .transform((text) => (text ? text : undefined));

/** What the outbox puts in every partnership payload; other keys are the template's own. */
const Partnership = z.object({
  reference: Text,
  title: Text,
  stage: z.enum(STAGES).optional(),
  /** The workflow event's seq: it rises with every step, so it serves as the calendar SEQUENCE. */
  seq: Count.optional(),
});
/** Payloads that announce a calendar entry need the seq for its SEQUENCE. */
const Scheduled = Partnership.extend({ seq: Count });
const Reasoned = Partnership.extend({ reason: OptionalText });
const MilestoneRef = { milestone: z.number().int().positive(), milestoneTitle: Text };

const ContractMilestoneSchema = z.object({
  seq: z.number().int().positive(),
  title: Text,
  due: Instant,
  kind: z.enum(MILESTONE_KINDS).optional(),
  responsible: z.enum(['university', 'enterprise']).optional(),
  amountCny: z.number().nonnegative().optional(),
});

/** A contract's milestone as its announcements carry it. */
export type ContractMilestone = z.output<typeof ContractMilestoneSchema>;

export const PAYLOAD_SCHEMAS = {
  intake_received: Partnership,
  review_requested: Partnership,
  review_reminder: Partnership,
  decision_escalated: Partnership.extend({ action: z.enum(AWAITING_ACTIONS) }),
  changes_requested: Partnership.extend({ comment: Text }),
  revision_reminder: Partnership,
  rejected: Partnership.extend({ comment: OptionalText }),
  candidates_ready: Partnership.extend({ count: Count }),
  selection_reminder: Partnership,
  match_proposed: Scheduled.extend({
    candidateId: Text,
    candidateTitle: Text,
    reasons: z.array(z.string()).readonly().default([]),
    deadline: Instant,
  }),
  proposal_reminder: Scheduled.extend({ candidateId: Text, candidateTitle: OptionalText, deadline: Instant }),
  proposal_withdrawn: Partnership,
  proposal_accepted: Scheduled.extend({ counterpart: Text, counterpartCategory: z.enum(ENTERPRISE_CATEGORIES).optional(), deadline: Instant }),
  proposal_declined: Partnership.extend({ counterpart: Text, category: z.enum(DECLINE_CATEGORIES), reason: OptionalText }),
  unmatched: Reasoned,
  terms_proposed: Partnership.extend({
    round: z.number().int().positive(),
    terms: Text,
    amountCny: z
      .union([z.number().nonnegative(), z.literal('')])
      .optional()
      .transform((amount) => (amount === '' ? undefined : amount)),
  }),
  negotiation_agreed: Partnership.extend({ round: Count }),
  negotiation_reminder: Scheduled.extend({ deadline: Instant }),
  negotiation_overdue: Partnership.extend({ deadline: Instant }),
  negotiation_failed: Partnership.extend({ reason: Text, next: z.enum(['rematch', 'close']) }),
  contract_registered: Scheduled.extend({
    type: z.enum(CONTRACT_TYPES),
    amountCny: z.number().nonnegative(),
    signedOn: Day.optional(),
    /** The milestones with their due dates; a bare count (older payloads) announces no calendar entries. */
    milestones: z.union([Count, z.array(ContractMilestoneSchema).readonly()]),
  }),
  milestones_planned: Scheduled.extend({ milestones: z.array(ContractMilestoneSchema).min(1).readonly() }),
  milestone_due_soon: Scheduled.extend({ ...MilestoneRef, due: Instant }),
  milestone_due_today: Scheduled.extend({ ...MilestoneRef, due: Instant }),
  milestone_overdue: Partnership.extend({ ...MilestoneRef, due: Instant, escalated: z.enum(['yes', 'no']).optional() }),
  milestone_done: Partnership.extend({ ...MilestoneRef, evidenceUrl: OptionalText }),
  completed: Reasoned,
  withdrawn: Reasoned,
  answer_recorded: Partnership.extend({
    recordedBy: Text,
    decision: z.enum(DECISION_NAMES),
    variant: Text,
    subject: OptionalText,
    category: z.enum(DECLINE_CATEGORIES).optional(),
  }),
  counterpart_unreachable: Partnership.extend({ counterpart: Text, candidateId: Text, candidateTitle: Text, missing: z.enum(UNREACHABILITIES) }),
  weekly_digest: z.object({
    weekOf: Day,
    pending: z.array(z.object({ reference: Text, title: Text, action: z.enum(AWAITING_ACTIONS), deadline: Instant.optional() })).default([]),
    due: z
      .array(z.object({ reference: Text, title: Text, milestone: z.number().int().positive(), milestoneTitle: Text, due: Instant, overdue: z.boolean() }))
      .default([]),
  }),
  programme_summary: z.object({
    weekOf: Day,
    byStage: z.partialRecord(z.enum(STAGES), Count).default({}),
    dockings: Count,
    contracts: Count,
    amountCny: z.number().nonnegative(),
    overdueMilestones: z.array(z.object({ reference: Text, title: Text, milestoneTitle: Text, due: Instant })).default([]),
    unreachable: z
      .object({
        organisations: z.array(z.object({ name: Text, kind: z.enum(['university', 'enterprise']) })).default([]),
        people: z.array(z.object({ name: Text, organisation: OptionalText })).default([]),
      })
      .default({ organisations: [], people: [] }),
  }),
  delivery_failed: z.object({
    /** The failed message's partnership, when it belongs to one. */
    reference: OptionalText,
    title: OptionalText,
    recipient: Text,
    channel: z.enum(['lark', 'email']),
    reason: Text,
    /** What `cli resend` takes to send the message again. */
    notificationId: Text,
  }),
} satisfies Record<RowTemplate, z.ZodType>;

/** The partnership's own fields the outbox adds to every notice. */
type OutboxFields = { reference: string; title: string; stage: Stage; seq: number };
/** The templates whose schema would refuse what the workflow's `notice` writes; none. */
type Unparsable = { [T in Template]: NoticeData[T] & OutboxFields extends z.input<(typeof PAYLOAD_SCHEMAS)[T]> ? never : T }[Template];
/** Fails the typecheck, naming the template, when a notice's data and its payload schema disagree. */
export const NOTICES_PARSE: [Unparsable] extends [never] ? true : Unparsable = true;

/** The templates a notification row can have: reminder batches are composed from rows, never stored as one. */
export type RowTemplate = Exclude<MessageTemplate, 'reminder_batch'>;
export type Payload<T extends RowTemplate> = z.output<(typeof PAYLOAD_SCHEMAS)[T]>;

/**
 * A notification row's payload, validated for its template. Throws a ValidationError naming the
 * template and every missing or malformed field; keys the template does not use are ignored.
 */
export const parsePayload = <T extends RowTemplate>(template: T, payload: unknown): Payload<T> => {
  const schema: z.ZodType | undefined = PAYLOAD_SCHEMAS[template];
  if (!schema) throw new TypeError(`unknown notification template "${String(template)}"`);
  return parseInput(schema, payload, `notification ${template} payload`) as Payload<T>;
};
