import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommand } from '../../bots/commands.ts';
import { loadConfig } from '../../lib/config.ts';
import { importReleases, ImportRefused, templateWorkbook } from '../../releases/index.ts';
import type { LarkMessage } from '../support/lark-open-api.ts';
import { cardText } from './support/cards.ts';
import { createBotWorld, OPEN_IDS, type BotWorld } from './support/bot-world.ts';
import { deliveryOf, messageEvent } from './support/deliveries.ts';

let w: BotWorld;
beforeAll(async () => {
  w = await createBotWorld(import.meta.url);
  await w.h.prisma.event.create({
    data: {
      id: 'LN-2026-03',
      name: '辽宁省校企对接会',
      startsOn: new Date('2026-09-20'),
      endsOn: new Date('2026-09-21'),
      place: '沈阳',
      hostKind: 'region',
      host: '辽宁省',
      programme: '千校万企',
      coordinatorIds: ['coord'],
      workflowId: 'event-LN-2026-03',
      createdById: 'coord',
    },
  });
});
afterAll(async () => {
  await w?.close();
});

const workbookOf = async (bytes: Buffer): Promise<ExcelJS.Workbook> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
};

const sheetNames = (workbook: ExcelJS.Workbook): string[] => workbook.worksheets.map((sheet) => sheet.name);

type Rows = Readonly<Record<string, readonly Readonly<Record<string, string | number>>[]>>;

/** A release workbook as a coordinator fills it in: a sheet per kind, headings in row 1, a row per release. */
const releaseWorkbook = async (sheets: Rows): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    const headings = [...new Set(rows.flatMap((row) => Object.keys(row)))];
    sheet.addRow(headings);
    for (const row of rows) sheet.addRow(headings.map((heading) => row[heading] ?? null));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

const ACHIEVEMENT = {
  成果名称: '高铬铸铁轧辊激光熔覆修复技术',
  成果简介: '采用激光熔覆在轧辊表面制备碳化钨耐磨层，寿命提高两倍以上，已在两条产线应用。',
  所属领域: '冶金、新材料',
  '成熟度(TRL)': 8,
  合作方式: '许可',
  所属高校: '东北大学',
};
const DEMAND = {
  需求名称: '热轧板表面氧化铁皮压入缺陷治理',
  需求描述: '热轧板表面出现氧化铁皮压入缺陷，影响表面质量，希望找到除鳞工艺改进方案。',
  所属行业: '冶金',
  '预算(万元)': 150,
  期望合作方式: '合作开发',
  企业名称: '鞍山华冶板材有限公司',
};

/** A person sends the bot a file; resolves once the bot has answered everything it answers. */
const sendFile = async (openId: string, fileName: string, bytes: Buffer): Promise<{ replies: LarkMessage[]; downloads: number }> => {
  const sent = w.lark.seedUserFile({ senderOpenId: openId, fileName, bytes });
  const base = messageEvent(w.secrets, { senderOpenId: openId, messageId: sent.messageId, text: '' });
  const event = base.event as { message: Record<string, unknown> };
  const fileEvent = {
    ...base,
    event: { ...event, message: { ...event.message, message_type: 'file', content: JSON.stringify({ file_key: sent.fileKey, file_name: fileName }) } },
  };
  const before = w.lark.requests.filter((request) => request.route === 'resource').length;
  const answer = await w.post('/lark/events', deliveryOf(w.secrets, fileEvent));
  expect(answer.status).toBe(200);
  await w.bot.idle();
  return {
    replies: w.lark.messages.filter((message) => message.parentId === sent.messageId),
    downloads: w.lark.requests.filter((request) => request.route === 'resource').length - before,
  };
};

const textOf = (message: LarkMessage): string => {
  const content = w.cardOf(message);
  return message.msgType === 'interactive' ? cardText(content) : typeof content.text === 'string' ? content.text : '';
};

/** What a cell of the workbook of problems says. */
const cellText = (sheet: ExcelJS.Worksheet, row: number, column: number): string => sheet.getRow(row).getCell(column).text;

