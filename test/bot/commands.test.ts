import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommand } from '../../bots/commands.ts';
import { ROLL_WEAR_DEMAND } from '../support/harness.ts';
import { buttonsOf, cardText, optionsOf } from './support/cards.ts';
import { createBotWorld, OPEN_IDS, type BotWorld } from './support/bot-world.ts';
import { deliveryOf, messageEvent, newEventId } from './support/deliveries.ts';

let w: BotWorld;
beforeAll(async () => {
  w = await createBotWorld(import.meta.url);
});
afterAll(async () => {
  await w?.close();
});

describe('reading what people type', () => {
  it('strips mentions, takes Chinese first and English too, and asks for a missing reference', () => {
    expect(parseCommand('@_user_1 进度 p-2026-000123')).toEqual({ ok: true, command: { name: 'status', reference: 'P-2026-000123' } });
    expect(parseCommand('进度P-2026-000123')).toEqual({ ok: true, command: { name: 'status', reference: 'P-2026-000123' } });
    expect(parseCommand('  New Demand ')).toEqual({ ok: true, command: { name: 'new', kind: 'demand' } });
    expect(parseCommand('新成果')).toEqual({ ok: true, command: { name: 'new', kind: 'achievement' } });
    expect(parseCommand('待办')).toEqual({ ok: true, command: { name: 'pending' } });
    expect(parseCommand('列表 审核')).toEqual({ ok: true, command: { name: 'list', stage: 'review' } });
    expect(parseCommand('stats')).toEqual({ ok: true, command: { name: 'stats' } });
    expect(parseCommand('匹配')).toEqual({ ok: false, problem: 'needs_reference', keyword: '匹配' });
    expect(parseCommand('你好')).toEqual({ ok: false, problem: 'unknown', text: '你好' });
  });
});

