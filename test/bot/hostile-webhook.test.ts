/**
 * The webhook against hostile input, on the real server as the other bot tests start it: random
 * bytes, random JSON, wrong content types, deeply nested and oversized bodies, and validly signed
 * deliveries with random event bodies. Each is refused with a 4xx (or answered 200 when it is a
 * well-formed event the bot ignores), never a 5xx; none records partnership work; the server keeps
 * answering. And a signed delivery is refused when its timestamp is stale or its nonce was used.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot } from '../../bots/server.ts';
import { guardReplay, NONCE_RETENTION_MS, pruneNonces, REPLAY_WINDOW_MS, timestampProblem } from '../../bots/replay-guard.ts';
import { MAX_JSON_DEPTH, nestedDeeperThan } from '../../bots/verify.ts';
import { FAST_POLICY } from '../support/harness.ts';
import { createBotWorld, OPEN_IDS, type BotWorld } from './support/bot-world.ts';
import { cardActionEvent, deliveryOf, encryptBody, hex, localBotConfig, messageEvent, signed, urlVerification, type Delivery } from './support/deliveries.ts';

const ROUTES = ['/lark/events', '/lark/cards'] as const;
/** The webhook's limit (bots/server.ts). */
const MAX_BODY_BYTES = 1024 * 1024;

let w: BotWorld;
beforeAll(async () => {
  w = await createBotWorld(import.meta.url);
});
afterAll(async () => {
  const total = Object.values(tried).reduce((sum, n) => sum + n, 0);
  console.log(
    `hostile webhook: ${total} cases tried (${Object.entries(tried)
      .map(([name, n]) => `${name} ${n}`)
      .join(', ')})`,
  );
  await w?.close();
});

/** Cases tried, by property. */
const tried: Record<string, number> = {};

interface Request {
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string | Buffer;
}
interface Reply {
  readonly status: number;
  readonly body: unknown;
}

const send = async ({ path, headers, body }: Request): Promise<Reply> => {
  const response = await fetch(`${w.bot.url}${path}`, { method: 'POST', headers, body: typeof body === 'string' ? body : new Uint8Array(body) });
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as unknown };
};

/** The rows that record partnership work: a hostile request must add none. */
const partnershipWork = async () => ({
  partnerships: await w.h.prisma.partnership.count(),
  events: await w.h.prisma.partnershipEvent.count(),
  notifications: await w.h.prisma.notification.count(),
});

const healthz = async (): Promise<number> => (await fetch(`${w.bot.url}/healthz`)).status;

/**
 * Sends each generated request and checks its answer: never a 5xx, always a JSON answer, and
 * what `check` expects. Afterwards nothing was recorded and the server still answers.
 */
const hostile = async <T>(name: string, numRuns: number, arbitrary: fc.Arbitrary<T>, build: (value: T) => Request, check: (reply: Reply, value: T) => void) => {
  const before = await partnershipWork();
  let runs = 0;
  await fc.assert(
    fc.asyncProperty(arbitrary, async (value) => {
      runs += 1;
      const reply = await send(build(value));
      expect(reply.status).toBeLessThan(500);
      check(reply, value);
    }),
    { numRuns },
  );
  await w.bot.idle();
  expect(await partnershipWork()).toEqual(before);
  expect(await healthz()).toBe(200);
  tried[name] = runs;
  expect(runs).toBeGreaterThanOrEqual(numRuns);
};

const json = { 'content-type': 'application/json; charset=utf-8' };
const route = fc.constantFrom(...ROUTES);
/** Lark's signature headers, absent or made up. */
const madeUpSignature = fc.record(
  {
    'x-lark-request-timestamp': fc.oneof(fc.stringMatching(/^[0-9]{0,12}$/), fc.constant(String(Math.floor(Date.now() / 1000)))),
    'x-lark-request-nonce': fc.stringMatching(/^[0-9a-zA-Z]{0,32}$/),
    'x-lark-signature': fc.oneof(fc.stringMatching(/^[0-9a-f]{64}$/), fc.stringMatching(/^[!-~]{0,80}$/)),
  },
  { requiredKeys: [] },
);
const refusal = (statuses: readonly number[]) => (reply: Reply) => {
  expect(statuses).toContain(reply.status);
  expect(reply.body).toEqual({ error: expect.any(String) as string });
};

