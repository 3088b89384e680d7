import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeFigures } from '../../app/figures/report.ts';
import { parsePeriod } from '../../app/figures/period.ts';
import { resolveSubject } from '../../app/figures/subject.ts';
import { figuresWorkbook } from '../../app/figures/workbook.ts';
import { assignProgrammes, withProgramme } from '../../app/programmes/assign.ts';
import { listProgrammes, saveProgramme, setTargets } from '../../app/programmes/store.ts';
import { importProgrammesWorkbook, programmesTemplate } from '../../app/programmes/workbook.ts';
import { parseCommand } from '../../bots/commands.ts';
import type { BotContext } from '../../bots/context.ts';
import { answerStats } from '../../bots/stats.ts';
import { parseTargets } from '../../bots/targets.ts';
import { createPrisma, type PrismaClient } from '../../lib/prisma.ts';
import { ValidationError } from '../../lib/validation.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { validateCard } from '../support/lark-open-api.ts';
import { figuresCard } from '../../lark/cards/figures.ts';
import { CARD_BODY_MAX_BYTES } from '../../lark/limits.ts';

/*
 * A programme whose right answers are known by construction. Times are UTC; a Beijing day starts
 * at 16:00 UTC the day before, so `bj('2025-01-11')` is 2025-01-11 00:00 in Beijing.
 *
 * 辽宁 (LN, under CN):
 *   P1 demand of E1 (冶金), submitted 01-01: docked U1 on 01-11 (10 days) and U2 on 01-21, signed with U1
 *      on 02-10 (development, ¥1,000,000; 30 days after its first docking), at event LN-2025-01;
 *      milestones due 03-01 (done on time), 04-01 (done late), 2026-01-10 (open, not due in 2025).
 *   P2 achievement of U1 (冶金), submitted 01-01: docked E2 on 01-21 (20 days), signed on 03-22
 *      (transfer, ¥500,000; 60 days).
 *   P3 demand of E3 (装备), submitted 01-01: docked U2 on 02-10 (40 days), negotiation failed.
 *   P4 demand of E1 (装备), 2023: docked U1 on 2024-06-01 (366 days), signed 2024-07-01 (licensing, ¥200,000).
 *   P5 demand of E2: one proposal declined, one still open (no docking).
 * 江苏 (JS, under CN): P6 demand of E4 (电子), submitted 01-01: docked U3 on 03-02 (60 days), signed 03-12
 *   (consulting, ¥300,000; 10 days).
 * 西藏 (no province of its own, so CN): P7 demand of E4 (电子), submitted 04-01: docked U3 on 05-01 (30 days),
 *   signed 05-21 (service, ¥100,000; 20 days).
 */
const bj = (day: string, hour = 0): Date => new Date(Date.parse(`${day}T00:00:00Z`) - 8 * 3_600_000 + hour * 3_600_000);

let db: TestDatabase;
let prisma: PrismaClient;
let categories: string[];

const partnership = async (
  id: string,
  fields: { kind: 'demand' | 'achievement'; region: string; industry: string; university?: string; enterprise?: string; createdAt: Date; eventId?: string },
) =>
  prisma.partnership.create({
    data: {
      id,
      reference: `P-2025-${id}`,
      workflowId: `partnership-${id}`,
      submissionKey: id,
      kind: fields.kind,
      title: id,
      stage: 'matchmaking',
      region: fields.region,
      industry: fields.industry,
      submittedById: 'nobody',
      createdAt: fields.createdAt,
      ...(fields.university ? { universityId: fields.university } : {}),
      ...(fields.enterprise ? { enterpriseId: fields.enterprise } : {}),
      ...(fields.eventId ? { eventId: fields.eventId } : {}),
    },
  });

const docking = (partnershipId: string, counterpart: string, at: Date, status: 'accepted' | 'failed' | 'declined' | 'proposed' = 'accepted') =>
  prisma.matchProposal.create({
    data: {
      partnershipId,
      candidateId: `${partnershipId}-${counterpart}`,
      counterpartOrgId: counterpart,
      rank: 1,
      score: 0.5,
      status,
      decidedAt: status === 'proposed' ? null : at,
    },
  });

