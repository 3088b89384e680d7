import type { PrismaClient, Transaction } from '../../lib/prisma.ts';
import { sameRegion } from './region.ts';

type Db = PrismaClient | Transaction;
interface Candidate {
  readonly code: string;
  readonly level: string;
  readonly regions: readonly string[];
  readonly parentCode: string | null;
}

const candidates = (db: Db): Promise<Candidate[]> =>
  db.programme.findMany({ select: { code: true, level: true, regions: true, parentCode: true }, orderBy: { code: 'asc' } });

/** The provincial programme covering `region`, else the national one (the first by code without a parent), else null. */
const pick = (programmes: readonly Candidate[], region: string | null): string | null => {
  const provincial = region === null ? undefined : programmes.find((p) => p.level === 'provincial' && p.regions.some((r) => sameRegion(r, region)));
  if (provincial) return provincial.code;
  return (programmes.find((p) => p.level === 'national' && p.parentCode === null) ?? programmes.find((p) => p.level === 'national'))?.code ?? null;
};

/** The programme a new partnership in `region` counts toward. */
export const defaultProgrammeId = async (db: Db, region: string): Promise<string | null> => pick(await candidates(db), region);

/**
 * A new partnership row's fields with its programme: the one given, else its event's, else the
 * provincial programme covering its region, else the national one (null while there is none).
 */
export const withProgramme = async <F extends { region: string; programmeId?: string | null; eventId?: string | null }>(
  db: Db,
  fields: F,
): Promise<F & { programmeId?: string | null }> => {
  if (fields.programmeId) return fields;
  const event = fields.eventId ? await db.event.findUnique({ where: { id: fields.eventId }, select: { programmeId: true } }) : null;
  return { ...fields, programmeId: event?.programmeId ?? (await defaultProgrammeId(db, fields.region)) };
};

/**
 * The programme a new event belongs to: the one its `programme` text names (code or name),
 * else the one covering its host region, else the national one.
 */
export const eventProgrammeId = async (db: Db, event: { programme: string; hostKind: string; host: string }): Promise<string | null> => {
  const programmes = await db.programme.findMany({
    select: { code: true, name: true, level: true, regions: true, parentCode: true },
    orderBy: { code: 'asc' },
  });
  const text = event.programme.trim().toLowerCase();
  const named = programmes.find((p) => p.code.toLowerCase() === text || p.name.toLowerCase() === text);
  if (named) return named.code;
  return pick(programmes, event.hostKind === 'region' ? event.host : null);
};

/**
 * Gives partnerships and events without a programme, or under a national programme while a
 * provincial one now covers their region, the programme they would get today. Run after
 * programmes are created, so records made before them count.
 */
export const assignProgrammes = async (prisma: PrismaClient): Promise<{ partnerships: number; events: number }> => {
  const programmes = await candidates(prisma);
  const nationals = programmes.filter((p) => p.level === 'national').map((p) => p.code);
  const regions = await prisma.partnership.findMany({ distinct: ['region'], select: { region: true } });
  let partnerships = 0;
  for (const { region } of regions) {
    const code = pick(programmes, region);
    if (!code) continue;
    const moved = await prisma.partnership.updateMany({
      where: { region, OR: [{ programmeId: null }, { programmeId: { in: nationals.filter((n) => n !== code) } }] },
      data: { programmeId: code },
    });
    partnerships += moved.count;
  }
  let events = 0;
  for (const event of await prisma.event.findMany({ where: { programmeId: null }, select: { id: true, programme: true, hostKind: true, host: true } })) {
    const code = await eventProgrammeId(prisma, event);
    if (!code) continue;
    await prisma.event.update({ where: { id: event.id }, data: { programmeId: code } });
    events += 1;
  }
  return { partnerships, events };
};
