import { defineQuery } from '@temporalio/workflow';
import { conclude, contract, milestone, respond, review, revise, select, terms, withdraw } from './decisions/index.ts';
import type { PartnershipStatus } from './state.ts';

// The update definitions clients import, each from its decision's record (workflows/decisions/).
export const reviewUpdate = review.update;
export const reviseUpdate = revise.update;
export const selectCandidatesUpdate = select.update;
export const respondToProposalUpdate = respond.update;
export const proposeTermsUpdate = terms.update;
export const concludeNegotiationUpdate = conclude.update;
export const registerContractUpdate = contract.update;
export const completeMilestoneUpdate = milestone.update;
export const withdrawUpdate = withdraw.update;

export const statusQuery = defineQuery<PartnershipStatus>('status');
