import type { Actor } from '../domain/actor.ts';
import type { PrismaClient } from '../lib/prisma.ts';

/** The organiser who approved a release, as the actor the partnership's history names; the coordinator acting when none was recorded. */
export const releaseApprover = async (prisma: PrismaClient, approvedById: string | null, otherwise: Actor): Promise<Actor> => {
  if (!approvedById) return otherwise;
  const person = await prisma.person.findUnique({ where: { id: approvedById } });
  return person ? { personId: person.id, name: person.name, role: person.role, organisationId: person.organisationId } : otherwise;
};
