/**
 * One test file's bot: the harness (migrated database, real worker on the real Temporal dev
 * server), the local Lark Open API, the real SDK client on it, and the bot's webhook server.
 * People talk to the bot the way Lark delivers it: signed, encrypted schema 2.0 deliveries.
 */
import { createLarkClient } from '../../../lark/client.ts';
import { startBot, type Bot } from '../../../bots/server.ts';
import type { RateLimiter } from '../../../bots/rate-limit.ts';
import { importDirectory } from '../../../app/directory.ts';
import { createHarness, FAST_POLICY, recorded, ROLL_WEAR_DEMAND, type Harness } from '../../support/harness.ts';
import { startLarkOpenApi, type LarkMessage, type LarkOpenApi } from '../../support/lark-open-api.ts';
import { findButton, formValueOf } from './cards.ts';
import {
  cardActionEvent,
  deliveryOf,
  hex,
  localBotConfig,
  messageEvent,
  newEventId,
  type AppSecrets,
  type Delivery,
  type MessageOptions,
} from './deliveries.ts';

/** The fixture people with Lark accounts; this file's database gives open_ids to those who had none. */
export const OPEN_IDS = {
  coord: 'ou_0000000000000000000000000000c001',
  ttoDut: 'ou_0000000000000000000000000000d002',
  steel: 'ou_0000000000000000000000000000e003',
  ttoNeu: 'ou_0000000000000000000000000000a004',
  ttoJiangnan: 'ou_0000000000000000000000000000b005',
  manager: 'ou_0000000000000000000000000000f006',
  petfood: 'ou_0000000000000000000000000000e007',
  stranger: 'ou_00000000000000000000000000009999',
} as const;

/** The TTO's open_id for each fixture university. */
export const TTO_OPEN_ID: Readonly<Record<string, string>> = { 'u-neu': OPEN_IDS.ttoNeu, 'u-dut': OPEN_IDS.ttoDut, 'u-jiangnan': OPEN_IDS.ttoJiangnan };

const LARK_PEOPLE = {
  people: [
    {
      id: 'tto-neu',
      name: '赵磊',
      role: 'tto_officer',
      organisationId: 'u-neu',
      email: 'zhaolei@neu.example.cn',
      larkOpenId: OPEN_IDS.ttoNeu,
      channel: 'email',
    },
    {
      id: 'tto-jiangnan',
      name: 'Emily Chen',
      role: 'tto_officer',
      organisationId: 'u-jiangnan',
      email: 'emily@jiangnan.example.cn',
      language: 'en',
      larkOpenId: OPEN_IDS.ttoJiangnan,
      channel: 'email',
    },
    { id: 'manager', name: '王建国', role: 'manager', email: 'wangjg@edu-ln.example.cn', larkOpenId: OPEN_IDS.manager, channel: 'email' },
    {
      id: 'contact-petfood',
      name: '陈静',
      role: 'enterprise_contact',
      organisationId: 'e-petfood',
      email: 'chenjing@chongle.example.cn',
      larkOpenId: OPEN_IDS.petfood,
      channel: 'email',
    },
  ],
};

export interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

export interface ClickOptions {
  /** Field values by field name; others keep what the card pre-filled. */
  readonly fill?: Readonly<Record<string, unknown>>;
  /** When several partnerships share a card. */
  readonly ref?: string;
  readonly eventId?: string;
  /** Another bot of this world (e.g. one with a shorter time budget). */
  readonly bot?: Bot;
}

export interface BotWorld {
  readonly h: Harness;
  readonly lark: LarkOpenApi;
  readonly bot: Bot;
  readonly secrets: AppSecrets;
  post(path: string, delivery: Delivery, via?: Bot): Promise<Answer>;
  /** A person writes to the bot; resolves with the bot's reply once it was sent. */
  say(openId: string, text: string, options?: Partial<MessageOptions>): Promise<{ message: LarkMessage; card: Record<string, unknown>; status: number }>;
  /** The current content of one of the app's messages. */
  cardOf(message: LarkMessage): Record<string, unknown>;
  /** A person clicks a button (submitting its form); Lark shows the card the bot answers with in place. */
  click(openId: string, message: LarkMessage, label: string, options?: ClickOptions): Promise<Answer>;
  /** Waits until the database has recorded every step the workflow took so far (待办 reads it). */
  settled(reference: string): Promise<void>;
  /** A second bot on the same services, e.g. with a time budget too short for any update. */
  startBot(options: { budgetMs: number }): Promise<Bot>;
  close(): Promise<void>;
}

