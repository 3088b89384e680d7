/**
 * People imported without a Lark open_id are found in the tenant by email or mobile after the
 * import commits, through the real SDK and the local Open API's contact route.
 */
import type * as lark from '@larksuiteoapi/node-sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importDirectory } from '../../app/directory.ts';
import { createLarkClient } from '../../lark/client.ts';
import { openIdLookup } from '../../lark/contacts.ts';
import { createPrisma, type PrismaClient } from '../../lib/prisma.ts';
import { importReleases, type ImportReport } from '../../releases/index.ts';
import directory from '../fixtures/directory.json' with { type: 'json' };
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { startLarkOpenApi, type LarkOpenApi, type RecordedRequest } from '../support/lark-open-api.ts';
import { fillTemplate, type RowInput } from './workbooks.ts';

let db: TestDatabase;
let prisma: PrismaClient;
let api: LarkOpenApi;
let client: lark.Client;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = createPrisma(db.url, 2);
  await importDirectory(prisma, directory, 'fixture directory');
  api = await startLarkOpenApi();
  client = createLarkClient({ LARK_APP_ID: api.appId, LARK_APP_SECRET: api.appSecret, LARK_DOMAIN: api.baseUrl }, { log: () => {} })!;
});
afterAll(async () => {
  await api?.close();
  await prisma?.$disconnect();
  await db?.drop();
});

let seen = 0;
beforeEach(() => {
  seen = api.requests.length;
});
const contactCalls = (): RecordedRequest[] => api.requests.slice(seen).filter((request) => request.route === 'contacts');

const person = (name: string, email: string, extra: RowInput = {}): RowInput => ({
  姓名: name,
  角色: '技术转移中心',
  所属单位: '大连理工大学',
  邮箱: email,
  ...extra,
});

const importPeople = async (rows: readonly RowInput[], name: string): Promise<ImportReport> =>
  importReleases(prisma, { name, bytes: await fillTemplate('zh', { 人员: rows }) }, { language: 'zh', maxBytes: 1e8, lookUp: openIdLookup(client) });

const stored = (email: string) => prisma.person.findFirst({ where: { email }, select: { larkOpenId: true, channel: true } });

