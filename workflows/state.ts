import type { Actor, Party } from '../domain/actor.ts';
import type { ContractType, DeclineCategory, Role, Side, Stage, Unreachability } from '../domain/vocabulary.ts';
import type { ParsedPartnershipInput } from '../domain/partnership-input.ts';
import type { Candidate, MilestoneRecord } from './events.ts';

export type ProposalStatus = 'proposed' | 'accepted' | 'declined' | 'expired' | 'withdrawn' | 'failed';

export interface Proposal {
  readonly candidateId: string;
  readonly counterpart: Party;
  status: ProposalStatus;
  deadline: number;
  /** Held unsent because nobody at the organisation can be reached; checked again on the `recheck` timer. */
  held?: Unreachability;
  /** The `recheck` timer fired: the workflow asks the directory whether someone is reachable now. */
  recheckDue?: boolean;
  category?: DeclineCategory;
  reason?: string;
  decidedBy?: string;
  decidedAt?: number;
}

export interface Round {
  readonly round: number;
  readonly side: Side | 'coordinator';
  readonly by: string;
  readonly terms: string;
  readonly amountCny?: number;
  readonly at: number;
}

export interface Milestone extends MilestoneRecord {
  done: boolean;
  doneAt?: number;
  evidenceUrl?: string;
}

export interface Contract {
  readonly type: ContractType;
  readonly amountCny: number;
  readonly signedOn: string;
  readonly registeredBy: string;
}

/** A pending reminder, escalation or deadline, at an absolute workflow time. */
export interface Timer {
  readonly key: string;
  readonly at: number;
}

export interface HistoryEntry {
  readonly seq: number;
  readonly at: number;
  readonly type: string;
  readonly by: string | null;
  /** The coordinator who recorded `by`'s answer on their behalf. */
  readonly recordedBy?: string;
  readonly note: string;
}

/** Everything the partnership knows; carried whole across continue-as-new. */
export interface PartnershipState {
  stage: Stage;
  seq: number;
  title: string;
  summary: string;
  university: Party | null;
  enterprise: Party | null;
  reviewRound: number;
  candidates: Candidate[];
  needsMatching: boolean;
  proposals: Proposal[];
  /** Candidates declined, expired or failed: never proposed again. */
  excluded: { id: string; category: DeclineCategory }[];
  matched: { candidateId: string; counterpart: Party } | null;
  rounds: Round[];
  negotiationDeadline: number | null;
  contract: Contract | null;
  milestones: Milestone[];
  timers: Timer[];
  history: HistoryEntry[];
  outcome: { stage: Stage; reason: string } | null;
  runs: number;
}

export const initialState = (input: ParsedPartnershipInput): PartnershipState => ({
  stage: 'intake',
  seq: 0,
  title: input.title,
  summary: input.summary,
  university: input.university,
  enterprise: input.enterprise,
  reviewRound: 0,
  candidates: [],
  needsMatching: false,
  proposals: [],
  excluded: [],
  matched: null,
  rounds: [],
  negotiationDeadline: null,
  contract: null,
  milestones: [],
  timers: [],
  history: [],
  outcome: null,
  runs: 1,
});

/** Who is expected to act next, and by when. */
export interface Awaiting {
  readonly action:
    'review' | 'revise' | 'select_candidates' | 'respond_to_proposal' | 'negotiate' | 'register_contract' | 'plan_milestones' | 'complete_milestone';
  readonly role: Role;
  readonly organisation: Party | null;
  readonly subject?: string;
  readonly deadline?: string;
}

/** The status query's answer: what a person needs to see where a partnership stands. */
export interface PartnershipStatus {
  readonly reference: string;
  readonly kind: ParsedPartnershipInput['kind'];
  readonly title: string;
  readonly summary: string;
  readonly stage: Stage;
  readonly region: string;
  readonly industry: string;
  readonly university: Party | null;
  readonly enterprise: Party | null;
  readonly submittedBy: Pick<Actor, 'personId' | 'name'>;
  readonly awaiting: readonly Awaiting[];
  readonly candidates: readonly Candidate[];
  readonly proposals: readonly (Omit<Proposal, 'deadline' | 'decidedAt'> & { deadline: string; decidedAt?: string })[];
  readonly rounds: readonly (Omit<Round, 'at'> & { at: string })[];
  readonly contract: Contract | null;
  readonly milestones: readonly (Omit<Milestone, 'dueAt' | 'doneAt'> & { dueAt: string; doneAt?: string })[];
  readonly nextTimers: readonly { key: string; at: string }[];
  readonly history: readonly (Omit<HistoryEntry, 'at'> & { at: string })[];
  readonly outcome: { stage: Stage; reason: string } | null;
}
