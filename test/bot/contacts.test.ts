/** 联系人 / contacts through signed webhook deliveries: who at an organisation is reachable, and who may ask. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommand } from '../../bots/commands.ts';
import { cardText } from './support/cards.ts';
import { createBotWorld, OPEN_IDS, type BotWorld } from './support/bot-world.ts';

let w: BotWorld;
beforeAll(async () => {
  w = await createBotWorld(import.meta.url);
  await w.h.prisma.organisation.create({ data: { id: 'u-quiet', kind: 'university', name: '辽宁静默学院', region: '辽宁省' } });
  await w.h.prisma.person.create({ data: { id: 'quiet-tto', name: '无联系', role: 'tto_officer', organisationId: 'u-quiet', channel: 'email' } });
});
afterAll(async () => {
  await w?.close();
});

describe('联系人 / contacts', () => {
  it('reads the organisation after the keyword, spaces and all', () => {
    expect(parseCommand('联系人 大连理工大学')).toEqual({ ok: true, command: { name: 'contacts', organisation: '大连理工大学' } });
    expect(parseCommand('Contacts Dalian University of Technology')).toEqual({
      ok: true,
      command: { name: 'contacts', organisation: 'Dalian University of Technology' },
    });
  });

  it('shows a coordinator everyone at the organisation with their whole email', async () => {
    const reply = await w.say(OPEN_IDS.coord, '联系人 大连理工大学');
    const text = cardText(reply.card);
    expect(text).toContain('联系人 · 大连理工大学');
    expect(text).toContain('**孙婷** · 技术转移中心 · 飞书：是 · 邮箱：sunting@dut.example.cn · 接收方式：飞书');
  });

  it("shows the organisation's own people the emails masked", async () => {
    const reply = await w.say(OPEN_IDS.ttoDut, '联系人 u-dut');
    const text = cardText(reply.card);
    expect(text).toContain('邮箱：s***@dut.example.cn');
    expect(text).not.toContain('sunting@');
  });

  it('refuses anyone else, in their language', async () => {
    const zh = await w.say(OPEN_IDS.steel, '联系人 大连理工大学');
    expect(cardText(zh.card)).toContain('只有项目协调员和本单位人员可以查看单位的联系人。');
    expect(cardText(zh.card)).not.toContain('孙婷');
    const en = await w.say(OPEN_IDS.ttoJiangnan, 'contacts u-dut');
    expect(cardText(en.card)).toContain("Only programme coordinators and the organisation's own people may see its contacts.");
  });

  it('says plainly when nobody at an organisation can be reached, and when there is no such organisation', async () => {
    const quiet = await w.say(OPEN_IDS.coord, '联系人 辽宁静默学院');
    expect(cardText(quiet.card)).toContain('辽宁静默学院 目前没有可以联系的人');
    const unknown = await w.say(OPEN_IDS.coord, '联系人 不存在大学');
    expect(cardText(unknown.card)).toContain('没有找到单位“不存在大学”');
  });
});