const contract = (
  partnershipId: string,
  type: 'development' | 'transfer' | 'licensing' | 'consulting' | 'service',
  amountCny: number,
  signedOn: string,
  university: string,
  enterprise: string,
  signedAtEventId?: string,
) =>
  prisma.contract.create({
    data: {
      partnershipId,
      type,
      amountCny,
      signedOn: new Date(`${signedOn}T00:00:00Z`),
      universityId: university,
      enterpriseId: enterprise,
      registeredAt: new Date(),
      ...(signedAtEventId ? { signedAtEventId } : {}),
    },
  });

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = createPrisma(db.url);
  categories = (await prisma.$queryRaw<{ value: string }[]>`SELECT unnest(enum_range(NULL::"EnterpriseCategory"))::text AS value`).map((r) => r.value);
  await prisma.$executeRaw`
    INSERT INTO "Organisation" (id, kind, name, region, "enterpriseCategory") VALUES
      ('U1', 'university', '东北大学', '辽宁省', NULL), ('U2', 'university', '大连理工大学', '辽宁省', NULL), ('U3', 'university', '南京大学', '江苏省', NULL),
      ('E1', 'enterprise', '鞍钢', '辽宁省', ${categories[0]}::"EnterpriseCategory"), ('E2', 'enterprise', '华冶', '辽宁省', ${categories[1]}::"EnterpriseCategory"),
      ('E3', 'enterprise', '沈鼓', '辽宁省', NULL), ('E4', 'enterprise', '苏电', '江苏省', ${categories[1]}::"EnterpriseCategory")`;
  await prisma.person.create({ data: { id: 'coord-ln', name: '李协调', role: 'coordinator' } });
  await prisma.event.create({
    data: {
      id: 'LN-2025-01',
      name: '辽宁对接会',
      startsOn: new Date('2025-01-10'),
      endsOn: new Date('2025-01-11'),
      place: '沈阳',
      hostKind: 'region',
      host: '辽宁省',
      programme: 'LN',
      coordinatorIds: ['coord-ln'],
      workflowId: 'event-LN-2025-01',
      createdById: 'coord-ln',
    },
  });
  const jan1 = bj('2025-01-01');
  await partnership('P1', { kind: 'demand', region: '辽宁省', industry: '冶金', enterprise: 'E1', createdAt: jan1, eventId: 'LN-2025-01' });
  await docking('P1', 'U1', bj('2025-01-11'));
  await docking('P1', 'U2', bj('2025-01-21'));
  const c1 = await contract('P1', 'development', 1_000_000, '2025-02-10', 'U1', 'E1', 'LN-2025-01');
  await prisma.milestone.createMany({
    data: [
      {
        contractId: c1.id,
        seq: 1,
        title: 'm1',
        kind: 'deliverable',
        dueAt: bj('2025-03-01', 9),
        responsible: 'university',
        status: 'done',
        doneAt: bj('2025-02-28', 9),
      },
      {
        contractId: c1.id,
        seq: 2,
        title: 'm2',
        kind: 'payment',
        dueAt: bj('2025-04-01', 9),
        responsible: 'enterprise',
        status: 'done',
        doneAt: bj('2025-04-05', 9),
      },
      { contractId: c1.id, seq: 3, title: 'm3', kind: 'deliverable', dueAt: bj('2026-01-10', 9), responsible: 'university' },
    ],
  });
  await partnership('P2', { kind: 'achievement', region: '辽宁省', industry: '冶金', university: 'U1', createdAt: jan1 });
  await docking('P2', 'E2', bj('2025-01-21'));
  await contract('P2', 'transfer', 500_000, '2025-03-22', 'U1', 'E2');
  await partnership('P3', { kind: 'demand', region: '辽宁省', industry: '装备', enterprise: 'E3', createdAt: jan1 });
  await docking('P3', 'U2', bj('2025-02-10'), 'failed');
  await partnership('P4', { kind: 'demand', region: '辽宁省', industry: '装备', enterprise: 'E1', createdAt: bj('2023-06-01') });
  await docking('P4', 'U1', bj('2024-06-01'));
  await contract('P4', 'licensing', 200_000, '2024-07-01', 'U1', 'E1');
  await partnership('P5', { kind: 'demand', region: '辽宁', industry: '冶金', enterprise: 'E2', createdAt: jan1 });
  await docking('P5', 'U1', bj('2025-02-01'), 'declined');
  await docking('P5', 'U2', bj('2025-02-01'), 'proposed');
  await partnership('P6', { kind: 'demand', region: '江苏省', industry: '电子', enterprise: 'E4', createdAt: jan1 });
  await docking('P6', 'U3', bj('2025-03-02'));
  await contract('P6', 'consulting', 300_000, '2025-03-12', 'U3', 'E4');
  await partnership('P7', { kind: 'demand', region: '西藏自治区', industry: '电子', enterprise: 'E4', createdAt: bj('2025-04-01') });
  await docking('P7', 'U3', bj('2025-05-01'));
  await contract('P7', 'service', 100_000, '2025-05-21', 'U3', 'E4');

  // Programmes are created after the records, as an office starting to use them would.
  await saveProgramme(prisma, {
    code: 'CN',
    name: '千校万企协同创新伙伴行动',
    level: 'national',
    startsOn: '2023-01-01',
    endsOn: '2027-12-31',
    targets: { universities: 1000, enterprises: 10000 },
  });
  await saveProgramme(prisma, {
    code: 'LN',
    name: '辽宁省千校万企行动',
    level: 'provincial',
    regions: ['辽宁省'],
    parent: 'CN',
    coordinatorIds: ['coord-ln'],
    startsOn: '2023-01-01',
    endsOn: '2025-12-31',
    targets: { universities: 100, enterprises: 1000, experts: 2000, transformations: 7000 },
  });
  await saveProgramme(prisma, {
    code: 'JS',
    name: '江苏省千校万企行动',
    level: 'provincial',
    regions: ['江苏省'],
    parent: 'CN',
    startsOn: '2024-01-01',
    endsOn: '2026-12-31',
    targets: { universities: 50 },
  });
}, 120_000);

afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

describe('programmes', () => {
  it('assigns existing partnerships and events to the programme covering their region, else the national one', async () => {
    expect(await assignProgrammes(prisma)).toEqual({ partnerships: 7, events: 1 });
    const rows = await prisma.partnership.findMany({ select: { id: true, programmeId: true }, orderBy: { id: 'asc' } });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.programmeId]))).toEqual({ P1: 'LN', P2: 'LN', P3: 'LN', P4: 'LN', P5: 'LN', P6: 'JS', P7: 'CN' });
    expect((await prisma.event.findUnique({ where: { id: 'LN-2025-01' } }))?.programmeId).toBe('LN');
    expect(await assignProgrammes(prisma)).toEqual({ partnerships: 0, events: 0 });
  });

  it('gives a new partnership its event’s programme, else its region’s, else the national one', async () => {
    expect((await withProgramme(prisma, { region: '辽宁省' })).programmeId).toBe('LN');
    expect((await withProgramme(prisma, { region: '江苏' })).programmeId).toBe('JS');
    expect((await withProgramme(prisma, { region: '西藏自治区' })).programmeId).toBe('CN');
    expect((await withProgramme(prisma, { region: '江苏省', eventId: 'LN-2025-01' })).programmeId).toBe('LN');
  });

  it('refuses a parent that does not exist, a coordinator who is not one, and a programme under itself', async () => {
    const base = { code: 'XX', name: 'x', level: 'provincial', regions: ['河北省'], startsOn: '2025-01-01', endsOn: '2025-12-31' };
    await expect(saveProgramme(prisma, { ...base, parent: 'NONE' })).rejects.toThrow('parent: no programme "NONE"');
    await expect(saveProgramme(prisma, { ...base, coordinatorIds: ['nobody'] })).rejects.toThrow('coordinators: no person "nobody"');
    await expect(saveProgramme(prisma, { ...base, code: 'CN', level: 'national', parent: 'LN' })).rejects.toThrow('LN is under CN');
    await expect(saveProgramme(prisma, { ...base, regions: [] })).rejects.toThrow('regions: a provincial programme names at least one region');
    await expect(setTargets(prisma, 'LN', { experts: -1 })).rejects.toBeInstanceOf(ValidationError);
  });

  it('reads programmes and targets from a workbook', async () => {
    const saved = await importProgrammesWorkbook(prisma, await programmesTemplate(), 'template.xlsx');
    expect(saved.map((p) => p.code)).toEqual(['CN', 'LN']);
    const ln = (await listProgrammes(prisma)).find((p) => p.code === 'LN')!;
    expect(ln).toMatchObject({
      parentCode: 'CN',
      regions: ['辽宁省'],
      targets: { universities: 100, enterprises: 1000, experts: 2000, transformations: 7000 },
    });
    // The template names no coordinators: importing it clears them, so put LN's back.
    await saveProgramme(prisma, { ...ln, coordinatorIds: ['coord-ln'], parent: 'CN', regions: [...ln.regions], targets: {} });
  });
});

