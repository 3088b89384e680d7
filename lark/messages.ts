import * as lark from '@larksuiteoapi/node-sdk';
import { ApplicationFailure } from '@temporalio/common';
import { PERMANENT_DELIVERY_ERROR } from '../domain/failures.ts';
import { UUID_MAX_LENGTH } from './limits.ts';

export type ReceiveIdType = 'open_id' | 'user_id' | 'union_id' | 'email' | 'chat_id';
/** A Lark card (JSON 1.0 or 2.0) as an object; it is sent as a JSON string. */
export type Card = Readonly<Record<string, unknown>>;

/** Failure types the callers (and a retry policy) can tell apart. */
export const LARK_RATE_LIMITED = 'LarkRateLimited';
export const LARK_UNAVAILABLE = 'LarkUnavailable';
export const LARK_TOKEN_REJECTED = 'LarkTokenRejected';
export const LARK_CREDENTIALS_REJECTED = 'LarkCredentialsRejected';

/** 99991400: the gateway's frequency limit; 230020: the per-user / per-chat message limit. */
const RATE_LIMIT_CODES = new Set([99991400, 230020]);
/** Missing or invalid tenant token: the cached one is dropped so that the retry fetches another. */
const TOKEN_CODES = new Set([99991661, 99991663]);

/** The `uuid` Lark deduplicates sends by (for an hour), from a message key that is stable across retries. */
export { messageKeyHash as messageUuid } from '../notifications/content.ts';