/** Nested arrays or objects `depth` deep, innermost a number. */
const nested = (depth: number, kind: 'array' | 'object' | 'mixed'): string => {
  const open = { array: '[', object: '{"a":', mixed: '[{"a":' }[kind];
  const close = { array: ']', object: '}', mixed: '}]' }[kind];
  const levels = kind === 'mixed' ? Math.ceil(depth / 2) : depth;
  return `${open.repeat(levels)}1${close.repeat(levels)}`;
};
const depthOf = (depth: number, kind: 'array' | 'object' | 'mixed'): number => (kind === 'mixed' ? 2 * Math.ceil(depth / 2) : depth);

/** A schema 2.0 event with the app's token, of a type the bot knows (or not), around any event body. */
const randomEvent = (eventType: string, eventId: string, event: unknown): Record<string, unknown> => ({
  schema: '2.0',
  header: { event_id: eventId, token: w.secrets.verificationToken, create_time: String(Date.now()), event_type: eventType, app_id: w.secrets.appId },
  event,
});

describe('the webhook under hostile input', () => {
  it('refuses random bytes with 400 or 401', async () => {
    await hostile(
      'random bytes',
      150,
      fc.record({ path: route, bytes: fc.uint8Array({ maxLength: 4096 }), signature: madeUpSignature }),
      ({ path, bytes, signature }) => ({ path, headers: { ...json, ...signature }, body: Buffer.from(bytes) }),
      refusal([400, 401]),
    );
  });

  it('refuses random JSON values, encrypted-looking ones too, with 400 or 401', async () => {
    const body = fc.oneof(
      fc.json(),
      fc.jsonValue().map((value) => JSON.stringify({ encrypt: value })),
      fc.base64String({ minLength: 1, maxLength: 400 }).map((encrypt) => JSON.stringify({ encrypt })),
      // Encrypted with the right key but not signed, or signed with made-up headers.
      fc
        .jsonValue()
        .map((value) => JSON.stringify({ encrypt: encryptBody(w.secrets.encryptKey, JSON.stringify(randomEvent('im.message.receive_v1', hex(8), value))) })),
    );
    await hostile(
      'random JSON',
      150,
      fc.record({ path: route, body, signature: madeUpSignature }),
      ({ path, body: text, signature }) => ({ path, headers: { ...json, ...signature }, body: text }),
      refusal([400, 401]),
    );
  });

  it('refuses any content type but JSON with 415, even on a validly signed delivery', async () => {
    const isJson = (type: string) => type.split(';')[0]!.trim().toLowerCase() === 'application/json';
    const contentType = fc.oneof(
      fc.constantFrom(
        'text/plain',
        'text/json',
        'application/jsonp',
        'application/json-seq',
        'application/problem+json',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=----x',
        'application/xml',
        'application/octet-stream',
        'json',
        '*/*',
        'application/json2; charset=utf-8',
      ),
      fc.stringMatching(/^[!-~][ -~]{0,60}$/).filter((type) => !isJson(type)),
      fc.constant(null),
    );
    await hostile(
      'wrong content types',
      120,
      fc.record({ path: route, contentType, text: fc.string({ maxLength: 20 }) }),
      ({ path, contentType: type, text }) => {
        const delivery = deliveryOf(w.secrets, messageEvent(w.secrets, { senderOpenId: OPEN_IDS.coord, messageId: `om_${hex(16)}`, text }));
        const { 'content-type': _dropped, ...headers } = delivery.headers;
        // Without a content type, fetch adds none to a byte body (a string body would be text/plain).
        return { path, headers: type === null ? headers : { ...headers, 'content-type': type }, body: Buffer.from(delivery.body) };
      },
      (reply) => expect(reply).toEqual({ status: 415, body: { error: 'the content type must be application/json' } }),
    );
  });

  it(`refuses JSON nested more than ${MAX_JSON_DEPTH} levels with 400, plain, signed or encrypted, and still takes one nested less`, async () => {
    const wrapping = fc.constantFrom('plain', 'signed', 'signed event', 'encrypted event');
    await hostile(
      'deeply nested',
      60,
      fc.record({
        path: route,
        depth: fc.oneof(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: MAX_JSON_DEPTH - 4, max: MAX_JSON_DEPTH + 4 })),
        kind: fc.constantFrom('array', 'object', 'mixed'),
        wrapping,
      }),
      ({ path, depth, kind, wrapping: wrap }) => {
        const deep = nested(depth, kind);
        if (wrap === 'plain') return { path, headers: json, body: deep };
        if (wrap === 'signed') return { path, ...signed(w.secrets.encryptKey, deep) };
        // An event the bot ignores (no handler for its type), with the nesting inside its body.
        const event = JSON.stringify(randomEvent('contact.user.updated_v3', hex(8), {})).replace('"event":{}', `"event":{"deep":${deep}}`);
        const body = wrap === 'signed event' ? event : JSON.stringify({ encrypt: encryptBody(w.secrets.encryptKey, event) });
        return { path, ...signed(w.secrets.encryptKey, body) };
      },
      (reply, { depth, kind, wrapping: wrap }) => {
        const levels = depthOf(depth, kind) + (wrap.endsWith('event') ? 2 : 0);
        if (levels > MAX_JSON_DEPTH) return refusal([400])(reply);
        // Within the limit: not a JSON object (400), not Lark's (401), or an event with no handler (200).
        if (wrap === 'plain') return refusal(kind === 'object' ? [401] : [400])(reply);
        if (wrap === 'signed') return refusal(kind === 'object' ? [401] : [400])(reply);
        expect(reply).toEqual({ status: 200, body: {} });
      },
    );
  });

  it('does not count brackets inside strings as nesting', () => {
    expect(nestedDeeperThan(JSON.stringify({ text: '['.repeat(1000), quoted: '"{{{{\\"[[[[' }), 3)).toBe(false);
    expect(nestedDeeperThan(`{"a":"\\\\"${'['.repeat(5)}`, 3)).toBe(true);
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const depth = (v: unknown): number => (v !== null && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v).map(depth)) : 0);
        const text = JSON.stringify(value);
        expect(nestedDeeperThan(text, depth(value))).toBe(false);
        if (depth(value) > 0) expect(nestedDeeperThan(text, depth(value) - 1)).toBe(true);
      }),
      { numRuns: 300 },
    );
    tried['nesting scanner'] = 300;
  });

  it('refuses a body over 1 MiB with 413, and one not sent as JSON with 415 whatever its size', async () => {
    await hostile(
      'oversized',
      6,
      fc.record({
        path: route,
        size: fc.integer({ min: MAX_BODY_BYTES + 1, max: 3 * MAX_BODY_BYTES }),
        filler: fc.constantFrom('[', '{"a":', ' ', 'x', '"'),
        asJson: fc.boolean(),
      }),
      ({ path, size, filler, asJson }) => ({
        path,
        headers: asJson ? json : { 'content-type': 'text/plain' },
        body: filler.repeat(Math.ceil(size / filler.length)),
      }),
      (reply, { asJson }) =>
        expect(reply).toEqual(
          asJson ? { status: 413, body: { error: 'body too large' } } : { status: 415, body: { error: 'the content type must be application/json' } },
        ),
    );
    // A signed delivery over the limit, too.
    const padded = deliveryOf(w.secrets, {
      ...messageEvent(w.secrets, { senderOpenId: OPEN_IDS.coord, messageId: `om_${hex(16)}`, text: 'help' }),
      pad: 'x'.repeat(MAX_BODY_BYTES),
    });
    expect((await send({ path: '/lark/events', ...padded })).status).toBe(413);
  });

  it('answers validly signed deliveries with random event bodies with 200 or a 4xx, and records no partnership work', async () => {
    const openId = fc.oneof(fc.constantFrom(...Object.values(OPEN_IDS)), fc.string({ maxLength: 40 }));
    const messageBody = fc.record(
      {
        sender: fc.oneof(
          fc.record({ sender_id: fc.record({ open_id: openId }, { requiredKeys: [] }), sender_type: fc.constantFrom('user', 'app', 'bot') }),
          fc.jsonValue(),
        ),
        message: fc.oneof(
          fc.record(
            {
              message_id: fc.oneof(fc.constant(''), fc.string({ minLength: 1, maxLength: 40 })),
              chat_type: fc.constantFrom('p2p', 'group', 'topic'),
              message_type: fc.constantFrom('text', 'post', 'image', 'file'),
              content: fc.oneof(
                fc.json(),
                fc.string(),
                fc.string().map((text) => JSON.stringify({ text })),
              ),
              mentions: fc.array(fc.jsonValue(), { maxLength: 3 }),
            },
            { requiredKeys: [] },
          ),
          fc.jsonValue(),
        ),
      },
      { requiredKeys: [] },
    );
    const actionValue = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          v: fc.constantFrom(1, 2, '1'),
          d: fc.constantFrom('show', 'submit', 'approve', 'reject', 'request_changes', 'withdraw', 'select_candidates', 'accept', 'decline'),
          ref: fc.oneof(fc.constant('P-2026-999999'), fc.stringMatching(/^P-\d{4}-\d{6}$/), fc.string()),
          kind: fc.constantFrom('demand', 'achievement', 'other'),
          view: fc.constantFrom('status', 'match'),
          seq: fc.integer(),
        },
        { requiredKeys: [] },
      ),
    );
    const cardBody = fc.record(
      {
        operator: fc.oneof(fc.record({ open_id: openId }), fc.jsonValue()),
        token: fc.string({ maxLength: 40 }),
        action: fc.oneof(
          fc.record(
            {
              value: fc.oneof(
                actionValue,
                actionValue.map((v) => JSON.stringify(v)),
              ),
              form_value: fc.dictionary(fc.string({ maxLength: 20 }), fc.jsonValue(), { maxKeys: 6 }),
              tag: fc.constantFrom('button', 'input', 'select_static'),
              name: fc.string({ maxLength: 60 }),
            },
            { requiredKeys: [] },
          ),
          fc.jsonValue(),
        ),
        context: fc.oneof(fc.record({ open_message_id: fc.string(), open_chat_id: fc.string() }, { requiredKeys: [] }), fc.jsonValue()),
      },
      { requiredKeys: [] },
    );
    const eventType = fc.oneof(
      fc.constantFrom('im.message.receive_v1', 'card.action.trigger', 'app_ticket', 'url_verification', 'im.chat.disbanded_v1'),
      fc.string({ maxLength: 40 }),
    );
    const delivery = fc.record({
      path: route,
      encrypt: fc.boolean(),
      eventType,
      eventId: fc.oneof(fc.stringMatching(/^[0-9a-f]{32}$/), fc.string({ maxLength: 40 })),
      event: fc.oneof(messageBody, cardBody, fc.jsonValue()),
      extra: fc.dictionary(fc.stringMatching(/^[a-z_]{1,12}$/), fc.jsonValue(), { maxKeys: 3 }),
    });
    await hostile(
      'signed random events',
      150,
      delivery,
      ({ path, encrypt, eventType: type, eventId, event, extra }) => ({
        path,
        ...deliveryOf(w.secrets, { ...extra, ...randomEvent(type, eventId, event) }, { encrypt }),
      }),
      (reply) => {
        if (reply.status !== 200) refusal([400, 401])(reply);
        else expect(reply.body).toEqual(expect.any(Object));
      },
    );
  });
});

