import type { PrismaClient } from '../lib/prisma.ts';
import { isCoordinator, maySubmitFor } from '../domain/rules.ts';
import type { PartnershipKind } from '../domain/vocabulary.ts';
import type { BotUser } from './auth.ts';
import type { OrganisationChoice } from '../lark/cards/intake-form.ts';

/**
 * Whose submission a person may make: any enterprise (demand) or university (achievement) for a
 * coordinator; their own organisation for its contact or TTO; none for anyone else.
 */
export const submittableOrganisations = async (prisma: PrismaClient, user: BotUser, kind: PartnershipKind): Promise<OrganisationChoice[]> => {
  const orgKind = kind === 'demand' ? 'enterprise' : 'university';
  const { actor } = user;
  if (isCoordinator(actor)) {
    return prisma.organisation.findMany({ where: { kind: orgKind }, orderBy: { name: 'asc' }, select: { name: true, region: true }, take: 100 });
  }
  if (!actor.organisationId || !maySubmitFor(kind, actor.organisationId, actor)) return [];
  return prisma.organisation.findMany({ where: { id: actor.organisationId, kind: orgKind }, select: { name: true, region: true } });
};
