/**
 * Faults on card clicks, against the real webhook, the real Temporal dev server, the local Lark
 * Open API and a loopback SMTP server: one callback delivered ten times at once, ten clicks of
 * one button at once, and the bot process killed while a click's update is in flight, then the
 * callback redelivered to a new process. Each makes exactly one decision: one event recorded,
 * one accepted update in the history, each party notified once.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startBotProcess } from '../../bench/bot-process.ts';
import { createTeardown, type Teardown } from '../../bench/support.ts';
import { acceptedUpdates, eventually, partnershipId, sleep } from '../support/drive.ts';
import { FAST_POLICY } from '../support/harness.ts';
import type { LarkMessage } from '../support/lark-open-api.ts';
import { startLoopbackSmtp, type LoopbackSmtp } from '../support/smtp.ts';
import { createBotWorld, partnershipInReview, toastOf, OPEN_IDS, type Answer, type BotWorld } from './support/bot-world.ts';
import { buttonsOf, cardText, findButton } from './support/cards.ts';
import { cardActionEvent, deliveryOf, messageEvent, newEventId } from './support/deliveries.ts';

const CLICKS = 10;
const PROCESSING = '处理中，完成后会更新此卡片…';

let w: BotWorld;
let smtp: LoopbackSmtp;
beforeAll(async () => {
  smtp = await startLoopbackSmtp();
  // The worker sends through the local Open API and the SMTP server, so every message sent can be counted where it arrives.
  w = await createBotWorld(import.meta.url, {
    workerEnv: (lark) => ({ SMTP_URL: smtp.url, LARK_APP_ID: lark.appId, LARK_APP_SECRET: lark.appSecret, LARK_DOMAIN: lark.baseUrl }),
  });
});
afterAll(async () => {
  await w?.close();
  await smtp?.close();
});

/** The status card a coordinator asked for, and the card callback of its 通过 button (without event id). */
const approveClick = async (reference: string): Promise<{ message: LarkMessage; event: (eventId: string) => Record<string, unknown> }> => {
  const { message } = await w.say(OPEN_IDS.coord, `进度 ${reference}`);
  const found = findButton(w.cardOf(message), '通过');
  const token = w.lark.issueCardToken(message.messageId);
  const event = (eventId: string) =>
    cardActionEvent(w.secrets, { operatorOpenId: OPEN_IDS.coord, messageId: message.messageId, chatId: message.chatId, token, value: found.value, eventId });
  return { message, event };
};

/** Every outbox row of the partnership has been sent (or has failed for good). */
const allSent = (reference: string): Promise<void> =>
  eventually(`the messages of ${reference} to be sent`, async () =>
    (await w.h.prisma.notification.count({ where: { partnership: { reference }, status: 'pending' } })) === 0 ? true : undefined,
  ).then(() => undefined);

/** What arrived for the partnership so far: Lark sends by open_id and emails by address, each counted. */
const arrivals = (reference: string): Map<string, number> => {
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  for (const request of w.lark.requests) {
    const body = request.body as { receive_id?: string; content?: string } | null;
    if (request.route === 'send' && request.status === 200 && body?.content?.includes(reference)) add(`lark:${body.receive_id}`);
  }
  for (const mail of smtp.received) if (mail.parsed.subject?.includes(reference)) for (const to of mail.envelope.to) add(`email:${to}`);
  return counts;
};

const difference = (after: Map<string, number>, before: Map<string, number>): Record<string, number> =>
  Object.fromEntries([...after].map(([key, count]): [string, number] => [key, count - (before.get(key) ?? 0)]).filter(([, count]) => count !== 0));

/**
 * The outbox rows the decision led to (its own step and the candidates found after it), as
 * "channel:address", each expected to arrive exactly once.
 */