interface LarkAnswer {
  readonly code?: number | undefined;
  readonly msg?: string | undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Seconds in `x-ogw-ratelimit-reset` → milliseconds, when Lark said. */
const resetDelayMs = (headers: unknown): number | undefined => {
  const value = isRecord(headers) ? headers['x-ogw-ratelimit-reset'] : undefined;
  const seconds = Number(value);
  return value !== undefined && Number.isFinite(seconds) && seconds >= 0 ? Math.ceil(seconds * 1000) : undefined;
};

const dropCachedToken = async (client: lark.Client): Promise<void> => {
  await client.cache.set(lark.CTenantAccessToken, undefined, 1, { namespace: client.appId });
};

/** The SDK throws the token endpoint's refusal as a plain Error when Lark answers HTTP 200. */
const TOKEN_REFUSAL = /^failed to get tenant_access_token, code: /;

/**
 * Maps what a Lark call failed with (an axios error, the SDK's token error, or an answer whose
 * `code` is not 0) to a Temporal failure: rate limits retry after Lark's reset, 5xx / network /
 * token problems retry, and any other Lark code is a PermanentDeliveryError naming it.
 */
const failureOf = async (client: lark.Client, operation: string, error: unknown): Promise<Error> => {
  if (error instanceof Error && TOKEN_REFUSAL.test(error.message)) {
    return ApplicationFailure.retryable(`Lark: could not ${operation}: the app credentials were refused (${error.message})`, LARK_CREDENTIALS_REJECTED);
  }
  const response = isRecord(error) && isRecord(error.response) ? error.response : undefined;
  const status = typeof response?.status === 'number' ? response.status : undefined;
  const answer: LarkAnswer = response ? (isRecord(response.data) ? response.data : {}) : isRecord(error) && !(error instanceof Error) ? error : {};
  const where = [status ? `HTTP ${status}` : '', answer.code !== undefined ? `code ${answer.code} ${answer.msg ?? ''}`.trim() : ''].filter(Boolean).join(', ');

  if (status === 429 || (answer.code !== undefined && RATE_LIMIT_CODES.has(answer.code))) {
    const delay = resetDelayMs(response?.headers);
    return ApplicationFailure.create({
      message: `Lark: could not ${operation}: rate limited (${where})${delay === undefined ? '' : `; retry in ${delay / 1000} s`}`,
      type: LARK_RATE_LIMITED,
      ...(delay === undefined ? {} : { nextRetryDelay: delay }),
    });
  }
  const requestUrl = isRecord(error) && isRecord(error.config) ? String(error.config.url) : '';
  if (status !== undefined && status < 500 && requestUrl.includes('/auth/v3/')) {
    return ApplicationFailure.retryable(`Lark: could not ${operation}: the app credentials were refused (${where})`, LARK_CREDENTIALS_REJECTED);
  }
  if (status !== undefined && status >= 500) return ApplicationFailure.retryable(`Lark: could not ${operation}: Lark is unavailable (${where})`, LARK_UNAVAILABLE);
  if (answer.code !== undefined && TOKEN_CODES.has(answer.code)) {
    await dropCachedToken(client);
    return ApplicationFailure.retryable(`Lark: could not ${operation}: the tenant token was refused (${where}); a new one is fetched on retry`, LARK_TOKEN_REJECTED);
  }
  if (answer.code !== undefined && answer.code !== 0) {
    return ApplicationFailure.create({
      message: `Lark refused to ${operation}: code ${answer.code} ${answer.msg ?? ''}`.trim(),
      type: PERMANENT_DELIVERY_ERROR,
      nonRetryable: true,
      details: [{ code: answer.code, msg: answer.msg ?? null, status: status ?? null }],
    });
  }
  if (status !== undefined) return ApplicationFailure.retryable(`Lark: could not ${operation}: ${where}`, LARK_UNAVAILABLE);
  if (isRecord(error) && typeof error.code === 'string') {
    // No answer at all: refused connection, reset, or our timeout (ECONNABORTED).
    return ApplicationFailure.retryable(`Lark: could not ${operation}: no answer (${error.code}: ${String(error.message)})`, LARK_UNAVAILABLE);
  }
  return error instanceof Error ? error : new Error(`Lark: could not ${operation}: ${String(error)}`);
};

/** Runs one SDK call, turning both thrown errors and `{ code ≠ 0 }` answers into failures. */
const call = async <T extends LarkAnswer>(client: lark.Client, operation: string, run: () => Promise<T>): Promise<T> => {
  let answer: T;
  try {
    answer = await run();
  } catch (error) {
    throw await failureOf(client, operation, error);
  }
  if (answer.code !== undefined && answer.code !== 0) throw await failureOf(client, operation, answer);
  return answer;
};

const checkUuid = (uuid: string | undefined): void => {
  if (uuid !== undefined && (uuid === '' || uuid.length > UUID_MAX_LENGTH)) {
    throw ApplicationFailure.nonRetryable(`Lark uuid must be 1–${UUID_MAX_LENGTH} characters, got ${uuid.length}: use messageUuid(key)`, 'InvalidLarkRequest');
  }
};

const messageIdOf = (operation: string, answer: { data?: { message_id?: string | undefined } | undefined }): string => {
  const id = answer.data?.message_id;
  if (!id) throw ApplicationFailure.retryable(`Lark: could not ${operation}: the answer has no message_id`, LARK_UNAVAILABLE);
  return id;
};

export interface SendTarget {
  readonly receiveId: string;
  /** open_id unless told. */
  readonly receiveIdType?: ReceiveIdType;
  /** From `messageUuid(key)`: a retried send with the same uuid is not delivered twice. */
  readonly uuid: string;
}

export interface ReplyTarget {
  /** The message replied to. */
  readonly messageId: string;
  readonly uuid?: string;
  readonly inThread?: boolean;
}

const send = async (client: lark.Client, target: SendTarget, msgType: 'interactive' | 'text', content: string): Promise<string> => {
  checkUuid(target.uuid);
  const receiveIdType = target.receiveIdType ?? 'open_id';
  const operation = `send a ${msgType === 'text' ? 'text' : 'card'} to ${receiveIdType} ${target.receiveId}`;
  const answer = await call(client, operation, () =>
    client.im.v1.message.create({
      params: { receive_id_type: receiveIdType },
      data: { receive_id: target.receiveId, msg_type: msgType, content, uuid: target.uuid },
    }),
  );
  return messageIdOf(operation, answer);
};

const reply = async (client: lark.Client, target: ReplyTarget, msgType: 'interactive' | 'text', content: string): Promise<string> => {
  checkUuid(target.uuid);
  const operation = `reply with a ${msgType === 'text' ? 'text' : 'card'} to message ${target.messageId}`;
  const answer = await call(client, operation, () =>
    client.im.v1.message.reply({
      path: { message_id: target.messageId },
      data: {
        msg_type: msgType,
        content,
        ...(target.uuid ? { uuid: target.uuid } : {}),
        ...(target.inThread ? { reply_in_thread: true } : {}),
      },
    }),
  );
  return messageIdOf(operation, answer);
};

/** Sends a card to a person (open_id by default) or a chat; returns Lark's message_id. */
export const sendCard = (client: lark.Client, { card, ...target }: SendTarget & { readonly card: Card }): Promise<string> =>
  send(client, target, 'interactive', JSON.stringify(card));

/** Sends a plain text message; returns Lark's message_id. */
export const sendText = (client: lark.Client, { text, ...target }: SendTarget & { readonly text: string }): Promise<string> =>
  send(client, target, 'text', JSON.stringify({ text }));

/** Replies to a message with a card; returns the reply's message_id. */
export const replyCard = (client: lark.Client, { card, ...target }: ReplyTarget & { readonly card: Card }): Promise<string> =>
  reply(client, target, 'interactive', JSON.stringify(card));

/** Replies to a message with text; returns the reply's message_id. */
export const replyText = (client: lark.Client, { text, ...target }: ReplyTarget & { readonly text: string }): Promise<string> =>
  reply(client, target, 'text', JSON.stringify({ text }));

/** Replaces a sent card's content for everyone (the card must declare `config.update_multi: true`). */
export const patchCard = async (client: lark.Client, messageId: string, card: Card): Promise<void> => {
  await call(client, `update card ${messageId}`, () =>
    client.im.v1.message.patch({ path: { message_id: messageId }, data: { content: JSON.stringify(card) } }),
  );
};

/**
 * Updates the card a user just clicked, after the callback was answered, with the callback's
 * `token` (valid 30 minutes, twice). The SDK has no method for this route, so it goes through
 * `client.request`, which still attaches the tenant token.
 */
export const updateCardLater = async (client: lark.Client, token: string, card: Card): Promise<void> => {
  await call(client, 'update a card after its callback', () =>
    client.request<LarkAnswer>({ method: 'POST', url: '/open-apis/interactive/v1/card/update', data: { token, card } }),
  );
};
