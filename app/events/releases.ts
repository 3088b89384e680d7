import type { PrismaClient } from '../../lib/prisma.ts';

export interface ReleaseFound {
  readonly id: string;
  readonly title: string;
  /** The enterprise of a demand, the university of an achievement. */
  readonly owner: { readonly id: string; readonly name: string };
}

/** A demand or achievement by its id or by its release number (需求编号 / 成果编号), or null. */
export const findRelease = async (prisma: PrismaClient, kind: 'demand' | 'achievement', given: string): Promise<ReleaseFound | null> => {
  const where = { OR: [{ id: given }, { releaseNumber: given }] };
  if (kind === 'demand') {
    const demand = await prisma.demand.findFirst({ where, select: { id: true, title: true, enterprise: { select: { id: true, name: true } } } });
    return demand && { id: demand.id, title: demand.title, owner: demand.enterprise };
  }
  const achievement = await prisma.achievement.findFirst({ where, select: { id: true, title: true, university: { select: { id: true, name: true } } } });
  return achievement && { id: achievement.id, title: achievement.title, owner: achievement.university };
};
