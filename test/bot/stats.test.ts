import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { saveProgramme } from '../../app/programmes/store.ts';
import { ROLL_WEAR_DEMAND } from '../support/harness.ts';
import { validateCard } from '../support/lark-open-api.ts';
import { cardText } from './support/cards.ts';
import { createBotWorld, OPEN_IDS, type BotWorld } from './support/bot-world.ts';

let w: BotWorld;
let reference: string;
beforeAll(async () => {
  w = await createBotWorld(import.meta.url);
  await saveProgramme(w.h.prisma, { code: 'CN', name: '千校万企协同创新伙伴行动', level: 'national', startsOn: '2023-01-01', endsOn: '2027-12-31' });
  await saveProgramme(w.h.prisma, {
    code: 'LN',
    name: '辽宁省千校万企行动',
    level: 'provincial',
    regions: ['辽宁省'],
    parent: 'CN',
    coordinatorIds: ['coord'],
    startsOn: '2023-01-01',
    endsOn: '2026-12-31',
    targets: { universities: 100, enterprises: 1000, experts: 2000, transformations: 7000 },
  });
  await saveProgramme(w.h.prisma, {
    code: 'JS',
    name: '江苏省千校万企行动',
    level: 'provincial',
    regions: ['江苏省'],
    parent: 'CN',
    startsOn: '2023-01-01',
    endsOn: '2026-12-31',
  });
  reference = await w.h.submit(ROLL_WEAR_DEMAND, { key: 'stats-ln' });
  await w.h.prisma.partnership.create({
    data: {
      id: 'js-1',
      reference: 'P-2026-900001',
      workflowId: 'partnership-js-1',
      submissionKey: 'js-1',
      kind: 'demand',
      title: '江苏的需求',
      region: '江苏省',
      industry: '电子',
      submittedById: 'coord',
      programmeId: 'JS',
    },
  });
});
afterAll(async () => {
  await w?.close();
});

/** Everything the bot answered one message with, in order. */
const answersTo = async (openId: string, text: string) => {
  const before = w.lark.messages.length;
  await w.say(openId, text);
  const parent = w.lark.messages.slice(before).find((m) => m.parentId !== null)?.parentId;
  return w.lark.messages.filter((m) => m.parentId === parent);
};

describe('统计 and programmes in chat', () => {
  it('puts a partnership submitted in 辽宁省 under the 辽宁 programme', async () => {
    expect((await w.h.prisma.partnership.findUnique({ where: { reference } }))?.programmeId).toBe('LN');
  });

  it('answers 统计 辽宁 2025 with the figures against 辽宁’s targets and the workbook as a file', async () => {
    const [card, file] = await answersTo(OPEN_IDS.manager, '统计 辽宁 2025');
    expect(card?.msgType).toBe('interactive');
    const content = w.lark.contentOf(card!);
    expect(validateCard(content)).toBeNull();
    const text = cardText(content);
    expect(text).toContain('辽宁省千校万企行动（LN） · 2025');
    expect(text).toContain('**服务高校**：0 / 100（0%）');
    expect(text).toContain('**入企专家**：0 / 2,000（0%）');
    expect(file?.msgType).toBe('file');
    const uploaded = w.lark.fileOf(file!);
    expect(uploaded?.fileName).toBe('统计_LN_2025.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(uploaded!.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['汇总', '按地区', '按高校', '按行业', '按企业类别', '按对接活动']);
  });

  it('names a word it cannot place, with the programme codes, and sends no file', async () => {
    const answers = await answersTo(OPEN_IDS.manager, '统计 火星');
    expect(answers).toHaveLength(1);
    expect(cardText(w.lark.contentOf(answers[0]!))).toContain('没有找到“火星”');
  });

  it('lists for a coordinator only their programmes’ partnerships, and everything for a manager', async () => {
    const coordinator = cardText(w.lark.contentOf((await answersTo(OPEN_IDS.coord, '列表'))[0]!));
    expect(coordinator).toContain(reference);
    expect(coordinator).not.toContain('P-2026-900001');
    const manager = cardText(w.lark.contentOf((await answersTo(OPEN_IDS.manager, '列表'))[0]!));
    expect(manager).toContain(reference);
    expect(manager).toContain('P-2026-900001');
  });
});
