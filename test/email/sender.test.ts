import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmailSender } from '../../activities/email-sender.ts';
import { isPermanentDeliveryFailure, PERMANENT_DELIVERY_ERROR } from '../../domain/failures.ts';
import { loadConfig } from '../../lib/config.ts';
import type { OutgoingItem } from '../../notifications/content.ts';
import { calendarFiles, createEmailWorld, EMAIL_FROM, message, recipient, type EmailWorld } from '../support/smtp.ts';

const DEADLINE = '2026-12-03T01:00:00.000Z';
const item = (template: OutgoingItem['template'], reference: string, data: Record<string, unknown>): OutgoingItem => ({
  template,
  payload: { reference, title: `合作 ${reference}`, stage: 'negotiation', seq: 5, ...data },
});

let world: EmailWorld;
beforeAll(async () => {
  world = await createEmailWorld();
});
afterAll(async () => {
  await world?.close();
});

describe('the email sender', () => {
  it('gives the same message key the same Message-ID, so a retried send is the same mail', async () => {
    const to = recipient('zh');
    const once = message(to, [item('review_reminder', 'P-2026-000501', {})], 'P-2026-000501/7/review_reminder/p1/email');
    const first = await world.sender.send(once);
    const again = await world.sender.send(once);
    const other = await world.sender.send(message(to, [item('review_reminder', 'P-2026-000501', {})], 'P-2026-000501/9/review_reminder/p1/email'));

    expect(again.messageId).toBe(first.messageId);
    expect(other.messageId).not.toBe(first.messageId);
    expect(world.smtp.to(to.email!).map((mail) => mail.parsed.messageId)).toEqual([first.messageId, first.messageId, other.messageId]);
  });

  it('escapes a hostile title in the HTML, keeps it readable in the text, and lets no line break into the headers', async () => {
    const to = recipient('en');
    const title = '<script>alert("x")</script> & <img src=x onerror=alert(1)>\nBcc: victim@example.cn';
    await world.sender.send(
      message(to, [{ template: 'changes_requested', payload: { reference: 'P-2026-000502', title, stage: 'intake', comment: '<b>bold</b>' } }]),
    );
    const [mail] = world.smtp.to(to.email!);
    const html = String(mail!.parsed.html);

    expect(html).not.toMatch(/<script|<img|<b>/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;<br>Bcc: victim@example.cn');
    expect(html).toContain('&lt;b&gt;bold&lt;/b&gt;');
    expect(mail!.parsed.text).toContain(`Partnership: ${title}`);
    expect(mail!.parsed.subject).toBe('[P-2026-000502] Changes requested: <script>alert("x")</script> & <img src=x onerror=alert(1)> Bcc: victim@example.cn');
    expect(mail!.parsed.headers.has('bcc')).toBe(false);
    expect(mail!.envelope.to).toEqual([to.email]);
  });

  it('combines one person’s reminders into one mail naming every reference, each with its deadline and calendar entry', async () => {
    const to = recipient('zh');
    await world.sender.send(
      message(to, [
        item('proposal_reminder', 'P-2026-000601', { candidateId: 'A012', deadline: DEADLINE }),
        item('negotiation_reminder', 'P-2026-000602', { deadline: '2026-12-10T06:00:00.000Z' }),
        item('milestone_due_soon', 'P-2026-000603', { milestone: 2, milestoneTitle: '中试报告', due: '2027-01-15T01:00:00.000Z' }),
      ]),
    );
    const [mail] = world.smtp.to(to.email!);
    expect(mail!.parsed.subject).toBe('[3 项提醒] P-2026-000601、P-2026-000602、P-2026-000603');
    expect(mail!.parsed.text).toContain('提醒：\n- P-2026-000601 匹配提议即将截止：合作 P-2026-000601（截止时间 2026年12月3日 09:00）');
    expect(mail!.parsed.text).toContain('- P-2026-000602 洽谈即将截止：合作 P-2026-000602（截止时间 2026年12月10日 14:00）');
    expect(mail!.parsed.text).toContain('- P-2026-000603 里程碑即将到期：合作 P-2026-000603（截止时间 2027年1月15日 09:00）');
    expect(calendarFiles(mail!).map((file) => file.filename)).toEqual([
      'P-2026-000601-proposal-A012-qxwq.ics',
      'P-2026-000602-negotiation-qxwq.ics',
      'P-2026-000603-milestone-2-qxwq.ics',
    ]);

    const many = recipient('en');
    const references = ['P-2026-000611', 'P-2026-000612', 'P-2026-000613', 'P-2026-000614'];
    await world.sender.send(
      message(
        many,
        references.map((reference) => item('review_reminder', reference, {})),
      ),
    );
    const [combined] = world.smtp.to(many.email!);
    expect(combined!.parsed.subject).toBe('[4 reminders] P-2026-000611, P-2026-000612, P-2026-000613 and more');
    for (const reference of references) expect(combined!.parsed.text).toContain(`- ${reference} Review reminder: 合作 ${reference}`);
  });

  it('refuses for good a recipient without an address, a mailbox the server rejects, and a payload that cannot be rendered', async () => {
    const review = [item('review_reminder', 'P-2026-000701', {})];
    await expect(world.sender.send(message(recipient('zh', { email: null, name: '王五' }), review))).rejects.toMatchObject({
      type: PERMANENT_DELIVERY_ERROR,
      nonRetryable: true,
      message: expect.stringContaining('王五') as unknown,
    });

    const rejected = recipient('zh');
    world.smtp.refuse.add(rejected.email!);
    await expect(world.sender.send(message(rejected, review))).rejects.toMatchObject({
      type: PERMANENT_DELIVERY_ERROR,
      nonRetryable: true,
      message: expect.stringContaining(`the mail server refused the message to ${rejected.email}`) as unknown,
    });

    await expect(world.sender.send(message(recipient('en'), [item('proposal_accepted', 'P-2026-000702', { counterpart: '东北大学' })]))).rejects.toMatchObject({
      type: PERMANENT_DELIVERY_ERROR,
      nonRetryable: true,
      message: expect.stringMatching(/notification proposal_accepted payload: deadline: /) as unknown,
    });
  });

  it('leaves a temporary SMTP refusal to the activity’s retry, then delivers', async () => {
    const to = recipient('en');
    world.smtp.deferred.add(to.email!);
    const failure = await world.sender.send(message(to, [item('review_reminder', 'P-2026-000703', {})], 'retry-me')).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(isPermanentDeliveryFailure(failure)).toBe(false);
    expect((failure as { responseCode?: number }).responseCode).toBe(451);

    world.smtp.deferred.delete(to.email!);
    await world.sender.send(message(to, [item('review_reminder', 'P-2026-000703', {})], 'retry-me'));
    expect(world.smtp.to(to.email!)).toHaveLength(1);
  });
});

describe('a mail server that never answers', () => {
  it('fails the send well inside the delivery attempt’s minute, as a failure to retry, so no earlier attempt is still sending when the retry starts', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const sender = createEmailSender({
        config: loadConfig({ SMTP_URL: `smtp://127.0.0.1:${port}`, EMAIL_FROM }),
        prisma: world.prisma,
        log: () => undefined,
      });
      const began = Date.now();
      const failure = await sender.send(message(recipient('zh'), [item('review_reminder', 'P-2026-000704', {})], 'silent')).catch((error: Error) => error);
      expect(failure).toBeInstanceOf(Error);
      expect(isPermanentDeliveryFailure(failure)).toBe(false);
      expect(Date.now() - began).toBeLessThan(30_000);
      sender.close?.();
    } finally {
      silent.close();
    }
  }, 40_000);
});