describe('figures', () => {
  it('counts distinct universities and enterprises, dockings, transformations by type, amount, medians and milestones for 辽宁 2025', async () => {
    const report = await composeFigures(prisma, { programme: 'LN', period: parsePeriod('2025'), now: bj('2025-12-31') });
    expect(report.figures.total).toEqual({
      universities: 2,
      enterprises: 3,
      experts: 0,
      transformations: 2,
      byType: { development: 1, transfer: 1, licensing: 0, consulting: 0, service: 0 },
      amountCny: 1_500_000,
      dockings: 4,
      medianDaysToDocking: 20,
      medianDaysToSigning: 45,
      milestonesDue: 2,
      milestonesOnTime: 1,
    });
    expect(report.targets).toEqual({ universities: 100, enterprises: 1000, experts: 2000, transformations: 7000 });
  });

  it('splits by industry, enterprise category and event, each counting its own distinct organisations', async () => {
    const { splits } = (await composeFigures(prisma, { programme: 'LN', period: parsePeriod('2025'), now: bj('2025-12-31') })).figures;
    const pick = (rows: readonly { key: string | null; universities: number; enterprises: number; transformations: number; dockings: number }[]) =>
      Object.fromEntries(rows.map((r) => [r.key ?? 'none', [r.universities, r.enterprises, r.transformations, r.dockings]]));
    expect(pick(splits.industry)).toEqual({ 冶金: [2, 2, 2, 3], 装备: [1, 1, 0, 1] });
    expect(pick(splits.category)).toEqual({ [categories[0]!]: [2, 1, 1, 2], [categories[1]!]: [1, 1, 1, 1], none: [1, 1, 0, 1] });
    expect(pick(splits.event)).toEqual({ 'LN-2025-01': [2, 1, 1, 2], none: [2, 2, 1, 2] });
    expect(splits.university.map((r) => [r.label, r.universities, r.enterprises])).toEqual([
      ['东北大学', 1, 2],
      ['大连理工大学', 1, 2],
    ]);
  });

  it('takes the programme’s own period without one, and a month when given one', async () => {
    const whole = await composeFigures(prisma, { programme: 'LN', now: bj('2025-12-31') });
    expect(whole.period).toMatchObject({ from: '2023-01-01', to: '2026-01-01' });
    expect(whole.figures.total).toMatchObject({ dockings: 5, transformations: 3, amountCny: 1_700_000, universities: 2, medianDaysToDocking: 30 });
    const january = await composeFigures(prisma, { programme: 'LN', period: parsePeriod('2025-01'), now: bj('2025-12-31') });
    expect(january.figures.total).toMatchObject({ dockings: 3, transformations: 0, universities: 2, enterprises: 2 });
    // P1's third milestone, open and due 2026-01-10, counts once it is due, as not on time.
    const notYet = await composeFigures(prisma, { programme: 'CN', period: parsePeriod('2026'), now: bj('2026-01-05') });
    expect(notYet.figures.total).toMatchObject({ milestonesDue: 0, milestonesOnTime: 0 });
    const overdue = await composeFigures(prisma, { programme: 'CN', period: parsePeriod('2026'), now: bj('2026-02-01') });
    expect(overdue.figures.total).toMatchObject({ milestonesDue: 1, milestonesOnTime: 0, dockings: 0 });
  });

  it('rolls the provinces up into the national figures, with the records of no province', async () => {
    const report = await composeFigures(prisma, { programme: 'CN', period: parsePeriod('2025'), now: bj('2025-12-31') });
    expect(report.figures.total).toMatchObject({
      universities: 3,
      enterprises: 4,
      dockings: 6,
      transformations: 4,
      amountCny: 1_900_000,
      byType: { development: 1, transfer: 1, licensing: 0, consulting: 1, service: 1 },
      medianDaysToDocking: 30,
      medianDaysToSigning: 25,
    });
    expect(Object.fromEntries(report.figures.splits.region.map((r) => [r.key, r.universities]))).toEqual({ 辽宁省: 2, 江苏省: 1, 西藏自治区: 1 });
    expect(report.childTargets.map((c) => c.code).sort()).toEqual(['JS', 'LN']);
    const js = await composeFigures(prisma, { programme: 'JS', period: parsePeriod('2025'), now: bj('2025-12-31') });
    expect(js.figures.total).toMatchObject({ universities: 1, enterprises: 1, dockings: 1, transformations: 1 });
  });

  it('filters by university, industry, category and region', async () => {
    const only = async (word: string) => {
      const subject = await resolveSubject(prisma, word);
      if (!subject || !('filter' in subject)) throw new Error(`${word} is not a filter`);
      return (await composeFigures(prisma, { programme: 'CN', period: parsePeriod('2025'), filter: subject.filter, now: bj('2025-12-31') })).figures.total;
    };
    expect(await only('南京大学')).toMatchObject({ universities: 1, enterprises: 1, dockings: 2, transformations: 2 });
    expect(await only('装备')).toMatchObject({ universities: 1, enterprises: 1, dockings: 1, transformations: 0 });
    expect(await only(categories[1]!)).toMatchObject({ universities: 2, enterprises: 2, dockings: 3, transformations: 3 });
    expect(await only('西藏')).toMatchObject({ universities: 1, dockings: 1 });
    expect(await resolveSubject(prisma, '辽宁')).toEqual({ programme: 'LN' });
    expect(await resolveSubject(prisma, 'ln')).toEqual({ programme: 'LN' });
    expect(await resolveSubject(prisma, '火星')).toBeNull();
  });

  it('writes a workbook with a summary and one sheet per split, targets and progress beside each figure', async () => {
    const report = await composeFigures(prisma, { programme: 'LN', period: parsePeriod('2025'), now: bj('2025-12-31') });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await figuresWorkbook(report)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['汇总', '按地区', '按高校', '按行业', '按企业类别', '按对接活动']);
    const summary = workbook.getWorksheet('汇总')!;
    const rowNamed = (sheet: ExcelJS.Worksheet, prefix: string) => {
      let found: unknown[] | undefined;
      sheet.eachRow((row) => {
        if (row.getCell(1).text.startsWith(prefix)) found = (row.values as unknown[]).slice(1);
      });
      return found;
    };
    expect(rowNamed(summary, '服务高校')).toEqual(['服务高校 Universities serving', 2, 100, 2]);
    expect(rowNamed(summary, '入企专家')).toEqual(['入企专家 Experts placed', 0, 2000, 0]);
    expect(rowNamed(summary, '成果转化')).toEqual(['成果转化 Transformations', 2, 7000, 0]);
    const industry = workbook.getWorksheet('按行业')!;
    // Universities, their target and progress; enterprises, target, progress; …
    expect(rowNamed(industry, '冶金')!.slice(0, 7)).toEqual(['冶金', 2, undefined, undefined, 2, undefined, undefined]);
    expect(rowNamed(industry, '合计')!.slice(0, 4)).toEqual(['合计 Total', 2, 100, 2]);
    const national = await composeFigures(prisma, { programme: 'CN', period: parsePeriod('2025'), now: bj('2025-12-31') });
    const byRegion = new ExcelJS.Workbook();
    await byRegion.xlsx.load((await figuresWorkbook(national)) as unknown as ArrayBuffer);
    expect(rowNamed(byRegion.getWorksheet('按地区')!, '辽宁省')!.slice(0, 4)).toEqual(['辽宁省', 2, 100, 2]);
  });
});

