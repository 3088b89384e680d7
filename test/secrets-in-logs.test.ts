/**
 * No secret reaches a log. The worker (`worker.ts`), the bot (`scripts/bot.ts`) and the CLI
 * (`scripts/cli.ts`) run in their own processes with every secret configured: a Lark app secret,
 * encrypt key and verification token, an SMTP password inside SMTP_URL, and a Temporal API key.
 * A partnership is driven through a few steps, with a forged delivery refused, a tenant token and
 * a send failing at Lark, a mailbox refused by the mail server and a CLI run whose Temporal
 * connection fails; then every line the processes wrote is searched for each secret, as written
 * and as it would appear encoded (URL-encoded, base64, SMTP AUTH PLAIN).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../lib/net.ts';
import { COORD_EMAIL } from './support/channels.ts';
import { eventually } from './support/drive.ts';
import { createHarness, FAST_POLICY, ROLL_WEAR_DEMAND, type Harness } from './support/harness.ts';
import { startLarkOpenApi, type LarkOpenApi } from './support/lark-open-api.ts';
import { startLoopbackSmtp, type LoopbackSmtp } from './support/smtp.ts';
import { findButton } from './bot/support/cards.ts';
import { cardActionEvent, deliveryOf, hex, messageEvent, type AppSecrets, type Delivery } from './bot/support/deliveries.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const COORD_OPEN_ID = 'ou_0000000000000000000000000000c001';

/** Values no line could contain by chance; the SMTP password has characters URL encoding changes. */
const SECRETS = {
  LARK_APP_SECRET: `larkappsecret${hex(12)}`,
  LARK_ENCRYPT_KEY: `encryptkey${hex(12)}`,
  LARK_VERIFICATION_TOKEN: `verifytoken${hex(12)}`,
  SMTP_PASSWORD: `smtp/pa:ss@w+rd ${hex(8)}`,
  TEMPORAL_API_KEY: `temporalapikey${hex(16)}`,
} as const;
const SMTP_USER = 'qxwq-mailer';

/** Every form in which a secret could be logged: as is, and for the SMTP password as URLs and SMTP AUTH carry it. */
const secretForms = (): { name: string; value: string }[] => {
  const forms: { name: string; value: string }[] = Object.entries(SECRETS).map(([name, value]) => ({ name, value }));
  const password = SECRETS.SMTP_PASSWORD;
  const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  forms.push(
    { name: 'SMTP_PASSWORD (URL-encoded)', value: encodeURIComponent(password) },
    { name: 'SMTP_PASSWORD (form-encoded)', value: new URLSearchParams({ p: password }).toString().slice(2) },
    { name: 'SMTP_PASSWORD (base64)', value: base64(password) },
    { name: 'SMTP_PASSWORD (AUTH PLAIN)', value: base64(`\0${SMTP_USER}\0${password}`) },
    { name: 'LARK_APP_SECRET (base64)', value: base64(SECRETS.LARK_APP_SECRET) },
    { name: 'TEMPORAL_API_KEY (base64)', value: base64(SECRETS.TEMPORAL_API_KEY) },
  );
  return forms;
};

/** The lines that give a secret away, with the secret each gives away. */
const leaks = (lines: readonly string[]): string[] =>
  lines.flatMap((line) => secretForms().flatMap(({ name, value }) => (line.includes(value) ? [`${name}: ${line}`] : [])));

interface Captured {
  readonly lines: string[];
  readonly children: ChildProcess[];
}

const captured: Captured = { lines: [], children: [] };

/** Starts a TypeScript entry under tsx with `env` over this environment, every line it writes captured and tagged. */
const run = (tag: string, args: readonly string[], env: Record<string, string>, sink: string[] = captured.lines): ChildProcess => {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const [stream, source] of [
    ['stdout', child.stdout],
    ['stderr', child.stderr],
  ] as const) {
    let rest = '';
    source.setEncoding('utf8');
    source.on('data', (chunk: string) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop() ?? '';
      for (const line of parts) sink.push(`${tag} ${stream}: ${line}`);
    });
    source.on('end', () => {
      if (rest) sink.push(`${tag} ${stream}: ${rest}`);
    });
  }
  captured.children.push(child);
  return child;
};

