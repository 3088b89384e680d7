import { Prisma } from '../../generated/prisma/client.ts';
import type { EventReport, ReportRow } from '../../domain/event.ts';
import type { PrismaClient } from '../../lib/prisma.ts';
import { ValidationError } from '../../lib/validation.ts';

/** A release's industry is its first field, as the partnership's is (app/intake.ts). */
const OTHER = '其他';

type Split = 'industry' | 'region';
type Counted = { key: string; n: number; amount?: Prisma.Decimal | null };

/** The key a split groups by: on a release (alias r) and on a partnership (alias p). */
const releaseKey = (split: Split, alias: string): Prisma.Sql =>
  Prisma.raw(split === 'industry' ? `COALESCE(${alias}."fields"[1], '${OTHER}')` : `${alias}."region"`);
const partnershipKey = (split: Split): Prisma.Sql => Prisma.raw(split === 'industry' ? `p."industry"` : `p."region"`);

const splitOf = async (prisma: PrismaClient, eventId: string, split: Split): Promise<ReportRow[]> => {
  const [achievements, demands, dockings, agreed, contracts] = await Promise.all([
    prisma.$queryRaw<Counted[]>`SELECT ${releaseKey(split, 'r')} AS key, COUNT(*)::int AS n FROM "Achievement" r WHERE r."eventId" = ${eventId} GROUP BY 1`,
    prisma.$queryRaw<Counted[]>`SELECT ${releaseKey(split, 'r')} AS key, COUNT(*)::int AS n FROM "Demand" r WHERE r."eventId" = ${eventId} GROUP BY 1`,
    prisma.$queryRaw<Counted[]>`
      SELECT ${releaseKey(split, 'r')} AS key, COUNT(*)::int AS n FROM "Docking" k JOIN "Demand" r ON r."id" = k."demandId"
      WHERE k."eventId" = ${eventId} AND k."status" <> 'struck' GROUP BY 1`,
    prisma.$queryRaw<Counted[]>`
      SELECT ${partnershipKey(split)} AS key, COUNT(*)::int AS n FROM "Partnership" p
      WHERE p."eventId" = ${eventId} AND p."stage" IN ('contracting', 'milestones', 'completed') GROUP BY 1`,
    prisma.$queryRaw<Counted[]>`
      SELECT ${partnershipKey(split)} AS key, COUNT(*) FILTER (WHERE c."signedAtEventId" = ${eventId})::int AS n, SUM(c."amountCny") AS amount
      FROM "Contract" c JOIN "Partnership" p ON p."id" = c."partnershipId" WHERE p."eventId" = ${eventId} GROUP BY 1`,
  ]);
  const rows = new Map<string, { -readonly [K in keyof ReportRow]: ReportRow[K] }>();
  const row = (key: string) => {
    let found = rows.get(key);
    if (!found) rows.set(key, (found = { key, achievements: 0, demands: 0, dockings: 0, agreed: 0, signed: 0, amountCny: 0 }));
    return found;
  };
  for (const r of achievements) row(r.key).achievements = r.n;
  for (const r of demands) row(r.key).demands = r.n;
  for (const r of dockings) row(r.key).dockings = r.n;
  for (const r of agreed) row(r.key).agreed = r.n;
  for (const r of contracts) Object.assign(row(r.key), { signed: r.n, amountCny: Number(r.amount ?? 0) });
  return [...rows.values()].sort(
    (a, b) => b.amountCny - a.amountCny || b.demands + b.achievements - (a.demands + a.achievements) || a.key.localeCompare(b.key),
  );
};

/**
 * The event's report in the programme's terms, by SQL aggregates: universities, enterprises and
 * parks taking part (releasing, on the docking list unless struck, or in a partnership of the event); achievements and demands released; dockings; projects agreed (partnerships
 * past negotiation); contracts signed on site; contract amount; and the same by industry and region.
 */
export const composeEventReport = async (prisma: PrismaClient, eventId: string): Promise<EventReport> => {
  const event = await prisma.event.findUnique({ where: { id: eventId } });
  if (!event) throw new ValidationError(`no event ${eventId}`);
  const [[participants], achievements, demands, listed, launched, agreed, signedOnSite, contracts, byIndustry, byRegion] = await Promise.all([
    prisma.$queryRaw<[{ universities: number; enterprises: number }]>`
      SELECT
        (SELECT COUNT(*) FROM (SELECT "universityId" FROM "Achievement" WHERE "eventId" = ${eventId}
                               UNION SELECT a."universityId" FROM "Docking" k JOIN "Achievement" a ON a."id" = k."achievementId"
                                     WHERE k."eventId" = ${eventId} AND k."status" <> 'struck'
                               UNION SELECT "universityId" FROM "Partnership" WHERE "eventId" = ${eventId} AND "universityId" IS NOT NULL) u)::int AS universities,
        (SELECT COUNT(*) FROM (SELECT "enterpriseId" FROM "Demand" WHERE "eventId" = ${eventId}
                               UNION SELECT d."enterpriseId" FROM "Docking" k JOIN "Demand" d ON d."id" = k."demandId"
                                     WHERE k."eventId" = ${eventId} AND k."status" <> 'struck'
                               UNION SELECT "enterpriseId" FROM "Partnership" WHERE "eventId" = ${eventId} AND "enterpriseId" IS NOT NULL) e)::int AS enterprises`,
    prisma.achievement.count({ where: { eventId } }),
    prisma.demand.count({ where: { eventId } }),
    prisma.docking.count({ where: { eventId, status: { not: 'struck' } } }),
    prisma.docking.count({ where: { eventId, status: 'launched' } }),
    prisma.partnership.count({ where: { eventId, stage: { in: ['contracting', 'milestones', 'completed'] } } }),
    prisma.contract.count({ where: { signedAtEventId: eventId } }),
    prisma.contract.aggregate({ where: { partnership: { eventId } }, _count: { _all: true }, _sum: { amountCny: true } }),
    splitOf(prisma, eventId, 'industry'),
    splitOf(prisma, eventId, 'region'),
  ]);
  return {
    eventId,
    name: event.name,
    startsOn: event.startsOn.toISOString().slice(0, 10),
    endsOn: event.endsOn.toISOString().slice(0, 10),
    place: event.place,
    host: event.host,
    programme: event.programme,
    // The host of a park's event is that park; parks do not release or sign themselves.
    participants: { ...participants, parks: event.hostKind === 'park' ? 1 : 0 },
    releases: { achievements, demands },
    dockings: { listed, launched },
    agreed,
    signedOnSite,
    contracts: contracts._count._all,
    amountCny: Number(contracts._sum.amountCny ?? 0),
    byIndustry,
    byRegion,
  };
};
