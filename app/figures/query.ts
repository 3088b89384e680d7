import { Prisma } from '../../generated/prisma/client.ts';
import { CONTRACT_TYPES, EXPERT_SERVICE_TYPES, type ContractType } from '../../domain/vocabulary.ts';
import type { PrismaClient } from '../../lib/prisma.ts';
import type { Period } from './period.ts';

export const SPLITS = ['region', 'university', 'industry', 'category', 'event'] as const;
export type Split = (typeof SPLITS)[number];

/** What the programme reports, over one slice of its records. */
export interface Figures {
  /** Distinct universities with a docking or a contract. */
  readonly universities: number;
  /** Distinct enterprises with a docking or a contract. */
  readonly enterprises: number;
  /** Distinct university experts named on the 技术服务 / 技术咨询 contracts signed. */
  readonly experts: number;
  /** Achievements transformed: contracts signed, of the five technology-contract types. */
  readonly transformations: number;
  readonly byType: Readonly<Record<ContractType, number>>;
  readonly amountCny: number;
  /** 供需对接: proposals the counterpart accepted (including those whose negotiation later failed). */
  readonly dockings: number;
  /** Median days from submission to the first docking, and from the first docking to signing. */
  readonly medianDaysToDocking: number | null;
  readonly medianDaysToSigning: number | null;
  /** Milestones due (or done) in the period, and those done by their due time. */
  readonly milestonesDue: number;
  readonly milestonesOnTime: number;
}

export interface SplitRow extends Figures {
  /** The region, university id, industry, enterprise category or event id; null when the records do not say. */
  readonly key: string | null;
  /** What people read: the university's or event's name, else the key. */
  readonly label: string | null;
}

export interface FigureSet {
  readonly total: Figures;
  readonly splits: Readonly<Record<Split, readonly SplitRow[]>>;
}

export interface FigureFilter {
  readonly region?: string;
  readonly universityId?: string;
  readonly industry?: string;
  readonly category?: string;
}

export interface FigureScope {
  /** The programmes counted (with their descendants already added); null counts every partnership. */
  readonly programmeCodes: readonly string[] | null;
  /** Also count partnerships that belong to no programme (the national programme's view). */
  readonly includeUnassigned: boolean;
  readonly period: Period | null;
  readonly filter: FigureFilter;
  /** Milestones due after this are not yet counted, unless already done. */
  readonly now: Date;
}

interface Row {
  dimension: string;
  key: string | null;
  label: string | null;
  universities: number;
  enterprises: number;
  experts: number;
  contracts: number;
  development: number;
  transfer: number;
  licensing: number;
  consulting: number;
  service: number;
  amount: number;
  dockings: number;
  to_docking: number | null;
  to_signing: number | null;
  milestones_due: number;
  milestones_on_time: number;
}

/** Timestamps are stored as UTC wall-clock time without a zone; an instant is compared as that, whatever the session's zone. */
const utcWallClock = (instant: Date): string => instant.toISOString().slice(0, 23);

/** Beijing has no daylight saving: its local time is UTC + 8 h, and periods are Beijing days. */
const BEIJING = Prisma.raw(`interval '8 hours'`);

const figuresOf = (row: Row): Figures => ({
  universities: row.universities,
  enterprises: row.enterprises,
  experts: row.experts,
  transformations: row.contracts,
  byType: Object.fromEntries(CONTRACT_TYPES.map((type) => [type, row[type]])) as Record<ContractType, number>,
  amountCny: Number(row.amount),
  dockings: row.dockings,
  medianDaysToDocking: row.to_docking === null ? null : Math.round(Number(row.to_docking) * 10) / 10,
  medianDaysToSigning: row.to_signing === null ? null : Math.round(Number(row.to_signing) * 10) / 10,
  milestonesDue: row.milestones_due,
  milestonesOnTime: row.milestones_on_time,
});

export const EMPTY_FIGURES: Figures = figuresOf({
  dimension: 'total',
  key: null,
  label: null,
  universities: 0,
  enterprises: 0,
  experts: 0,
  contracts: 0,
  development: 0,
  transfer: 0,
  licensing: 0,
  consulting: 0,
  service: 0,
  amount: 0,
  dockings: 0,
  to_docking: null,
  to_signing: null,
  milestones_due: 0,
  milestones_on_time: 0,
});

