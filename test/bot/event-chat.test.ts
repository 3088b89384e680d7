/**
 * A docking event from chat: its coordinators page through the docking list, strike, restore and
 * add pairs, launch it and register signings on site, through signed webhook deliveries and the
 * local Open API, against the real event workflow; everyone else is refused in their language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDirectory } from '../../app/directory.ts';
import { createEvent } from '../../app/events/create.ts';
import { eventHandle } from '../../app/events/handle.ts';
import { parseCommand } from '../../bots/commands.ts';
import { todayInShanghai } from '../../bots/event-sign-form.ts';
import { DOCKINGS_PAGE_SIZE } from '../../lark/cards/event-dockings.ts';
import { buildDockingListUpdate, editDockingsUpdate, eventStatusQuery } from '../../workflows/event-messages.ts';
import { FAST_POLICY } from '../support/harness.ts';
import { releaseDemands } from '../events/support.ts';
import { buttonsOf, cardText, findButton } from './support/cards.ts';
import { createBotWorld, OPEN_IDS, toastOf, type BotWorld } from './support/bot-world.ts';
import { cardActionEvent, deliveryOf } from './support/deliveries.ts';

const GRACE = 'ou_0000000000000000000000000000c0e1';
let w: BotWorld;
beforeAll(async () => {
  w = await createBotWorld(import.meta.url);
  // A programme coordinator who writes in English.
  await importDirectory(w.h.prisma, {
    people: [{ id: 'coord-en', name: 'Grace Liu', role: 'coordinator', email: 'grace@edu-ln.example.cn', language: 'en', larkOpenId: GRACE, channel: 'email' }],
  });
});
afterAll(async () => {
  await w?.close();
});

const ACHIEVEMENTS = ['T-A1', 'T-A2', 'T-A3', 'T-A4', 'T-A5', 'T-A6', 'T-A7'];

/** An event with its releases and its docking list built, as `event create` and `event build` make it. */
const eventWithList = async (id: string, coordinatorIds: string[] = ['coord']) => {
  const coord = await w.h.actor('coord');
  await createEvent({ prisma: w.h.prisma, client: w.h.client, taskQueue: w.h.taskQueue, policy: FAST_POLICY }, coord, {
    id,
    name: '辽宁省千校万企协同创新对接会',
    startsOn: '2026-12-10',
    endsOn: '2026-12-11',
    place: '沈阳',
    hostKind: 'region',
    host: '辽宁',
    programme: '千校万企',
    coordinatorIds,
  });
  const demands = await releaseDemands(w.h.prisma, id, id);
  const handle = await eventHandle(w.h.prisma, w.h.client, id);
  await handle.executeUpdate(buildDockingListUpdate, { args: [{ actor: coord }] });
  return { handle, demands, coord };
};

const docking = (eventId: string, demandId: string, achievementId: string) =>
  w.h.prisma.docking.findUnique({ where: { eventId_demandId_achievementId: { eventId, demandId, achievementId } } });

describe('reading the event commands', () => {
  it('takes the event, a page, a pair, in Chinese and English, and says how to write them', () => {
    expect(parseCommand('对接清单 LN-2026-03 2')).toEqual({ ok: true, command: { name: 'dockings', event: 'LN-2026-03', page: 2 } });
    expect(parseCommand('dockings LN-2026-03')).toEqual({ ok: true, command: { name: 'dockings', event: 'LN-2026-03', page: 1 } });
    expect(parseCommand('添加对接 LN-2026-03 D-1 A-2')).toEqual({
      ok: true,
      command: { name: 'add_docking', event: 'LN-2026-03', demand: 'D-1', achievement: 'A-2' },
    });
    expect(parseCommand('add docking LN-2026-03 D-1 A-2')).toEqual({
      ok: true,
      command: { name: 'add_docking', event: 'LN-2026-03', demand: 'D-1', achievement: 'A-2' },
    });
    expect(parseCommand('签约 LN-2026-03')).toEqual({ ok: true, command: { name: 'sign', event: 'LN-2026-03' } });
    expect(parseCommand('sign LN-2026-03')).toEqual({ ok: true, command: { name: 'sign', event: 'LN-2026-03' } });
    expect(parseCommand('签约')).toEqual({ ok: false, problem: 'needs_arguments', command: 'sign' });
    expect(parseCommand('添加对接 LN-2026-03 D-1')).toEqual({ ok: false, problem: 'needs_arguments', command: 'add_docking' });
  });
});

