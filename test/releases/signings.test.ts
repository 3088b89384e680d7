/**
 * The signings sheet against the real database and dev server: signings registered through the
 * event's sign step after the releases they name, re-imports that register nothing, mistakes named
 * by sheet, row and column, and a file without its event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importSigner } from '../../app/events/sign.ts';
import { ImportRefused, importReleases, type ImportOptions, type ImportReport } from '../../releases/index.ts';
import { createTestEvent } from '../events/support.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { ACHIEVEMENT, DEMAND, fillTemplate, workbookOf, type RowInput } from './workbooks.ts';

const EVENT = 'LN-SIGN-01';
const NOTHING = { organisations: 0, people: 0, achievements: 0, demands: 0, signings: 0 };
let h: Harness;
let run: (name: string, bytes: Buffer, options?: Partial<ImportOptions>) => Promise<ImportReport>;

beforeAll(async () => {
  h = await createHarness(import.meta.url);
  await h.startWorker();
  await createTestEvent(h, EVENT);
  const sign = importSigner(h.prisma, h.client, await h.actor('coord'));
  run = (name, bytes, options = {}) =>
    importReleases(h.prisma, { name, bytes }, { language: 'zh', maxBytes: 50 * 1024 * 1024, eventId: EVENT, actorId: 'coord', sign, ...options });
});
afterAll(async () => {
  await h?.close();
});

const SIGNING = {
  需求编号或名称: DEMAND.需求编号,
  高校: '东北大学',
  企业: DEMAND.企业名称,
  合同类型: '技术许可',
  '合同金额(元)': 1_200_000,
  签约日期: '2026-12-10',
} as const;

const contractsOfEvent = () =>
  h.prisma.contract.findMany({ where: { partnership: { eventId: EVENT } }, include: { partnership: true }, orderBy: { amountCny: 'asc' } });

describe('the signings sheet', () => {
  let workbook: Buffer;

  it('registers each signing at the event after the releases it names, as `event sign` does', async () => {
    workbook = await fillTemplate('zh', {
      成果: [ACHIEVEMENT],
      需求: [DEMAND],
      签约: [
        SIGNING,
        // By title, for an enterprise of the directory, the amount and date as people type them.
        {
          成果编号或名称: ACHIEVEMENT.成果名称,
          高校: '东北大学',
          企业: '沈阳宠乐食品有限公司',
          合同类型: '转让',
          '合同金额(元)': '￥300,000元',
          签约日期: '2026年12月11日',
        },
      ],
    });
    const report = await run('signings.xlsx', workbook);
    expect(report).toEqual({ rows: 4, valid: 4, errors: [], written: { ...NOTHING, achievements: 1, demands: 1, signings: 2 }, dryRun: false });

    const contracts = await contractsOfEvent();
    expect(
      contracts.map((c) => [c.type, Number(c.amountCny), c.signedOn.toISOString().slice(0, 10), c.signedAtEventId, c.universityId, c.enterpriseId]),
    ).toEqual([
      ['transfer', 300_000, '2026-12-11', EVENT, 'u-neu', 'e-petfood'],
      ['licensing', 1_200_000, '2026-12-10', EVENT, 'u-neu', 'e-steel'],
    ]);
    const demand = await h.prisma.demand.findUniqueOrThrow({ where: { releaseNumber: DEMAND.需求编号 } });
    const achievement = await h.prisma.achievement.findUniqueOrThrow({ where: { releaseNumber: ACHIEVEMENT.成果编号 } });
    expect(contracts.map((c) => c.partnership.demandId ?? c.partnership.achievementId).sort()).toEqual([demand.id, achievement.id].sort());
    for (const contract of contracts) {
      const status = await h.status(contract.partnership.reference);
      expect(status.stage).toBe('milestones');
      expect(status.contract).toMatchObject({ type: contract.type, amountCny: Number(contract.amountCny) });
    }
  });

  it('registers nothing when the same file is imported again', async () => {
    const partnerships = await h.prisma.partnership.count({ where: { eventId: EVENT } });
    const before = await contractsOfEvent();
    const again = await run('signings.xlsx', workbook);
    expect(again).toMatchObject({ rows: 4, valid: 4, errors: [], written: NOTHING });
    expect(await h.prisma.partnership.count({ where: { eventId: EVENT } })).toBe(partnerships);
    expect(await contractsOfEvent()).toEqual(before);
  });

  it('names every mistake by sheet, row and column, and writes nothing', async () => {
    const rows: RowInput[] = [
      { ...SIGNING, 需求编号或名称: 'LN-D-404' },
      { ...SIGNING, 高校: '东北大学X' },
      { ...SIGNING, '合同金额(元)': '一百万' },
      { ...SIGNING, 签约日期: '2026-02-30' },
      { ...SIGNING, 合同类型: '技术入股' },
      { ...SIGNING, 成果编号或名称: ACHIEVEMENT.成果编号 },
      { ...SIGNING, 企业: '沈阳宠乐食品有限公司' },
      { ...SIGNING, 需求编号或名称: null },
      SIGNING,
      SIGNING,
    ];
    const report = await run('mistakes.xlsx', await fillTemplate('zh', { 签约: rows }));
    expect(report.written).toEqual(NOTHING);
    expect(report.valid).toBe(1);
    expect(report.errors.map((p) => [p.sheet, p.row, p.column])).toEqual([
      ['签约', 2, '需求编号或名称'],
      ['签约', 3, '高校'],
      ['签约', 4, '合同金额(元)'],
      ['签约', 5, '签约日期'],
      ['签约', 6, '合同类型'],
      ['签约', 7, '成果编号或名称'],
      ['签约', 8, '需求编号或名称'],
      ['签约', 9, '需求编号或名称'],
      ['签约', 11, '需求编号或名称'],
    ]);
    expect(report.errors.map((p) => p.message)).toEqual([
      expect.stringMatching(/“LN-D-404”不在「需求」表和已发布的需求中/),
      expect.stringMatching(/“东北大学X”不在「单位」表和单位名录中（是否应为“东北大学”？）/),
      '“一百万”不是数字',
      '“2026-02-30”不是日期（如 2026-12-10）',
      expect.stringMatching(/^“技术入股”不是可选值/),
      '请填写需求或成果，二者选一',
      `“${DEMAND.需求编号}”属于“${DEMAND.企业名称}”，不是“沈阳宠乐食品有限公司”`,
      '请填写需求或成果，二者选一',
      expect.stringMatching(/^与第 10 行重复/),
    ]);
  });

  it('reads English headings and values', async () => {
    const bytes = await workbookOf({
      Signings: [
        {
          'Demand (number or title)': DEMAND.需求名称,
          University: '东北大学',
          Enterprise: DEMAND.企业名称,
          'Contract type': 'consulting',
          'Amount (CNY)': '80000 CNY',
          'Signing date': new Date(Date.UTC(2026, 11, 10)),
        },
      ],
    });
    expect(await run('signings-en.xlsx', bytes, { language: 'en', dryRun: true })).toEqual({ rows: 1, valid: 1, errors: [], written: NOTHING, dryRun: true });
  });

  it('needs the event: without one the sheet is one named problem; without a way to sign, the file is refused', async () => {
    const bytes = await fillTemplate('zh', { 签约: [SIGNING] });
    const report = await importReleases(h.prisma, { name: 'no-event.xlsx', bytes }, { language: 'zh', maxBytes: 1e8 });
    expect(report).toMatchObject({ rows: 1, valid: 0, written: NOTHING });
    expect(report.errors).toEqual([{ sheet: '签约', row: 1, column: '', message: '签约登记在对接活动中：导入时请指定活动（--event）' }]);

    const refused = await importReleases(h.prisma, { name: 'no-signer.xlsx', bytes }, { language: 'zh', maxBytes: 1e8, eventId: EVENT }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(ImportRefused);
  });
});