const decisionRecipients = async (reference: string): Promise<Record<string, number>> => {
  const id = await partnershipId(w.h, reference);
  const review = await w.h.prisma.partnershipEvent.findFirstOrThrow({ where: { partnershipId: id, type: 'reviewed' }, select: { seq: true } });
  const rows = (
    await w.h.prisma.notification.findMany({
      where: { partnershipId: id },
      select: { idempotencyKey: true, channel: true, status: true, recipient: { select: { email: true, larkOpenId: true } } },
    })
  ).filter((row) => Number(row.idempotencyKey.split('/')[1]) >= review.seq);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((row) => row.status === 'sent')).toBe(true);
  const expected: Record<string, number> = {};
  for (const row of rows) {
    const key = row.channel === 'lark' ? `lark:${row.recipient.larkOpenId}` : `email:${row.recipient.email}`;
    expected[key] = (expected[key] ?? 0) + 1;
  }
  return expected;
};

/** The events recorded for the review decision. */
const reviewEvents = async (reference: string): Promise<number> =>
  w.h.prisma.partnershipEvent.count({ where: { partnershipId: await partnershipId(w.h, reference), type: 'reviewed' } });

/** A success with the decided card (titled 已处理, buttons disabled), or "处理中"; never an error. */
const expectDecidedOrProcessing = (answer: Answer): void => {
  expect(answer.status).toBe(200);
  const toast = toastOf(answer);
  if (toast.type === 'info') return void expect(toast.content).toBe(PROCESSING);
  expect(toast).toEqual({ type: 'success', content: '通过了审核' });
  const card = (answer.body.card as { data: Record<string, unknown> }).data;
  expect(cardText(card)).toMatch(/已处理 · P-\d{4}-\d{6}[\s\S]*\*\*李敏\*\* 于 .* 通过了审核/);
  expect(buttonsOf(card).every((b) => b.disabled)).toBe(true);
};

/** The partnership after exactly one review decision: one event, one accepted update, each recipient notified once. */
const expectOneDecision = async (reference: string, before: Map<string, number>): Promise<void> => {
  await w.h.waitFor(reference, (s) => s.awaiting.some((a) => a.action === 'select_candidates'));
  await w.settled(reference);
  await allSent(reference);
  expect(await reviewEvents(reference)).toBe(1);
  expect(await acceptedUpdates(w.h.handle(reference))).toEqual(['review']);
  // Late duplicates, if any, would arrive after the first sends: give them a moment.
  await sleep(500);
  expect(difference(arrivals(reference), before)).toEqual(await decisionRecipients(reference));
};

/** The partnership in review, with its submission's messages all arrived. */
const reviewReady = async (prefix: string): Promise<{ reference: string; before: Map<string, number> }> => {
  const reference = await partnershipInReview(w, prefix);
  await w.settled(reference);
  await allSent(reference);
  return { reference, before: arrivals(reference) };
};

describe('concurrent clicks', () => {
  it('takes one callback delivered ten times at once (same event_id, each delivery signed anew) as one decision', async () => {
    const { reference, before } = await reviewReady('click-faults-redelivered');
    const { event } = await approveClick(reference);
    const eventId = newEventId();
    const payload = event(eventId);
    const deliveries = Array.from({ length: CLICKS }, () => deliveryOf(w.secrets, payload));
    expect(new Set(deliveries.map((d) => d.headers['x-lark-request-nonce'])).size).toBe(CLICKS);

    const answers = await Promise.all(deliveries.map((delivery) => w.post('/lark/cards', delivery)));
    for (const answer of answers) expectDecidedOrProcessing(answer);
    await w.bot.idle();
    await expectOneDecision(reference, before);
  });

  it('takes ten clicks of one button at once (ten event_ids) as one decision, every later click shown the decided card', async () => {
    const { reference, before } = await reviewReady('click-faults-clicks');
    const { event } = await approveClick(reference);
    const answers = await Promise.all(Array.from({ length: CLICKS }, () => w.post('/lark/cards', deliveryOf(w.secrets, event(newEventId())))));
    for (const answer of answers) expectDecidedOrProcessing(answer);
    await w.bot.idle();
    await expectOneDecision(reference, before);

    // A click after the decision, from the same card (a client that had not yet redrawn it), is shown the decided card again.
    const late = await w.post('/lark/cards', deliveryOf(w.secrets, event(newEventId())));
    expectDecidedOrProcessing(late);
    expect(toastOf(late).type).toBe('success');
    expect(await acceptedUpdates(w.h.handle(reference))).toEqual(['review']);
  });

  it('refuses, with the reason, clicks on another card of the same decision once it is decided', async () => {
    const { reference, before } = await reviewReady('click-faults-two-cards');
    const first = await approveClick(reference);
    const second = await approveClick(reference);
    const answers = await Promise.all(
      Array.from({ length: CLICKS }, (_, i) => w.post('/lark/cards', deliveryOf(w.secrets, (i % 2 === 0 ? first : second).event(newEventId())))),
    );
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      const toast = toastOf(answer);
      // One card's clicks decide; the other card's are refused by the workflow as no longer in review.
      if (toast.type === 'error') expect(toast.content).toMatch(/^未执行：/);
      else expectDecidedOrProcessing(answer);
    }
    expect(answers.some((answer) => toastOf(answer).type === 'error')).toBe(true);
    await w.bot.idle();
    await expectOneDecision(reference, before);
  });
});

