import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { z } from 'zod';
import type {
  CandidateSelectionSchema,
  ContractRegistrationSchema,
  MilestoneCompletionSchema,
  NegotiationOutcomeSchema,
  ProposalResponseSchema,
  ReviewDecisionSchema,
  RevisionSchema,
  TermsProposalSchema,
  WithdrawalSchema,
} from './decisions.ts';
import type { PartnershipStatus } from './state.ts';

// Wire names are fixed: renaming a constant must not break running workflows or the bot.
export const reviewUpdate = defineUpdate<PartnershipStatus, [z.input<typeof ReviewDecisionSchema>]>('review');
export const reviseUpdate = defineUpdate<PartnershipStatus, [z.input<typeof RevisionSchema>]>('revise');
export const selectCandidatesUpdate = defineUpdate<PartnershipStatus, [z.input<typeof CandidateSelectionSchema>]>('selectCandidates');
export const respondToProposalUpdate = defineUpdate<PartnershipStatus, [z.input<typeof ProposalResponseSchema>]>('respondToProposal');
export const proposeTermsUpdate = defineUpdate<PartnershipStatus, [z.input<typeof TermsProposalSchema>]>('proposeTerms');
export const concludeNegotiationUpdate = defineUpdate<PartnershipStatus, [z.input<typeof NegotiationOutcomeSchema>]>('concludeNegotiation');
export const registerContractUpdate = defineUpdate<PartnershipStatus, [z.input<typeof ContractRegistrationSchema>]>('registerContract');
export const completeMilestoneUpdate = defineUpdate<PartnershipStatus, [z.input<typeof MilestoneCompletionSchema>]>('completeMilestone');
export const withdrawUpdate = defineUpdate<PartnershipStatus, [z.input<typeof WithdrawalSchema>]>('withdraw');

export const statusQuery = defineQuery<PartnershipStatus>('status');
