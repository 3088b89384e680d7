/**
 * The programme's figures over 10,000 partnerships: seeds a scratch database (in-memory PGlite, or
 * a new database on the server --database names) with partnerships, dockings, contracts and
 * milestones in three provinces under a national programme, then times the figures for the
 * national roll-up, one province and one year, a filter, and the workbook. Prints a table and a JSON line.
 *
^ *   npm run bench:figures -- [--partnerships 10000] [--runs 5] [--database postgresql://…]
 */
import { loadavg } from 'node:os';
import { Command } from 'commander';
import { composeFigures, type FiguresRequest } from '../app/figures/report.ts';
import { parsePeriod } from '../app/figures/period.ts';
import { figuresWorkbook } from '../app/figures/workbook.ts';
import { assignProgrammes } from '../app/programmes/assign.ts';
import { saveProgramme } from '../app/programmes/store.ts';
import { createPrisma, type PrismaClient } from '../lib/prisma.ts';
import { createScratchDatabase } from '../lib/scratch-database.ts';

const log = (line: string): void => void process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);

const REGIONS = ['辽宁省', '江苏省', '广东省', '山东省', '四川省', '湖北省', '浙江省', '陕西省', '吉林省', '黑龙江省'];
const INDUSTRIES = ['冶金', '装备制造', '化工', '新材料', '电子信息', '生物医药', '新能源', '汽车', '农业', '软件', '节能环保', '航空航天'];

/**
 * 300 universities and 3,000 enterprises across ten regions; each partnership gets one to three
 * proposals (two in three accepted or failed, so dockings), two in five a contract of one of the
 * five types, and each contract two milestones, some late. All in SQL, so seeding takes seconds.
 */
