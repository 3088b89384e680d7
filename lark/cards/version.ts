import type { PartnershipStatus } from '../../workflows/state.ts';
import type { Element } from './elements.ts';

/** The partnership's state a card shows: the seq of its latest history entry. */
export const versionOf = (status: Pick<PartnershipStatus, 'history'>): number => status.history.at(-1)?.seq ?? 0;

const stamp = (node: unknown, reference: string, seq: number): unknown => {
  if (Array.isArray(node)) return node.map((child) => stamp(child, reference, seq));
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node).map(([key, child]: [string, unknown]) => {
    if (key === 'value' && typeof child === 'object' && child !== null && (child as { ref?: unknown }).ref === reference) return [key, { ...child, seq }];
    return [key, stamp(child, reference, seq)];
  });
  return Object.fromEntries(entries);
};

/**
 * Marks every button of this partnership with the state the card was drawn from. Two clicks on
 * one drawing are one decision (the Temporal update id includes it); a card drawn later is a new one.
 */
export const stampVersion = (elements: readonly Element[], status: Pick<PartnershipStatus, 'reference' | 'history'>): Element[] =>
  stamp(elements, status.reference, versionOf(status)) as Element[];
