import type { SearchAttributeUpdatePair } from '@temporalio/common';
import { ContractAmountAttribute, ContractTypeAttribute, OverdueAttribute } from './search-attributes.ts';
import type { PartnershipState } from './state.ts';

/** What the contract filters last published, so that each changes the attributes once. */
export interface PublishedContract {
  contract?: string | undefined;
  overdue?: boolean | undefined;
}

/**
 * The managers' contract filters: its type and amount once registered, and whether a milestone is
 * past due and not done. Only the changes since `published`, which it updates.
 */
export const contractAttributes = (state: PartnershipState, published: PublishedContract, now: number): SearchAttributeUpdatePair[] => {
  const updates: SearchAttributeUpdatePair[] = [];
  const { contract } = state;
  const registered = contract ? `${contract.type}:${contract.amountCny}` : undefined;
  if (contract && published.contract !== registered) {
    updates.push({ key: ContractTypeAttribute, value: contract.type }, { key: ContractAmountAttribute, value: contract.amountCny });
    published.contract = registered;
  }
  const overdue = state.milestones.some((m) => !m.done && m.dueAt <= now);
  if (contract && published.overdue !== overdue) {
    updates.push({ key: OverdueAttribute, value: overdue });
    published.overdue = overdue;
  }
  return updates;
};