describe('looking imported people up in Lark', () => {
  it('finds the open_ids of people in the tenant by email or mobile and leaves the others email-only', async () => {
    const byEmail = api.addTenantUser({ email: 'zhouqing@dut.example.cn' });
    const byMobile = api.addTenantUser({ email: 'hewei@corp.example.cn', mobile: '13912345678' });
    const report = await importPeople(
      [
        person('周青', 'ZhouQing@dut.example.cn'),
        person('何伟', 'hewei@dut.example.cn', { 手机: '+86 139-1234-5678' }),
        person('冯雪', 'fengxue@dut.example.cn'),
        person('韩梅', 'hanmei@dut.example.cn', { 接收方式: '飞书和邮件' }),
      ],
      'lookup.xlsx',
    );
    expect(report.errors).toEqual([]);
    expect(report.written.people).toBe(4);
    expect(report.lookup).toEqual({ found: 2, emailOnly: 2 });
    expect(await stored('ZhouQing@dut.example.cn')).toEqual({ larkOpenId: byEmail, channel: 'both' });
    expect(await stored('hewei@dut.example.cn')).toEqual({ larkOpenId: byMobile, channel: 'both' });
    expect(await stored('fengxue@dut.example.cn')).toEqual({ larkOpenId: null, channel: 'email' });
    expect(await stored('hanmei@dut.example.cn')).toEqual({ larkOpenId: null, channel: 'both' });

    const [call, ...more] = contactCalls();
    expect(more).toEqual([]);
    expect(call?.query).toEqual({ user_id_type: 'open_id' });
    expect(call?.headers.authorization).toBe(`Bearer ${api.tenantAccessToken}`);
    expect(call?.body).toEqual({
      emails: ['zhouqing@dut.example.cn', 'hewei@dut.example.cn', 'fengxue@dut.example.cn', 'hanmei@dut.example.cn'],
      mobiles: ['13912345678'],
    });
  });

  it('asks again only for those still without an open_id, and refuses a mobile that is not one', async () => {
    const again = await importPeople([person('冯雪', 'fengxue@dut.example.cn'), person('周青', 'zhouqing@dut.example.cn')], 'again.xlsx');
    expect(again.lookup).toEqual({ found: 0, emailOnly: 1 });
    expect(contactCalls().map((call) => call.body)).toEqual([{ emails: ['fengxue@dut.example.cn'], mobiles: [] }]);

    const wrong = await importPeople([person('冯雪', 'fengxue@dut.example.cn', { 手机: '12345' })], 'wrong-mobile.xlsx');
    expect(wrong.errors).toEqual([{ sheet: '人员', row: 2, column: '手机', message: '“12345”不是中国大陆手机号（11 位，以 1 开头）' }]);
  });

  it('asks 50 at a time: 51 people make two calls', async () => {
    const rows = Array.from({ length: 51 }, (_, index) => person(`批量${index}`, `batch${index}@dut.example.cn`));
    api.addTenantUser({ email: 'batch50@dut.example.cn' });
    const report = await importPeople(rows, 'batch.xlsx');
    expect(report.lookup).toEqual({ found: 1, emailOnly: 50 });
    expect(contactCalls().map((call) => (call.body as { emails: string[] }).emails.length)).toEqual([50, 1]);
  });

  it('waits out a rate limit for as long as Lark says', async () => {
    const openId = api.addTenantUser({ email: 'limited@dut.example.cn' });
    api.failNext('contacts', { status: 429 });
    const report = await importPeople([person('限流', 'limited@dut.example.cn')], 'limited.xlsx');
    expect(report.lookup).toEqual({ found: 1, emailOnly: 0 });
    const [refused, answered] = contactCalls();
    expect(refused?.status).toBe(429);
    expect(answered?.status).toBe(200);
    // x-ogw-ratelimit-reset: 1 (second).
    expect(answered!.receivedAt - refused!.receivedAt).toBeGreaterThanOrEqual(950);
    expect((await stored('limited@dut.example.cn'))?.larkOpenId).toBe(openId);
  });

  it('reports a lookup Lark refuses, and the import stands', async () => {
    api.failNext('contacts', { status: 400, body: { code: 41050, msg: 'no user authority error' } });
    const report = await importPeople([person('无权', 'noscope@dut.example.cn')], 'refused.xlsx');
    expect(report.written.people).toBe(1);
    expect(report.lookup).toMatchObject({ found: 0, emailOnly: 1, failure: expect.stringContaining('41050') as unknown });
    expect(await stored('noscope@dut.example.cn')).toEqual({ larkOpenId: null, channel: 'both' });
  });

  it('looks nobody up without a Lark app', async () => {
    const report = await importReleases(
      prisma,
      { name: 'no-app.xlsx', bytes: await fillTemplate('zh', { 人员: [person('无应用', 'noapp@dut.example.cn')] }) },
      { language: 'zh', maxBytes: 1e8 },
    );
    expect(report.lookup).toBeUndefined();
    expect(contactCalls()).toEqual([]);
  });
});

describe("the local Open API's contact route", () => {
  it('refuses more than 50 emails with Lark’s code, and a request without the tenant token', async () => {
    const emails = Array.from({ length: 51 }, (_, index) => `many${index}@dut.example.cn`);
    const refusal: unknown = await client.contact.v3.user
      .batchGetId({ params: { user_id_type: 'open_id' }, data: { emails } })
      .catch((error: unknown) => error);
    expect(refusal).toMatchObject({ response: { status: 400, data: { code: 99992402 } } });
    const anonymous = await fetch(`${api.baseUrl}/open-apis/contact/v3/users/batch_get_id`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ emails: ['x@dut.example.cn'] }),
    });
    expect(((await anonymous.json()) as { code: number }).code).toBe(99991661);
  });
});
