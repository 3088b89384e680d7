import * as lark from '@larksuiteoapi/node-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot } from '../../bots/server.ts';
import { decryptLarkPayload, verifyDelivery } from '../../bots/verify.ts';
import { claimEvent, pruneEvents } from '../../bots/event-log.ts';
import { FAST_POLICY } from '../support/harness.ts';
import { createBotWorld, partnershipInReview, OPEN_IDS, type BotWorld } from './support/bot-world.ts';
import { cardText, findButton, formValueOf } from './support/cards.ts';
import { cardActionEvent, deliveryOf, encryptBody, messageEvent, signed, urlVerification } from './support/deliveries.ts';

let w: BotWorld;
beforeAll(async () => {
  w = await createBotWorld(import.meta.url);
});
afterAll(async () => {
  await w?.close();
});

describe('verifying deliveries', () => {
  it('decrypts what Lark encrypts and checks signature and token', () => {
    const secrets = { verificationToken: 'v-token', encryptKey: 'e-key' };
    const payload = JSON.stringify({ schema: '2.0', header: { token: 'v-token', event_type: 'im.message.receive_v1' } });
    expect(decryptLarkPayload('e-key', encryptBody('e-key', payload))).toBe(payload);

    const body = JSON.stringify({ encrypt: encryptBody('e-key', payload) });
    const good = signed('e-key', body);
    expect(verifyDelivery(secrets, { headers: good.headers, rawBody: good.body })).toMatchObject({ ok: true, challenge: null });
    expect(verifyDelivery(secrets, { headers: good.headers, rawBody: `${good.body} ` })).toEqual({
      ok: false,
      status: 401,
      reason: 'the signature does not match',
    });
    expect(verifyDelivery({ ...secrets, verificationToken: 'other' }, { headers: good.headers, rawBody: good.body })).toEqual({
      ok: false,
      status: 401,
      reason: 'the verification token does not match',
    });
    const wrongKey = signed('e-key', JSON.stringify({ encrypt: encryptBody('not-our-key', payload) }));
    expect(verifyDelivery(secrets, { headers: wrongKey.headers, rawBody: wrongKey.body })).toMatchObject({ ok: false, status: 401 });
  });
});