/**
 * Every figure, in total and split five ways, in one SQL statement: the records become facts (a
 * docking, a contract, a milestone due), each with its date, university, enterprise, region,
 * industry, enterprise category and event; the period and filter select facts; GROUPING SETS
 * aggregate them once per split. Counting distinct organisations per split means a split's rows
 * need not add up to the total, which is the point (one university serves several industries).
 */
export const computeFigures = async (prisma: PrismaClient, scope: FigureScope): Promise<FigureSet> => {
  const programmes =
    scope.programmeCodes === null
      ? Prisma.sql`TRUE`
      : Prisma.sql`(p."programmeId" = ANY(${[...scope.programmeCodes]}::text[])${scope.includeUnassigned ? Prisma.sql` OR p."programmeId" IS NULL` : Prisma.empty})`;
  const where: Prisma.Sql[] = [];
  if (scope.period) where.push(Prisma.sql`f.at >= ${scope.period.from}::date AND f.at < ${scope.period.to}::date`);
  if (scope.filter.region !== undefined) where.push(Prisma.sql`f.region = ${scope.filter.region}`);
  if (scope.filter.universityId !== undefined) where.push(Prisma.sql`f.university = ${scope.filter.universityId}`);
  if (scope.filter.industry !== undefined) where.push(Prisma.sql`f.industry = ${scope.filter.industry}`);
  if (scope.filter.category !== undefined) where.push(Prisma.sql`f.category = ${scope.filter.category}`);
  const filtered = where.length ? Prisma.sql`WHERE ${Prisma.join(where, ' AND ')}` : Prisma.empty;
  const rows = await prisma.$queryRaw<Row[]>`
    WITH scoped AS (
      SELECT p.id, p.kind, p."universityId", p."enterpriseId", p.region, p.industry, p."eventId", p."createdAt"
      FROM "Partnership" p WHERE ${programmes}
    ),
    docked AS (
      SELECT m."partnershipId", m."counterpartOrgId", m."decidedAt",
             m."decidedAt" = MIN(m."decidedAt") OVER (PARTITION BY m."partnershipId") AS first
      FROM "MatchProposal" m JOIN scoped s ON s.id = m."partnershipId"
      WHERE m.status IN ('accepted', 'failed') AND m."decidedAt" IS NOT NULL
    ),
    facts AS (
      SELECT 'docking' AS fact, d."decidedAt" + ${BEIJING} AS at,
             CASE WHEN s.kind = 'demand' THEN d."counterpartOrgId" ELSE s."universityId" END AS university,
             CASE WHEN s.kind = 'demand' THEN s."enterpriseId" ELSE d."counterpartOrgId" END AS enterprise,
             s.region, s.industry, s."eventId" AS event, NULL::text AS type, NULL::float8 AS amount,
             CASE WHEN d.first THEN EXTRACT(EPOCH FROM d."decidedAt" - s."createdAt") / 86400 END::float8 AS to_docking,
             NULL::float8 AS to_signing, NULL::boolean AS on_time, NULL::text AS expert
      FROM docked d JOIN scoped s ON s.id = d."partnershipId"
      UNION ALL
      SELECT 'contract', c."signedOn"::timestamp, c."universityId", c."enterpriseId", s.region, s.industry,
             COALESCE(c."signedAtEventId", s."eventId"), c.type::text, c."amountCny"::float8, NULL,
             GREATEST(0, EXTRACT(EPOCH FROM c."signedOn"::timestamp - (fd.at + ${BEIJING})) / 86400)::float8, NULL, NULL
      FROM "Contract" c JOIN scoped s ON s.id = c."partnershipId"
      LEFT JOIN (SELECT "partnershipId", MIN("decidedAt") AS at FROM docked GROUP BY 1) fd ON fd."partnershipId" = s.id
      UNION ALL
      SELECT 'placement', c."signedOn"::timestamp, c."universityId", c."enterpriseId", s.region, s.industry,
             COALESCE(c."signedAtEventId", s."eventId"), NULL, NULL, NULL, NULL, NULL, x.expert
      FROM "Contract" c JOIN scoped s ON s.id = c."partnershipId" CROSS JOIN LATERAL unnest(c."expertIds") AS x(expert)
      WHERE c.type::text = ANY(${[...EXPERT_SERVICE_TYPES]}::text[])
      UNION ALL
      SELECT 'milestone', m."dueAt" + ${BEIJING}, c."universityId", c."enterpriseId", s.region, s.industry,
             COALESCE(c."signedAtEventId", s."eventId"), NULL, NULL, NULL, NULL, m.status = 'done' AND m."doneAt" <= m."dueAt", NULL
      FROM "Milestone" m JOIN "Contract" c ON c.id = m."contractId" JOIN scoped s ON s.id = c."partnershipId"
      WHERE m.status <> 'cancelled' AND (m.status = 'done' OR m."dueAt" <= ${utcWallClock(scope.now)}::timestamp)
    ),
    enriched AS (
      SELECT x.*, u.name AS university_name, e."enterpriseCategory"::text AS category, ev.name AS event_name
      FROM facts x
      LEFT JOIN "Organisation" u ON u.id = x.university
      LEFT JOIN "Organisation" e ON e.id = x.enterprise
      LEFT JOIN "Event" ev ON ev.id = x.event
    )
    SELECT
      CASE WHEN GROUPING(f.region) = 0 THEN 'region' WHEN GROUPING(f.university) = 0 THEN 'university'
           WHEN GROUPING(f.industry) = 0 THEN 'industry' WHEN GROUPING(f.category) = 0 THEN 'category'
           WHEN GROUPING(f.event) = 0 THEN 'event' ELSE 'total' END AS dimension,
      COALESCE(f.region, f.university, f.industry, f.category, f.event) AS key,
      COALESCE(f.region, f.university_name, f.industry, f.category, f.event_name, f.event) AS label,
      (COUNT(DISTINCT f.university) FILTER (WHERE f.fact <> 'milestone'))::int AS universities,
      (COUNT(DISTINCT f.enterprise) FILTER (WHERE f.fact <> 'milestone'))::int AS enterprises,
      COUNT(DISTINCT f.expert)::int AS experts,
      (COUNT(*) FILTER (WHERE f.fact = 'contract'))::int AS contracts,
      (COUNT(*) FILTER (WHERE f.type = 'development'))::int AS development,
      (COUNT(*) FILTER (WHERE f.type = 'transfer'))::int AS transfer,
      (COUNT(*) FILTER (WHERE f.type = 'licensing'))::int AS licensing,
      (COUNT(*) FILTER (WHERE f.type = 'consulting'))::int AS consulting,
      (COUNT(*) FILTER (WHERE f.type = 'service'))::int AS service,
      COALESCE(SUM(f.amount), 0)::float8 AS amount,
      (COUNT(*) FILTER (WHERE f.fact = 'docking'))::int AS dockings,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY f.to_docking) AS to_docking,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY f.to_signing) AS to_signing,
      (COUNT(*) FILTER (WHERE f.fact = 'milestone'))::int AS milestones_due,
      (COUNT(*) FILTER (WHERE f.on_time))::int AS milestones_on_time
    FROM enriched f
    ${filtered}
    GROUP BY GROUPING SETS ((), (f.region), (f.university, f.university_name), (f.industry), (f.category), (f.event, f.event_name))`;
  const splits = Object.fromEntries(SPLITS.map((split) => [split, [] as SplitRow[]])) as Record<Split, SplitRow[]>;
  let total = EMPTY_FIGURES;
  for (const row of rows) {
    if (row.dimension === 'total') total = figuresOf(row);
    else splits[row.dimension as Split].push({ key: row.key, label: row.label, ...figuresOf(row) });
  }
  for (const split of SPLITS)
    splits[split].sort((a, b) => b.transformations - a.transformations || b.dockings - a.dockings || (a.label ?? '').localeCompare(b.label ?? ''));
  return { total, splits };
};
