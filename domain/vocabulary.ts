import { z } from 'zod';
import { ProgrammePolicySchema } from '../workflows/policy.ts';

export const STAGES = [
  'intake',
  'review',
  'matchmaking',
  'negotiation',
  'contracting',
  'milestones',
  'completed',
  'rejected',
  'unmatched',
  'withdrawn',
] as const;
export type Stage = (typeof STAGES)[number];

export const ENDINGS: readonly Stage[] = ['completed', 'rejected', 'unmatched', 'withdrawn'];
export const isEnding = (stage: Stage): boolean => ENDINGS.includes(stage);

export const ROLES = ['coordinator', 'tto_officer', 'enterprise_contact', 'manager'] as const;
export type Role = (typeof ROLES)[number];

export const PARTNERSHIP_KINDS = ['demand', 'achievement'] as const;
export type PartnershipKind = (typeof PARTNERSHIP_KINDS)[number];

/** China's technology-contract categories. */
export const CONTRACT_TYPES = ['development', 'transfer', 'licensing', 'consulting', 'service'] as const;
export type ContractType = (typeof CONTRACT_TYPES)[number];
export const CONTRACT_TYPE_NAMES: Record<ContractType, string> = {
  development: '技术开发',
  transfer: '技术转让',
  licensing: '技术许可',
  consulting: '技术咨询',
  service: '技术服务',
};

export const DECLINE_CATEGORIES = ['too_early', 'unclear_benefit', 'budget', 'timing', 'other'] as const;
export type DeclineCategory = (typeof DECLINE_CATEGORIES)[number];

export const SIDES = ['university', 'enterprise'] as const;
export type Side = (typeof SIDES)[number];

const Id = z.string().trim().min(1);

/** Who makes a decision: resolved from our directory by the bot or CLI, never typed by a user. */
export const ActorSchema = z.object({
  personId: Id,
  name: z.string().trim().min(1),
  role: z.enum(ROLES),
  organisationId: Id.nullable(),
});
export type Actor = z.infer<typeof ActorSchema>;

export const PartySchema = z.object({ id: Id, name: z.string().trim().min(1) });
export type Party = z.infer<typeof PartySchema>;

/** What starts a partnership workflow; the row it belongs to already exists. */
export const PartnershipInputSchema = z.object({
  partnershipId: Id,
  reference: z.string().regex(/^P-\d{4}-\d{6,}$/, 'expected a reference such as P-2026-000123'),
  kind: z.enum(PARTNERSHIP_KINDS),
  /** The demand or achievement that was submitted. */
  subjectId: Id,
  title: z.string().trim().min(1),
  summary: z.string().trim().min(1),
  enterprise: PartySchema.nullable(),
  university: PartySchema.nullable(),
  region: z.string().trim().min(1),
  industry: z.string().trim().min(1),
  submittedBy: ActorSchema,
  policy: ProgrammePolicySchema,
});
export type PartnershipInput = z.input<typeof PartnershipInputSchema>;
export type ParsedPartnershipInput = z.output<typeof PartnershipInputSchema>;

/** The side whose organisation submitted the partnership. */
export const submittingSide = (kind: PartnershipKind): Side => (kind === 'demand' ? 'enterprise' : 'university');
/** The side the matchmaking looks for. */
export const soughtSide = (kind: PartnershipKind): Side => (kind === 'demand' ? 'university' : 'enterprise');
/** The role that speaks for an organisation of a side. */
export const roleOfSide = (side: Side): Role => (side === 'university' ? 'tto_officer' : 'enterprise_contact');

export const workflowIdFor = (reference: string): string => `partnership-${reference}`;
export const referenceFor = (year: number, number: number): string =>
  `P-${year}-${String(number).padStart(6, '0')}`;

/** Lark and email sends run on their own task queues, rate-limited there for every worker at once. */
export const deliveryTaskQueue = (taskQueue: string, channel: 'lark' | 'email'): string => `${taskQueue}-${channel}`;