describe('the bot process killed mid-callback', () => {
  let teardown: Teardown;
  beforeAll(() => {
    teardown = createTeardown();
  });
  afterAll(async () => {
    await teardown?.run();
  });

  const botProcess = () =>
    startBotProcess(
      {
        lark: w.lark,
        secrets: w.secrets,
        database: { url: w.h.database.url, kind: w.h.database.kind === 'pglite' ? 'pglite (in the test process)' : 'server', stop: () => Promise.resolve() },
        temporalAddress: inject('temporalAddress'),
        taskQueue: w.h.taskQueue,
        policy: FAST_POLICY,
      },
      teardown,
    );

  const postTo = async (url: string, delivery: { headers: Record<string, string>; body: string }, route = '/lark/cards'): Promise<Answer> => {
    const response = await fetch(`${url}${route}`, { method: 'POST', headers: delivery.headers, body: delivery.body });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };

  it('decides once when the callback is redelivered (same event_id, new signature) to a new process', async () => {
    const [first, { reference, before }] = await Promise.all([botProcess(), reviewReady('click-faults-killed')]);
    const { event } = await approveClick(reference);
    const payload = event(newEventId());
    // The new process has met the coordinator and its database and Temporal connections are warm, so the click goes straight to its update.
    const messageId = w.lark.seedUserMessage({ senderOpenId: OPEN_IDS.coord, text: `进度 ${reference}` });
    const warm = messageEvent(w.secrets, { senderOpenId: OPEN_IDS.coord, messageId, text: `进度 ${reference}` });
    expect((await postTo(first.url, deliveryOf(w.secrets, warm), '/lark/events')).status).toBe(200);
    await eventually('the first process to reply', () => Promise.resolve(w.lark.messages.some((m) => m.parentId === messageId) ? true : undefined));

    // No worker: the update waits on the server, so the callback is in flight when the process dies.
    await w.h.stopWorker();
    const handle = w.h.handle(reference);
    const inFlight = postTo(first.url, deliveryOf(w.secrets, payload)).then(
      (answer) => ({ answered: answer }),
      (error: unknown) => ({ failed: error }),
    );
    // The update reached the server: a workflow task is waiting for a worker to take it.
    await eventually('the update to reach the server', async () => ((await handle.describe()).raw.pendingWorkflowTask ? true : undefined), 2_000);
    process.kill(first.pid, 'SIGKILL');
    expect(await inFlight).toHaveProperty('failed');

    const second = await botProcess();
    await w.h.startWorker();
    // Lark's redelivery at 15 s, 5 min and 1 h, compressed: the same event, signed anew each time.
    const answers: Answer[] = [];
    for (const wait of [500, 1_000, 2_000]) {
      await sleep(wait);
      answers.push(await postTo(second.url, deliveryOf(w.secrets, payload)));
    }
    for (const answer of answers) expectDecidedOrProcessing(answer);
    expect(toastOf(answers.at(-1)!).type).toBe('success');
    await expectOneDecision(reference, before);
  });
});
