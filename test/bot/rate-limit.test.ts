import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../bots/rate-limit.ts';
import type { LarkMessage } from '../support/lark-open-api.ts';
import { createBotWorld, OPEN_IDS, partnershipInReview, toastOf, type BotWorld } from './support/bot-world.ts';
import { cardText } from './support/cards.ts';
import { deliveryOf, messageEvent, newEventId } from './support/deliveries.ts';

// The default limit (20 a minute, bursts of 10: a token every 3 s) on a clock the tests move.
let now = Date.now();
const wait = (ms: number): void => {
  now += ms;
};

let w: BotWorld;
beforeAll(async () => {
  w = await createBotWorld(import.meta.url, { limiter: createRateLimiter({ perMinute: 20, burst: 10, now: () => now }) });
});
afterAll(async () => {
  await w?.close();
});
// Each test starts with everyone's bucket full and no "too many" answered lately.
beforeEach(() => wait(10 * 60_000));

interface Sent {
  readonly messageId: string;
  readonly eventId: string;
}

/** A person sends these messages all at once, without waiting for answers; resolves once the bot has done all it will. */
const flood = async (openId: string, texts: readonly string[]): Promise<readonly Sent[]> => {
  const sent = texts.map((text) => ({ text, messageId: w.lark.seedUserMessage({ senderOpenId: openId, text }), eventId: newEventId() }));
  const answers = await Promise.all(
    sent.map(({ text, messageId, eventId }) =>
      w.post('/lark/events', deliveryOf(w.secrets, messageEvent(w.secrets, { senderOpenId: openId, messageId, text, eventId }))),
    ),
  );
  expect(answers.map((answer) => answer.status)).toEqual(sent.map(() => 200));
  await w.bot.idle();
  return sent;
};

/** The bot's replies to these messages: its cards (the normal answers) and its texts. */
const repliesTo = (sent: readonly Sent[]): { cards: LarkMessage[]; texts: string[] } => {
  const ids = new Set(sent.map((s) => s.messageId));
  const replies = w.lark.messages.filter((m) => m.parentId !== null && ids.has(m.parentId));
  return {
    cards: replies.filter((m) => m.msgType === 'interactive'),
    texts: replies.filter((m) => m.msgType === 'text').map((m) => String(w.lark.contentOf(m).text)),
  };
};

const times = (n: number, text: string): string[] => Array.from({ length: n }, () => text);

describe('the per-person limit on chat messages', () => {
  it('answers a burst of 30 with the burst, one "too many", and does nothing for the rest; others are served', async () => {
    const sent = await flood(OPEN_IDS.coord, times(30, '帮助'));
    const { cards, texts } = repliesTo(sent);
    expect(cards).toHaveLength(10);
    expect(cards.every((card) => cardText(w.lark.contentOf(card)).includes('新需求'))).toBe(true);
    expect(texts).toEqual(['操作太频繁，请 3 秒后再试。']);
    // Refused messages are not even claimed in the event log.
    expect(await w.h.prisma.larkEvent.count({ where: { eventId: { in: sent.map((s) => s.eventId) } } })).toBe(10);

    const other = await w.say(OPEN_IDS.ttoNeu, '帮助');
    expect(cardText(other.card)).toContain('新需求');
  });

  it('tells each person in their own language', async () => {
    const { cards, texts } = repliesTo(await flood(OPEN_IDS.ttoJiangnan, times(12, 'help')));
    expect(cards).toHaveLength(10);
    expect(texts).toEqual(['Too many requests; please try again in 3 seconds.']);
  });

  it('serves the person again once they have waited, and says "too many" at most once a minute', async () => {
    expect(repliesTo(await flood(OPEN_IDS.steel, times(11, '帮助'))).texts).toHaveLength(1);
    wait(3_000);
    expect(cardText((await w.say(OPEN_IDS.steel, '帮助')).card)).toContain('新需求');
    const again = repliesTo(await flood(OPEN_IDS.steel, times(5, '帮助')));
    expect(again).toEqual({ cards: [], texts: [] });
    wait(60_000);
    const later = repliesTo(await flood(OPEN_IDS.steel, times(12, '帮助')));
    expect(later.cards).toHaveLength(10);
    expect(later.texts).toEqual(['操作太频繁，请 3 秒后再试。']);
  });
});

describe('the per-person limit on card clicks', () => {
  it('answers a click over the limit with a toast and no Temporal update, and takes the click once the person has waited', async () => {
    const reference = await partnershipInReview(w, 'rate-limit');
    const { message } = await w.say(OPEN_IDS.coord, `进度 ${reference}`);
    expect(repliesTo(await flood(OPEN_IDS.coord, times(9, '帮助'))).cards).toHaveLength(9);
    const decisions = (await w.h.status(reference)).history.length;

    const refused = await w.click(OPEN_IDS.coord, message, '通过');
    expect(toastOf(refused)).toEqual({ type: 'warning', content: '操作太频繁，请 3 秒后再试。' });
    expect(refused.body.card).toBeUndefined();
    // A toast is the click's own answer, so every refused click gets one; chat stays quiet after it.
    expect(toastOf(await w.click(OPEN_IDS.coord, message, '通过')).type).toBe('warning');
    expect(repliesTo(await flood(OPEN_IDS.coord, ['帮助']))).toEqual({ cards: [], texts: [] });
    const status = await w.h.status(reference);
    expect(status.stage).toBe('review');
    expect(status.history).toHaveLength(decisions);
    expect(cardText(w.cardOf(message))).not.toContain('通过了审核');

    wait(3_000);
    const taken = await w.click(OPEN_IDS.coord, message, '通过');
    expect(toastOf(taken)).toEqual({ type: 'success', content: '通过了审核' });
    expect((await w.h.status(reference)).stage).not.toBe('review');
  });
});