describe('统计 in chat', () => {
  it('parses a province and a period, a period alone, and a university', () => {
    expect(parseCommand('统计 辽宁 2025')).toEqual({ ok: true, command: { name: 'stats', subject: '辽宁', period: '2025' } });
    expect(parseCommand('统计 2025Q1')).toEqual({ ok: true, command: { name: 'stats', period: '2025Q1' } });
    expect(parseCommand('stats 大连理工大学')).toEqual({ ok: true, command: { name: 'stats', subject: '大连理工大学' } });
    expect(parseCommand('统计')).toEqual({ ok: true, command: { name: 'stats' } });
  });

  const ctx = () => ({ prisma, targets: parseTargets(undefined) }) as unknown as BotContext;
  const user = (language: 'zh' | 'en') =>
    ({ openId: 'ou_x', actor: { personId: 'coord-ln', name: '李协调', role: 'manager', organisationId: null }, language, readOnly: true }) as const;
  const textOf = (card: Record<string, unknown>): string => JSON.stringify(card);

  it('answers 统计 辽宁 2025 with the province’s figures against its targets, charts by category and industry, and the workbook', async () => {
    const parsed = parseCommand('统计 辽宁 2025');
    if (!parsed.ok || parsed.command.name !== 'stats') throw new Error('not parsed');
    const { card, workbook } = await answerStats(ctx(), user('zh'), parsed.command);
    expect(validateCard(card)).toBeNull();
    const text = textOf(card);
    expect(text).toContain('辽宁省千校万企协同创新伙伴行动（LN） · 2025');
    expect(text).toContain('**服务高校**：2 / 100（2%）');
    expect(text).toContain('**服务企业**：3 / 1,000（0.3%）');
    expect(text).toContain('**入企专家**：0 / 2,000（0%）');
    expect(text).toContain('**成果转化**：2 / 7,000（0%）');
    const charts = ((card.body as { elements: { tag: string; chart_spec?: { title: { text: string } } }[] }).elements ?? []).filter((e) => e.tag === 'chart');
    expect(charts.map((c) => c.chart_spec!.title.text)).toEqual(['完成率（%）', '按企业类别', '按行业']);
    expect(workbook?.name).toBe('统计_LN_2025.xlsx');
    expect(workbook!.bytes.subarray(0, 2).toString()).toBe('PK');
    const english = await answerStats(ctx(), user('en'), parsed.command);
    expect(validateCard(english.card)).toBeNull();
    expect(textOf(english.card)).toContain('**Experts placed**: 0 / 2,000 (0%)');
  });

  it('keeps the card within Lark’s limits with long names and many rows; the local Open API refuses a chart VChart cannot draw', async () => {
    const report = await composeFigures(prisma, { programme: 'LN', period: parsePeriod('2025'), now: bj('2025-12-31') });
    const row = report.figures.splits.industry[0]!;
    const many = Array.from({ length: 60 }, (_, i) => ({ ...row, key: `${'行业*[x]'.repeat(30)}${i}`, label: `${'行业*[x]'.repeat(30)}${i}` }));
    const heavy = { ...report, figures: { ...report.figures, splits: { ...report.figures.splits, industry: many, category: many } } };
    for (const language of ['zh', 'en'] as const) {
      const card = figuresCard(heavy, language, { workbook: true });
      expect(validateCard(card)).toBeNull();
      expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(CARD_BODY_MAX_BYTES);
      const markdowns = (card.body as { elements: { tag: string; content?: string }[] }).elements.filter((e) => e.tag === 'markdown');
      for (const m of markdowns) expect(m.content).not.toContain('*[x]');
    }
    const shell = (spec: unknown) => ({
      schema: '2.0',
      header: { title: { tag: 'plain_text', content: 't' } },
      body: { elements: [{ tag: 'chart', chart_spec: spec }] },
    });
    expect(validateCard(shell({ type: 'bars', data: { values: [] } }))).toMatchObject({ code: 200550, value: 'type' });
    expect(validateCard(shell({ type: 'bar', data: { values: [1, 2] } }))).toMatchObject({ code: 200550, value: 'data' });
    expect(validateCard(shell({ type: 'bar', data: { values: [] }, xField: 3 }))).toMatchObject({ code: 200550, value: 'xField' });
  });

  it('names what it does not know', async () => {
    const { card, workbook } = await answerStats(ctx(), user('zh'), { name: 'stats', subject: '火星' });
    expect(textOf(card)).toContain('没有找到“火星”');
    expect(workbook).toBeNull();
  });
});
