import * as lark from '@larksuiteoapi/node-sdk';
import type { Card } from './cards/elements.ts';
import { UUID_MAX_LENGTH } from './limits.ts';

export type ReceiveIdType = 'open_id' | 'user_id' | 'union_id' | 'email' | 'chat_id';

/**
 * What went wrong with a Lark call, as far as a caller deciding whether to try again needs to know:
 * - `rate_limited`: a frequency limit; try again after `retryAfterMs` when Lark said;
 * - `unavailable`: 5xx, no answer, or an answer without what it should hold;
 * - `token_rejected`: the tenant token was refused (it has been dropped; the next call fetches another);
 * - `credentials_rejected`: the app id / secret were refused when fetching a token;
 * - `refused`: Lark refused this request for good (any other Lark code);
 * - `invalid_request`: the request was never sent, being one Lark would refuse.
 */
export type LarkErrorKind = 'rate_limited' | 'unavailable' | 'token_rejected' | 'credentials_rejected' | 'refused' | 'invalid_request';

const TRANSIENT_KINDS: ReadonlySet<LarkErrorKind> = new Set(['rate_limited', 'unavailable', 'token_rejected', 'credentials_rejected']);

/** A failed Lark call. Its message names the operation and what Lark answered, and never holds a secret. */
export class LarkError extends Error {
  override name = 'LarkError';
  readonly kind: LarkErrorKind;
  /** Lark's `code` when it answered with one. */
  readonly code: number | undefined;
  /** Lark's `msg` alongside that code. */
  readonly larkMessage: string | undefined;
  /** The HTTP status when there was an answer. */
  readonly status: number | undefined;
  /** For `rate_limited`: Lark's `x-ogw-ratelimit-reset`, in milliseconds, when it gave one. */
  readonly retryAfterMs: number | undefined;

  constructor(
    kind: LarkErrorKind,
    message: string,
    details: {
      readonly code?: number | undefined;
      readonly larkMessage?: string | undefined;
      readonly status?: number | undefined;
      readonly retryAfterMs?: number | undefined;
    } = {},
  ) {
    super(message);
    this.kind = kind;
    this.code = details.code;
    this.larkMessage = details.larkMessage;
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
  }

  /** Whether the same call may succeed later: everything but a refusal or an invalid request. */
  get transient(): boolean {
    return TRANSIENT_KINDS.has(this.kind);
  }
}

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
 * Classifies what a Lark call failed with (an axios error, the SDK's token error, or an answer
 * whose `code` is not 0) as a LarkError: rate limits carry Lark's reset, 5xx / network / token
 * problems are transient, and any other Lark code is a refusal naming it.
 */
export const larkErrorOf = async (client: lark.Client, operation: string, error: unknown): Promise<Error> => {
  if (error instanceof Error && TOKEN_REFUSAL.test(error.message)) {
    return new LarkError('credentials_rejected', `Lark: could not ${operation}: the app credentials were refused (${error.message})`);
  }
  const response = isRecord(error) && isRecord(error.response) ? error.response : undefined;
  const status = typeof response?.status === 'number' ? response.status : undefined;
  const answer: LarkAnswer = response ? (isRecord(response.data) ? response.data : {}) : isRecord(error) && !(error instanceof Error) ? error : {};
  const where = [status ? `HTTP ${status}` : '', answer.code !== undefined ? `code ${answer.code} ${answer.msg ?? ''}`.trim() : ''].filter(Boolean).join(', ');
  const details = { code: answer.code, larkMessage: answer.msg, status };

  if (status === 429 || (answer.code !== undefined && RATE_LIMIT_CODES.has(answer.code))) {
    const delay = resetDelayMs(response?.headers);
    const message = `Lark: could not ${operation}: rate limited (${where})${delay === undefined ? '' : `; retry in ${delay / 1000} s`}`;
    return new LarkError('rate_limited', message, { ...details, retryAfterMs: delay });
  }
  const requestUrl = isRecord(error) && isRecord(error.config) ? String(error.config.url) : '';
  if (status !== undefined && status < 500 && requestUrl.includes('/auth/v3/')) {
    return new LarkError('credentials_rejected', `Lark: could not ${operation}: the app credentials were refused (${where})`, details);
  }
  if (status !== undefined && status >= 500) return new LarkError('unavailable', `Lark: could not ${operation}: Lark is unavailable (${where})`, details);
  if (answer.code !== undefined && TOKEN_CODES.has(answer.code)) {
    await dropCachedToken(client);
    return new LarkError('token_rejected', `Lark: could not ${operation}: the tenant token was refused (${where}); a new one is fetched on retry`, details);
  }
  if (answer.code !== undefined && answer.code !== 0) {
    return new LarkError('refused', `Lark refused to ${operation}: code ${answer.code} ${answer.msg ?? ''}`.trim(), details);
  }
  if (status !== undefined) return new LarkError('unavailable', `Lark: could not ${operation}: ${where}`, details);
  if (isRecord(error) && typeof error.code === 'string') {
    // No answer at all: refused connection, reset, or our timeout (ECONNABORTED).
    return new LarkError('unavailable', `Lark: could not ${operation}: no answer (${error.code}: ${String(error.message)})`);
  }
  return error instanceof Error ? error : new Error(`Lark: could not ${operation}: ${String(error)}`);
};

/** Runs one SDK call, turning both thrown errors and `{ code ≠ 0 }` answers into LarkErrors. */
const call = async <T extends LarkAnswer>(client: lark.Client, operation: string, run: () => Promise<T>): Promise<T> => {
  let answer: T;
  try {
    answer = await run();
  } catch (error) {
    throw await larkErrorOf(client, operation, error);
  }
  if (answer.code !== undefined && answer.code !== 0) throw await larkErrorOf(client, operation, answer);
  return answer;
};

const checkUuid = (uuid: string | undefined): void => {
  if (uuid !== undefined && (uuid === '' || uuid.length > UUID_MAX_LENGTH)) {
    throw new LarkError('invalid_request', `Lark uuid must be 1–${UUID_MAX_LENGTH} characters, got ${uuid.length}: use messageUuid(key)`);
  }
};

const messageIdOf = (operation: string, answer: { data?: { message_id?: string | undefined } | undefined }): string => {
  const id = answer.data?.message_id;
  if (!id) throw new LarkError('unavailable', `Lark: could not ${operation}: the answer has no message_id`);
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

const NOUN = { interactive: 'card', text: 'text', file: 'file' } as const;

const reply = async (client: lark.Client, target: ReplyTarget, msgType: keyof typeof NOUN, content: string): Promise<string> => {
  checkUuid(target.uuid);
  const operation = `reply with a ${NOUN[msgType]} to message ${target.messageId}`;
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

/** Replies to a message with a file uploaded before (lark/files.ts); returns the reply's message_id. */
export const replyFile = (client: lark.Client, { fileKey, ...target }: ReplyTarget & { readonly fileKey: string }): Promise<string> =>
  reply(client, target, 'file', JSON.stringify({ file_key: fileKey }));

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
