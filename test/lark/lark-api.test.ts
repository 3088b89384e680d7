import type * as lark from '@larksuiteoapi/node-sdk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LarkError, messageUuid, patchCard, replyCard, replyText, sendCard, sendText, updateCardLater, type ReceiveIdType } from '../../lark/messages.ts';
import { createLarkClient } from '../../lark/client.ts';
import { withRetries } from '../../lark/replies.ts';
import { startLarkOpenApi, type LarkOpenApi } from '../support/lark-open-api.ts';

const TTO = 'ou_0000000000000000000000000000d002';
const COORDINATOR = 'ou_0000000000000000000000000000c001';

const card = (title: string) => ({
  schema: '2.0',
  config: { update_multi: true },
  header: { title: { tag: 'plain_text', content: title }, template: 'blue' },
  body: { elements: [{ tag: 'markdown', content: `**${title}**` }] },
});

let api: LarkOpenApi;
let client: lark.Client;
let logs: string[];

const clientFor = (server: LarkOpenApi, options: { secret?: string; timeoutMs?: number } = {}): lark.Client => {
  const created = createLarkClient(
    { LARK_APP_ID: server.appId, LARK_APP_SECRET: options.secret ?? server.appSecret, LARK_DOMAIN: server.baseUrl },
    { log: (line) => logs.push(line), ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) },
  );
  if (!created) throw new Error('expected a client');
  return created;
};

/** What a Lark call failed with: a LarkError (activities map it to a Temporal failure: test/lark/lark-sender.test.ts). */
const failureOf = async (promise: Promise<unknown>): Promise<LarkError> => {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(LarkError);
  return error as LarkError;
};

beforeEach(async () => {
  logs = [];
  api = await startLarkOpenApi();
  client = clientFor(api);
});

afterEach(async () => {
  await api.close();
});

describe('sending', () => {
  it('delivers a card to the person, fetching the tenant token once for every call', async () => {
    const first = await sendCard(client, { receiveId: TTO, card: card('匹配提议 P-2026-000123'), uuid: messageUuid('P-2026-000123/5/a') });
    const second = await sendText(client, { receiveId: COORDINATOR, text: '请审核', uuid: messageUuid('P-2026-000123/5/b') });

    expect(api.tokenCalls).toBe(1);
    const [delivered] = api.deliveredTo(TTO);
    expect(delivered?.messageId).toBe(first);
    expect(delivered?.msgType).toBe('interactive');
    expect(api.contentOf(delivered!)).toEqual(card('匹配提议 P-2026-000123'));
    expect(api.contentOf(api.message(second)!)).toEqual({ text: '请审核' });
    const sends = api.requests.filter((request) => request.route === 'send');
    expect(sends.map((request) => request.headers.authorization)).toEqual([`Bearer ${api.tenantAccessToken}`, `Bearer ${api.tenantAccessToken}`]);
  });

  it('delivers a message once when the same key is sent twice', async () => {
    const uuid = messageUuid('P-2026-000123/7/proposal_reminder/p-tto-neu/lark');
    const first = await sendCard(client, { receiveId: TTO, card: card('提醒'), uuid });
    const again = await sendCard(client, { receiveId: TTO, card: card('提醒'), uuid });

    expect(again).toBe(first);
    expect(api.deliveredTo(TTO)).toHaveLength(1);
    expect(uuid).toHaveLength(32);
  });

  it('sends to a group chat by chat_id', async () => {
    const chat = 'oc_5ad11d72b830411d72b836c20dc13f00';
    await sendText(client, { receiveId: chat, receiveIdType: 'chat_id', text: '本周进展', uuid: messageUuid('digest') });
    expect(api.deliveredTo(chat)[0]?.chatId).toBe(chat);
  });
});

