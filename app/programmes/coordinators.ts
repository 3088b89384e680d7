import type { PrismaClient } from '../../lib/prisma.ts';
import { listProgrammes, withDescendants } from './store.ts';

/**
 * The programmes a person coordinates, with those under them (a national coordinator sees the
 * provinces); empty when they coordinate none, which means no scoping at all.
 */
export const programmesCoordinatedBy = async (prisma: PrismaClient, personId: string): Promise<string[]> => {
  const all = await listProgrammes(prisma);
  const own = all.filter((p) => p.coordinatorIds.includes(personId));
  return [...new Set(own.flatMap((p) => withDescendants(all, p.code)))];
};
