import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApplicationFailure } from '@temporalio/common';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LARK_CREDENTIALS_REJECTED, LARK_RATE_LIMITED, LARK_TOKEN_REJECTED, LARK_UNAVAILABLE, PERMANENT_DELIVERY_ERROR } from '../../domain/failures.ts';
import { larkActivityFailure } from '../../activities/lark-failures.ts';
import { createLarkSender } from '../../activities/lark-sender.ts';
import { LarkError, messageUuid } from '../../lark/messages.ts';
import { createLarkClient } from '../../lark/client.ts';
import { loadConfig, type Config } from '../../lib/config.ts';
import type { ChannelSender, OutgoingItem, OutgoingMessage, Recipient } from '../../notifications/content.ts';
import { startLarkOpenApi, type LarkOpenApi } from '../support/lark-open-api.ts';

const TTO: Recipient = { id: 'p-tto-neu', name: '张华', email: 'zhanghua@neu.example.cn', larkOpenId: 'ou_0000000000000000000000000000d002', language: 'zh' };
const VISITING: Recipient = {
  id: 'p-visiting',
  name: 'Anna Berg',
  email: 'anna@example.org',
  larkOpenId: 'ou_0000000000000000000000000000e003',
  language: 'en',
};
const EMAIL_ONLY: Recipient = { id: 'p-ent-huaye', name: '王磊', email: 'wanglei@huaye.example.cn', larkOpenId: null, language: 'zh' };

const proposal: OutgoingItem = {
  template: 'match_proposed',
  payload: {
    reference: 'P-2026-000123',
    title: '精轧机工作辊磨损快、换辊频繁',
    stage: 'matchmaking',
    seq: 5,
    candidateId: 'A012',
    candidateTitle: '高铬铸铁轧辊激光熔覆修复技术',
    reasons: ['概念匹配：磨损→碳化钨'],
    deadline: '2026-12-12T09:00:00+08:00',
  },
};
const reminder: OutgoingItem = {
  template: 'proposal_reminder',
  payload: { reference: 'P-2026-000124', title: '宠物猫粮适口性差、退货多', seq: 6, candidateId: 'A013', deadline: '2026-12-13T09:00:00+08:00' },
};

const message = (recipient: Recipient, items: OutgoingItem[], key = `P-2026-000123/5/match_proposed/${recipient.id}/lark`): OutgoingMessage => ({
  key,
  recipient,
  items,
});

/** A sent card as the person sees it: header title and every markdown block. */
const cardText = (card: Record<string, unknown>): { title: string; body: string } => {
  const header = card.header as { title: { content: string } };
  const elements = (card.body as { elements: { content: string }[] }).elements;
  return { title: header.title.content, body: elements.map((element) => element.content).join('\n') };
};

