import { z } from 'zod';
import { AchievementSchema, DemandSchema } from '../matching/index.ts';
import { ROLES } from '../domain/vocabulary.ts';
import { ENTERPRISE_CATEGORIES, ENTERPRISE_OWNERSHIPS } from '../domain/enterprise.ts';
import { type Actor } from '../domain/actor.ts';
import type { PrismaClient } from '../lib/prisma.ts';
import { parseInput, ValidationError } from '../lib/validation.ts';

const Id = z.string().trim().min(1).max(100);

export const DirectorySchema = z.object({
  organisations: z
    .array(
      z.object({
        id: Id,
        kind: z.enum(['university', 'enterprise', 'park']),
        name: z.string().trim().min(1),
        region: z.string().trim().min(1),
        enterpriseCategory: z.enum(ENTERPRISE_CATEGORIES).optional(),
        ownership: z.enum(ENTERPRISE_OWNERSHIPS).optional(),
      }),
    )
    .default([]),
  people: z
    .array(
      z.object({
        id: Id,
        name: z.string().trim().min(1),
        role: z.enum(ROLES),
        organisationId: Id.nullable().default(null),
        email: z.email().nullable().optional(),
        larkOpenId: z
          .string()
          .regex(/^ou_[0-9a-z]+$/, 'expected a Lark open_id such as ou_7d8a6e6df7621556ce0d21922b676706ccs')
          .nullable()
          .optional(),
        language: z.enum(['zh', 'en']).default('zh'),
        channel: z.enum(['lark', 'email', 'both']).default('both'),
        managerId: Id.nullable().optional(),
        /** An expert's fields (专业领域). */
        fields: z.array(z.string().trim().min(1).max(100)).max(20).optional(),
      }),
    )
    .default([]),
});
export type Directory = z.input<typeof DirectorySchema>;

export const PoolSchema = z.object({
  achievements: z.array(AchievementSchema).default([]),
  demands: z.array(DemandSchema).default([]),
});
export type Pool = z.input<typeof PoolSchema>;

/** Adds or updates organisations and people; re-importing the same file changes nothing. */
export const importDirectory = async (prisma: PrismaClient, input: unknown, source = 'directory'): Promise<{ organisations: number; people: number }> => {
  const directory = parseInput(DirectorySchema, input, source);
  const orgIds = new Set(directory.organisations.map((o) => o.id));
  await prisma.$transaction(async (tx) => {
    for (const org of directory.organisations) {
      const data = { kind: org.kind, name: org.name, region: org.region, enterpriseCategory: org.enterpriseCategory ?? null, ownership: org.ownership ?? null };
      await tx.organisation.upsert({ where: { id: org.id }, create: { id: org.id, ...data }, update: data });
    }
    for (const [index, person] of directory.people.entries()) {
      if (person.organisationId && !orgIds.has(person.organisationId) && !(await tx.organisation.findUnique({ where: { id: person.organisationId } }))) {
        throw new ValidationError(`${source}: people[${index}].organisationId: no organisation ${person.organisationId}`);
      }
      const data = {
        name: person.name,
        role: person.role,
        organisationId: person.organisationId,
        email: person.email ?? null,
        larkOpenId: person.larkOpenId ?? null,
        language: person.language,
        channel: person.channel,
        ...(person.fields === undefined ? {} : { fields: person.fields }),
      };
      await tx.person.upsert({ where: { id: person.id }, create: { id: person.id, ...data }, update: data });
    }
    // Managers may be listed after the people they manage.
    for (const person of directory.people) {
      if (person.managerId !== undefined) await tx.person.update({ where: { id: person.id }, data: { managerId: person.managerId } });
    }
  });
  return { organisations: directory.organisations.length, people: directory.people.length };
};

const organisationIdsByName = async (prisma: PrismaClient, kind: 'university' | 'enterprise'): Promise<Map<string, string>> =>
  new Map((await prisma.organisation.findMany({ where: { kind }, select: { id: true, name: true } })).map((o) => [o.name, o.id]));

/** Adds or updates achievements and demands (the matching pool); their organisations must exist. */
export const importPool = async (prisma: PrismaClient, input: unknown, source = 'pool'): Promise<{ achievements: number; demands: number }> => {
  const pool = parseInput(PoolSchema, input, source);
  const universities = await organisationIdsByName(prisma, 'university');
  const enterprises = await organisationIdsByName(prisma, 'enterprise');
  const missing = (list: string, index: number, field: string, name: string) =>
    new ValidationError(`${source}: ${list}[${index}].${field}: "${name}" is not in the directory; import it first`);
  await prisma.$transaction(async (tx) => {
    for (const [index, { id, university, ...a }] of pool.achievements.entries()) {
      const universityId = universities.get(university);
      if (!universityId) throw missing('achievements', index, 'university', university);
      const data = { ...a, universityId };
      await tx.achievement.upsert({ where: { id }, create: { id, ...data }, update: data });
    }
    for (const [index, { id, enterprise, ...d }] of pool.demands.entries()) {
      const enterpriseId = enterprises.get(enterprise);
      if (!enterpriseId) throw missing('demands', index, 'enterprise', enterprise);
      const data = { ...d, enterpriseId };
      await tx.demand.upsert({ where: { id }, create: { id, ...data }, update: data });
    }
  });
  return { achievements: pool.achievements.length, demands: pool.demands.length };
};

/** The person behind an id, email or Lark open_id, as the actor of a decision. */
export const resolveActor = async (prisma: PrismaClient, who: string): Promise<Actor> => {
  const person = await prisma.person.findFirst({ where: { OR: [{ id: who }, { email: who }, { larkOpenId: who }] } });
  if (!person) throw new ValidationError(`no person "${who}" in the directory (give an id, email or Lark open_id)`);
  return { personId: person.id, name: person.name, role: person.role, organisationId: person.organisationId };
};
