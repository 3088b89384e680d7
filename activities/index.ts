import type { PrismaClient } from '../lib/prisma.ts';
import { createRecordEvent } from './events.ts';
import { createFindCandidates } from './matching.ts';

export interface ActivityDependencies {
  readonly prisma: PrismaClient;
}

/** Every activity the worker registers, bound to its dependencies. */
export const createActivities = ({ prisma }: ActivityDependencies) => ({
  recordEvent: createRecordEvent(prisma),
  findCandidates: createFindCandidates(prisma),
});
