/**
 * University experts (科技特派员-style placements): people with the expert role and their fields,
 * added from the CLI or the 人员 sheet, and named on the 技术服务 / 技术咨询 contracts that place them.
 */
import type { PrismaClient } from '../lib/prisma.ts';
import { ValidationError } from '../lib/validation.ts';
import { importDirectory } from './directory.ts';

export interface NewExpert {
  readonly id: string;
  readonly name: string;
  /** Their university's id or full name. */
  readonly university: string;
  readonly fields: readonly string[];
  readonly email?: string;
  readonly larkOpenId?: string;
  readonly language?: 'zh' | 'en';
}

/** Adds the expert, or updates the one with that id; their university must be in the directory. */
export const addExpert = async (prisma: PrismaClient, expert: NewExpert): Promise<void> => {
  const university = await prisma.organisation.findFirst({
    where: { kind: 'university', OR: [{ id: expert.university }, { name: expert.university }] },
    select: { id: true },
  });
  if (!university) throw new ValidationError(`--university: no university "${expert.university}" in the directory`);
  const { university: _named, ...person } = expert;
  await importDirectory(prisma, { people: [{ ...person, fields: [...expert.fields], role: 'expert', organisationId: university.id }] }, 'expert');
};

/** Refuses a contract naming anyone who is not an expert in the directory, naming them. */
export const checkNamedExperts = async (prisma: PrismaClient, payload: { readonly experts?: unknown }): Promise<void> => {
  if (!Array.isArray(payload.experts)) return;
  const named = payload.experts.filter((id): id is string => typeof id === 'string');
  const found = await prisma.person.findMany({ where: { id: { in: named }, role: 'expert' }, select: { id: true } });
  const missing = named.filter((id) => !found.some((person) => person.id === id));
  if (missing.length > 0) throw new ValidationError(`experts: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not an expert in the directory`);
};