describe('failures', () => {
  it('turns a 429 into a retryable failure that waits for Lark’s reset, and the retry delivers once', async () => {
    api.failNext('send', { status: 429, headers: { 'x-ogw-ratelimit-reset': '7' } });
    const uuid = messageUuid('P-2026-000123/9/x');

    const failure = await failureOf(sendCard(client, { receiveId: TTO, card: card('限流'), uuid }));
    expect(failure.kind).toBe('rate_limited');
    expect(failure.transient).toBe(true);
    expect(failure.retryAfterMs).toBe(7_000);
    expect(failure.message).toContain('99991400');
    expect(api.deliveredTo(TTO)).toHaveLength(0);

    await sendCard(client, { receiveId: TTO, card: card('限流'), uuid });
    expect(api.deliveredTo(TTO)).toHaveLength(1);
  });

  it('treats the per-user message limit (230020) as a rate limit too', async () => {
    api.failNext('send', { status: 400, body: { code: 230020, msg: 'This operation triggers the frequency limit.' } });
    const failure = await failureOf(sendText(client, { receiveId: TTO, text: 'x', uuid: 'u-1' }));
    expect(failure.kind).toBe('rate_limited');
    expect(failure.transient).toBe(true);
    expect(failure.retryAfterMs).toBeUndefined();
  });

  it('retries a 5xx, and the retry with the same uuid is delivered once', async () => {
    api.failNext('send', { status: 503 });
    const uuid = messageUuid('P-2026-000123/10/y');
    const failure = await failureOf(sendCard(client, { receiveId: TTO, card: card('稍后'), uuid }));
    expect(failure.kind).toBe('unavailable');
    expect(failure.transient).toBe(true);
    expect(failure.message).toContain('HTTP 503');

    await sendCard(client, { receiveId: TTO, card: card('稍后'), uuid });
    expect(api.deliveredTo(TTO)).toHaveLength(1);
  });

  it('retries a send whose answer never came, and Lark’s uuid keeps the delivered message single', async () => {
    const impatient = clientFor(api, { timeoutMs: 200 });
    api.failNext('send', { delayMs: 1_000 });
    const uuid = messageUuid('P-2026-000123/11/z');

    const failure = await failureOf(sendCard(impatient, { receiveId: TTO, card: card('慢'), uuid }));
    expect(failure.kind).toBe('unavailable');
    expect(failure.transient).toBe(true);
    // Lark did deliver it; the retry gets that message back instead of a second one.
    const retried = await sendCard(impatient, { receiveId: TTO, card: card('慢'), uuid });
    expect(api.deliveredTo(TTO).map((message) => message.messageId)).toEqual([retried]);
  });

  it('retries when Lark cannot be reached at all', async () => {
    await api.close();
    const failure = await failureOf(sendText(client, { receiveId: TTO, text: 'x', uuid: 'u-2' }));
    expect(failure.kind).toBe('unavailable');
    expect(failure.message).toContain('ECONNREFUSED');
    api = await startLarkOpenApi();
  });

  it('refuses a malformed open_id permanently, naming Lark’s code and message', async () => {
    const failure = await failureOf(sendCard(client, { receiveId: 'ou_not-an-id', card: card('x'), uuid: 'u-3' }));
    expect(failure.kind).toBe('refused');
    expect(failure.transient).toBe(false);
    expect(failure.message).toContain('code 230001');
    expect(failure.message).toContain('invalid receive_id');
    expect(api.messages).toHaveLength(0);
  });

  it('refuses permanently a person outside the app’s availability', async () => {
    api.makeUnreachable(TTO);
    const failure = await failureOf(sendCard(client, { receiveId: TTO, card: card('x'), uuid: 'u-4' }));
    expect(failure.kind).toBe('refused');
    expect(failure.message).toContain('230013');
  });

  it('refuses permanently an unknown receive_id_type with Lark’s field violation', async () => {
    const failure = await failureOf(sendText(client, { receiveId: TTO, receiveIdType: 'phone' as ReceiveIdType, text: 'x', uuid: 'u-5' }));
    expect(failure.kind).toBe('refused');
    expect(failure.message).toContain('99992402');
  });

  it('refuses a uuid longer than Lark accepts before calling Lark', async () => {
    const failure = await failureOf(sendText(client, { receiveId: TTO, text: 'x', uuid: 'P-2026-000123/7/proposal_reminder/p-tto-neu/lark/extra' }));
    expect(failure.kind).toBe('invalid_request');
    expect(failure.transient).toBe(false);
    expect(failure.message).toContain('messageUuid');
    expect(api.requests.filter((request) => request.route === 'send')).toHaveLength(0);
  });

  it('drops a revoked tenant token so that the retry fetches a new one', async () => {
    await sendText(client, { receiveId: TTO, text: 'first', uuid: 'u-6' });
    api.revokeTokens();

    const failure = await failureOf(sendText(client, { receiveId: TTO, text: 'second', uuid: 'u-7' }));
    expect(failure.kind).toBe('token_rejected');
    expect(failure.message).toContain('99991663');
    expect(failure.transient).toBe(true);

    await sendText(client, { receiveId: TTO, text: 'second', uuid: 'u-7' });
    expect(api.tokenCalls).toBe(2);
    expect(api.deliveredTo(TTO)).toHaveLength(2);
  });

  it('reports refused app credentials as retryable, and never logs the secret', async () => {
    const wrongSecret = 'wrong-secret-0123456789abcdef';
    const misconfigured = clientFor(api, { secret: wrongSecret });
    const failure = await failureOf(sendText(misconfigured, { receiveId: TTO, text: 'x', uuid: 'u-8' }));
    expect(failure.kind).toBe('credentials_rejected');
    expect(failure.message).toContain('10014');
    expect(failure.message).not.toContain(wrongSecret);
    expect(logs.length).toBeGreaterThan(0);
    expect(logs.join('\n')).not.toContain(wrongSecret);
    expect(logs.join('\n')).toContain('tenant_access_token');
  });
});

