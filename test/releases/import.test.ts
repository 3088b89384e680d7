/**
 * Release files written into a real database: the template round trip, re-imports that change
 * nothing or update what was edited, all-or-nothing against valid rows only, and the event-day size.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDirectory } from '../../app/directory.ts';
import { createPrisma, type PrismaClient } from '../../lib/prisma.ts';
import { ImportRefused, importReleases, type ImportOptions, type ImportReport } from '../../releases/index.ts';
import directory from '../fixtures/directory.json' with { type: 'json' };
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { ACHIEVEMENT, csvOf, DEMAND, fillTemplate, PERSON, workbookOf, type RowInput } from './workbooks.ts';

let db: TestDatabase;
let prisma: PrismaClient;

const EVENT = 'LN-2026-03';

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = createPrisma(db.url, 2);
  await importDirectory(prisma, directory, 'fixture directory');
  await prisma.event.create({
    data: {
      id: EVENT,
      name: '辽宁省校企对接会',
      startsOn: new Date('2026-09-20'),
      endsOn: new Date('2026-09-21'),
      place: '沈阳',
      hostKind: 'region',
      host: '辽宁省',
      programme: '千校万企',
      coordinatorIds: ['coord'],
      workflowId: `event-${EVENT}`,
      createdById: 'coord',
    },
  });
});
afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

const run = (name: string, bytes: Buffer, options: Partial<ImportOptions> = {}): Promise<ImportReport> =>
  importReleases(prisma, { name, bytes }, { language: 'zh', maxBytes: 50 * 1024 * 1024, ...options });

const NOTHING = { organisations: 0, people: 0, achievements: 0, demands: 0, signings: 0 };

describe('importing releases', () => {
  it('writes a filled template: releases tied to the event and approver, new organisations and people in the directory', async () => {
    const bytes = await fillTemplate('zh', {
      成果: [
        ACHIEVEMENT,
        { ...ACHIEVEMENT, 成果编号: 'LN-A-002', 成果名称: '寒地宠物食品冻干工艺', 所属领域: '食品', 所属高校: '沈阳农业大学', 所在地区: null },
      ],
      需求: [DEMAND],
      单位: [{ 单位名称: '沈阳农业大学', 类型: '高校', 所在地区: '辽宁' }],
      人员: [{ ...PERSON, 姓名: '王农', 所属单位: '沈阳农业大学', 邮箱: 'wangnong@syau.example.cn', 飞书open_id: null, 语言: null, 接收方式: '邮件' }],
    });
    const report = await run('round-trip.xlsx', bytes, { eventId: EVENT, actorId: 'coord' });
    expect(report).toEqual({ rows: 5, valid: 5, errors: [], written: { ...NOTHING, organisations: 1, people: 1, achievements: 2, demands: 1 }, dryRun: false });

    const achievement = await prisma.achievement.findUniqueOrThrow({
      where: { releaseNumber: 'LN-A-001' },
      include: { university: true, rights: { select: { number: true, kind: true, status: true }, orderBy: { number: 'asc' } } },
    });
    expect(achievement).toMatchObject({
      title: ACHIEVEMENT.成果名称,
      summary: ACHIEVEMENT.成果简介,
      fields: ['冶金', '新材料'],
      keywords: ['轧辊', '激光熔覆'],
      maturity: 8,
      cooperationModes: ['转让', '许可'],
      rights: [
        { number: '2021SR0123456', kind: 'software_copyright', status: 'granted' },
        { number: 'ZL202010123456.7', kind: 'invention_patent', status: 'granted' },
      ],
      availability: 'open',
      region: '辽宁省',
      contact: '赵磊 024-83687000',
      eventId: EVENT,
      approvedById: 'coord',
      university: { id: 'u-neu' },
    });
    const university = await prisma.organisation.findUniqueOrThrow({ where: { name: '沈阳农业大学' } });
    expect(university).toMatchObject({ kind: 'university', region: '辽宁省' });
    expect(await prisma.achievement.findUniqueOrThrow({ where: { releaseNumber: 'LN-A-002' } })).toMatchObject({
      universityId: university.id,
      region: '辽宁省',
    });
    const demand = await prisma.demand.findUniqueOrThrow({ where: { releaseNumber: 'LN-D-001' } });
    expect(demand).toMatchObject({
      enterpriseId: 'e-steel',
      fields: ['冶金'],
      cooperationModes: ['合作开发'],
      region: '辽宁省',
      contact: '刘洋',
      eventId: EVENT,
    });
    expect(demand.budgetWan?.toNumber()).toBe(150);
    expect(await prisma.person.findUniqueOrThrow({ where: { email: 'wangnong@syau.example.cn' } })).toMatchObject({
      name: '王农',
      role: 'tto_officer',
      organisationId: university.id,
      language: 'zh',
      channel: 'email',
    });
  });

  it('changes nothing when the same file comes again, and updates only the edited row', async () => {
    const rows = [
      { ...ACHIEVEMENT, 成果编号: 'LN-A-101', 成果名称: '高炉煤气余热回收' },
      { ...ACHIEVEMENT, 成果编号: null, 成果名称: '无编号的成果', 所属高校: '大连理工大学' },
    ];
    const first = await run('again.xlsx', await fillTemplate('zh', { 成果: rows }));
    expect(first.written).toEqual({ ...NOTHING, achievements: 2 });
    const before = await prisma.achievement.findMany({ orderBy: { id: 'asc' } });

    const again = await run('again.xlsx', await fillTemplate('zh', { 成果: rows }));
    expect(again).toMatchObject({ rows: 2, valid: 2, errors: [], written: NOTHING });
    expect(await prisma.achievement.findMany({ orderBy: { id: 'asc' } })).toEqual(before);

    const edited = await run(
      'again.xlsx',
      await fillTemplate('zh', {
        成果: [
          { ...rows[0], 成果名称: '高炉煤气余热回收（改）', '成熟度(TRL)': 6 },
          { ...rows[1], 成果简介: '补充了中试数据。' },
        ],
      }),
    );
    expect(edited.written).toEqual({ ...NOTHING, achievements: 2 });
    expect(await prisma.achievement.count()).toBe(before.length);
    expect(await prisma.achievement.findUniqueOrThrow({ where: { releaseNumber: 'LN-A-101' } })).toMatchObject({
      title: '高炉煤气余热回收（改）',
      maturity: 6,
    });
    expect(await prisma.achievement.findFirstOrThrow({ where: { title: '无编号的成果' } })).toMatchObject({ summary: '补充了中试数据。', releaseNumber: null });

    // Numbering an unnumbered release later keeps it the same release.
    const numbered = await run('again.xlsx', await fillTemplate('zh', { 成果: [{ ...rows[1], 成果编号: 'LN-A-102', 成果简介: '补充了中试数据。' }] }));
    expect(numbered.written).toEqual({ ...NOTHING, achievements: 1 });
    expect(await prisma.achievement.count()).toBe(before.length);
    expect(await prisma.achievement.findFirstOrThrow({ where: { title: '无编号的成果' } })).toMatchObject({ releaseNumber: 'LN-A-102' });
  });

  it('writes nothing when any row has a problem, and with validOnly writes the rows without one', async () => {
    const bytes = await fillTemplate('zh', {
      需求: [
        { ...DEMAND, 需求编号: 'LN-D-201', 需求名称: '好的需求' },
        { ...DEMAND, 需求编号: 'LN-D-202', 需求名称: '坏的需求', '预算(万元)': '很多' },
        { ...DEMAND, 需求编号: 'LN-D-203', 需求名称: '不认识的企业', 企业名称: '鞍山华冶板材' },
      ],
    });
    const all = await run('mixed.xlsx', bytes);
    expect(all).toMatchObject({ rows: 3, valid: 1, written: NOTHING, dryRun: false });
    expect(all.errors).toEqual([
      { sheet: '需求', row: 3, column: '预算(万元)', message: '“很多”不是数字' },
      {
        sheet: '需求',
        row: 4,
        column: '企业名称',
        message: '“鞍山华冶板材”不在「单位」表和单位名录中（是否应为“鞍山华冶板材有限公司”？）；如是新单位，请在「单位」表中添加一行',
      },
    ]);
    expect(await prisma.demand.count({ where: { releaseNumber: { startsWith: 'LN-D-2' } } })).toBe(0);

    const some = await run('mixed.xlsx', bytes, { validOnly: true });
    expect(some).toMatchObject({ rows: 3, valid: 1, written: { ...NOTHING, demands: 1 } });
    expect(some.errors).toHaveLength(2);
    expect(await prisma.demand.findMany({ where: { releaseNumber: { startsWith: 'LN-D-2' } }, select: { title: true } })).toEqual([{ title: '好的需求' }]);
  });

  it('checks without writing on a dry run, against the directory', async () => {
    const bytes = await fillTemplate('zh', { 需求: [{ ...DEMAND, 需求编号: 'LN-D-301', 需求名称: '试运行' }] });
    expect(await run('dry.xlsx', bytes, { dryRun: true })).toEqual({ rows: 1, valid: 1, errors: [], written: NOTHING, dryRun: true });
    expect(await prisma.demand.count({ where: { releaseNumber: 'LN-D-301' } })).toBe(0);
  });

  it('refuses an event that does not exist, in the person’s language', async () => {
    const bytes = await fillTemplate('zh', { 需求: [DEMAND] });
    const refused = await run('x.xlsx', bytes, { eventId: 'NO-SUCH', language: 'en' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ImportRefused);
    expect((refused as ImportRefused).message).toBe('there is no event "NO-SUCH"; create the event first or check its id.');
  });

  it('imports a CSV file, keeping 2026-03 as a release number rather than a date', async () => {
    const report = await run('需求.csv', Buffer.from(csvOf([{ ...DEMAND, 需求编号: '2026-03', 需求名称: 'CSV 需求', '预算(万元)': '1,200' }], { bom: true })));
    expect(report).toMatchObject({ rows: 1, valid: 1, errors: [], written: { ...NOTHING, demands: 1 } });
    const demand = await prisma.demand.findUniqueOrThrow({ where: { releaseNumber: '2026-03' } });
    expect(demand.title).toBe('CSV 需求');
    expect(demand.budgetWan?.toNumber()).toBe(1200);
  });

  it('imports an event’s 1,500 achievements and 1,100 demands in seconds, reporting progress, and again without a write', async () => {
    const achievements: RowInput[] = Array.from({ length: 1500 }, (_, i) => ({
      ...ACHIEVEMENT,
      成果编号: `BIG-A-${i}`,
      成果名称: `成果 ${i}：轧辊表面强化`,
      所属高校: i % 2 ? '东北大学' : '大连理工大学',
    }));
    const demands: RowInput[] = Array.from({ length: 1100 }, (_, i) => ({ ...DEMAND, 需求编号: `BIG-D-${i}`, 需求名称: `需求 ${i}：板带表面缺陷` }));
    const bytes = await workbookOf({ 成果: achievements, 需求: demands });
    const progress: [number, number][] = [];
    const started = performance.now();
    const first = await run('event-day.xlsx', bytes, { eventId: EVENT, onProgress: (done, total) => progress.push([done, total]) });
    const seconds = (performance.now() - started) / 1000;
    expect(first).toMatchObject({ rows: 2600, valid: 2600, errors: [], written: { ...NOTHING, achievements: 1500, demands: 1100 } });
    expect(progress.at(0)).toEqual([0, 2600]);
    expect(progress.at(-1)).toEqual([2600, 2600]);
    expect(progress.length).toBeGreaterThan(4);

    const againStarted = performance.now();
    const again = await run('event-day.xlsx', bytes, { eventId: EVENT });
    const againSeconds = (performance.now() - againStarted) / 1000;
    expect(again.written).toEqual(NOTHING);
    console.log(
      `2,600 rows (${(bytes.length / 1024).toFixed(0)} KB): first import ${seconds.toFixed(2)} s (${Math.round(2600 / seconds)} rows/s), again ${againSeconds.toFixed(2)} s`,
    );
    expect(seconds).toBeLessThan(20);
    expect(await prisma.achievement.count({ where: { eventId: EVENT, releaseNumber: { startsWith: 'BIG-A-' } } })).toBe(1500);
  });
});