/** Runs a CLI command to its end. */
const cli = async (env: Record<string, string>, ...args: string[]): Promise<number> => {
  const child = run('cli', ['scripts/cli.ts', ...args], env);
  const [code] = (await once(child, 'close')) as [number | null];
  return code ?? 1;
};

const stop = async (child: ChildProcess): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const closed = once(child, 'close');
  child.kill('SIGTERM');
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
};

let h: Harness;
let lark: LarkOpenApi;
let smtp: LoopbackSmtp;
let dir: string;
let env: Record<string, string>;
let botUrl: string;
let appSecrets: AppSecrets;

beforeAll(async () => {
  [lark, smtp, h, dir] = await Promise.all([
    startLarkOpenApi({ appSecret: SECRETS.LARK_APP_SECRET }),
    startLoopbackSmtp(),
    createHarness(import.meta.url),
    mkdtemp(path.join(tmpdir(), 'qxwq-secrets-')),
  ]);
  appSecrets = { appId: lark.appId, verificationToken: SECRETS.LARK_VERIFICATION_TOKEN, encryptKey: SECRETS.LARK_ENCRYPT_KEY };
  const policyFile = path.join(dir, 'policy.json');
  await writeFile(policyFile, JSON.stringify(FAST_POLICY));
  const smtpUrl = new URL(smtp.url);
  smtpUrl.username = SMTP_USER;
  smtpUrl.password = encodeURIComponent(SECRETS.SMTP_PASSWORD);
  const port = await freePort();
  // Every process gets every secret, as a deployment's shared environment would give them (the Temporal API key only to the CLI run that uses it: it implies TLS, which the dev server has not).
  env = {
    DATA_DIR: dir,
    EMAIL_OUTBOX_DIR: path.join(dir, 'outbox'),
    DATABASE_URL: h.database.url,
    DATABASE_POOL_MAX: '2',
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_NAMESPACE: 'default',
    TEMPORAL_TASK_QUEUE: h.taskQueue,
    POLICY_FILE: policyFile,
    SMTP_URL: smtpUrl.toString(),
    LARK_APP_ID: lark.appId,
    LARK_APP_SECRET: SECRETS.LARK_APP_SECRET,
    LARK_DOMAIN: lark.baseUrl,
    LARK_ENCRYPT_KEY: SECRETS.LARK_ENCRYPT_KEY,
    LARK_VERIFICATION_TOKEN: SECRETS.LARK_VERIFICATION_TOKEN,
    LARK_MODE: 'webhook',
    BOT_HOST: '127.0.0.1',
    BOT_PORT: String(port),
  };

  const worker = run('worker', ['worker.ts'], env);
  const polling = new Promise<void>((resolve, reject) => {
    worker.stdout!.on('data', (chunk: Buffer | string) => {
      if (String(chunk).includes('worker polling')) resolve();
    });
    worker.once('exit', (code) => reject(new Error(`the worker exited (${code}): ${captured.lines.slice(-5).join(' | ')}`)));
  });
  run('bot', ['scripts/bot.ts'], env);
  botUrl = `http://127.0.0.1:${port}`;
  await polling;
  await eventually('the bot to answer /healthz', async () => ((await fetch(`${botUrl}/healthz`).catch(() => null))?.status === 200 ? true : undefined), 60_000);
}, 120_000);

