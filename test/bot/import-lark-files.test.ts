import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as lark from '@larksuiteoapi/node-sdk';
import { setTimeout as sleep } from 'node:timers/promises';
import { cardProgress } from '../../bots/card-progress.ts';
import { createLarkClient } from '../../lark/client.ts';
import { noticeCard } from '../../lark/cards/notice.ts';
import { downloadMessageFile, FileTooLargeError, replyWithFile, uploadFile, uploadFileType } from '../../lark/files.ts';
import { LarkError, replyCard, replyFile } from '../../lark/messages.ts';
import { importProgressCard } from '../../lark/cards/import-progress.ts';
import { importSummaryCard } from '../../lark/cards/import-summary.ts';
import { CARD_BODY_MAX_BYTES } from '../../lark/limits.ts';
import { cardText } from './support/cards.ts';
import { startLarkOpenApi, validateCard, type LarkOpenApi } from '../support/lark-open-api.ts';

const PERSON = 'ou_0000000000000000000000000000c001';

let api: LarkOpenApi;
let client: lark.Client;
beforeAll(async () => {
  api = await startLarkOpenApi();
  client = createLarkClient({ LARK_APP_ID: api.appId, LARK_APP_SECRET: api.appSecret, LARK_DOMAIN: api.baseUrl }, { log: () => undefined })!;
});
afterAll(async () => {
  await api?.close();
});

const refusal = async (work: Promise<unknown>): Promise<LarkError> => {
  const error: unknown = await work.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof LarkError)) throw new Error(`expected a LarkError, got ${String(error)}`);
  return error;
};

describe('Lark files through the SDK', () => {
  it('downloads the file a person sent, by message and file_key', async () => {
    const bytes = Buffer.from('名称,地区\n东北大学,辽宁省\n');
    const sent = api.seedUserFile({ senderOpenId: PERSON, fileName: '成果.csv', bytes });
    expect(JSON.parse(api.message(sent.messageId)!.content)).toEqual({ file_key: sent.fileKey, file_name: '成果.csv' });
    expect(await downloadMessageFile(client, { messageId: sent.messageId, fileKey: sent.fileKey })).toEqual(bytes);
    const request = api.requests.find((r) => r.route === 'resource');
    expect(request?.query).toEqual({ type: 'file' });
  });

  it("names Lark's code when the file is not in that message", async () => {
    const one = api.seedUserFile({ senderOpenId: PERSON, fileName: 'a.xlsx', bytes: Buffer.from('a') });
    const other = api.seedUserFile({ senderOpenId: PERSON, fileName: 'b.xlsx', bytes: Buffer.from('b') });
    const error = await refusal(downloadMessageFile(client, { messageId: one.messageId, fileKey: other.fileKey }));
    expect(error.kind).toBe('refused');
    expect(error.code).toBe(234003);
    expect(error.status).toBe(400);
  });

  it('refuses a file over the limit from its Content-Length, before reading it', async () => {
    const sent = api.seedUserFile({ senderOpenId: PERSON, fileName: 'big.xlsx', bytes: Buffer.alloc(64 * 1024, 1) });
    const error: unknown = await downloadMessageFile(client, { messageId: sent.messageId, fileKey: sent.fileKey, maxBytes: 1024 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileTooLargeError);
    expect((error as FileTooLargeError).sizeBytes).toBe(64 * 1024);
  });

  it('uploads a file as multipart and replies with it as a file message', async () => {
    const parent = api.seedUserMessage({ senderOpenId: PERSON, text: '导入模板' });
    const bytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 1, 2, 255]);
    const messageId = await replyWithFile(client, parent, { name: '导入模板.xlsx', bytes }, 'event-1');
    const message = api.message(messageId)!;
    expect(message.msgType).toBe('file');
    expect(message.parentId).toBe(parent);
    const file = api.fileOf(message);
    expect(file).toMatchObject({ fileName: '导入模板.xlsx', fileType: 'xls' });
    expect(file?.bytes).toEqual(bytes);
    expect(api.requests.find((r) => r.route === 'upload')?.body).toMatchObject({ file_type: 'xls', file_name: '导入模板.xlsx', file: { bytes: bytes.length } });
  });

  it('refuses an empty upload before sending it, and a file message with a file_key Lark never issued', async () => {
    expect((await refusal(uploadFile(client, { name: 'empty.csv', bytes: Buffer.alloc(0) }))).kind).toBe('invalid_request');
    const parent = api.seedUserMessage({ senderOpenId: PERSON, text: 'x' });
    const unknown = await refusal(replyFile(client, { messageId: parent, fileKey: 'file_v3_nope' }));
    expect(unknown.code).toBe(230001);
  });

  it("gives each file Lark's file_type", () => {
    expect(uploadFileType('成果.XLSX')).toBe('xls');
    expect(uploadFileType('problems.csv')).toBe('stream');
    expect(uploadFileType('noextension')).toBe('stream');
  });

  it('draws import cards Lark accepts in both languages, however long the problems and names', () => {
    const long = '*[<at id=all>]*'.repeat(400);
    const report = {
      rows: 123_456,
      valid: 1,
      errors: Array.from({ length: 500 }, (_, index) => ({ sheet: long, row: index + 2, column: long, message: long })),
      written: { organisations: 0, people: 0, achievements: 0, demands: 0, signings: 0 },
      dryRun: true,
    };
    for (const language of ['zh', 'en'] as const) {
      const cards = [
        importSummaryCard(report, { fileName: long, event: long }, language),
        importProgressCard({ fileName: long, event: long, stage: { step: 'writing', done: 600, total: 1500 } }, language),
      ];
      for (const card of cards) {
        expect(validateCard(card)).toBeNull();
        expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThanOrEqual(CARD_BODY_MAX_BYTES);
      }
    }
  });

  it('updates a card at most once per interval, showing the latest state, and the final one last', async () => {
    const parent = api.seedUserMessage({ senderOpenId: PERSON, text: 'x' });
    const messageId = await replyCard(client, { messageId: parent, card: noticeCard('进度', '0') });
    const progress = cardProgress(client, messageId, () => undefined, 200);
    for (let i = 1; i <= 30; i += 1) {
      progress.show(noticeCard('进度', String(i)));
      await sleep(20);
    }
    // The last state shown waits for its turn, then goes out without another show().
    await vi.waitFor(() => expect(cardText(api.contentOf(api.message(messageId)!))).toBe('进度\n30'), { timeout: 2_000 });
    await progress.finish(noticeCard('完成', 'done'));
    const patches = api.requests.filter((request) => request.route === 'patch' && request.path.endsWith(messageId));
    expect(patches.length).toBeGreaterThanOrEqual(3);
    expect(patches.length).toBeLessThanOrEqual(6);
    // Sent 200 ms apart; their arrival may be a little closer when one waited for the connection.
    for (const [index, patch] of patches.slice(1, -1).entries()) expect(patch.receivedAt - patches[index]!.receivedAt).toBeGreaterThanOrEqual(150);
    const shown = api.message(messageId)!.history.map((content) => cardText(JSON.parse(content) as Record<string, unknown>));
    expect(shown.at(-1)).toBe('进度\n30');
    expect(api.message(messageId)!.content).toContain('done');
  });
});
