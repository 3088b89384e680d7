/**
 * Experts into enterprises: experts imported from the 人员 sheet and added from the CLI, placed by a
 * 技术服务 contract that goes through the same lifecycle with visits and a service report, and
 * counted as experts placed against 辽宁's target; coordinators' notices scoped to their programmes;
 * the enterprise's category on the status card, in the acceptance email and, for an achievement,
 * as the search attribute once an enterprise accepts.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addExpert, checkNamedExperts } from '../app/experts.ts';
import { composeFigures } from '../app/figures/report.ts';
import { figuresWorkbook } from '../app/figures/workbook.ts';
import { saveProgramme } from '../app/programmes/store.ts';
import { enterpriseCategoryOf } from '../bots/queries.ts';
import { figuresCard } from '../lark/cards/figures.ts';
import { statusCard } from '../lark/cards/status.ts';
import { ValidationError } from '../lib/validation.ts';
import { importReleases, type ImportReport } from '../releases/index.ts';
import { renderEmail } from '../notifications/email-render.ts';
import { renderContent } from '../notifications/templates.ts';
import { completeMilestoneUpdate, registerContractUpdate, respondToProposalUpdate, selectCandidatesUpdate } from '../workflows/messages.ts';
import { EnterpriseCategoryAttribute } from '../workflows/search-attributes.ts';
import { ROLL_REPAIR_ACHIEVEMENT } from './fixtures/submissions.ts';
import { cardText } from './bot/support/cards.ts';
import { fillTemplate } from './releases/workbooks.ts';
import { agreeTerms, approve, eventually, toNegotiation } from './support/drive.ts';
import { createHarness, FAST_POLICY, PET_FOOD_DEMAND, refused, ROLL_WEAR_DEMAND, type Harness } from './support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness(import.meta.url);
  await h.startWorker();
  await h.prisma.person.createMany({
    data: [
      { id: 'coord-ln', name: '辽宁协调人', role: 'coordinator', email: 'coord-ln@edu.ln.example.cn' },
      { id: 'coord-js', name: '江苏协调人', role: 'coordinator', email: 'coord-js@edu.js.example.cn' },
    ],
  });
  await saveProgramme(h.prisma, { code: 'CN', name: '千校万企协同创新行动', level: 'national', startsOn: '2026-01-01', endsOn: '2027-12-31' });
  for (const [code, name, region, coordinator] of [
    ['LN', '辽宁省千校万企行动', '辽宁省', 'coord-ln'],
    ['JS', '江苏省千校万企行动', '江苏省', 'coord-js'],
  ] as const) {
    await saveProgramme(h.prisma, {
      code,
      name,
      level: 'provincial',
      regions: [region],
      parent: 'CN',
      coordinatorIds: [coordinator],
      startsOn: '2026-01-01',
      endsOn: '2027-12-31',
      targets: { experts: 2000 },
    });
  }
});
afterAll(async () => {
  await h?.close();
});

const importPeople = async (rows: Record<string, string>[]): Promise<ImportReport> =>
  importReleases(h.prisma, { name: 'people.xlsx', bytes: await fillTemplate('zh', { 人员: rows }) }, { language: 'zh', maxBytes: 50 * 1024 * 1024 });

/** Who a partnership's messages of one template went to. */
const recipientsOf = async (reference: string, template: string): Promise<string[]> =>
  eventually(`${reference} ${template}`, async () => {
    const rows = await h.prisma.notification.findMany({ where: { partnership: { reference }, template }, select: { recipientId: true } });
    return rows.length > 0 ? [...new Set(rows.map((r) => r.recipientId))].sort() : undefined;
  });