let submissions = 0;
/** A new partnership in review, submitted under its own key, so each test gets its own. */
export const partnershipInReview = async (w: BotWorld, keyPrefix: string): Promise<string> => {
  submissions += 1;
  const reference = await w.h.submit(ROLL_WEAR_DEMAND, { key: `${keyPrefix}-${submissions}` });
  await w.h.waitFor(reference, (s) => s.stage === 'review');
  return reference;
};

/** The toast a callback's answer shows. */
export const toastOf = (answer: Answer): { type: string; content: string } => answer.body.toast as { type: string; content: string };

export interface BotWorldOptions {
  readonly budgetMs?: number;
  readonly limiter?: RateLimiter;
  /** The worker's settings over the outbox-only defaults, e.g. to send through the local Open API and an SMTP server. */
  readonly workerEnv?: (lark: LarkOpenApi) => Record<string, string>;
}

export const createBotWorld = async (testFile: string, options: BotWorldOptions = {}): Promise<BotWorld> => {
  const lark = await startLarkOpenApi();
  const h = await createHarness(testFile, options.workerEnv?.(lark) ?? {});
  await importDirectory(h.prisma, LARK_PEOPLE);
  await h.startWorker();
  const secrets: AppSecrets = { appId: lark.appId, verificationToken: hex(16), encryptKey: hex(16) };
  const client = createLarkClient({ LARK_APP_ID: lark.appId, LARK_APP_SECRET: lark.appSecret, LARK_DOMAIN: lark.baseUrl }, { log: () => undefined });
  const logged: string[] = [];
  const bots: Bot[] = [];
  const launch = async (budgetMs: number | undefined): Promise<Bot> => {
    const started = await startBot({
      config: localBotConfig(lark, secrets),
      prisma: h.prisma,
      client: h.client,
      taskQueue: h.taskQueue,
      policy: FAST_POLICY,
      lark: client,
      ...(budgetMs === undefined ? {} : { budgetMs }),
      ...(options.limiter ? { limiter: options.limiter } : {}),
      log: (line) => logged.push(line),
    });
    bots.push(started);
    return started;
  };
  const bot = await launch(options.budgetMs);

  const post = async (path: string, delivery: Delivery, via: Bot = bot): Promise<Answer> => {
    const response = await fetch(`${via.url}${path}`, { method: 'POST', headers: delivery.headers, body: delivery.body });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };

  const cardOf = (message: LarkMessage): Record<string, unknown> => lark.contentOf(lark.message(message.messageId) ?? message);

  return {
    h,
    lark,
    bot,
    secrets,
    post,
    cardOf,
    async say(openId, text, extra = {}) {
      const messageId = lark.seedUserMessage({ senderOpenId: openId, text, ...(extra.chatId ? { chatId: extra.chatId } : {}) });
      const answer = await post('/lark/events', deliveryOf(secrets, messageEvent(secrets, { senderOpenId: openId, messageId, text, ...extra })));
      await bot.idle();
      const reply = lark.messages.filter((m) => m.parentId === messageId).at(-1);
      if (!reply) throw new Error(`no reply to "${text}" (HTTP ${answer.status}); bot log: ${logged.slice(-3).join(' | ')}`);
      return { message: reply, card: lark.contentOf(reply), status: answer.status };
    },
    async click(openId, message, label, clickOptions = {}) {
      const current = lark.message(message.messageId) ?? message;
      const found = findButton(lark.contentOf(current), label, clickOptions.ref);
      const event = cardActionEvent(secrets, {
        operatorOpenId: openId,
        messageId: current.messageId,
        chatId: current.chatId,
        token: lark.issueCardToken(current.messageId),
        value: found.value,
        ...(found.form ? { formValue: formValueOf(found.form, clickOptions.fill) } : {}),
        ...(typeof found.button.name === 'string' ? { name: found.button.name } : {}),
        eventId: clickOptions.eventId ?? newEventId(),
      });
      const answer = await post('/lark/cards', deliveryOf(secrets, event), clickOptions.bot);
      const card = answer.body.card as { type?: string; data?: unknown } | undefined;
      // Lark replaces the clicked card with the one in the answer, for everyone who sees it.
      if (card?.type === 'raw' && card.data) {
        current.history.push(current.content);
        current.content = JSON.stringify(card.data);
      }
      return answer;
    },
    startBot: ({ budgetMs }) => launch(budgetMs),
    async settled(reference) {
      const status = await h.status(reference);
      await recorded(h, reference, status.history.at(-1)?.seq ?? 0);
    },
    async close() {
      for (const started of bots) await started.close();
      await h.close();
      await lark.close();
    },
  };
};