describe('replies and card updates', () => {
  it('replies to a user’s message with text and with a card, in the same conversation', async () => {
    const asked = api.seedUserMessage({ senderOpenId: COORDINATOR, text: '/status P-2026-000123' });
    const text = await replyText(client, { messageId: asked, text: '正在查询' });
    const uuid = messageUuid(`reply/${asked}`);
    const first = await replyCard(client, { messageId: asked, card: card('P-2026-000123'), uuid });
    const again = await replyCard(client, { messageId: asked, card: card('P-2026-000123'), uuid });

    expect(again).toBe(first);
    const replies = api.deliveredTo(COORDINATOR);
    expect(replies.map((message) => message.messageId)).toEqual([text, first]);
    expect(replies.every((message) => message.parentId === asked)).toBe(true);
    expect(api.contentOf(replies[1]!)).toEqual(card('P-2026-000123'));
  });

  it('refuses a reply to a message Lark does not know', async () => {
    const failure = await failureOf(replyText(client, { messageId: 'om_unknown', text: 'x' }));
    expect(failure.kind).toBe('refused');
    expect(failure.message).toContain('invalid message_id');
  });

  it('patches a sent card for everyone', async () => {
    const id = await sendCard(client, { receiveId: TTO, card: card('待答复'), uuid: 'u-9' });
    await patchCard(client, id, card('已接受'));

    const message = api.message(id)!;
    expect(api.contentOf(message)).toEqual(card('已接受'));
    expect(message.history.map((content) => JSON.parse(content) as unknown)).toEqual([card('待答复')]);
    expect(api.deliveredTo(TTO)).toHaveLength(1);
  });

  it('refuses to patch a message that is not the app’s card', async () => {
    const text = await sendText(client, { receiveId: TTO, text: 'plain', uuid: 'u-10' });
    const notACard = await failureOf(patchCard(client, text, card('x')));
    expect(notACard.kind).toBe('refused');
    expect(notACard.message).toContain('not a card');
    const unknown = await failureOf(patchCard(client, 'om_missing', card('x')));
    expect(unknown.message).toContain('invalid message_id');
  });

  it('updates a clicked card later with the callback token, at most twice', async () => {
    const id = await sendCard(client, { receiveId: TTO, card: card('请选择'), uuid: 'u-11' });
    const token = api.issueCardToken(id);

    await updateCardLater(client, token, card('已记录：接受'));
    expect(api.contentOf(api.message(id)!)).toEqual(card('已记录：接受'));
    const update = api.requests.find((request) => request.route === 'cardUpdate');
    expect(update?.headers.authorization).toBe(`Bearer ${api.tenantAccessToken}`);

    await updateCardLater(client, token, card('已记录：接受（已同步）'));
    const spent = await failureOf(updateCardLater(client, token, card('第三次')));
    expect(spent.kind).toBe('refused');
    expect(api.contentOf(api.message(id)!)).toEqual(card('已记录：接受（已同步）'));
  });

  it('refuses a card Lark cannot build', async () => {
    const failure = await failureOf(sendCard(client, { receiveId: TTO, card: { schema: '2.0', header: {} }, uuid: 'u-12' }));
    expect(failure.kind).toBe('refused');
    expect(failure.message).toContain('230099');
  });
});

