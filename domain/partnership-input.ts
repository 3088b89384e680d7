import { z } from 'zod';
import { ActorSchema, PartySchema } from './actor.ts';
import { ProgrammePolicySchema } from './policy.ts';
import { REFERENCE_PATTERN } from './reference.ts';
import { PARTNERSHIP_KINDS } from './vocabulary.ts';

const Id = z.string().trim().min(1);

/** What starts a partnership workflow; the row it belongs to already exists. */
export const PartnershipInputSchema = z.object({
  partnershipId: Id,
  reference: z.string().regex(REFERENCE_PATTERN, 'expected a reference such as P-2026-000123'),
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
