import { concernsCoordinator } from '../app/programmes/coordinators.ts';
import { listProgrammes } from '../app/programmes/store.ts';
import type { Transaction } from '../lib/prisma.ts';
import type { PartnershipEvent } from '../workflows/events.ts';

/** Which coordinators a partnership's notice to "the coordinators" reaches; null for all of them. */
export type CoordinatorsConcerned = ((personId: string) => boolean) | null;

/**
 * "The coordinators" of a partnership's programme (and of the programmes above it) and those who
 * coordinate none, the way their lists are scoped: a coordinator of 辽宁 is not reminded of 江苏's
 * partnerships. Null when the event addresses no coordinators or the partnership has no programme.
 */
export const coordinatorsConcerned = async (tx: Transaction, programmeCode: string | null, event: PartnershipEvent): Promise<CoordinatorsConcerned> => {
  if (programmeCode === null || !event.notify.some((spec) => spec.to.some((audience) => 'role' in audience && audience.role === 'coordinator'))) return null;
  const programmes = await listProgrammes(tx);
  return (personId) => concernsCoordinator(programmes, programmeCode, personId);
};
