/**
 * The enterprise category from the directory and the 单位 sheet to a partnership's search attribute,
 * and IP availability: a contract signed with an exclusive licence or as a transfer takes its
 * achievement out of the pool, and the contract keeps its IP terms.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFindCandidates, type FindCandidatesInput } from '../activities/matching.ts';
import { importSigner } from '../app/events/sign.ts';
import { submitPartnership, type IntakeDependencies, type Submission } from '../app/intake.ts';
import { importReleases, type ImportReport } from '../releases/index.ts';
import {
  ContractAmountAttribute,
  ContractTypeAttribute,
  EnterpriseCategoryAttribute,
  OverdueAttribute,
  ProgrammeAttribute,
} from '../workflows/search-attributes.ts';
import { createTestEvent } from './events/support.ts';
import { fillTemplate } from './releases/workbooks.ts';
import { createHarness, FAST_POLICY, PET_FOOD_DEMAND, ROLL_WEAR_DEMAND, type Harness } from './support/harness.ts';
import { agreeTerms, eventually, toNegotiation } from './support/drive.ts';
import { completeMilestoneUpdate, registerContractUpdate } from '../workflows/messages.ts';

const EVENT = 'LN-IP-01';
let h: Harness;
let deps: IntakeDependencies;

beforeAll(async () => {
  h = await createHarness(import.meta.url);
  await h.startWorker();
  deps = { prisma: h.prisma, client: h.client, taskQueue: h.taskQueue, policy: FAST_POLICY };
  await createTestEvent(h, EVENT);
});
afterAll(async () => {
  await h?.close();
});

const importFile = async (sheets: Parameters<typeof fillTemplate>[1]): Promise<ImportReport> =>
  importReleases(
    h.prisma,
    { name: 'releases.xlsx', bytes: await fillTemplate('zh', sheets) },
    { language: 'zh', maxBytes: 50 * 1024 * 1024, eventId: EVENT, actorId: 'coord', sign: importSigner(h.prisma, h.client, await h.actor('coord')) },
  );

const categoryOf = async (workflowId: string): Promise<string | undefined> =>
  (await h.client.workflow.getHandle(workflowId).describe()).typedSearchAttributes.get(EnterpriseCategoryAttribute);

describe('enterprise category', () => {
  it('comes from the directory to the search attribute of a demand submitted at intake', async () => {
    const submitted = await submitPartnership(deps, await h.actor('contact-steel'), { ...ROLL_WEAR_DEMAND, title: '类别：龙头企业的需求' });
    expect(await categoryOf(submitted.workflowId)).toBe('leading');

    // An achievement has no enterprise yet, so no category.
    const achievement: Submission = {
      kind: 'achievement',
      university: '东北大学',
      title: '类别：高校成果',
      summary: '轧辊激光熔覆修复。',
      fields: ['冶金'],
      keywords: [],
      maturity: 7,
      cooperationModes: ['许可'],
      region: '辽宁省',
    };
    expect(await categoryOf((await submitPartnership(deps, await h.actor('coord'), achievement)).workflowId)).toBeUndefined();
  });

  it('is imported with the ownership from the 单位 sheet, and a value from the old list is named with its sheet, row and column', async () => {
    const report = await importFile({
      单位: [{ 单位名称: '沈阳宠乐食品有限公司', 类型: '企业', 所在地区: '辽宁省', 企业类别: '创新型中小企业', 企业性质: '外资' }],
    });
    expect(report.errors).toEqual([]);
    expect(await h.prisma.organisation.findUniqueOrThrow({ where: { id: 'e-petfood' } })).toMatchObject({
      enterpriseCategory: 'innovative_sme',
      ownership: 'foreign_funded',
    });
    const submitted = await submitPartnership(deps, await h.actor('contact-petfood'), { ...PET_FOOD_DEMAND, title: '类别：创新型中小企业的需求' });
    expect(await categoryOf(submitted.workflowId)).toBe('innovative_sme');

    const refused = await importFile({ 单位: [{ 单位名称: '沈阳宠乐食品有限公司', 类型: '企业', 所在地区: '辽宁省', 企业类别: '国有企业' }] });
    expect(refused.errors).toEqual([{ sheet: '单位', row: 2, column: '企业类别', message: expect.stringContaining('“国有企业”不是可选值') as string }]);
    expect(await h.prisma.organisation.findUniqueOrThrow({ where: { id: 'e-petfood' } })).toMatchObject({ enterpriseCategory: 'innovative_sme' });

    const university = await importFile({ 单位: [{ 单位名称: '东北大学', 类型: '高校', 所在地区: '辽宁省', 企业性质: '国有' }] });
    expect(university.errors).toEqual([{ sheet: '单位', row: 2, column: '企业性质', message: '仅企业填写此项' }]);
  });
});

describe('IP availability', () => {
  const findCandidates = () => createFindCandidates(h.prisma);
  let demand: FindCandidatesInput;

  beforeAll(async () => {
    const submitted = await submitPartnership(deps, await h.actor('contact-steel'), { ...ROLL_WEAR_DEMAND, title: 'IP：轧辊磨损' });
    const row = await h.prisma.partnership.findUniqueOrThrow({ where: { reference: submitted.reference } });
    demand = { partnershipId: row.id, kind: 'demand', subjectId: row.demandId!, excluded: [], limit: 10 };
  });

  it('never proposes an achievement that is not open, and proposes it again once it is', async () => {
    const find = findCandidates();
    const before = (await find(demand)).map((c) => c.id);
    expect(before.length).toBeGreaterThan(1);
    const [top] = before;
    await h.prisma.achievement.update({ where: { id: top }, data: { availability: 'exclusively_licensed' } });
    // The same matcher, as a worker keeps it between calls: its pool notices the change.
    expect((await find(demand)).map((c) => c.id)).toEqual(before.slice(1));
    await h.prisma.achievement.update({ where: { id: top }, data: { availability: 'open' } });
    expect((await find(demand)).map((c) => c.id)).toEqual(before);
  });

  it('closes the achievement of a contract signed with an exclusive licence or as a transfer, and keeps the IP terms', async () => {
    const find = findCandidates();
    const before = (await find(demand)).map((c) => c.id);
    const [licensed, transferred, kept] = before;
    const ids = await h.prisma.achievement.findMany({ where: { id: { in: [licensed!, transferred!, kept!] } }, include: { university: true } });
    const universityOf = (id: string) => ids.find((a) => a.id === id)!.university.name;
    const signing = (id: string) => ({
      成果编号或名称: id,
      高校: universityOf(id),
      企业: '鞍山华冶板材有限公司',
      '合同金额(元)': 800_000,
      签约日期: '2026-12-10',
    });

    const report = await importFile({
      签约: [
        {
          ...signing(licensed!),
          合同类型: '技术许可',
          许可方式: '独占许可',
          许可地域: '中国大陆',
          '许可期限(月)': '60个月',
          新成果归属: '双方共有',
          认定登记号: '2026210100000123',
        },
        { ...signing(transferred!), 合同类型: '技术转让' },
        { ...signing(kept!), 合同类型: '技术许可', 许可方式: '普通许可' },
      ],
    });
    expect(report.errors).toEqual([]);
    expect(report.written.signings).toBe(3);

    const availability = async (id: string) => (await h.prisma.achievement.findUniqueOrThrow({ where: { id } })).availability;
    expect([await availability(licensed!), await availability(transferred!), await availability(kept!)]).toEqual([
      'exclusively_licensed',
      'transferred',
      'open',
    ]);
    const contract = await h.prisma.contract.findFirstOrThrow({ where: { partnership: { achievementId: licensed } } });
    expect(contract).toMatchObject({
      type: 'licensing',
      licenceScope: 'exclusive',
      licenceTerritory: '中国大陆',
      licenceTermMonths: 60,
      resultsOwnership: 'joint',
      registrationNumber: '2026210100000123',
    });
    const after = (await find(demand)).map((c) => c.id);
    expect(after).not.toContain(licensed);
    expect(after).not.toContain(transferred);
    expect(after).toContain(kept);
  });

  it('keeps the IP terms of a contract registered in the lifecycle, closes its achievement, and records the payment received', async () => {
    const reference = await h.submit({ ...ROLL_WEAR_DEMAND, title: 'IP：合同登记的许可条款' });
    const { candidate, tto } = await toNegotiation(h, reference);
    await agreeTerms(h, reference, tto);
    await h.handle(reference).executeUpdate(registerContractUpdate, {
      args: [
        {
          actor: await h.actor('coord'),
          type: 'licensing',
          amountCny: 1_200_000,
          signedOn: '2026-11-20',
          milestones: [{ title: '首期付款', kind: 'payment', due: '2027-01-15', responsible: 'enterprise', amountCny: 600_000 }],
          ip: {
            licenceScope: 'exclusive',
            licenceTerritory: '中国大陆',
            licenceTermMonths: 60,
            resultsOwnership: 'joint',
            registrationNumber: '2026210200001234',
          },
        },
      ],
    });
    await h.handle(reference).executeUpdate(completeMilestoneUpdate, {
      args: [{ actor: await h.actor('contact-steel'), milestone: 1, evidenceUrl: 'https://bank.example.cn/receipt.pdf', receivedCny: 580_000 }],
    });
    await h.waitFor(reference, (s) => s.stage === 'completed');
    const contract = await eventually(
      'the contract row',
      async () => (await h.prisma.contract.findFirst({ where: { partnership: { reference } }, include: { milestones: true } })) ?? undefined,
    );
    expect(contract).toMatchObject({
      licenceScope: 'exclusive',
      licenceTerritory: '中国大陆',
      licenceTermMonths: 60,
      resultsOwnership: 'joint',
      registrationNumber: '2026210200001234',
    });
    await eventually('the payment recorded', async () =>
      Number((await h.prisma.milestone.findFirst({ where: { contractId: contract.id } }))?.receivedCny) === 580_000 ? true : undefined,
    );
    expect((await h.prisma.achievement.findUniqueOrThrow({ where: { id: candidate.id } })).availability).toBe('exclusively_licensed');

    // The managers' filters in the Temporal UI, once every step is recorded: the programme, the contract's type and amount, nothing overdue.
    await h.handle(reference).result();
    const row = await h.prisma.partnership.findUniqueOrThrow({ where: { reference } });
    const attributes = (await h.handle(reference).describe()).typedSearchAttributes;
    expect(attributes.get(ProgrammeAttribute)).toBe(row.programmeId ?? undefined);
    expect(attributes.get(ContractTypeAttribute)).toBe('licensing');
    expect(attributes.get(ContractAmountAttribute)).toBe(1_200_000);
    expect(attributes.get(OverdueAttribute)).toBe(false);
  });

  it('refuses a licence scope on a contract that is not a licence, naming its sheet, row and column', async () => {
    const report = await importFile({
      签约: [
        {
          成果编号或名称: 'T-A1',
          高校: '东北大学',
          企业: '沈阳宠乐食品有限公司',
          合同类型: '技术开发',
          '合同金额(元)': 1000,
          签约日期: '2026-12-10',
          许可方式: '独占许可',
        },
      ],
    });
    expect(report.errors).toEqual([{ sheet: '签约', row: 2, column: '许可方式', message: '只有技术许可合同有许可方式' }]);
    expect(report.written.signings).toBe(0);
  });
});