describe('stale and replayed deliveries', () => {
  const helpFrom = (openId: string): { delivery: Delivery; messageId: string } => {
    const messageId = w.lark.seedUserMessage({ senderOpenId: openId, text: '帮助' });
    return { delivery: deliveryOf(w.secrets, messageEvent(w.secrets, { senderOpenId: openId, messageId, text: '帮助' })), messageId };
  };
  const repliesTo = (messageId: string) => w.lark.messages.filter((m) => m.parentId === messageId);

  it('takes a fresh delivery and refuses the same delivery sent again with 401, whichever bot process gets it', async () => {
    const { delivery, messageId } = helpFrom(OPEN_IDS.coord);
    expect((await w.post('/lark/events', delivery)).status).toBe(200);
    await w.bot.idle();
    expect(repliesTo(messageId)).toHaveLength(1);
    expect(await w.h.prisma.larkNonce.count({ where: { nonce: delivery.headers['x-lark-request-nonce'] } })).toBe(1);

    expect(await w.post('/lark/events', delivery)).toEqual({ status: 401, body: { error: 'the request nonce was already used: a replayed delivery' } });
    // Another process behind the same load balancer shares the database, so it refuses it too.
    const other = await w.startBot({ budgetMs: 2_500 });
    expect((await w.post('/lark/cards', delivery, other)).status).toBe(401);
    await w.bot.idle();
    expect(repliesTo(messageId)).toHaveLength(1);
  });

  it('refuses a timestamp 10 minutes old or ahead, or not a number, with 401, and remembers no nonce of it', async () => {
    const nonces = await w.h.prisma.larkNonce.count();
    const now = Math.floor(Date.now() / 1000);
    for (const timestamp of [String(now - 600), String(now + 600), 'yesterday', `${now}.5`]) {
      const messageId = w.lark.seedUserMessage({ senderOpenId: OPEN_IDS.coord, text: '帮助' });
      const event = messageEvent(w.secrets, { senderOpenId: OPEN_IDS.coord, messageId, text: '帮助' });
      const delivery = signed(w.secrets.encryptKey, JSON.stringify({ encrypt: encryptBody(w.secrets.encryptKey, JSON.stringify(event)) }), { timestamp });
      const answer = await w.post('/lark/events', delivery);
      expect(answer.status).toBe(401);
      expect(answer.body.error).toMatch(/^the request timestamp is (stale|not a number of seconds)/);
      await w.bot.idle();
      expect(repliesTo(messageId)).toEqual([]);
    }
    const tenMinutesOld = signed(w.secrets.encryptKey, JSON.stringify(urlVerification(w.secrets, 'c')), { timestamp: String(now - 600) });
    // The console's URL check is answered as before: it starts nothing.
    expect(await w.post('/lark/events', tenMinutesOld)).toEqual({ status: 200, body: { challenge: 'c' } });
    expect(await w.h.prisma.larkNonce.count()).toBe(nonces);
  });

  it('checks timestamps against the clock it is given', async () => {
    const tenMinutesOn = () => new Date(Date.now() + 10 * 60_000);
    const later = await startBot({
      config: localBotConfig(w.lark, w.secrets),
      prisma: w.h.prisma,
      client: w.h.client,
      taskQueue: w.h.taskQueue,
      policy: FAST_POLICY,
      lark: null,
      log: () => undefined,
      now: tenMinutesOn,
    });
    try {
      const event = cardActionEvent(w.secrets, {
        operatorOpenId: OPEN_IDS.coord,
        messageId: `om_${hex(16)}`,
        chatId: `oc_${hex(16)}`,
        token: 'c-0',
        value: { v: 1, d: 'show', ref: 'P-2026-999997', view: 'status' },
      });
      const body = JSON.stringify({ encrypt: encryptBody(w.secrets.encryptKey, JSON.stringify(event)) });
      const now = signed(w.secrets.encryptKey, body);
      expect((await w.post('/lark/cards', now, later)).body.error).toMatch(/^the request timestamp is stale: 60[01] s ago/);
      const stampedLater = signed(w.secrets.encryptKey, body, { timestamp: String(Math.floor(tenMinutesOn().getTime() / 1000)) });
      expect((await w.post('/lark/cards', stampedLater, later)).status).toBe(200);
    } finally {
      await later.close();
    }
  });

  it('decides with the database: fresh within 5 minutes either way, each nonce once, forgotten after the retention', async () => {
    // Long before the other tests' nonces, so that pruning at this clock removes only this test's.
    const now = new Date('2020-03-01T08:00:00Z');
    const seconds = (offset: number) => String(now.getTime() / 1000 + offset);
    expect(timestampProblem(seconds(-300), now)).toBeNull();
    expect(timestampProblem(seconds(300), now)).toBeNull();
    expect(timestampProblem(seconds(-301), now)).toBe('the request timestamp is stale: 301 s ago, more than 300 s from now');
    expect(timestampProblem(seconds(301), now)).toBe('the request timestamp is stale: 301 s ahead, more than 300 s from now');
    expect(timestampProblem('', now)).toBe('the request timestamp is not a number of seconds');

    const nonce = `guard-${hex(8)}`;
    expect(await guardReplay(w.h.prisma, { timestamp: seconds(-299), nonce }, now)).toEqual({ ok: true });
    expect(await guardReplay(w.h.prisma, { timestamp: seconds(0), nonce }, now)).toMatchObject({
      ok: false,
      status: 401,
      reason: expect.stringMatching(/replayed/) as string,
    });
    const long = await guardReplay(w.h.prisma, { timestamp: seconds(0), nonce: 'n'.repeat(5000) }, now);
    expect(long).toEqual({ ok: false, status: 401, reason: 'the request nonce is longer than 200 characters' });

    // Kept as long as a delivery with it could still be fresh; then forgotten.
    expect(NONCE_RETENTION_MS).toBeGreaterThan(2 * REPLAY_WINDOW_MS);
    expect(await pruneNonces(w.h.prisma, new Date(now.getTime() + 2 * REPLAY_WINDOW_MS))).toBe(0);
    const afterRetention = new Date(now.getTime() + NONCE_RETENTION_MS + 1);
    expect(await pruneNonces(w.h.prisma, afterRetention)).toBe(1);
    expect(await guardReplay(w.h.prisma, { timestamp: String(Math.floor(afterRetention.getTime() / 1000)), nonce }, afterRetention)).toEqual({ ok: true });
  });

  it('has kept answering through all of it', async () => {
    expect(await healthz()).toBe(200);
    const { delivery, messageId } = helpFrom(OPEN_IDS.coord);
    expect((await w.post('/lark/events', delivery)).status).toBe(200);
    await w.bot.idle();
    expect(repliesTo(messageId)).toHaveLength(1);
  });
});