let dataDir: string;
let config: Config;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'qxwq-lark-'));
  config = loadConfig({ DATA_DIR: dataDir });
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('with a Lark app', () => {
  let api: LarkOpenApi;
  let sender: ChannelSender;

  beforeEach(async () => {
    api = await startLarkOpenApi();
    const appConfig = { ...config, LARK_APP_ID: api.appId, LARK_APP_SECRET: api.appSecret, LARK_DOMAIN: api.baseUrl };
    sender = createLarkSender({ config: appConfig, client: createLarkClient(appConfig, { log: () => {} }), log: () => {} });
  });

  afterEach(async () => {
    await api.close();
  });

  it('sends the rendered notification as a card to the person’s open_id, in their language', async () => {
    const { messageId } = await sender.send(message(TTO, [proposal]));
    await sender.send(message(VISITING, [proposal]));

    const [zh] = api.deliveredTo(TTO.larkOpenId!);
    expect(zh?.messageId).toBe(messageId);
    expect(zh?.msgType).toBe('interactive');
    const chinese = cardText(api.contentOf(zh!));
    expect(chinese.title).toContain('精轧机工作辊磨损快、换辊频繁');
    expect(chinese.body).toContain('P-2026-000123');
    expect(chinese.body).toContain('高铬铸铁轧辊激光熔覆修复技术');
    expect(chinese.body).toContain('概念匹配：磨损→碳化钨');

    const english = cardText(api.contentOf(api.deliveredTo(VISITING.larkOpenId!)[0]!));
    expect(english.title).toContain('Match proposal');
    expect(english.body).toContain('P-2026-000123');
  });

  it('combines several reminders for one person into one card', async () => {
    await sender.send(message(TTO, [proposal, reminder], 'batch/p-tto-neu/2026-12-10T09'));

    const delivered = api.deliveredTo(TTO.larkOpenId!);
    expect(delivered).toHaveLength(1);
    const { title, body } = cardText(api.contentOf(delivered[0]!));
    expect(title).toContain('2');
    expect(body).toContain('P-2026-000123');
    expect(body).toContain('P-2026-000124');
  });

  it('sends a message once however often its key is sent, using the key’s uuid', async () => {
    const first = await sender.send(message(TTO, [proposal]));
    const again = await sender.send(message(TTO, [proposal]));

    expect(again).toEqual(first);
    const delivered = api.deliveredTo(TTO.larkOpenId!);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]?.uuid).toBe(messageUuid(message(TTO, [proposal]).key));
  });

  it('lets a rate-limited send be retried after Lark’s reset, delivering once', async () => {
    api.failNext('send', { status: 429, headers: { 'x-ogw-ratelimit-reset': '3' } });
    const failure = await sender.send(message(TTO, [proposal])).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect((failure as ApplicationFailure).type).toBe(LARK_RATE_LIMITED);
    expect((failure as ApplicationFailure).nextRetryDelay).toBe(3_000);

    await sender.send(message(TTO, [proposal]));
    expect(api.deliveredTo(TTO.larkOpenId!)).toHaveLength(1);
  });

  it('fails permanently for a person without a Lark open_id, without calling Lark', async () => {
    const failure = await sender.send(message(EMAIL_ONLY, [proposal])).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect((failure as ApplicationFailure).type).toBe(PERMANENT_DELIVERY_ERROR);
    expect((failure as ApplicationFailure).message).toContain('王磊');
    expect(api.requests).toHaveLength(0);
  });

  it('fails permanently when Lark refuses the person', async () => {
    api.makeUnreachable(TTO.larkOpenId!);
    const failure = await sender.send(message(TTO, [proposal])).catch((error: unknown) => error);
    expect((failure as ApplicationFailure).type).toBe(PERMANENT_DELIVERY_ERROR);
    expect((failure as ApplicationFailure).nonRetryable).toBe(true);
    expect((failure as ApplicationFailure).message).toContain('230013');
  });

  it('retries an outage, a refused tenant token and refused credentials, with the Lark failure types', async () => {
    api.failNext('send', { status: 503 });
    const outage = await sender.send(message(TTO, [proposal])).catch((error: unknown) => error);
    expect(outage).toBeInstanceOf(ApplicationFailure);
    expect((outage as ApplicationFailure).type).toBe(LARK_UNAVAILABLE);
    expect((outage as ApplicationFailure).nonRetryable).toBe(false);

    await sender.send(message(VISITING, [proposal]));
    api.revokeTokens();
    const token = await sender.send(message(TTO, [proposal])).catch((error: unknown) => error);
    expect((token as ApplicationFailure).type).toBe(LARK_TOKEN_REJECTED);
    expect((token as ApplicationFailure).nonRetryable).toBe(false);
    await sender.send(message(TTO, [proposal]));
    expect(api.deliveredTo(TTO.larkOpenId!)).toHaveLength(1);
  });

  it('fails permanently for a payload its template cannot render', async () => {
    const broken: OutgoingItem = { template: 'match_proposed', payload: { reference: 'P-2026-000123', title: 'x' } };
    const failure = await sender.send(message(TTO, [broken])).catch((error: unknown) => error);
    expect((failure as ApplicationFailure).type).toBe(PERMANENT_DELIVERY_ERROR);
    expect((failure as ApplicationFailure).message).toContain('candidateId');
    expect(api.messages).toHaveLength(0);
  });
});

