import type { PrismaClient } from '../../lib/prisma.ts';
import { listProgrammes, withDescendants, type ProgrammeRecord } from './store.ts';

/**
 * The programmes a person coordinates, with those under them (a national coordinator sees the
 * provinces); empty when they coordinate none, which means no scoping at all.
 */
export const programmesCoordinatedBy = async (prisma: PrismaClient, personId: string): Promise<string[]> => {
  const all = await listProgrammes(prisma);
  const own = all.filter((p) => p.coordinatorIds.includes(personId));
  return [...new Set(own.flatMap((p) => withDescendants(all, p.code)))];
};

/**
 * Whether a coordinator is concerned by a record of this programme, as their lists see it: they
 * coordinate it or a programme above it, or they coordinate none (and see everything). A record of
 * no programme concerns every coordinator.
 */
export const concernsCoordinator = (all: readonly ProgrammeRecord[], programmeCode: string | null, personId: string): boolean => {
  const own = all.filter((p) => p.coordinatorIds.includes(personId));
  return programmeCode === null || own.length === 0 || own.some((p) => withDescendants(all, p.code).includes(programmeCode));
};
