/**
 * Acting from email, in a real browser: the proposal email's link, received by the loopback SMTP
 * server, opened in Debian's chromium at a phone's size; the decline decided on the page reaches
 * the workflow; forged, expired and used links and a post without its form token decide nothing.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createServer } from 'node:net';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type Bot } from '../../bots/server.ts';
import { loadConfig } from '../../lib/config.ts';
import { proposeTermsUpdate, registerContractUpdate, respondToProposalUpdate, selectCandidatesUpdate } from '../../workflows/messages.ts';
import { csrfTokenFor, signLink } from '../../web/link-token.ts';
import { dispatchReminders } from '../../workflows/scheduled.ts';
import { PAGE_WORDS } from '../../web/page-words.ts';
import { acceptedUpdates, approve, eventually, ttoFor } from '../support/drive.ts';
import { createHarness, FAST_POLICY, ROLL_WEAR_DEMAND, type Harness } from '../support/harness.ts';
import { startLoopbackSmtp, type LoopbackSmtp } from '../support/smtp.ts';

const CHROMIUM = '/usr/bin/chromium';
const SECRET = 'action-link-secret-for-the-browser-test-0123456789';
/** The README's screenshots are refreshed with SCREENSHOTS_DIR=docs/screenshots; otherwise they go to a scratch folder. */
const SCREENSHOTS = pathToFileURL(`${path.resolve(process.env.SCREENSHOTS_DIR ?? path.join(tmpdir(), 'qxwq-screenshots'))}/`);
const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
/** The TTOs of the fixture directory who are reached by email. */
const EMAIL_TTOS: Readonly<Record<string, { address: string; language: 'zh' | 'en' }>> = {
  'tto-neu': { address: 'zhaolei@neu.example.cn', language: 'zh' },
  'tto-jiangnan': { address: 'emily@jiangnan.example.cn', language: 'en' },
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

let h: Harness;
let smtp: LoopbackSmtp;
let bot: Bot;
let browser: Browser;
let phone: BrowserContext;
let base: string;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium); .ci/run does this`);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  smtp = await startLoopbackSmtp();
  h = await createHarness(import.meta.url, { SMTP_URL: smtp.url, ACTION_LINK_SECRET: SECRET, PUBLIC_BASE_URL: base });
  await h.startWorker();
  const config = loadConfig({ BOT_PORT: String(port), ACTION_LINK_SECRET: SECRET });
  bot = await startBot({ config, prisma: h.prisma, client: h.client, taskQueue: h.taskQueue, policy: FAST_POLICY, lark: null, log: () => undefined });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  phone = await browser.newContext(PHONE);
});

afterAll(async () => {
  await browser?.close();
  await bot?.close();
  await h?.close();
  await smtp?.close();
});

const post = (url: string, body: string, contentType = 'application/x-www-form-urlencoded'): Promise<Response> =>
  fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });

describe('acting from an email link', () => {
  it('declines a proposal from the link in the email, on a phone, once', async () => {
    const reference = await h.submit(ROLL_WEAR_DEMAND);
    const offered = await approve(h, reference);
    const candidate = offered.candidates.find((c) => ttoFor(c) in EMAIL_TTOS);
    if (!candidate) throw new Error(`${reference}: no candidate whose office is reached by email`);
    const tto = ttoFor(candidate);
    const { address, language } = EMAIL_TTOS[tto]!;
    const words = PAGE_WORDS[language];
    await h.handle(reference).executeUpdate(selectCandidatesUpdate, { args: [{ actor: await h.actor('coord'), candidateIds: [candidate.id] }] });

    const mail = await eventually('the proposal email', () => Promise.resolve(smtp.to(address).find((m) => m.parsed.subject?.includes(reference))));
    const link = new RegExp(`${base}/act/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+`).exec(mail.parsed.text ?? '')?.[0];
    expect(link, 'the email carries an action link').toBeDefined();
    expect(mail.parsed.html).toContain(`href="${link}"`);
    const token = link!.slice(`${base}/act/`.length);

    const page = await phone.newPage();
    const shown = await page.goto(link!);
    expect(shown?.status()).toBe(200);
    const headers = shown!.headers();
    expect(headers['cache-control']).toBe('no-store');
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['content-security-policy']).toContain("default-src 'none'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(await page.textContent('body')).toContain(reference);
    expect(await page.locator('button[value="decline"]').count()).toBe(1);
    expect(await page.locator('button[value="accept"]').count()).toBe(1);
    await page.selectOption('select[name="category"]', 'budget');
    await page.fill('input[name="reason"]', '今年的预算已经用完 <script>alert(1)</script>');
    await page.screenshot({ path: new URL('action-form-phone.png', SCREENSHOTS).pathname, fullPage: true });

    // A post without the form token is refused and decides nothing.
    const forged = await post(link!, 'decision=respond&variant=accept&at=1');
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain(words.csrf);
    // Nor does one too large.
    expect((await post(link!, `csrf=x&reason=${'x'.repeat(100_000)}`)).status).toBe(413);
    expect((await h.status(reference)).proposals.find((p) => p.candidateId === candidate.id)?.status).toBe('proposed');

    const [result] = await Promise.all([page.waitForNavigation(), page.click('button[value="decline"]')]);
    expect(result?.status()).toBe(200);
    const text = await page.textContent('body');
    expect(text).toContain(language === 'zh' ? '已记录' : 'Recorded');
    expect(await page.locator('form').count()).toBe(0);
    await page.screenshot({ path: new URL('action-result-phone.png', SCREENSHOTS).pathname, fullPage: true });
    const after = await h.waitFor(reference, (s) => s.proposals.some((p) => p.candidateId === candidate.id && p.status === 'declined'));
    expect(after.proposals.find((p) => p.candidateId === candidate.id)).toMatchObject({ status: 'declined' });
    expect(after.stage).toBe('matchmaking');

    // The used link shows where things stand and decides nothing, even posted again with its form token.
    const reused = await page.goto(link!);
    expect(reused?.status()).toBe(200);
    expect(await page.locator('form').count()).toBe(0);
    expect(await page.textContent('body')).toContain(words.nothingAwaited);
    const again = await post(link!, new URLSearchParams({ csrf: csrfTokenFor(token, SECRET), at: '1', decision: 'respond', variant: 'accept' }).toString());
    expect(again.status).toBe(200);
    const responses = (await acceptedUpdates(h.handle(reference))).filter((name) => name === 'respondToProposal');
    expect(responses).toHaveLength(1);

    // A link altered by one character is refused.
    const [claims = '', mac = ''] = token.split('.');
    const flipped = `${claims.slice(0, -1)}${claims.endsWith('A') ? 'B' : 'A'}.${mac}`;
    const tampered = await page.goto(`${base}/act/${flipped}`);
    expect(tampered?.status()).toBe(403);
    expect(await page.locator('form').count()).toBe(0);

    // An expired link shows the state without a form.
    const expired = signLink({ p: tto, r: reference, a: 'respond_to_proposal', s: candidate.id, e: Math.floor(Date.now() / 1000) - 60 }, SECRET);
    const old = await page.goto(`${base}/act/${expired}`);
    expect(old?.status()).toBe(410);
    expect(await page.textContent('body')).toContain(words.expired);
    expect(await page.textContent('body')).toContain(reference);
    expect(await page.locator('form').count()).toBe(0);
    await page.screenshot({ path: new URL('action-expired-phone.png', SCREENSHOTS).pathname, fullPage: true });
    await page.close();
  });

  it('agrees to terms and marks a milestone done with its evidence from the links in the emails, on a phone', async () => {
    const reference = await h.submit({ ...ROLL_WEAR_DEMAND, title: '邮件链接：洽谈与履约' });
    const offered = await approve(h, reference);
    const candidate = offered.candidates.find((c) => ttoFor(c) in EMAIL_TTOS);
    if (!candidate) throw new Error(`${reference}: no candidate whose office is reached by email`);
    const tto = ttoFor(candidate);
    const handle = h.handle(reference);
    await handle.executeUpdate(selectCandidatesUpdate, { args: [{ actor: await h.actor('coord'), candidateIds: [candidate.id] }] });
    await handle.executeUpdate(respondToProposalUpdate, { args: [{ actor: await h.actor(tto), candidateId: candidate.id, decision: 'accept' }] });
    const { address } = EMAIL_TTOS[tto]!;
    const linkIn = async (subject: RegExp): Promise<string> => {
      const mail = await eventually(`the email ${String(subject)}`, () =>
        Promise.resolve(smtp.to(address).findLast((m) => m.parsed.subject?.includes(reference) && subject.test(m.parsed.subject))),
      );
      const link = new RegExp(`${base}/act/[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+`).exec(mail.parsed.text ?? '')?.[0];
      if (!link) throw new Error(`no action link in "${mail.parsed.subject ?? ''}"`);
      return link;
    };

    await handle.executeUpdate(proposeTermsUpdate, {
      args: [{ actor: await h.actor('contact-steel'), terms: '独占许可五年，首付 60 万元', amountCny: 1_200_000 }],
    });
    const page = await phone.newPage();
    await page.goto(await linkIn(/新的洽谈条款|New terms proposed/));
    expect(await page.locator('button[value="agree"]').count()).toBe(1);
    await Promise.all([page.waitForNavigation(), page.click('button[value="agree"]')]);
    expect((await h.waitFor(reference, (s) => s.stage === 'contracting')).stage).toBe('contracting');

    // Due in a little over the reminder's ten minutes: the reminder, with its link, goes out at once.
    const due = new Date(Date.now() + 10 * 60_000 + 2_000).toISOString();
    await handle.executeUpdate(registerContractUpdate, {
      args: [
        {
          actor: await h.actor('coord'),
          type: 'licensing',
          amountCny: 1_200_000,
          signedOn: '2026-11-20',
          milestones: [{ title: '技术资料交付', kind: 'deliverable', due, responsible: 'university' }],
        },
      ],
    });
    // Reminders go out with the dispatcher's next run, as a schedule runs it in the service.
    await h.waitFor(reference, (s) => s.history.some((e) => e.type === 'reminder'));
    await h.client.workflow.execute(dispatchReminders, { taskQueue: h.taskQueue, workflowId: `dispatch-${reference}`, args: [{ settleMs: 0 }] });
    await page.goto(await linkIn(/里程碑|Milestone/));
    await page.fill('input[name="evidenceUrl"]', 'https://docs.example.cn/handover.pdf');
    await Promise.all([page.waitForNavigation(), page.click('button[value="done"]')]);
    const done = await h.waitFor(reference, (s) => s.stage === 'completed');
    expect(done.milestones[0]).toMatchObject({ done: true, evidenceUrl: 'https://docs.example.cn/handover.pdf' });
    await page.close();
  });
});
