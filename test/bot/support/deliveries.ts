/**
 * Webhook deliveries built the way Lark builds them: schema 2.0 events (`im.message.receive_v1`)
 * and card callbacks (`card.action.trigger`), signed with sha256(timestamp + nonce + encrypt key +
 * body) in `x-lark-signature`, and optionally encrypted (AES-256-CBC, key sha256(encrypt key),
 * a random IV prepended, base64).
 */
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import type { BotConfig } from '../../../bots/server.ts';
import { larkSignature } from '../../../bots/verify.ts';

export interface AppSecrets {
  readonly appId: string;
  readonly verificationToken: string;
  readonly encryptKey: string;
}

export const hex = (bytes: number): string => randomBytes(bytes).toString('hex');

/** A webhook bot on a free loopback port, as the app on the local Open API server with these secrets. */
export const localBotConfig = (lark: { appId: string; appSecret: string; baseUrl: string }, secrets: AppSecrets): BotConfig => ({
  LARK_MODE: 'webhook',
  LARK_APP_ID: lark.appId,
  LARK_APP_SECRET: lark.appSecret,
  LARK_DOMAIN: lark.baseUrl,
  LARK_VERIFICATION_TOKEN: secrets.verificationToken,
  LARK_ENCRYPT_KEY: secrets.encryptKey,
  BOT_HOST: '127.0.0.1',
  BOT_PORT: 0,
  PROGRAMME_TARGETS: undefined,
  // The tests' people type and click far faster than anyone; test/bot/rate-limit.test.ts gives its bot the real limit.
  BOT_COMMANDS_PER_MINUTE: 1_000_000,
  BOT_COMMAND_BURST: 100_000,
});
export const newEventId = (): string => hex(16);

/** Encrypts a JSON body as Lark does for an app with an encrypt key. */
export const encryptBody = (encryptKey: string, plain: string): string => {
  const key = createHash('sha256').update(encryptKey).digest();
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([iv, cipher.update(plain, 'utf8'), cipher.final()]).toString('base64');
};

export interface Delivery {
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** Signs a body (already encrypted or not) with the request headers Lark sends. */
export const signed = (encryptKey: string, body: string, overrides: { signature?: string; timestamp?: string } = {}): Delivery => {
  const timestamp = overrides.timestamp ?? String(Math.floor(Date.now() / 1000));
  const nonce = hex(8);
  return {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-lark-request-timestamp': timestamp,
      'x-lark-request-nonce': nonce,
      'x-lark-signature': overrides.signature ?? larkSignature(timestamp, nonce, encryptKey, body),
    },
    body,
  };
};

/** A delivery of `payload`: signed, and encrypted unless told otherwise. */
export const deliveryOf = (secrets: AppSecrets, payload: unknown, options: { encrypt?: boolean; signature?: string } = {}): Delivery => {
  const plain = JSON.stringify(payload);
  const body = options.encrypt === false ? plain : JSON.stringify({ encrypt: encryptBody(secrets.encryptKey, plain) });
  return signed(secrets.encryptKey, body, options.signature ? { signature: options.signature } : {});
};

const header = (secrets: AppSecrets, eventType: string, eventId: string) => ({
  event_id: eventId,
  token: secrets.verificationToken,
  create_time: String(Date.now()),
  event_type: eventType,
  tenant_key: 'tenant-local',
  app_id: secrets.appId,
});

export interface MessageOptions {
  readonly senderOpenId: string;
  readonly messageId: string;
  readonly text: string;
  readonly chatId?: string;
  readonly chatType?: 'p2p' | 'group';
  /** Mentions written into the text as @_user_N placeholders, in order. */
  readonly mentions?: readonly { openId: string; name: string }[];
  readonly eventId?: string;
}

/** `im.message.receive_v1` in schema 2.0. */
export const messageEvent = (secrets: AppSecrets, options: MessageOptions): Record<string, unknown> => ({
  schema: '2.0',
  header: header(secrets, 'im.message.receive_v1', options.eventId ?? newEventId()),
  event: {
    sender: { sender_id: { union_id: `on_${hex(16)}`, user_id: hex(4), open_id: options.senderOpenId }, sender_type: 'user', tenant_key: 'tenant-local' },
    message: {
      message_id: options.messageId,
      root_id: '',
      parent_id: '',
      create_time: String(Date.now()),
      update_time: String(Date.now()),
      chat_id: options.chatId ?? `oc_${hex(16)}`,
      chat_type: options.chatType ?? 'p2p',
      message_type: 'text',
      content: JSON.stringify({ text: options.text }),
      mentions: (options.mentions ?? []).map((mention, index) => ({
        key: `@_user_${index + 1}`,
        id: { union_id: `on_${hex(16)}`, user_id: hex(4), open_id: mention.openId },
        name: mention.name,
        tenant_key: 'tenant-local',
      })),
      user_agent: 'Mozilla/5.0 Lark/7.30.0',
    },
  },
});

export interface CardActionOptions {
  readonly operatorOpenId: string;
  readonly messageId: string;
  readonly chatId: string;
  /** The card's update token (Lark: `c-…`, valid 30 minutes for two updates). */
  readonly token: string;
  readonly value: unknown;
  readonly formValue?: Record<string, unknown>;
  readonly name?: string;
  readonly eventId?: string;
}

/** `card.action.trigger` in schema 2.0, from a button click or a form submission. */
export const cardActionEvent = (secrets: AppSecrets, options: CardActionOptions): Record<string, unknown> => ({
  schema: '2.0',
  header: header(secrets, 'card.action.trigger', options.eventId ?? newEventId()),
  event: {
    operator: { tenant_key: 'tenant-local', user_id: hex(4), open_id: options.operatorOpenId, union_id: `on_${hex(16)}` },
    token: options.token,
    action: {
      value: options.value,
      tag: 'button',
      timezone: 'Asia/Shanghai',
      ...(options.name ? { name: options.name } : {}),
      ...(options.formValue ? { form_value: options.formValue } : {}),
    },
    host: 'im_message',
    context: { open_message_id: options.messageId, open_chat_id: options.chatId },
  },
});

/** The URL check the developer console makes when the request URL is saved. */
export const urlVerification = (secrets: AppSecrets, challenge: string): Record<string, unknown> => ({
  challenge,
  token: secrets.verificationToken,
  type: 'url_verification',
});
