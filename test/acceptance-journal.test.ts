import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAcceptanceJournal } from '../activities/acceptance-journal.ts';
import { createDeliver } from '../activities/delivery.ts';
import { createEmailSender } from '../activities/email-sender.ts';
import { importDirectory } from '../app/directory.ts';
import { loadConfig } from '../lib/config.ts';
import { createPrisma, type PrismaClient } from '../lib/prisma.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';
import { eventually } from './support/drive.ts';
import { EMAIL_FROM, startLoopbackSmtp, type LoopbackSmtp } from './support/smtp.ts';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.ts';

const TO = 'liuyang@hyplate.example.cn';
const CHILD = path.join(import.meta.dirname, 'support', 'deliver-child.ts');

let database: TestDatabase;
let prisma: PrismaClient;
let smtp: LoopbackSmtp;
let proxy: TcpProxy;
let journals: string;

beforeAll(async () => {
  database = await createTestDatabase();
  prisma = createPrisma(database.url, 2);
  await importDirectory(prisma, JSON.parse(await readFile(new URL('./fixtures/directory.json', import.meta.url), 'utf8')));
  smtp = await startLoopbackSmtp();
  proxy = await startTcpProxy(new URL(database.url).host);
  journals = await mkdtemp(path.join(tmpdir(), 'qxwq-accepted-'));
});
afterAll(async () => {
  await prisma?.$disconnect();
  await proxy?.close();
  await smtp?.close();
  await database?.drop();
  if (journals) await rm(journals, { recursive: true, force: true });
});

let keys = 0;
/** A pending reminder email in the outbox, as a workflow step leaves it. */
const pendingEmail = async (): Promise<string> => {
  const key = `P-2026-000777/${++keys}/review_reminder/contact-steel/email`;
  const recipient = await prisma.person.findFirstOrThrow({ where: { email: TO } });
  await prisma.notification.create({
    data: {
      idempotencyKey: key,
      batchKey: key,
      channel: 'email',
      recipientId: recipient.id,
      template: 'review_reminder',
      payload: { reference: 'P-2026-000777', title: '轧辊磨损在线监测', stage: 'review', seq: keys },
    },
  });
  return key;
};

const mailsWithKey = (messageId: string) => smtp.to(TO).filter((mail) => mail.parsed.messageId === messageId);

/**
 * A worker process sends the email; the server takes it, and the database goes silent before the
 * send is recorded; the process is killed there, as SIGKILL would find a busy worker. Then the
 * activity's retry runs, as it would on the restarted worker.
 */
const crashBetweenAcceptanceAndRecord = async (key: string, journalDir: string | null): Promise<{ first: string }> => {
  const accepted: string[] = [];
  smtp.beforeAccepting = (mail) => {
    accepted.push(mail.parsed.messageId ?? '');
    proxy.freeze();
  };
  const url = new URL(database.url);
  url.host = proxy.hostPort;
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
    env: { ...process.env, DATABASE_URL: url.toString(), SMTP_URL: smtp.url, KEY: key, ...(journalDir ? { JOURNAL_DIR: journalDir } : {}) },
    stdio: 'ignore',
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await eventually('the server accepted the email', () => Promise.resolve(accepted.length > 0 ? true : undefined));
  // The acceptance reaches the process, which then waits on the silent database.
  await new Promise((resolve) => setTimeout(resolve, 500));
  child.kill('SIGKILL');
  await exited;
  smtp.beforeAccepting = null;
  // What the dead process had written but the database had not read goes with its connection.
  proxy.cut();
  proxy.thaw();
  return { first: accepted[0]! };
};

/** The activity's next attempt, on a worker with the same data folder (or none). */
const retry = (journalDir: string | null) => async (input: { key: string }) => {
  const sender = createEmailSender({ config: loadConfig({ SMTP_URL: smtp.url, EMAIL_FROM }), prisma, log: () => undefined });
  try {
    return await createDeliver(prisma, 'email', sender, journalDir ? createAcceptanceJournal(journalDir, 'email') : undefined)(input);
  } finally {
    sender.close?.();
  }
};

describe('a worker killed after the mail server accepted an email, before the database recorded it', () => {
  it('does not send it again: the retry finds the acceptance in the journal and records it', async () => {
    const key = await pendingEmail();
    const { first } = await crashBetweenAcceptanceAndRecord(key, journals);
    expect((await prisma.notification.findUniqueOrThrow({ where: { idempotencyKey: key } })).status).toBe('pending');

    const result = await retry(journals)({ key });

    expect(result).toEqual({ messageId: first, alreadySent: true });
    const row = await prisma.notification.findUniqueOrThrow({ where: { idempotencyKey: key } });
    expect(row).toMatchObject({ status: 'sent', messageId: first });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mailsWithKey(first)).toHaveLength(1);
    expect(await readdir(journals)).toEqual([]);
  }, 60_000);

  it('without the journal, the same crash sends the email twice (the window the journal closes)', async () => {
    const key = await pendingEmail();
    const { first } = await crashBetweenAcceptanceAndRecord(key, null);

    const result = await retry(null)({ key });

    expect(result).toEqual({ messageId: first, alreadySent: false });
    await eventually('the second copy arrived', () => Promise.resolve(mailsWithKey(first).length === 2 ? true : undefined));
  }, 60_000);

  it('ignores an entry that does not name the outbox rows of this message, and sends', async () => {
    const key = await pendingEmail();
    createAcceptanceJournal(journals, 'email').accepted(key, ['a-row-of-another-database'], '<stale@qxwq.example.cn>');

    const result = await retry(journals)({ key });

    expect(result.alreadySent).toBe(false);
    expect(mailsWithKey(result.messageId)).toHaveLength(1);
    expect(await readdir(journals)).toEqual([]);
  }, 30_000);
});