describe('the webhook server', () => {
  it('answers the URL check with its challenge, plain or encrypted', async () => {
    const plain = await w.post('/lark/events', signed(w.secrets.encryptKey, JSON.stringify(urlVerification(w.secrets, 'c-plain'))));
    expect(plain).toEqual({ status: 200, body: { challenge: 'c-plain' } });
    const encrypted = JSON.stringify({ encrypt: encryptBody(w.secrets.encryptKey, JSON.stringify(urlVerification(w.secrets, 'c-encrypted'))) });
    const answer = await w.post('/lark/cards', { headers: { 'content-type': 'application/json' }, body: encrypted });
    expect(answer).toEqual({ status: 200, body: { challenge: 'c-encrypted' } });
  });

  it('refuses a bad signature or token with 401 and starts nothing', async () => {
    const partnerships = await w.h.prisma.partnership.count();
    const events = await w.h.prisma.larkEvent.count();
    const messageId = w.lark.seedUserMessage({ senderOpenId: OPEN_IDS.coord, text: '帮助' });
    const event = messageEvent(w.secrets, { senderOpenId: OPEN_IDS.coord, messageId, text: '帮助' });

    const forged = await w.post('/lark/events', deliveryOf(w.secrets, event, { signature: 'f'.repeat(64) }));
    expect(forged.status).toBe(401);
    const wrongToken = await w.post(
      '/lark/events',
      deliveryOf(
        { ...w.secrets, verificationToken: 'guessed' },
        messageEvent({ ...w.secrets, verificationToken: 'guessed' }, { senderOpenId: OPEN_IDS.coord, messageId, text: '帮助' }),
      ),
    );
    expect(wrongToken.status).toBe(401);
    const unsigned = await w.post('/lark/events', { headers: { 'content-type': 'application/json' }, body: JSON.stringify(event) });
    expect(unsigned.status).toBe(401);

    const click = cardActionEvent(w.secrets, {
      operatorOpenId: OPEN_IDS.steel,
      messageId,
      chatId: 'oc_00000000000000000000000000000002',
      token: 'c-0',
      value: { v: 1, d: 'submit', kind: 'demand' },
      formValue: { title: '伪造的需求' },
    });
    expect((await w.post('/lark/cards', deliveryOf(w.secrets, click, { signature: '0'.repeat(64) }))).status).toBe(401);

    await w.bot.idle();
    expect(w.lark.messages.filter((m) => m.parentId === messageId)).toEqual([]);
    expect(await w.h.prisma.larkEvent.count()).toBe(events);
    expect(await w.h.prisma.partnership.count()).toBe(partnerships);
  });

  it('accepts an unencrypted signed delivery too', async () => {
    const messageId = w.lark.seedUserMessage({ senderOpenId: OPEN_IDS.coord, text: 'help' });
    const answer = await w.post(
      '/lark/events',
      deliveryOf(w.secrets, messageEvent(w.secrets, { senderOpenId: OPEN_IDS.coord, messageId, text: 'help' }), { encrypt: false }),
    );
    expect(answer.status).toBe(200);
    await w.bot.idle();
    expect(w.lark.messages.filter((m) => m.parentId === messageId)).toHaveLength(1);
  });

  it('replies once when Lark first answers 429, after the reset it gives', async () => {
    w.lark.failNext('reply', { status: 429 });
    const reply = await w.say(OPEN_IDS.coord, '帮助');
    expect(w.lark.messages.filter((m) => m.parentId === reply.message.parentId)).toHaveLength(1);
    expect(w.lark.requests.filter((r) => r.route === 'reply' && r.path.includes(reply.message.parentId!)).map((r) => r.status)).toEqual([429, 200]);
  });

  it('answers a resent card callback with the same result, starting nothing twice', async () => {
    const form = await w.say(OPEN_IDS.steel, '新需求');
    const eventId = 'resent-card-callback-1';
    const fill = {
      organisation: '鞍山华冶板材有限公司',
      title: '冷轧板浪形缺陷',
      description: '冷轧板出现边浪和中浪，板形控制不稳定，希望引入板形闭环控制技术。',
      fields: '冶金',
      budgetWan: '80',
      cooperationModes: ['合作开发'],
    };
    await w.click(OPEN_IDS.steel, form.message, '提交', { eventId, fill });
    const reference = /P-\d{4}-\d{6}/.exec(cardText(w.cardOf(form.message)))?.[0];
    expect(reference).toBeDefined();
    const resend = await w.post(
      '/lark/cards',
      deliveryOf(
        w.secrets,
        cardActionEvent(w.secrets, {
          operatorOpenId: OPEN_IDS.steel,
          messageId: form.message.messageId,
          chatId: form.message.chatId,
          token: 'c-1',
          value: { v: 1, d: 'submit', kind: 'demand' },
          formValue: fill,
          eventId,
        }),
      ),
    );
    expect(resend.status).toBe(200);
    expect(cardText((resend.body.card as { data: Record<string, unknown> }).data)).toContain(`这份内容已经提交过，项目编号 **${reference}**`);
    expect(await w.h.prisma.partnership.count({ where: { title: '冷轧板浪形缺陷' } })).toBe(1);
  });

  it('reports how long the update inside a card callback took in a Server-Timing header, and nothing on other answers', async () => {
    const reference = await partnershipInReview(w, 'webhook');
    const { message } = await w.say(OPEN_IDS.coord, `进度 ${reference}`);
    const approve = findButton(w.cardOf(message), '通过');
    const click = cardActionEvent(w.secrets, {
      operatorOpenId: OPEN_IDS.coord,
      messageId: message.messageId,
      chatId: message.chatId,
      token: w.lark.issueCardToken(message.messageId),
      value: approve.value,
      ...(approve.form ? { formValue: formValueOf(approve.form) } : {}),
      ...(typeof approve.button.name === 'string' ? { name: approve.button.name } : {}),
    });
    const delivery = deliveryOf(w.secrets, click);
    const answer = await fetch(`${w.bot.url}/lark/cards`, { method: 'POST', headers: delivery.headers, body: delivery.body });
    expect(((await answer.json()) as { toast: { type: string } }).toast.type).toBe('success');
    expect(answer.headers.get('server-timing')).toMatch(/^update;dur=\d+\.\d$/);
    const health = await fetch(`${w.bot.url}/healthz`);
    expect(health.status).toBe(200);
    expect(health.headers.get('server-timing')).toBeNull();
  });

  it('forgets event ids only after a day', async () => {
    await claimEvent(w.h.prisma, 'old-event', 'im.message.receive_v1');
    const in23Hours = new Date(Date.now() + 23 * 3600_000);
    expect(await pruneEvents(w.h.prisma, in23Hours)).toBe(0);
    expect(await claimEvent(w.h.prisma, 'old-event', 'im.message.receive_v1')).toBe(false);
    const in25Hours = new Date(Date.now() + 25 * 3600_000);
    expect(await pruneEvents(w.h.prisma, in25Hours)).toBeGreaterThanOrEqual(1);
    expect(await claimEvent(w.h.prisma, 'old-event', 'im.message.receive_v1')).toBe(true);
  });
});

describe('the long connection', () => {
  it("hands Lark's events to the same dispatcher as the webhook", async () => {
    const bot = await startBot({
      config: {
        LARK_MODE: 'websocket',
        LARK_APP_ID: 'not-a-lark-app-id',
        LARK_APP_SECRET: 'secret',
        LARK_DOMAIN: w.lark.baseUrl,
        LARK_VERIFICATION_TOKEN: undefined,
        LARK_ENCRYPT_KEY: undefined,
        BOT_HOST: '127.0.0.1',
        BOT_PORT: 0,
        PROGRAMME_TARGETS: undefined,
      },
      prisma: w.h.prisma,
      client: w.h.client,
      taskQueue: w.h.taskQueue,
      policy: FAST_POLICY,
      lark: null,
      log: () => undefined,
    });
    try {
      expect(bot.url).toBeNull();
      expect(bot.ws).toBeInstanceOf(lark.WSClient);
      // What WSClient does with each event frame: invoke the dispatcher without the webhook's checks.
      const click = cardActionEvent(w.secrets, {
        operatorOpenId: OPEN_IDS.coord,
        messageId: 'om_00000000000000000000000000000001',
        chatId: 'oc_00000000000000000000000000000003',
        token: 'c-2',
        value: { v: 1, d: 'show', ref: 'P-2026-999998', view: 'status' },
      });
      const answer: unknown = await bot.dispatcher.invoke(click, { needCheck: false });
      expect(answer).toEqual({ toast: { type: 'error', content: '没有找到项目 P-2026-999998，请检查编号。' } });
    } finally {
      await bot.close();
    }
  });
});
