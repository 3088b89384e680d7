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

export const ROLES = ['coordinator', 'tto_officer', 'enterprise_contact', 'manager', 'expert'] as const;
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
/** The contract types under which a university expert serves an enterprise (科技特派员-style placements). */
export const EXPERT_SERVICE_TYPES = ['consulting', 'service'] as const satisfies readonly ContractType[];
export const isExpertService = (type: ContractType): boolean => (EXPERT_SERVICE_TYPES as readonly ContractType[]).includes(type);

export const DECLINE_CATEGORIES = ['too_early', 'unclear_benefit', 'budget', 'timing', 'other'] as const;
export type DeclineCategory = (typeof DECLINE_CATEGORIES)[number];
export const isDeclineCategory = (value: unknown): value is DeclineCategory => DECLINE_CATEGORIES.some((category) => category === value);

/** Why nobody at an organisation can be reached: nobody speaks for it in the directory, or those who do have neither Lark nor email. */
export const UNREACHABILITIES = ['nobody', 'no_address'] as const;
export type Unreachability = (typeof UNREACHABILITIES)[number];

export const SIDES = ['university', 'enterprise'] as const;
export type Side = (typeof SIDES)[number];

/** Deliverables and payments; an expert placement's visits (入企服务 / 走访) and service reports (服务报告). */
export const MILESTONE_KINDS = ['deliverable', 'payment', 'visit', 'report'] as const;
export type MilestoneKind = (typeof MILESTONE_KINDS)[number];

/** After a failed negotiation: look for another partner, or close the partnership. */
export const NEGOTIATION_NEXT = ['rematch', 'close'] as const;
export type NegotiationNext = (typeof NEGOTIATION_NEXT)[number];

/** The side whose organisation submitted the partnership. */
export const submittingSide = (kind: PartnershipKind): Side => (kind === 'demand' ? 'enterprise' : 'university');
/** The side the matchmaking looks for. */
export const soughtSide = (kind: PartnershipKind): Side => (kind === 'demand' ? 'university' : 'enterprise');
/** The roles that speak for an organisation: its tech-transfer officers and enterprise contacts. */
export const SPEAKER_ROLES = ['tto_officer', 'enterprise_contact'] as const satisfies readonly Role[];

/** The role that speaks for an organisation of a side. */
export const roleOfSide = (side: Side): Role => (side === 'university' ? 'tto_officer' : 'enterprise_contact');
