import type { Actor, Party } from '../domain/actor.ts';
import type { ContractIpTerms } from '../domain/ip.ts';
import type { ContractType, DeclineCategory, MilestoneKind, Role, Stage, Unreachability } from '../domain/vocabulary.ts';
import type { NoticeData } from './notice-data.ts';

/** Who a notification goes to; the outbox activity resolves it against the directory. */
export type Audience =
  | { readonly role: Extract<Role, 'coordinator' | 'manager'> }
  | { readonly personId: string }
  | { readonly organisationId: string }
  /** The managers of the people who speak for an organisation; the programme's managers where none is named. */
  | { readonly managersOf: string };

/** Every message the lifecycle sends; the Lark cards and email templates are keyed by these. */
export const TEMPLATES = [
  'intake_received',
  'review_requested',
  'review_reminder',
  'decision_escalated',
  'changes_requested',
  'revision_reminder',
  'rejected',
  'candidates_ready',
  'selection_reminder',
  'match_proposed',
  'proposal_reminder',
  'proposal_withdrawn',
  'proposal_accepted',
  'proposal_declined',
  'unmatched',
  'terms_proposed',
  'negotiation_agreed',
  'negotiation_reminder',
  'negotiation_overdue',
  'negotiation_failed',
  'contract_registered',
  'milestones_planned',
  'milestone_due_soon',
  'milestone_due_today',
  'milestone_overdue',
  'milestone_done',
  'completed',
  'withdrawn',
  'answer_recorded',
  'counterpart_unreachable',
] as const satisfies readonly (keyof NoticeData)[];
export type Template = keyof NoticeData;

/** One message of a step: its template, who it goes to, and what the template says beyond the partnership's own fields. */
export interface NotificationSpecOf<T extends Template> {
  readonly template: T;
  readonly to: readonly Audience[];
  readonly data: NoticeData[T];
}
export type NotificationSpec = NotificationSpecOf<Template>;

export interface Candidate {
  readonly id: string;
  readonly title: string;
  readonly counterpart: Party;
  readonly score: number;
  readonly reasons: readonly string[];
  readonly flags: readonly string[];
  /** Below the engine's confidence threshold: one of the nearest, offered to fill the candidates shown. */
  readonly weak?: boolean;
}

export interface MilestoneRecord {
  readonly seq: number;
  readonly title: string;
  readonly kind: MilestoneKind;
  readonly dueAt: number;
  readonly responsible: 'university' | 'enterprise';
  readonly amountCny?: number;
}

/** What each event carries for the database projection, by event type. */
export interface EventData {
  intake_received: Record<string, never>;
  /** Released at a docking event and approved by its organisers, instead of intake and review. */
  released: { eventId: string; approvedBy: Actor };
  /** Signed on site at a docking event with this counterpart. */
  signed_on_site: { eventId: string; counterpart: Party; candidateId: string | null };
  review_requested: { round: number };
  reviewed: { decision: 'approve' | 'reject' | 'request_changes'; comment?: string };
  revised: { title: string; summary: string; note: string };
  candidates_found: { candidates: readonly Candidate[] };
  candidates_selected: { candidateIds: readonly string[]; deadline: number };
  proposal_accepted: { candidateId: string; counterpart: Party };
  proposal_declined: { candidateId: string; category: DeclineCategory; reason?: string };
  proposal_expired: { candidateId: string };
  proposals_withdrawn: { candidateIds: readonly string[] };
  terms_proposed: { round: number; terms: string; amountCny?: number };
  negotiation_agreed: { round: number };
  negotiation_failed: { next: 'rematch' | 'close'; reason: string; candidateId: string };
  contract_registered: {
    type: ContractType;
    amountCny: number;
    signedOn: string;
    university: Party;
    enterprise: Party;
    milestones: readonly MilestoneRecord[];
    /** Signed on site at this docking event; milestones are planned later. */
    eventId?: string;
    /** The IP terms the contract states, when it states any. */
    ip?: ContractIpTerms;
    /** The university experts it places in the enterprise (an expert service), by directory id. */
    experts?: readonly string[];
  };
  /** The milestones of a contract registered without them, planned afterwards. */
  milestones_planned: { milestones: readonly MilestoneRecord[] };
  /** `receivedCny`: what a payment milestone actually brought in, when the person marking it says. */
  milestone_done: { milestone: number; evidenceUrl: string; receivedCny?: number };
  /** `slot`: when the timer was due; its messages are sent with the others of that slot. */
  reminder: { timer: string; slot?: number };
  escalation: { timer: string; slot?: number };
  unmatched: { reason: string };
  completed: Record<string, never>;
  withdrawn: { reason: string };
  /** A coordinator recorded this person's answer (by phone, on site); the decision's own events follow the answer. */
  answer_recorded: { for: { personId: string; name: string }; decision: string; variant: string; subject?: string };
  /** The proposal's organisation has nobody the service can reach: it waits, unsent, until someone is. */
  proposal_held: { candidateId: string; counterpart: Party; missing: Unreachability };
  /** Someone became reachable: the held proposal is sent, its answer due by the new deadline. */
  proposal_resent: { candidateId: string; deadline: number };
}
export type EventType = keyof EventData;

/** One step of the partnership, recorded once in the database and the outbox, in seq order. */
export type PartnershipEvent = {
  [T in EventType]: {
    readonly seq: number;
    readonly type: T;
    readonly at: number;
    readonly actor: Actor | null;
    /** The stage after this event. */
    readonly stage: Stage;
    readonly university: Party | null;
    readonly enterprise: Party | null;
    readonly data: EventData[T];
    readonly notify: readonly NotificationSpec[];
    /** The coordinator who recorded the actor's answer on their behalf. */
    readonly recordedBy?: Actor;
  };
}[EventType];
