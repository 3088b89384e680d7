import { referenceAtStartOf } from '../domain/reference.ts';
/**
 * Calendar UIDs: one per partnership and subject, so that a moved date updates the entry a person
 * already has (same UID, higher SEQUENCE) instead of adding a second one.
 */
const HOST = 'qxwq';

export const calendarUid = {
  /** The deadline to answer one proposal. */
  proposal: (reference: string, candidateId: string): string => `${reference}-proposal-${candidateId}@${HOST}`,
  /** The negotiation deadline: one per partnership, so a re-match moves it. */
  negotiation: (reference: string): string => `${reference}-negotiation@${HOST}`,
  milestone: (reference: string, seq: number): string => `${reference}-milestone-${seq}@${HOST}`,
};

/** UID prefixes naming a group of entries, for `calendarCancels`. */
export const calendarScope = {
  partnership: (reference: string): string => `${reference}-`,
  proposals: (reference: string): string => `${reference}-proposal-`,
  negotiation: calendarUid.negotiation,
  milestone: calendarUid.milestone,
};

/** The partnership reference a UID (or UID prefix) belongs to. */
export const referenceOfUid = (uid: string): string => {
  const reference = referenceAtStartOf(uid);
  if (!reference) throw new TypeError(`calendar UID "${uid}" does not start with a partnership reference`);
  return reference;
};