describe('experts', () => {
  let sheetExpert: string;

  it('are imported from the 人员 sheet with their role and fields; an expert without fields is named by row and column', async () => {
    const report = await importPeople([{ 姓名: '王磊', 角色: '专家', 所属单位: '东北大学', 邮箱: 'wanglei@neu.example.cn', 专业领域: '冶金、新材料' }]);
    expect(report.errors).toEqual([]);
    const expert = await h.prisma.person.findUniqueOrThrow({ where: { email: 'wanglei@neu.example.cn' } });
    expect(expert).toMatchObject({ name: '王磊', role: 'expert', organisationId: 'u-neu', fields: ['冶金', '新材料'] });
    sheetExpert = expert.id;

    const missing = await importPeople([{ 姓名: '赵晨', 角色: '专家', 所属单位: '东北大学', 邮箱: 'zhaochen@neu.example.cn' }]);
    expect(missing.errors).toEqual([{ sheet: '人员', row: 2, column: '专业领域', message: '专家须填写专业领域' }]);
    expect(await h.prisma.person.findUnique({ where: { email: 'zhaochen@neu.example.cn' } })).toBeNull();
  });

  it('are added from the CLI by university name, and only experts may be named on a contract', async () => {
    await addExpert(h.prisma, { id: 'exp-li', name: '李静', university: '东北大学', fields: ['新材料'], email: 'lijing@neu.example.cn' });
    expect(await h.prisma.person.findUniqueOrThrow({ where: { id: 'exp-li' } })).toMatchObject({ role: 'expert', organisationId: 'u-neu', fields: ['新材料'] });
    await expect(addExpert(h.prisma, { id: 'exp-x', name: '某人', university: '不存在大学', fields: ['冶金'] })).rejects.toThrow('no university "不存在大学"');
    await expect(checkNamedExperts(h.prisma, { experts: ['exp-li', 'tto-neu'] })).rejects.toThrow(
      new ValidationError('experts: tto-neu is not an expert in the directory'),
    );
  });

  it('placed by a 技术服务 contract with visits and a service report count as experts placed against 辽宁’s target', async () => {
    const reference = await h.submit({ ...ROLL_WEAR_DEMAND, title: '专家入企：轧辊磨损现场诊断' });
    const { tto } = await toNegotiation(h, reference);
    await agreeTerms(h, reference, tto);
    const handle = h.handle(reference);
    const coord = await h.actor('coord');
    const milestones = [
      { title: '入企服务：现场诊断', kind: 'visit' as const, due: '2027-01-15', responsible: 'university' as const },
      { title: '服务报告', kind: 'report' as const, due: '2027-02-15', responsible: 'university' as const },
    ];
    const wrongType = await refused(
      handle.executeUpdate(registerContractUpdate, {
        args: [{ actor: coord, type: 'development', amountCny: 300_000, signedOn: '2026-11-20', milestones, experts: ['exp-li'] }],
      }),
    );
    expect(wrongType.message).toContain('experts are placed by a consulting (技术咨询) or service (技术服务) contract');

    const status = await handle.executeUpdate(registerContractUpdate, {
      args: [{ actor: coord, type: 'service', amountCny: 300_000, signedOn: '2026-11-20', milestones, experts: [sheetExpert, 'exp-li'] }],
    });
    expect(status.stage).toBe('milestones');
    const contract = await eventually('the contract', () => h.prisma.contract.findFirst({ where: { partnership: { reference } } }).then((c) => c ?? undefined));
    expect(contract.expertIds).toEqual([sheetExpert, 'exp-li']);
    await handle.executeUpdate(completeMilestoneUpdate, {
      args: [{ actor: await h.actor(tto), milestone: 1, evidenceUrl: 'https://docs.example.cn/visit-1.pdf' }],
    });

    const report = await composeFigures(h.prisma, { programme: 'LN' });
    expect(report.figures.total.experts).toBe(2);
    expect(report.figures.total.byType.service).toBe(1);
    expect(report.targets.experts).toBe(2000);
    expect(cardText(figuresCard(report, 'zh'))).toContain('**入企专家**：2 / 2,000（0.1%）');
    expect(cardText(figuresCard(report, 'en'))).toContain('**Experts placed**: 2 / 2,000 (0.1%)');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await figuresWorkbook(report)) as unknown as ArrayBuffer);
    const summary = workbook.getWorksheet('汇总')!;
    const experts = summary.getRows(1, summary.rowCount)!.find((row) => row.getCell(1).text.startsWith('入企专家'));
    expect((experts!.values as unknown[]).slice(1)).toEqual(['入企专家 Experts placed', 2, 2000, 0.1]);
    // 江苏 placed nobody.
    expect((await composeFigures(h.prisma, { programme: 'JS' })).figures.total.experts).toBe(0);

    const card = cardText(statusCard(await h.status(reference), { openId: 'ou_x', actor: coord, language: 'zh', readOnly: false }));
    expect(card).toContain('入企服务：现场诊断（入企服务');
    expect(card).toContain('服务报告（服务报告');
  });
});