describe('the bot’s retries', () => {
  const sends = () => api.requests.filter((request) => request.route === 'send').length;

  it('retries a rate limit after Lark’s reset and an outage, then delivers once', async () => {
    api.failNext('send', { status: 429, headers: { 'x-ogw-ratelimit-reset': '1' } });
    api.failNext('send', { status: 503 });
    const started = Date.now();
    await withRetries(() => sendText(client, { receiveId: TTO, text: '稍后', uuid: 'u-13' }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
    expect(sends()).toBe(3);
    expect(api.deliveredTo(TTO)).toHaveLength(1);
  });

  it('does not retry a refusal or an invalid request', async () => {
    const refused = await failureOf(withRetries(() => sendText(client, { receiveId: 'ou_not-an-id', text: 'x', uuid: 'u-14' })));
    expect(refused.kind).toBe('refused');
    expect(refused.code).toBe(230001);
    expect(sends()).toBe(1);
    const invalid = await failureOf(withRetries(() => sendText(client, { receiveId: TTO, text: 'x', uuid: '' })));
    expect(invalid.kind).toBe('invalid_request');
    expect(sends()).toBe(1);
  });
});

describe('the local Open API', () => {
  it('answers requests without a token, with bad content or missing fields as Lark does', async () => {
    const post = async (path: string, body: unknown, token?: string) => {
      const response = await fetch(`${api.baseUrl}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as { code: number; msg: string; error?: unknown } };
    };
    const message = { receive_id: TTO, msg_type: 'text', content: JSON.stringify({ text: 'hi' }) };

    const anonymous = await post('/open-apis/im/v1/messages?receive_id_type=open_id', message);
    expect(anonymous.status).toBe(400);
    expect(anonymous.body.code).toBe(99991661);

    const stale = await post('/open-apis/im/v1/messages?receive_id_type=open_id', message, 't-stale');
    expect(stale.body.code).toBe(99991663);

    const token = await post('/open-apis/auth/v3/tenant_access_token/internal', { app_id: api.appId, app_secret: api.appSecret });
    expect(token.body).toMatchObject({ code: 0, msg: 'ok', tenant_access_token: api.tenantAccessToken, expire: 7200 });

    const badContent = await post('/open-apis/im/v1/messages?receive_id_type=open_id', { ...message, content: '{text:' }, api.tenantAccessToken);
    expect(badContent.body).toMatchObject({ code: 230001, msg: expect.stringContaining('content is not a string in json format') as unknown });

    const noReceiver = await post('/open-apis/im/v1/messages?receive_id_type=open_id', { ...message, receive_id: undefined }, api.tenantAccessToken);
    expect(noReceiver.body).toMatchObject({ code: 99992402, msg: 'field validation failed' });
    expect(noReceiver.body.error).toMatchObject({ field_violations: [{ field: 'receive_id' }] });

    const noType = await post('/open-apis/im/v1/messages', message, api.tenantAccessToken);
    expect(noType.body.code).toBe(99992402);
    expect(api.messages).toHaveLength(0);
  });
});