describe('chat commands', () => {
  it('answers 帮助 with every command, and anything it does not understand with the same help', async () => {
    const help = await w.say(OPEN_IDS.coord, '帮助');
    expect(cardText(help.card)).toContain('新需求');
    expect(cardText(help.card)).toContain('进度 P-2026-000123');
    const unknown = await w.say(OPEN_IDS.coord, '今天天气怎么样');
    expect(cardText(unknown.card)).toContain('没有识别“今天天气怎么样”');
    expect(cardText(unknown.card)).toContain('待办');
  });

  it("answers in the person's language", async () => {
    const help = await w.say(OPEN_IDS.ttoJiangnan, 'help');
    expect(cardText(help.card)).toContain('**pending** — what waits for me');
  });

  it('tells an unknown Lark user how to be registered', async () => {
    const reply = await w.say(OPEN_IDS.stranger, '帮助');
    expect(reply.message.msgType).toBe('text');
    expect(w.lark.contentOf(reply.message).text).toContain(`open_id（${OPEN_IDS.stranger}）`);
    expect(w.lark.contentOf(reply.message).text).toContain('npm run cli -- directory');
  });

  it('answers 新需求 with a form and starts a partnership from it, answering with the reference number', async () => {
    const form = await w.say(OPEN_IDS.steel, '新需求');
    expect(optionsOf(form.card, 'organisation')).toEqual(['鞍山华冶板材有限公司']);
    const answer = await w.click(OPEN_IDS.steel, form.message, '提交', {
      fill: {
        title: '热轧板表面氧化铁皮压入缺陷',
        description: '热轧板表面出现氧化铁皮压入缺陷，影响表面质量，希望找到除鳞工艺改进方案。',
        fields: '冶金、轧制',
        budgetWan: '150',
        cooperationModes: ['技术服务'],
      },
    });
    expect(answer.status).toBe(200);
    const text = cardText(w.cardOf(form.message));
    const reference = /P-\d{4}-\d{6}/.exec(text)?.[0];
    expect(reference).toBeDefined();
    const status = await w.h.waitFor(reference!, (s) => s.stage === 'review');
    expect(status.title).toBe('热轧板表面氧化铁皮压入缺陷');
    expect(status.region).toBe('辽宁省');
    expect(status.submittedBy.name).toBe('刘洋');
  });

  it('answers 新成果 from a university with its form, and tells an enterprise contact who submits achievements', async () => {
    const form = await w.say(OPEN_IDS.ttoNeu, '新成果');
    expect(optionsOf(form.card, 'organisation')).toEqual(['东北大学']);
    expect(optionsOf(form.card, 'maturity')).toHaveLength(9);
    await w.click(OPEN_IDS.ttoNeu, form.message, '提交', {
      fill: {
        title: '高铬铸铁轧辊激光熔覆修复技术',
        summary: '采用激光熔覆在轧辊表面制备碳化钨耐磨层，寿命提高两倍以上，已在两条产线应用。',
        fields: '冶金、材料',
        keywords: '激光熔覆，碳化钨，耐磨涂层',
        maturity: '8',
        cooperationModes: ['许可'],
      },
    });
    const reference = /P-\d{4}-\d{6}/.exec(cardText(w.cardOf(form.message)))?.[0];
    const status = await w.h.waitFor(reference!, (s) => s.stage === 'review');
    expect(status.kind).toBe('achievement');
    expect(status.university?.name).toBe('东北大学');

    const refused = await w.say(OPEN_IDS.steel, '新成果');
    expect(cardText(refused.card)).toContain('科技成果由高校技术转移中心或项目协调员提交');
  });

  it("shows a form's wrong fields in the card, naming each, and starts nothing", async () => {
    const before = await w.h.prisma.partnership.count();
    const form = await w.say(OPEN_IDS.steel, '新需求');
    const answer = await w.click(OPEN_IDS.steel, form.message, '提交', {
      fill: { title: '', description: '缺陷多', fields: '冶金', budgetWan: '很多', cooperationModes: [] },
    });
    expect((answer.body.toast as { type: string }).type).toBe('error');
    const text = cardText(w.cardOf(form.message));
    expect(text).toContain('请修改以下内容后重新提交');
    expect(text).toMatch(/标题: /);
    expect(text).toMatch(/预算（万元）: /);
    expect(text).toMatch(/合作方式: /);
    expect(await w.h.prisma.partnership.count()).toBe(before);
  });

  it('shows 进度 with stage, parties and what is awaited, and says so for an unknown reference', async () => {
    const reference = await w.h.submit(ROLL_WEAR_DEMAND);
    await w.h.waitFor(reference, (s) => s.stage === 'review');
    const reply = await w.say(OPEN_IDS.coord, `进度 ${reference}`);
    const text = cardText(reply.card);
    expect(text).toContain(reference);
    expect(text).toContain('鞍山华冶板材有限公司');
    expect(text).toContain('审核提交');
    expect(buttonsOf(reply.card).map((b) => b.value.d)).toContain('review');
    const missing = await w.say(OPEN_IDS.coord, 'status P-2026-999999');
    expect(cardText(missing.card)).toContain('没有找到项目 P-2026-999999');
  });

  it('shows a manager everything but offers no decisions', async () => {
    const reference = await w.h.submit(ROLL_WEAR_DEMAND, { key: 'manager-view' });
    await w.h.waitFor(reference, (s) => s.stage === 'review');
    const status = await w.say(OPEN_IDS.manager, `进度 ${reference}`);
    expect(cardText(status.card)).toContain(reference);
    expect(buttonsOf(status.card)).toEqual([]);
    const pending = await w.say(OPEN_IDS.manager, '待办');
    expect(cardText(pending.card)).toContain('管理人员可以查看全部进度和统计，但不参与决定');
  });

  it('lists what waits for me (待办), oldest first, each with its buttons', async () => {
    const reference = await w.h.submit(ROLL_WEAR_DEMAND, { key: 'pending-list' });
    await w.h.waitFor(reference, (s) => s.stage === 'review');
    await w.settled(reference);
    const inReview = await w.h.prisma.partnership.findMany({ where: { stage: 'review' }, orderBy: { updatedAt: 'asc' }, select: { reference: true } });
    const mine = await w.say(OPEN_IDS.coord, '待办');
    const text = cardText(mine.card);
    expect(text).toContain(`我的待办（${inReview.length}）`);
    const shown = inReview.slice(0, 5).map((row) => row.reference);
    for (const ref of shown) {
      expect(text).toContain(ref);
      expect(
        buttonsOf(mine.card)
          .filter((b) => b.value.ref === ref)
          .map((b) => b.value.decision),
      ).toEqual(['approve', 'request_changes', 'reject']);
    }
    if (inReview.length > 5) expect(text).toContain(`另有 ${inReview.length - 5} 项未显示`);
    expect(text).toContain('项目协调员：审核提交');
    const theirs = await w.say(OPEN_IDS.ttoDut, '待办');
    expect(cardText(theirs.card)).toContain('目前没有需要你处理的事项');
  });

  it('shows 统计 as a chart by stage and the figures against the programme targets', async () => {
    const reply = await w.say(OPEN_IDS.manager, '统计');
    const elements = (reply.card.body as { elements: Record<string, unknown>[] }).elements;
    const chart = elements.find((e) => e.tag === 'chart') as { chart_spec: { data: { values: { label: string; value: number }[] } } };
    const inReview = chart.chart_spec.data.values.find((v) => v.label === '审核');
    expect(inReview?.value).toBe(await w.h.prisma.partnership.count({ where: { stage: 'review' } }));
    expect(cardText(reply.card)).toContain('**供需对接**：0 / 800（0%）');
  });

  it('lists partnerships (列表) and shows the candidates of one (匹配)', async () => {
    const list = await w.say(OPEN_IDS.coord, '列表 审核');
    const rows = await w.h.prisma.partnership.findMany({ where: { stage: 'review' }, select: { reference: true } });
    for (const row of rows) expect(cardText(list.card)).toContain(row.reference);
    const reference = rows[0]!.reference;
    const match = await w.say(OPEN_IDS.coord, `匹配 ${reference}`);
    expect(cardText(match.card)).toContain('当前没有候选');
  });

  it('answers in a group only when @-mentioned, and processes a redelivered event once', async () => {
    const chatId = 'oc_00000000000000000000000000000001';
    const quiet = w.lark.seedUserMessage({ senderOpenId: OPEN_IDS.coord, text: '帮助', chatId });
    await w.post(
      '/lark/events',
      deliveryOf(w.secrets, messageEvent(w.secrets, { senderOpenId: OPEN_IDS.coord, messageId: quiet, text: '帮助', chatId, chatType: 'group' })),
    );
    await w.bot.idle();
    expect(w.lark.messages.filter((m) => m.parentId === quiet)).toEqual([]);

    const eventId = newEventId();
    const asked = w.lark.seedUserMessage({ senderOpenId: OPEN_IDS.coord, text: '@_user_1 帮助', chatId });
    const event = messageEvent(w.secrets, {
      senderOpenId: OPEN_IDS.coord,
      messageId: asked,
      text: '@_user_1 帮助',
      chatId,
      chatType: 'group',
      mentions: [{ openId: 'ou_bot0000000000000001', name: '助手' }],
      eventId,
    });
    for (let i = 0; i < 3; i += 1) expect((await w.post('/lark/events', deliveryOf(w.secrets, event))).status).toBe(200);
    await w.bot.idle();
    const replies = w.lark.messages.filter((m) => m.parentId === asked);
    expect(replies).toHaveLength(1);
    expect(cardText(w.lark.contentOf(replies[0]!))).toContain('新需求');
    expect(await w.h.prisma.larkEvent.count({ where: { eventId } })).toBe(1);
  });
});