const seed = async (prisma: PrismaClient, partnerships: number): Promise<void> => {
  const regions = `ARRAY[${REGIONS.map((r) => `'${r}'`).join(',')}]`;
  const industries = `ARRAY[${INDUSTRIES.map((r) => `'${r}'`).join(',')}]`;
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Organisation" (id, kind, name, region)
    SELECT 'U' || i, 'university', '大学' || i, (${regions})[1 + i % 10] FROM generate_series(1, 300) i`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Organisation" (id, kind, name, region, "enterpriseCategory")
    SELECT 'E' || i, 'enterprise', '企业' || i, (${regions})[1 + i % 10],
           CASE WHEN i % 5 = 0 THEN NULL ELSE (enum_range(NULL::"EnterpriseCategory"))[1 + i % array_length(enum_range(NULL::"EnterpriseCategory"), 1)] END
    FROM generate_series(1, 3000) i`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Partnership" (id, reference, "workflowId", "submissionKey", kind, title, stage, "enterpriseId", "universityId", region, industry, "submittedById", "createdAt", "updatedAt")
    SELECT 'P' || i, 'P-2025-' || lpad(i::text, 6, '0'), 'partnership-P' || i, 'bench-' || i,
           (CASE WHEN i % 4 = 0 THEN 'achievement' ELSE 'demand' END)::"PartnershipKind", '合作 ' || i, 'matchmaking',
           CASE WHEN i % 4 = 0 THEN NULL ELSE 'E' || (1 + i * 7 % 3000) END,
           CASE WHEN i % 4 = 0 THEN 'U' || (1 + i * 13 % 300) END,
           (${regions})[1 + i % 10], (${industries})[1 + i * 3 % 12], 'bench',
           timestamp '2023-01-01' + (i % 1000) * interval '1 day', now()
    FROM generate_series(1, ${partnerships}) i`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "MatchProposal" (id, "partnershipId", "candidateId", "counterpartOrgId", rank, score, reasons, flags, status, "decidedAt")
    SELECT gen_random_uuid()::text, p.id, p.id || '-' || r, CASE WHEN p.kind = 'demand' THEN 'U' || (1 + (n * 31 + r * 17) % 300) ELSE 'E' || (1 + (n * 29 + r * 11) % 3000) END,
           r, 0.5, '{}', '{}',
           (CASE (n + r) % 6 WHEN 0 THEN 'declined' WHEN 1 THEN 'proposed' WHEN 2 THEN 'failed' ELSE 'accepted' END)::"ProposalStatus",
           p."createdAt" + ((n * 7 + r * 5) % 90 + 1) * interval '1 day'
    FROM (SELECT id, kind, "createdAt", substr(id, 2)::int AS n FROM "Partnership") p, generate_series(1, 3) r
    WHERE r <= 1 + p.n % 3`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Contract" (id, "partnershipId", type, "amountCny", "signedOn", "universityId", "enterpriseId", "registeredAt")
    SELECT gen_random_uuid()::text, p.id, (enum_range(NULL::"ContractType"))[1 + p.n % 5], 50000 + (p.n % 40) * 25000,
           (m."decidedAt" + (p.n % 60) * interval '1 day')::date,
           CASE WHEN p.kind = 'demand' THEN m."counterpartOrgId" ELSE p."universityId" END,
           CASE WHEN p.kind = 'demand' THEN p."enterpriseId" ELSE m."counterpartOrgId" END, now()
    FROM (SELECT id, kind, "universityId", "enterpriseId", substr(id, 2)::int AS n FROM "Partnership") p
    JOIN LATERAL (SELECT * FROM "MatchProposal" x WHERE x."partnershipId" = p.id AND x.status = 'accepted' ORDER BY x."decidedAt" LIMIT 1) m ON TRUE
    WHERE p.n % 5 IN (0, 1)`);
  await prisma.$executeRawUnsafe(`
    INSERT INTO "Milestone" (id, "contractId", seq, title, kind, "dueAt", responsible, status, "doneAt")
    SELECT gen_random_uuid()::text, c.id, s, '里程碑 ' || s, 'deliverable', c."signedOn" + s * interval '60 days', 'university',
           (CASE WHEN (length(c.id) + s) % 3 = 0 THEN 'open' ELSE 'done' END)::"MilestoneStatus",
           CASE WHEN (length(c.id) + s) % 3 = 0 THEN NULL ELSE c."signedOn" + s * interval '60 days' + ((ascii(c.id) % 7) - 3) * interval '1 day' END
    FROM "Contract" c, generate_series(1, 2) s`);
  await saveProgramme(prisma, {
    code: 'CN',
    name: '千校万企协同创新伙伴行动',
    level: 'national',
    startsOn: '2023-01-01',
    endsOn: '2027-12-31',
    targets: { universities: 1000, enterprises: 10000 },
  });
  for (const [code, region] of [
    ['LN', '辽宁省'],
    ['JS', '江苏省'],
    ['GD', '广东省'],
  ] as const)
    await saveProgramme(prisma, {
      code,
      name: `${region}千校万企行动`,
      level: 'provincial',
      regions: [region],
      parent: 'CN',
      startsOn: '2023-01-01',
      endsOn: '2025-12-31',
      targets: { universities: 100, enterprises: 1000, experts: 2000, transformations: 7000 },
    });
  await assignProgrammes(prisma);
  await prisma.$executeRawUnsafe('ANALYZE');
};

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const program = new Command('bench-figures')
  .option('--partnerships <n>', 'partnerships to seed', '10000')
  .option('--runs <n>', 'timed runs of each query after the first', '5')
  .option('--database <url>', 'a PostgreSQL server to create the scratch database on (default: in-memory PGlite)')
  .parse();
const options = program.opts<{ partnerships: string; runs: string; database?: string }>();
const partnerships = Number(options.partnerships);
const runs = Number(options.runs);
if (!Number.isInteger(partnerships) || partnerships < 1 || !Number.isInteger(runs) || runs < 1)
  throw new Error('--partnerships and --runs: expected positive whole numbers');

const load = loadavg()[0]!.toFixed(1);
const db = await createScratchDatabase(options.database, 'qxwq_bench');
const prisma = createPrisma(db.url);
try {
  const seedStarted = performance.now();
  await seed(prisma, partnerships);
  const seedMs = performance.now() - seedStarted;
  const [counts] = await prisma.$queryRaw<[{ p: number; d: number; c: number; m: number }]>`
    SELECT (SELECT COUNT(*) FROM "Partnership")::int AS p, (SELECT COUNT(*) FROM "MatchProposal" WHERE status IN ('accepted','failed'))::int AS d,
           (SELECT COUNT(*) FROM "Contract")::int AS c, (SELECT COUNT(*) FROM "Milestone")::int AS m`;
  log(`seeded ${counts.p} partnerships, ${counts.d} dockings, ${counts.c} contracts, ${counts.m} milestones in ${(seedMs / 1000).toFixed(1)} s (${db.kind})`);
  const cases: { name: string; request: FiguresRequest; workbook?: boolean }[] = [
    { name: 'national, all splits, programme period', request: { programme: 'CN' } },
    { name: '辽宁 2025 (统计 辽宁 2025)', request: { programme: 'LN', period: parsePeriod('2025') } },
    {
      name: 'national 2025, one industry',
      request: { programme: 'CN', period: parsePeriod('2025'), filter: { kind: 'industry', value: '冶金', label: '冶金' } },
    },
    { name: '辽宁 2025 + workbook', request: { programme: 'LN', period: parsePeriod('2025') }, workbook: true },
  ];
  const rows: { name: string; firstMs: number; medianMs: number; universities: number; dockings: number; transformations: number }[] = [];
  for (const c of cases) {
    const times: number[] = [];
    const timed = async () => {
      const started = performance.now();
      const report = await composeFigures(prisma, c.request);
      if (c.workbook) await figuresWorkbook(report);
      times.push(performance.now() - started);
      return report;
    };
    const last = await timed();
    for (let run = 0; run < runs; run += 1) await timed();
    rows.push({
      name: c.name,
      firstMs: Math.round(times[0]!),
      medianMs: Math.round(median(times.slice(1))),
      universities: last.figures.total.universities,
      dockings: last.figures.total.dockings,
      transformations: last.figures.total.transformations,
    });
  }
  console.log(`\nfigures over ${counts.p.toLocaleString('en-US')} partnerships (${db.kind}, load average ${load} → ${loadavg()[0]!.toFixed(1)})\n`);
  console.log('| query | first | median of next ' + runs + ' | universities | dockings | transformations |');
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const r of rows) console.log(`| ${r.name} | ${r.firstMs} ms | ${r.medianMs} ms | ${r.universities} | ${r.dockings} | ${r.transformations} |`);
  console.log(JSON.stringify({ bench: 'figures', database: db.kind, ...counts, seedMs: Math.round(seedMs), loadBefore: Number(load), rows }));
} finally {
  await prisma.$disconnect();
  await db.drop();
}