/** Every state a card went through, oldest first. */
const cardHistory = (message: LarkMessage): string[] => {
  const current = w.lark.message(message.messageId)!;
  return [...current.history, current.content].map((content) => cardText(JSON.parse(content) as Record<string, unknown>));
};

describe('reading import commands', () => {
  it('takes the template and an event to import into, in Chinese and English', () => {
    expect(parseCommand('导入模板')).toEqual({ ok: true, command: { name: 'template' } });
    expect(parseCommand('@_user_1 template')).toEqual({ ok: true, command: { name: 'template' } });
    expect(parseCommand('导入 LN-2026-03')).toEqual({ ok: true, command: { name: 'import', event: 'LN-2026-03' } });
    expect(parseCommand('导入LN-2026-03')).toEqual({ ok: true, command: { name: 'import', event: 'LN-2026-03' } });
    expect(parseCommand('Import ln-2026-03')).toEqual({ ok: true, command: { name: 'import', event: 'ln-2026-03' } });
    expect(parseCommand('导入')).toEqual({ ok: true, command: { name: 'import' } });
  });
});

describe('the import template', () => {
  it('answers 导入模板 with the template workbook as a file, in the person’s language', async () => {
    const zh = await w.say(OPEN_IDS.coord, '导入模板');
    expect(zh.message.msgType).toBe('file');
    const file = w.lark.fileOf(zh.message)!;
    expect(file.fileName).toBe('成果与需求导入模板.xlsx');
    expect(file.fileType).toBe('xls');
    const expected = sheetNames(await workbookOf(await templateWorkbook('zh')));
    expect(expected.length).toBeGreaterThan(0);
    expect(sheetNames(await workbookOf(file.bytes))).toEqual(expected);

    const en = await w.say(OPEN_IDS.ttoJiangnan, 'template');
    const english = w.lark.fileOf(en.message)!;
    expect(english.fileName).toBe('release-import-template.xlsx');
    expect(sheetNames(await workbookOf(english.bytes))).toEqual(sheetNames(await workbookOf(await templateWorkbook('en'))));
  });
});

