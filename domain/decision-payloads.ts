import { z } from 'zod';
import { ActorSchema } from './actor.ts';
import { CONTRACT_TYPES, DECLINE_CATEGORIES } from './vocabulary.ts';

const Text = (max: number) => z.string().trim().min(1).max(max);
const Reason = Text(2000);
const Amount = z.number().finite().nonnegative().max(1e12);

/** A calendar date (due on that day, Asia/Shanghai) or an exact ISO-8601 instant with offset. */
export const DueSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'expected a date (2026-12-31) or an ISO instant with offset (2026-12-31T09:00:00+08:00)',
});

export const ReviewDecisionSchema = z
  .object({
    actor: ActorSchema,
    decision: z.enum(['approve', 'reject', 'request_changes']),
    comment: Text(2000).optional(),
  })
  .refine((d) => d.decision === 'approve' || d.comment !== undefined, {
    message: 'a reason is required to reject or request changes',
    path: ['comment'],
  });

export const RevisionSchema = z
  .object({
    actor: ActorSchema,
    title: Text(200).optional(),
    summary: Text(5000).optional(),
    note: Text(2000),
  });

export const CandidateSelectionSchema = z.object({
  actor: ActorSchema,
  candidateIds: z.array(Text(100)).min(1, 'choose at least one candidate'),
});

export const ProposalResponseSchema = z
  .object({
    actor: ActorSchema,
    candidateId: Text(100),
    decision: z.enum(['accept', 'decline']),
    category: z.enum(DECLINE_CATEGORIES).optional(),
    reason: Text(2000).optional(),
  })
  .refine((r) => r.decision === 'accept' || r.category !== undefined, {
    message: `a decline needs a category (${DECLINE_CATEGORIES.join(', ')})`,
    path: ['category'],
  })
  .refine((r) => r.category !== 'other' || r.reason !== undefined, {
    message: 'a decline for another reason needs the reason written out',
    path: ['reason'],
  });

export const TermsProposalSchema = z.object({
  actor: ActorSchema,
  terms: Text(5000),
  amountCny: Amount.optional(),
});

export const NegotiationOutcomeSchema = z
  .object({
    actor: ActorSchema,
    outcome: z.enum(['agreed', 'failed']),
    next: z.enum(['rematch', 'close']).optional(),
    reason: Text(2000).optional(),
  })
  .refine((o) => o.outcome === 'agreed' || (o.next !== undefined && o.reason !== undefined), {
    message: 'a failed negotiation needs a reason and what comes next (rematch or close)',
    path: ['next'],
  });

export const MilestonePlanSchema = z.object({
  title: Text(200),
  kind: z.enum(['deliverable', 'payment']),
  due: DueSchema,
  responsible: z.enum(['university', 'enterprise']),
  amountCny: Amount.optional(),
});

export const ContractRegistrationSchema = z.object({
  actor: ActorSchema,
  type: z.enum(CONTRACT_TYPES),
  amountCny: Amount.positive(),
  signedOn: z.iso.date({ error: 'expected the signing date as YYYY-MM-DD' }),
  milestones: z.array(MilestonePlanSchema).min(1, 'a contract needs at least one milestone').max(50),
});

export const MilestoneCompletionSchema = z.object({
  actor: ActorSchema,
  milestone: z.number().int().positive(),
  evidenceUrl: z.url({ protocol: /^https?$/, error: 'expected an http(s) link to the evidence' }),
});

export const WithdrawalSchema = z.object({ actor: ActorSchema, reason: Reason });

export type ReviewDecision = z.infer<typeof ReviewDecisionSchema>;
export type Revision = z.infer<typeof RevisionSchema>;
export type CandidateSelection = z.infer<typeof CandidateSelectionSchema>;
export type ProposalResponse = z.infer<typeof ProposalResponseSchema>;
export type TermsProposal = z.infer<typeof TermsProposalSchema>;
export type NegotiationOutcome = z.infer<typeof NegotiationOutcomeSchema>;
export type MilestonePlan = z.infer<typeof MilestonePlanSchema>;
export type ContractRegistration = z.infer<typeof ContractRegistrationSchema>;
export type MilestoneCompletion = z.infer<typeof MilestoneCompletionSchema>;
export type Withdrawal = z.infer<typeof WithdrawalSchema>;