describe('without a Lark app', () => {
  it('writes the card Lark would have received to the outbox folder and says where', async () => {
    const lines: string[] = [];
    const sender = createLarkSender({ config, client: createLarkClient(config), log: (line) => lines.push(line) });
    const outgoing = message(TTO, [proposal]);

    const { messageId } = await sender.send(outgoing);
    await sender.send(outgoing);

    const folder = path.join(dataDir, 'outbox', 'lark');
    const file = path.join(folder, `${messageUuid(outgoing.key)}.json`);
    expect(await readdir(folder)).toEqual([path.basename(file)]);
    expect(messageId).toBe(`file:${file}`);
    const written = JSON.parse(await readFile(file, 'utf8')) as { receive_id: string; msg_type: string; card: Record<string, unknown> };
    expect(written.receive_id).toBe(TTO.larkOpenId);
    expect(written.msg_type).toBe('interactive');
    expect(cardText(written.card).body).toContain('P-2026-000123');
    expect(lines[0]).toContain(file);
  });

  it('uses EMAIL_OUTBOX_DIR when it is set', async () => {
    const outbox = path.join(dataDir, 'elsewhere');
    const sender = createLarkSender({ config: { ...config, EMAIL_OUTBOX_DIR: outbox }, client: null, log: () => {} });
    await sender.send(message(VISITING, [proposal]));
    expect(await readdir(path.join(outbox, 'lark'))).toHaveLength(1);
  });
});

describe('a Lark error as the delivery activity reports it', () => {
  const failure = (error: LarkError) => larkActivityFailure(error) as ApplicationFailure;

  it('retries a rate limit after Lark’s reset, and the other transient kinds with the activity’s backoff', () => {
    const limited = failure(new LarkError('rate_limited', 'Lark: rate limited', { code: 99991400, status: 429, retryAfterMs: 2_000 }));
    expect(limited).toBeInstanceOf(ApplicationFailure);
    expect([limited.type, limited.nonRetryable, limited.nextRetryDelay, limited.message]).toEqual([LARK_RATE_LIMITED, false, 2_000, 'Lark: rate limited']);
    expect(failure(new LarkError('rate_limited', 'x')).nextRetryDelay).toBeUndefined();
    for (const [kind, type] of [
      ['unavailable', LARK_UNAVAILABLE],
      ['token_rejected', LARK_TOKEN_REJECTED],
      ['credentials_rejected', LARK_CREDENTIALS_REJECTED],
    ] as const) {
      const mapped = failure(new LarkError(kind, `Lark: ${kind}`));
      expect([mapped.type, mapped.nonRetryable, mapped.message]).toEqual([type, false, `Lark: ${kind}`]);
    }
  });

  it('makes a refusal or an invalid request a permanent delivery failure, keeping Lark’s code', () => {
    const refused = failure(
      new LarkError('refused', 'Lark refused to send: code 230013 Bot has NO availability to this user.', {
        code: 230013,
        larkMessage: 'Bot has NO availability to this user.',
        status: 400,
      }),
    );
    expect([refused.type, refused.nonRetryable]).toEqual([PERMANENT_DELIVERY_ERROR, true]);
    expect(refused.details).toEqual([{ code: 230013, msg: 'Bot has NO availability to this user.', status: 400 }]);
    const invalid = failure(new LarkError('invalid_request', 'Lark uuid must be 1–50 characters'));
    expect([invalid.type, invalid.nonRetryable, invalid.message]).toEqual([PERMANENT_DELIVERY_ERROR, true, 'Lark uuid must be 1–50 characters']);
  });

  it('leaves any other error as it is', () => {
    const other = new TypeError('not Lark');
    expect(larkActivityFailure(other)).toBe(other);
  });
});
