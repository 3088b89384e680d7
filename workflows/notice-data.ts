import type { ContractType, DeclineCategory, MilestoneKind, NegotiationNext, Side, Unreachability } from '../domain/vocabulary.ts';
import type { Awaiting } from './state.ts';
import type { EnterpriseCategory } from '../domain/enterprise.ts';
import type { DecisionName } from './decisions/index.ts';

/** A contract milestone as its announcement lists it, with its due time (ISO) for calendars. */
export type AnnouncedMilestone = {
  readonly seq: number;
  readonly title: string;
  readonly due: string;
  readonly kind: MilestoneKind;
  readonly responsible: Side;
  readonly amountCny?: number;
};

type MilestoneNotice = {
  readonly milestone: number;
  readonly milestoneTitle: string;
  readonly due: string;
};

/**
 * What each message the lifecycle sends carries beyond the partnership's reference, title, stage
 * and step (which the outbox adds): the workflow's `notice(template, to, data)` is checked against
 * it, and so is each template's payload schema (notifications/payloads.ts). Instants are ISO text.
 */
export interface NoticeData {
  readonly intake_received: Record<string, never>;
  readonly review_requested: Record<string, never>;
  readonly review_reminder: Record<string, never>;
  readonly decision_escalated: { readonly action: Awaiting['action'] };
  readonly changes_requested: { readonly comment: string };
  readonly revision_reminder: Record<string, never>;
  readonly rejected: { readonly comment: string };
  readonly candidates_ready: { readonly count: number };
  readonly selection_reminder: Record<string, never>;
  readonly match_proposed: { readonly candidateId: string; readonly candidateTitle: string; readonly reasons: readonly string[]; readonly deadline: string };
  readonly proposal_reminder: { readonly candidateId: string; readonly candidateTitle: string; readonly deadline: string };
  readonly proposal_withdrawn: Record<string, never>;
  /** `counterpartCategory`: the accepting enterprise's category, added when the step is recorded (the workflow does not know it). */
  readonly proposal_accepted: { readonly counterpart: string; readonly counterpartCategory?: EnterpriseCategory; readonly deadline: string };
  readonly proposal_declined: { readonly counterpart: string; readonly category: DeclineCategory; readonly reason?: string };
  readonly unmatched: { readonly reason: string };
  readonly terms_proposed: { readonly round: number; readonly terms: string; readonly amountCny?: number };
  readonly negotiation_agreed: { readonly round: number };
  readonly negotiation_reminder: { readonly deadline: string };
  readonly negotiation_overdue: { readonly deadline: string };
  readonly negotiation_failed: { readonly reason: string; readonly next: NegotiationNext };
  readonly contract_registered: {
    readonly type: ContractType;
    readonly amountCny: number;
    readonly signedOn: string;
    readonly milestones: readonly AnnouncedMilestone[];
  };
  readonly milestones_planned: { readonly milestones: readonly AnnouncedMilestone[] };
  readonly milestone_due_soon: MilestoneNotice;
  readonly milestone_due_today: MilestoneNotice;
  readonly milestone_overdue: MilestoneNotice & { readonly escalated: 'yes' | 'no' };
  readonly milestone_done: { readonly milestone: number; readonly milestoneTitle: string; readonly evidenceUrl: string };
  readonly completed: { readonly reason: string };
  readonly withdrawn: { readonly reason: string };
  /** To the person whose answer a coordinator recorded: what was recorded, by whom (`variant` and `subject` as the decision's form names them). */
  readonly answer_recorded: {
    readonly recordedBy: string;
    readonly decision: DecisionName;
    readonly variant: string;
    readonly subject?: string;
    readonly category?: DeclineCategory;
  };
  /** To the coordinators: a proposal waits because nobody at its organisation can be reached. */
  readonly counterpart_unreachable: {
    readonly counterpart: string;
    readonly candidateId: string;
    readonly candidateTitle: string;
    readonly missing: Unreachability;
  };
}