describe('importing a file sent to the bot', () => {
  it('refuses anyone but a coordinator, without fetching the file', async () => {
    const { replies, downloads } = await sendFile(OPEN_IDS.steel, '成果.xlsx', await releaseWorkbook({ 成果: [ACHIEVEMENT] }));
    expect(downloads).toBe(0);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.msgType).toBe('text');
    expect(textOf(replies[0]!)).toContain('只有项目协调员可以批量导入成果和需求');
  });

  it('answers at once with a progress card, then names every planted mistake and sends the workbook of problems', async () => {
    const before = await w.h.prisma.achievement.count();
    const bytes = await releaseWorkbook({
      成果: [
        ACHIEVEMENT,
        { ...ACHIEVEMENT, 成果名称: '轧辊表面在线检测系统', '成熟度(TRL)': 12 },
        { ...ACHIEVEMENT, 成果名称: '焊缝识别算法', 所属高校: '不存在大学' },
      ],
      需求: [{ ...DEMAND, 期望合作方式: '捐赠' }],
    });
    const { replies } = await sendFile(OPEN_IDS.coord, '第一批.xlsx', bytes);
    expect(replies.map((reply) => reply.msgType)).toEqual(['interactive', 'interactive', 'file']);
    const [progress, summary, problems] = replies as [LarkMessage, LarkMessage, LarkMessage];

    const states = cardHistory(progress);
    expect(states[0]).toContain('处理中');
    expect(states[0]).toContain('第一批.xlsx');
    expect(states.at(-1)).toContain('已处理完毕');

    const text = textOf(summary);
    expect(text).toContain('文件有问题，未导入');
    expect(text).toContain('共 4 行，其中 1 行无误');
    expect(text).toContain('没有写入任何内容');
    expect(text).toMatch(/「成果」第 3 行「成熟度\(TRL\)」：/);
    expect(text).toMatch(/「成果」第 4 行「所属高校」：/);
    expect(text).toMatch(/「需求」第 2 行「期望合作方式」：/);
    expect(await w.h.prisma.achievement.count()).toBe(before);

    const errorFile = w.lark.fileOf(problems)!;
    expect(errorFile.fileName).toBe('问题清单-第一批.xlsx');
    const workbook = await workbookOf(errorFile.bytes);
    const sheet = workbook.getWorksheet('成果')!;
    // The workbook of problems is the file sent, with a column of problems after the last heading.
    const problemColumn = sheet.getRow(1).cellCount;
    expect(problemColumn).toBe(Object.keys(ACHIEVEMENT).length + 1);
    expect(cellText(sheet, 1, problemColumn)).toBe('问题');
    expect(cellText(sheet, 3, problemColumn)).toContain('成熟度(TRL)');
    expect(cellText(sheet, 4, problemColumn)).toContain('所属高校');
    expect(cellText(sheet, 2, problemColumn)).toBe('');
    const demands = workbook.getWorksheet('需求')!;
    expect(cellText(demands, 2, demands.getRow(1).cellCount)).toContain('期望合作方式');
  });

  it('imports a clean workbook into the chosen event and counts what it wrote', async () => {
    const chosen = await w.say(OPEN_IDS.coord, '导入 ln-2026-03');
    expect(cardText(chosen.card)).toContain('已选定活动 **辽宁省校企对接会（LN-2026-03）**');
    const bytes = await releaseWorkbook({
      成果: [
        { ...ACHIEVEMENT, 成果编号: 'A-001' },
        { ...ACHIEVEMENT, 成果编号: 'A-002', 成果名称: '带钢表面缺陷视觉检测' },
      ],
      需求: [{ ...DEMAND, 需求编号: 'D-001' }],
    });
    const { replies } = await sendFile(OPEN_IDS.coord, '对接会发布.xlsx', bytes);
    expect(replies.map((reply) => reply.msgType)).toEqual(['interactive', 'interactive']);
    const text = textOf(replies[1]!);
    expect(text).toContain('导入完成');
    expect(text).toContain('共 3 行，其中 3 行无误');
    expect(text).toContain('成果 2');
    expect(text).toContain('需求 1');
    expect(text).toContain('活动：辽宁省校企对接会（LN-2026-03）');
    expect(await w.h.prisma.achievement.count({ where: { eventId: 'LN-2026-03' } })).toBe(2);
    expect(await w.h.prisma.demand.count({ where: { eventId: 'LN-2026-03' } })).toBe(1);
  });

  it('says when the event named does not exist, and how importing works', async () => {
    expect(cardText((await w.say(OPEN_IDS.coord, 'import XX-0000')).card)).toContain('没有找到活动 XX-0000');
    expect(cardText((await w.say(OPEN_IDS.steel, '导入')).card)).toContain('只有项目协调员');
  });

  it('turns the card into the one sentence for a file that is not a spreadsheet', async () => {
    const file = { name: '会议纪要.txt', bytes: Buffer.from('这不是表格\n') };
    const refusal: unknown = await importReleases(null, file, { language: 'zh', dryRun: true }).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ImportRefused);
    const { replies } = await sendFile(OPEN_IDS.coord, file.name, file.bytes);
    expect(replies).toHaveLength(1);
    const states = cardHistory(replies[0]!);
    expect(states[0]).toContain('处理中');
    expect(states.at(-1)).toContain('未导入');
    expect(states.at(-1)).toContain((refusal as ImportRefused).message);
  });

  it('refuses a file over the limit from the size Lark announces', async () => {
    const { replies } = await sendFile(OPEN_IDS.coord, '大文件.xlsx', Buffer.alloc(loadConfig().IMPORT_MAX_BYTES + 1, 0x41));
    expect(cardHistory(replies[0]!).at(-1)).toContain('“大文件.xlsx”超过了 20 MB');
    const download = w.lark.requests.filter((request) => request.route === 'resource').at(-1);
    expect(download?.status).toBe(200);
  });
});
