import type { Prisma, Programme } from '../../generated/prisma/client.ts';
import type { PrismaClient, Transaction } from '../../lib/prisma.ts';
import { parseInput, ValidationError } from '../../lib/validation.ts';
import { ProgrammeDetailsSchema, TargetsSchema, type ProgrammeLevel, type Targets } from './schema.ts';

/** A programme as the figures, the CLI and the bot read it. */
export interface ProgrammeRecord {
  readonly code: string;
  readonly name: string;
  readonly level: ProgrammeLevel;
  readonly regions: readonly string[];
  readonly coordinatorIds: readonly string[];
  readonly startsOn: string;
  readonly endsOn: string;
  readonly parentCode: string | null;
  readonly targets: Targets;
}

const day = (date: Date): string => date.toISOString().slice(0, 10);
const asDate = (text: string): Date => new Date(`${text}T00:00:00Z`);

export const toRecord = (row: Programme): ProgrammeRecord => {
  const targets: Targets = {};
  if (row.targetUniversities !== null) targets.universities = row.targetUniversities;
  if (row.targetEnterprises !== null) targets.enterprises = row.targetEnterprises;
  if (row.targetExperts !== null) targets.experts = row.targetExperts;
  if (row.targetTransformations !== null) targets.transformations = row.targetTransformations;
  if (row.targetAmountCny !== null) targets.amountCny = Number(row.targetAmountCny);
  if (row.targetDockings !== null) targets.dockings = row.targetDockings;
  return {
    code: row.code,
    name: row.name,
    level: row.level,
    regions: row.regions,
    coordinatorIds: row.coordinatorIds,
    startsOn: day(row.startsOn),
    endsOn: day(row.endsOn),
    parentCode: row.parentCode,
    targets,
  };
};

/** The columns of the targets given; a target left out keeps its value. */
type TargetColumns = Pick<
  Prisma.ProgrammeUncheckedCreateInput,
  'targetUniversities' | 'targetEnterprises' | 'targetExperts' | 'targetTransformations' | 'targetAmountCny' | 'targetDockings'
>;
const targetColumns = (targets: Targets): TargetColumns => ({
  ...(targets.universities !== undefined ? { targetUniversities: targets.universities } : {}),
  ...(targets.enterprises !== undefined ? { targetEnterprises: targets.enterprises } : {}),
  ...(targets.experts !== undefined ? { targetExperts: targets.experts } : {}),
  ...(targets.transformations !== undefined ? { targetTransformations: targets.transformations } : {}),
  ...(targets.amountCny !== undefined ? { targetAmountCny: targets.amountCny } : {}),
  ...(targets.dockings !== undefined ? { targetDockings: targets.dockings } : {}),
});

export const listProgrammes = async (prisma: PrismaClient | Transaction): Promise<ProgrammeRecord[]> =>
  (await prisma.programme.findMany({ orderBy: [{ level: 'asc' }, { code: 'asc' }] })).map(toRecord);

/** A programme by its code (any case), or a ValidationError naming the codes there are. */
export const programmeByCode = async (prisma: PrismaClient, code: string): Promise<ProgrammeRecord> => {
  const all = await listProgrammes(prisma);
  const found = all.find((p) => p.code.toLowerCase() === code.trim().toLowerCase());
  if (found) return found;
  throw new ValidationError(`no programme "${code}"; ${all.length ? `there are ${all.map((p) => p.code).join(', ')}` : 'create one with `programme create`'}`);
};

/**
 * Creates a programme or updates the one with its code: its parent must exist and not be itself
 * a descendant, its coordinators must be coordinators in the directory. Targets given are set,
 * the others kept.
 */
export const saveProgramme = async (
  prisma: PrismaClient | Transaction,
  raw: unknown,
  source = 'programme',
): Promise<{ record: ProgrammeRecord; created: boolean }> => {
  const details = parseInput(ProgrammeDetailsSchema, raw, source);
  if (details.parent) {
    const parent = await prisma.programme.findUnique({ where: { code: details.parent } });
    if (!parent) throw new ValidationError(`${source}: parent: no programme "${details.parent}"; create it first`);
    for (let at: Programme | null = parent; at; at = at.parentCode ? await prisma.programme.findUnique({ where: { code: at.parentCode } }) : null) {
      if (at.code === details.code)
        throw new ValidationError(`${source}: parent: ${details.parent} is under ${details.code}; a programme cannot be under itself`);
    }
  }
  if (details.coordinatorIds.length > 0) {
    const people = await prisma.person.findMany({ where: { id: { in: details.coordinatorIds } }, select: { id: true, role: true } });
    for (const id of details.coordinatorIds) {
      const person = people.find((p) => p.id === id);
      if (!person) throw new ValidationError(`${source}: coordinators: no person "${id}" in the directory`);
      if (person.role !== 'coordinator') throw new ValidationError(`${source}: coordinators: ${id} is not a coordinator`);
    }
  }
  const fields = {
    name: details.name,
    level: details.level,
    regions: details.regions,
    coordinatorIds: details.coordinatorIds,
    startsOn: asDate(details.startsOn),
    endsOn: asDate(details.endsOn),
    parentCode: details.parent ?? null,
  };
  const existing = await prisma.programme.findUnique({ where: { code: details.code } });
  const row = await prisma.programme.upsert({
    where: { code: details.code },
    create: { code: details.code, ...fields, ...targetColumns(details.targets) },
    update: { ...fields, ...targetColumns(details.targets) },
  });
  return { record: toRecord(row), created: !existing };
};

/** Sets some of a programme's targets; those not given keep their value. */
export const setTargets = async (prisma: PrismaClient, code: string, raw: unknown, source = 'targets'): Promise<ProgrammeRecord> => {
  const targets = parseInput(TargetsSchema, raw, source);
  const programme = await programmeByCode(prisma, code);
  return toRecord(await prisma.programme.update({ where: { code: programme.code }, data: targetColumns(targets) }));
};

/** The programme and every programme under it, at any depth (a national one rolls up its provinces). */
export const withDescendants = (all: readonly ProgrammeRecord[], code: string): string[] => {
  const codes = [code];
  for (let i = 0; i < codes.length; i += 1) for (const child of all) if (child.parentCode === codes[i] && !codes.includes(child.code)) codes.push(child.code);
  return codes;
};