describe('a docking event from chat', () => {
  it('shows the docking list page by page; 划掉 then 恢复 changes the pair, recorded as the coordinator’s', async () => {
    const { handle, demands, coord } = await eventWithList('EV-PAGE');
    // Enough pairs for two pages: every achievement for the late demand, two for pet food.
    const edits = [...ACHIEVEMENTS.map((a) => ({ demandId: demands.late, achievementId: a })), { demandId: demands.petFood, achievementId: 'T-A3' }];
    await handle.executeUpdate(editDockingsUpdate, { args: [{ actor: coord, edits: edits.map((e) => ({ ...e, choice: 'keep' as const })) }] });
    const total = await w.h.prisma.docking.count({ where: { eventId: 'EV-PAGE' } });
    expect(total).toBeGreaterThan(DOCKINGS_PAGE_SIZE);

    const { message, card } = await w.say(OPEN_IDS.coord, '对接清单 ev-page');
    expect(cardText(card)).toContain(`第 **1** / 2 页，共 **${total}** 对`);
    expect(buttonsOf(card).filter((b) => b.value.op === 'strike')).toHaveLength(DOCKINGS_PAGE_SIZE);
    expect(buttonsOf(card).map((b) => (b.button.text as { content: string }).content)).not.toContain('上一页');

    await w.click(OPEN_IDS.coord, message, '下一页');
    expect(cardText(w.cardOf(message))).toContain(`第 **2** / 2 页`);
    expect(buttonsOf(w.cardOf(message)).filter((b) => b.value.op === 'strike')).toHaveLength(total - DOCKINGS_PAGE_SIZE);
    await w.click(OPEN_IDS.coord, message, '上一页');
    expect(cardText(w.cardOf(message))).toContain(`第 **1** / 2 页`);

    const strike = findButton(w.cardOf(message), '划掉').value as { demand: string; achievement: string };
    const struck = await w.click(OPEN_IDS.coord, message, '划掉');
    expect(toastOf(struck).type).toBe('success');
    expect(await docking('EV-PAGE', strike.demand, strike.achievement)).toMatchObject({ status: 'struck', decidedById: 'coord' });
    expect(cardText(w.cardOf(message))).toContain(`已划掉 ${strike.demand} ↔ ${strike.achievement}`);
    expect(findButton(w.cardOf(message), '恢复').value).toMatchObject({ demand: strike.demand, achievement: strike.achievement });

    await w.click(OPEN_IDS.coord, message, '恢复');
    const restored = await docking('EV-PAGE', strike.demand, strike.achievement);
    expect(restored?.status).toBe(restored?.rank === null ? 'added' : 'listed');
    expect(cardText(w.cardOf(message))).toContain(`已恢复 ${strike.demand} ↔ ${strike.achievement}`);
    const steps = (await handle.query(eventStatusQuery)).steps.filter((s) => s.type === 'dockings_edited');
    expect(steps.slice(-2).map((s) => [s.by, s.note.split(',')[0]])).toEqual([
      ['李敏', '1 struck'],
      ['李敏', '0 struck'],
    ]);
  });

  it('adds a pair from the card’s form and by command; an unknown id is refused in the person’s language', async () => {
    await eventWithList('EV-ADD', ['coord', 'coord-en']);
    const { message } = await w.say(OPEN_IDS.coord, '对接清单 EV-ADD');
    // The pet food demand by its release number, as the spreadsheet gave it.
    const added = await w.click(OPEN_IDS.coord, message, '添加', { fill: { demand: 'EV-ADD-R2', achievement: 'T-A7' } });
    expect(toastOf(added).type).toBe('success');
    expect(await docking('EV-ADD', 'EV-ADD-D2', 'T-A7')).toMatchObject({ status: 'added', decidedById: 'coord' });
    const text = cardText(w.cardOf(message));
    expect(text).toContain('已添加 EV-ADD-D2 ↔ T-A7');
    expect(text).toContain('人工添加');
    expect(text).toContain('植物基酸奶质构改良与发酵菌株');

    const unknown = await w.click(OPEN_IDS.coord, message, '添加', { fill: { demand: 'EV-ADD-D2', achievement: 'NO-SUCH' } });
    expect(toastOf(unknown)).toEqual({ type: 'error', content: '没有编号为 NO-SUCH 的成果，请检查编号。' });

    const byCommand = await w.say(OPEN_IDS.coord, '添加对接 EV-ADD EV-ADD-D3 T-A5');
    expect(cardText(byCommand.card)).toContain('已添加 EV-ADD-D3 ↔ T-A5');
    expect((await docking('EV-ADD', 'EV-ADD-D3', 'T-A5'))?.status).toBe('added');
    const english = await w.say(GRACE, 'add docking EV-ADD NOPE T-A5');
    expect(cardText(english.card)).toContain('There is no demand NOPE; check the id.');
  });

  it('launches from the event card after a confirm step, answering at once and then with the partnerships started', async () => {
    const { demands } = await eventWithList('EV-LAUNCH');
    const { message, card } = await w.say(OPEN_IDS.coord, '对接会 EV-LAUNCH');
    expect(buttonsOf(card).map((b) => b.value.op)).toEqual(['dockings', 'launch', 'sign_form']);
    const open = await w.h.prisma.docking.findMany({ where: { eventId: 'EV-LAUNCH' }, distinct: ['demandId'] });

    await w.click(OPEN_IDS.coord, message, '发起对接');
    expect(cardText(w.cardOf(message))).toContain(`将把 **${open.length}** 个需求`);
    expect(await w.h.prisma.partnership.count({ where: { eventId: 'EV-LAUNCH' } })).toBe(0);

    const answer = await w.click(OPEN_IDS.coord, message, '确认发起');
    expect(toastOf(answer).type).toBe('info');
    expect(cardText(w.cardOf(message))).toContain('正在发起');
    await w.bot.idle();
    expect(cardText(w.cardOf(message))).toContain(`新建 **${open.length}** 个合作项目，**0** 个已经存在`);
    expect(await w.h.prisma.partnership.count({ where: { eventId: 'EV-LAUNCH' } })).toBe(open.length);
    expect(await w.h.prisma.docking.count({ where: { eventId: 'EV-LAUNCH', status: { not: 'launched' } } })).toBe(0);

    // A pair added to a launched demand launches into the partnership already there.
    await w.say(OPEN_IDS.coord, `添加对接 EV-LAUNCH ${demands.roll} T-A7`);
    await w.click(OPEN_IDS.coord, message, '返回对接会');
    await w.click(OPEN_IDS.coord, message, '发起对接');
    await w.click(OPEN_IDS.coord, message, '确认发起');
    await w.bot.idle();
    expect(cardText(w.cardOf(message))).toContain('新建 **0** 个合作项目，**1** 个已经存在');
    expect((await docking('EV-LAUNCH', demands.roll, 'T-A7'))?.status).toBe('launched');
  });

  it('registers a signing on site from the form, with the contract signed at the event', async () => {
    await eventWithList('EV-SIGN');
    const { message, card } = await w.say(OPEN_IDS.coord, '签约 EV-SIGN');
    const date = JSON.stringify(card).match(/"initial_date":"([\d-]+)"/)?.[1];
    expect(date).toBe(todayInShanghai());

    const wrong = await w.click(OPEN_IDS.coord, message, '登记签约', { fill: { subject: 'EV-SIGN-R3', type: 'service', amount: '很多' } });
    expect(toastOf(wrong).type).toBe('error');
    expect(cardText(w.cardOf(message))).toContain('合同金额（元）：请填写正数');

    // The late demand by its release number; the enterprise is the demand's own.
    await w.click(OPEN_IDS.coord, message, '登记签约', {
      fill: { kind: 'demand', subject: 'EV-SIGN-R3', university: '东北大学', type: 'service', amount: '30万', signedOn: '2026-12-10 +0800' },
    });
    await w.bot.idle();
    const text = cardText(w.cardOf(message));
    expect(text).toContain('合同已登记');
    const reference = /P-\d{4}-\d{6}/.exec(text)?.[0];
    const contract = await w.h.prisma.contract.findFirst({ where: { partnership: { reference: reference ?? '' } } });
    expect(contract).toMatchObject({ signedAtEventId: 'EV-SIGN', type: 'service', universityId: 'u-neu', enterpriseId: 'e-steel' });
    expect(Number(contract?.amountCny)).toBe(300_000);
  });

  it('refuses anyone but the event’s coordinators, in their language, and a value from another event’s card', async () => {
    await eventWithList('EV-ONLY');
    await eventWithList('EV-OTHER', ['coord-en']);
    const english = await w.say(OPEN_IDS.ttoJiangnan, 'dockings EV-ONLY');
    expect(cardText(english.card)).toContain('Only the coordinators of');
    const chinese = await w.say(OPEN_IDS.steel, '签约 EV-ONLY');
    expect(cardText(chinese.card)).toContain('只有对接会');
    // A programme coordinator the event does not name.
    const notListed = await w.say(GRACE, 'dockings EV-ONLY');
    expect(cardText(notListed.card)).toContain('Only the coordinators of');

    // Grace clicks on a card of EV-ONLY, and sends its pair under the event she coordinates.
    const { message } = await w.say(OPEN_IDS.coord, '对接清单 EV-ONLY');
    const strike = findButton(w.cardOf(message), '划掉').value as { demand: string; achievement: string };
    const clicked = await w.click(GRACE, message, '划掉');
    expect(toastOf(clicked).type).toBe('error');
    const forged = cardActionEvent(w.secrets, {
      operatorOpenId: GRACE,
      messageId: message.messageId,
      chatId: message.chatId,
      token: w.lark.issueCardToken(message.messageId),
      value: { v: 1, d: 'event', op: 'strike', event: 'EV-OTHER', page: 1, demand: strike.demand, achievement: strike.achievement },
    });
    const answer = await w.post('/lark/cards', deliveryOf(w.secrets, forged));
    expect(toastOf(answer)).toEqual({ type: 'error', content: "That pair is not on this event's docking list." });
    expect((await docking('EV-ONLY', strike.demand, strike.achievement))?.status).not.toBe('struck');
    expect(await w.h.prisma.docking.count({ where: { eventId: 'EV-OTHER', demandId: strike.demand, achievementId: strike.achievement } })).toBe(0);
  });
});