afterAll(async () => {
  for (const child of captured.children) await stop(child);
  await h?.close();
  await Promise.all([lark?.close(), smtp?.close()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

const post = async (url: string, delivery: Delivery): Promise<number> => {
  const response = await fetch(url, { method: 'POST', headers: delivery.headers, body: delivery.body });
  await response.body?.cancel();
  return response.status;
};

describe('secrets in logs', () => {
  it('catches a secret logged in any of its forms', async () => {
    // Raw console.log and console.error lines in a process of our own, captured as the service's processes are.
    const planted: string[] = [];
    const script = 'for (const value of JSON.parse(process.env.PLANTED)) { console.log(`connecting with ${value}`); console.error(value); }';
    const child = run('planted', ['-e', script], { PLANTED: JSON.stringify(secretForms().map(({ value }) => value)) }, planted);
    await once(child, 'close');
    expect(planted).toHaveLength(secretForms().length * 2);
    expect(leaks(planted)).toHaveLength(planted.length);
    expect(leaks(planted).map((leak) => leak.split(':')[0])).toEqual(expect.arrayContaining(secretForms().map(({ name }) => name)));
  });

  it('writes none from the worker, the bot and the CLI through a partnership with refused deliveries and failing sends', async () => {
    const reference = await h.submit({ ...ROLL_WEAR_DEMAND, title: '密钥日志测试' });
    await h.waitFor(reference, (s) => s.stage === 'review');

    // A forged delivery (bad signature) and one with a wrong verification token: refused, and logged.
    const messageId = lark.seedUserMessage({ senderOpenId: COORD_OPEN_ID, text: `进度 ${reference}` });
    const asked = messageEvent(appSecrets, { senderOpenId: COORD_OPEN_ID, messageId, text: `进度 ${reference}` });
    expect(await post(`${botUrl}/lark/events`, deliveryOf(appSecrets, asked, { signature: 'f'.repeat(64) }))).toBe(401);
    const guessed = { ...appSecrets, verificationToken: 'guessed-token' };
    expect(await post(`${botUrl}/lark/events`, deliveryOf(guessed, messageEvent(guessed, { senderOpenId: COORD_OPEN_ID, messageId, text: '帮助' })))).toBe(401);

    // The first tenant token request fails at Lark, so the SDK's error (whose request carries the app secret) is logged.
    lark.failNext('token', { status: 500, times: 1 });
    expect(await post(`${botUrl}/lark/events`, deliveryOf(appSecrets, asked))).toBe(200);
    const reply = await eventually('the status card', () =>
      Promise.resolve(lark.messages.find((m) => m.parentId === messageId && m.msgType === 'interactive')),
    );

    // The coordinator approves from the card. The candidates' notice then fails once at Lark and is refused for good by the mail server.
    lark.failNext('send', { status: 500, times: 1 });
    smtp.refuse.add(COORD_EMAIL);
    const found = findButton(lark.contentOf(lark.message(reply.messageId) ?? reply), '通过');
    const click = cardActionEvent(appSecrets, {
      operatorOpenId: COORD_OPEN_ID,
      messageId: reply.messageId,
      chatId: reply.chatId,
      token: lark.issueCardToken(reply.messageId),
      value: found.value,
    });
    expect(await post(`${botUrl}/lark/cards`, deliveryOf(appSecrets, click))).toBe(200);
    expect(await post(`${botUrl}/lark/cards`, deliveryOf(appSecrets, click, { signature: '0'.repeat(64) }))).toBe(401);
    const offered = await h.waitFor(reference, (s) => s.awaiting.some((a) => a.action === 'select_candidates'));

    // The CLI picks a candidate; then a CLI run with the Temporal API key fails to connect (TLS to a plaintext server).
    expect(await cli(env, 'decide', reference, 'select', '--as', 'coord', '--data', JSON.stringify({ candidateIds: [offered.candidates[0]!.id] }))).toBe(0);
    expect(await cli(env, 'status', reference)).toBe(0);
    expect(await cli({ ...env, TEMPORAL_API_KEY: SECRETS.TEMPORAL_API_KEY }, 'status', reference)).not.toBe(0);

    // Every message is sent or has failed for good, the mail refusal among them.
    await eventually(
      'the messages to be sent',
      async () => ((await h.prisma.notification.count({ where: { partnership: { reference }, status: 'pending' } })) === 0 ? true : undefined),
      30_000,
    );
    const failed = await h.prisma.notification.findMany({ where: { partnership: { reference }, status: 'failed' }, select: { channel: true } });
    expect(failed.map((row) => row.channel)).toContain('email');
    expect(lark.requests.filter((r) => r.route === 'send' && r.status === 500)).toHaveLength(1);
    expect(lark.requests.filter((r) => r.route === 'token' && r.status === 500)).toHaveLength(1);

    for (const child of captured.children) await stop(child);
    const lines = captured.lines;
    // What was captured is what the processes said: each one's start, the refusals, the failures.
    expect(lines.some((line) => line.startsWith('worker stdout: worker polling'))).toBe(true);
    expect(lines.some((line) => line.startsWith('bot stdout: bot: webhook'))).toBe(true);
    expect(lines.filter((line) => line.includes('bot: refused a delivery'))).toHaveLength(3);
    expect(lines.some((line) => line.startsWith('cli stdout:') && line.includes(reference))).toBe(true);
    expect(lines.some((line) => line.startsWith('cli stderr: error:'))).toBe(true);
    expect(leaks(lines)).toEqual([]);
  });
});
