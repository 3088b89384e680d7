import { ActorSpec, PartySpec } from './actor.ts';
import { list, nullable, number, object, oneOf, optional, text, type ValueOf } from './payload-spec.ts';
import { SigningSpec } from './event.ts';
import { resolvePolicy } from './policy.ts';
import type { ProgrammePolicy, ProgrammePolicyInput } from './policy.ts';
import { REFERENCE_PATTERN } from './reference.ts';
import { PARTNERSHIP_KINDS } from './vocabulary.ts';
import { checkSpec } from './payload-spec.ts';

export const CandidateSpec = object({
  id: text(200),
  title: text(1000),
  counterpart: PartySpec,
  score: number(),
  reasons: list(text(500)),
  flags: list(text(100)),
});

/**
 * A partnership launched at a docking event: its release was reviewed by the event's organisers
 * (`approvedBy`), so it starts at matchmaking with the candidates they chose already proposed,
 * or, signed on site, straight at a registered contract.
 */
export const EventStartSpec = object({
  eventId: text(60),
  approvedBy: ActorSpec,
  candidates: list(CandidateSpec, { max: 50 }),
  signing: optional(SigningSpec),
});
export type EventStart = ValueOf<typeof EventStartSpec>;

/** What starts a partnership workflow, apart from its policy; the row it belongs to already exists. */
export const PartnershipInputSpec = object(
  {
    partnershipId: text(200),
    reference: text(40),
    kind: oneOf(PARTNERSHIP_KINDS),
    /** The demand or achievement that was submitted. */
    subjectId: text(200),
    title: text(1000),
    summary: text(100_000),
    enterprise: nullable(PartySpec),
    university: nullable(PartySpec),
    region: text(200),
    industry: text(200),
    submittedBy: ActorSpec,
    start: optional(EventStartSpec),
  },
  [{ holds: (input) => REFERENCE_PATTERN.test(input.reference), path: 'reference', message: 'expected a reference such as P-2026-000123' }],
);

/** The workflow's input as written: the policy's durations as text ("2 days"), defaults left out. */
export type PartnershipInput = ValueOf<typeof PartnershipInputSpec> & { readonly policy: ProgrammePolicyInput };
/** The input as the workflow uses it: the policy with its defaults and durations in milliseconds. */
export type ParsedPartnershipInput = ValueOf<typeof PartnershipInputSpec> & { readonly policy: ProgrammePolicy };

/** The input checked and its policy read; a TypeError names what is wrong. */
export const parsePartnershipInput = (raw: unknown): ParsedPartnershipInput => {
  const checked = checkSpec(PartnershipInputSpec, raw);
  if (!checked.ok) throw new TypeError(checked.problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; '));
  const policy = typeof raw === 'object' && raw !== null && 'policy' in raw ? raw.policy : undefined;
  return { ...checked.value, policy: resolvePolicy(policy) };
};