describe('without SMTP configured', () => {
  it('writes each message as an .eml file into the outbox folder, once per key, and logs where', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'qxwq-outbox-'));
    try {
      const logs: string[] = [];
      const sender = createEmailSender({ config: loadConfig({ EMAIL_OUTBOX_DIR: dir, EMAIL_FROM }), prisma: world.prisma, log: (line) => logs.push(line) });
      const to = recipient('zh');
      const proposal = message(to, [
        item('match_proposed', 'P-2026-000801', { candidateId: 'A012', candidateTitle: '碳化钨涂层', reasons: ['领域：冶金'], deadline: DEADLINE }),
      ]);
      const { messageId } = await sender.send(proposal);
      await sender.send(proposal);

      const files = await readdir(dir);
      expect(files).toHaveLength(1);
      expect(logs).toEqual([`email to ${to.email} written to ${path.join(dir, files[0]!)}`, `email to ${to.email} written to ${path.join(dir, files[0]!)}`]);
      const parsed = await simpleParser(await readFile(path.join(dir, files[0]!)));
      expect(parsed.messageId).toBe(messageId);
      expect(parsed.subject).toBe('[P-2026-000801] 匹配提议：合作 P-2026-000801');
      expect(parsed.text).toContain('截止时间：2026年12月3日 09:00');
      expect(parsed.attachments.map((a) => [a.contentType, a.filename])).toEqual([['text/calendar', 'P-2026-000801-proposal-A012-qxwq.ics']]);
      expect(world.smtp.to(to.email!)).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
