/**
 * A docking event (对接会 / 专场): what starts its workflow, the figures it keeps, and the keys
 * that make its launches and signings idempotent.
 */
import { ActorSpec, PartySpec } from './actor.ts';
import { date, list, nullable, number, object, oneOf, optional, text, type ValueOf } from './payload-spec.ts';
import type { ProgrammePolicyInput } from './policy.ts';
import { CONTRACT_TYPES } from './vocabulary.ts';
import { ContractIpTermsSpec } from './ip.ts';

/** An event's code as organisers write it: LN-2026-03. */
export const EVENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,59}$/;

export const EVENT_HOST_KINDS = ['region', 'park'] as const;
export type EventHostKind = (typeof EVENT_HOST_KINDS)[number];

export const DOCKING_STATUSES = ['listed', 'added', 'struck', 'launched'] as const;
export type DockingStatus = (typeof DOCKING_STATUSES)[number];

/** The event's workflow id: its business key, so creating an event twice is the same workflow. */
export const eventWorkflowId = (eventId: string): string => `event-${eventId}`;

/** A launched demand's partnership: launching again finds it. */
export const dockingSubmissionKey = (eventId: string, demandId: string): string => `docking:${eventId}:${demandId}`;

/** A signing of a demand or achievement with a counterpart organisation, when no partnership held them yet. */
export const signingSubmissionKey = (eventId: string, subjectId: string, counterpartId: string): string => `signing:${eventId}:${subjectId}:${counterpartId}`;

export const EventInputSpec = object(
  {
    id: text(60),
    name: text(200),
    startsOn: date('expected the first day as YYYY-MM-DD'),
    endsOn: date('expected the last day as YYYY-MM-DD'),
    place: text(200),
    hostKind: oneOf(EVENT_HOST_KINDS),
    host: text(200),
    programme: text(200),
    coordinatorIds: list(text(200), { min: 1, minMessage: 'name at least one coordinator' }),
    createdBy: ActorSpec,
  },
  [
    { holds: (e) => EVENT_ID_PATTERN.test(e.id), path: 'id', message: 'expected a code such as LN-2026-03 (letters, digits, - and _)' },
    { holds: (e) => e.startsOn <= e.endsOn, path: 'endsOn', message: 'the event cannot end before it starts' },
  ],
);
/** What starts an event workflow; the policy is copied into each partnership it launches. */
export type EventInput = ValueOf<typeof EventInputSpec> & { readonly policy: ProgrammePolicyInput };

/** A contract signed on site (现场签约): the counterpart organisation, and the achievement or demand when it is known. */
export const SigningSpec = object({
  eventId: text(60),
  counterpart: PartySpec,
  candidateId: nullable(text(200)),
  type: oneOf(CONTRACT_TYPES),
  amountCny: number({ positive: true, max: 1e12 }),
  signedOn: date('expected the signing date as YYYY-MM-DD'),
});
export type Signing = ValueOf<typeof SigningSpec>;

/** What a coordinator asks of the event. */
export const EventActorSpec = object({ actor: ActorSpec });
export const LaunchRequestSpec = object({ actor: ActorSpec, limit: optional(number({ integer: true, positive: true, max: 100_000 })) });
export const DockingEditSpec = object({ demandId: text(200), achievementId: text(200), choice: oneOf(['keep', 'strike']) });
export const EditDockingsSpec = object({ actor: ActorSpec, edits: list(DockingEditSpec, { min: 1, max: 5000 }) });
export const SignRequestSpec = object({
  actor: ActorSpec,
  subject: object({ kind: oneOf(['demand', 'achievement']), id: text(200) }),
  universityId: text(200),
  enterpriseId: text(200),
  type: oneOf(CONTRACT_TYPES),
  amountCny: number({ positive: true, max: 1e12 }),
  signedOn: date('expected the signing date as YYYY-MM-DD'),
  /** The contract's IP terms and registration number, when the signing states them. */
  ip: optional(ContractIpTermsSpec),
});
export type LaunchRequest = ValueOf<typeof LaunchRequestSpec>;
export type DockingEdit = ValueOf<typeof DockingEditSpec>;
export type EditDockingsRequest = ValueOf<typeof EditDockingsSpec>;
export type SignRequest = ValueOf<typeof SignRequestSpec>;

/** The event's figures as the database holds them after its last step. */
export interface EventFigures {
  readonly releases: { readonly achievements: number; readonly demands: number };
  readonly dockings: Readonly<Record<DockingStatus, number>>;
  /** Partnerships of the event: launched from the docking list or signed on site. */
  readonly partnerships: number;
  readonly signings: number;
  readonly amountCny: number;
}

export const NO_FIGURES: EventFigures = {
  releases: { achievements: 0, demands: 0 },
  dockings: { listed: 0, added: 0, struck: 0, launched: 0 },
  partnerships: 0,
  signings: 0,
  amountCny: 0,
};

/** One row of a split of the report (an industry, a region). */
export interface ReportRow {
  readonly key: string;
  readonly achievements: number;
  readonly demands: number;
  readonly dockings: number;
  readonly agreed: number;
  readonly signed: number;
  readonly amountCny: number;
}

/** The event's report in the programme's terms. */
export interface EventReport {
  readonly eventId: string;
  readonly name: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly place: string;
  readonly host: string;
  readonly programme: string;
  readonly participants: { readonly universities: number; readonly enterprises: number; readonly parks: number };
  readonly releases: { readonly achievements: number; readonly demands: number };
  /** Pairs on the docking list that were not struck, and those launched as partnerships. */
  readonly dockings: { readonly listed: number; readonly launched: number };
  /** Partnerships past negotiation: contracting, milestones or completed. */
  readonly agreed: number;
  readonly signedOnSite: number;
  /** Every contract of the event's partnerships, on site or later. */
  readonly contracts: number;
  readonly amountCny: number;
  readonly byIndustry: readonly ReportRow[];
  readonly byRegion: readonly ReportRow[];
}

/** A request the event's data refuses (an unknown demand, a pair not on the list): no retry can mend it. */
export const EVENT_REQUEST_REFUSED = 'EventRequestRefused';