describe('coordinators', () => {
  it('hear of their own programmes’ partnerships: 辽宁’s coordinator is not reminded of 江苏’s', async () => {
    const policy = { ...FAST_POLICY, decisionReminderAfter: '1s' };
    const liaoning = await h.submit({ ...ROLL_WEAR_DEMAND, title: '范围：辽宁的需求' }, { policy });
    const jiangsu = await h.submit({ ...PET_FOOD_DEMAND, title: '范围：江苏的需求', region: '江苏省' }, { as: 'contact-petfood', policy });
    // `coord` coordinates no programme, so, as in their lists, they hear of every partnership.
    expect(await recipientsOf(liaoning, 'review_requested')).toEqual(['coord', 'coord-ln']);
    expect(await recipientsOf(jiangsu, 'review_requested')).toEqual(['coord', 'coord-js']);
    expect(await recipientsOf(liaoning, 'review_reminder')).toEqual(['coord', 'coord-ln']);
    expect(await recipientsOf(jiangsu, 'review_reminder')).toEqual(['coord', 'coord-js']);
  });
});

describe('the enterprise category', () => {
  const categoryOf = async (reference: string): Promise<string | undefined> =>
    (await h.handle(reference).describe()).typedSearchAttributes.get(EnterpriseCategoryAttribute);

  it('is set for a partnership started from an achievement once an enterprise accepts it, and named in the email about it', async () => {
    // The enterprise's roll-wear demand is in the pool; the achievement is the one that answers it.
    await h.submit({ ...ROLL_WEAR_DEMAND, title: '类别：精轧机工作辊磨损快' });
    const reference = await h.submit({ ...ROLL_REPAIR_ACHIEVEMENT, title: '类别：热轧工作辊激光熔覆修复技术' }, { as: 'coord' });
    const offered = await approve(h, reference);
    expect(await categoryOf(reference)).toBeUndefined();
    const candidate = offered.candidates.find((c) => c.counterpart.id === 'e-steel');
    if (!candidate) throw new Error(`no candidate of 鞍山华冶 among ${offered.candidates.map((c) => c.id).join(', ')}`);
    const handle = h.handle(reference);
    await handle.executeUpdate(selectCandidatesUpdate, { args: [{ actor: await h.actor('coord'), candidateIds: [candidate.id] }] });
    await handle.executeUpdate(respondToProposalUpdate, { args: [{ actor: await h.actor('contact-steel'), candidateId: candidate.id, decision: 'accept' }] });
    expect(await eventually('the category', () => categoryOf(reference))).toBe('leading');

    // The email telling the university the match was accepted names the enterprise with its category.
    const accepted = await h.prisma.notification.findFirstOrThrow({
      where: { partnership: { reference }, template: 'proposal_accepted', recipientId: 'tto-neu', channel: 'email' },
    });
    const email = renderEmail(renderContent({ template: 'proposal_accepted', payload: accepted.payload as Record<string, unknown> }, 'zh'), { language: 'zh' });
    expect(email.text).toContain('鞍山华冶板材有限公司');
    expect(email.text).toContain('企业类别：龙头企业');
  });

  it('is shown beside the enterprise on the status card', async () => {
    const reference = await h.submit({ ...ROLL_WEAR_DEMAND, title: '类别：状态卡片' });
    const status = await h.waitFor(reference, (s) => s.stage === 'review');
    const user = { openId: 'ou_x', actor: await h.actor('coord'), language: 'zh' as const, readOnly: false };
    expect(cardText(statusCard(status, user, { enterpriseCategory: await enterpriseCategoryOf(h.prisma, status) }))).toContain(
      '**企业**：鞍山华冶板材有限公司（龙头企业）',
    );
    const english = { ...user, language: 'en' as const };
    expect(cardText(statusCard(status, english, { enterpriseCategory: await enterpriseCategoryOf(h.prisma, status) }))).toContain(
      '鞍山华冶板材有限公司 (leading enterprise)',
    );
  });
});
