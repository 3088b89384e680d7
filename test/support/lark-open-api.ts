import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A local stand-in for the Lark/Feishu Open API, speaking the official request and response
 * formats for the routes this project calls, so that tests drive the real `@larksuiteoapi/node-sdk`
 * against it. Formats: open.feishu.cn im-v1 message create / reply / patch, the delayed card
 * update, the tenant token, the generic error codes and the frequency-control headers.
 */

export type LarkRoute = 'token' | 'send' | 'reply' | 'patch' | 'cardUpdate';

export const RECEIVE_ID_TYPES = ['open_id', 'user_id', 'union_id', 'email', 'chat_id'] as const;
export type ReceiveIdType = (typeof RECEIVE_ID_TYPES)[number];

/** How the next matching requests misbehave. Without `status`, the request succeeds after `delayMs`. */
export interface InjectedFailure {
  readonly status?: number;
  /** How many requests in a row; 1 unless told. */
  readonly times?: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Wait before answering; with no `status`, the request is carried out first (as a slow Lark would). */
  readonly delayMs?: number;
  /** The answer's body; by default Lark's for that status (429: 99991400 with the rate-limit headers). */
  readonly body?: unknown;
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: IncomingHttpHeaders;
  /** The parsed JSON body, or the raw text when it is not JSON. */
  readonly body: unknown;
  readonly route: LarkRoute | null;
  status: number;
}

export interface LarkMessage {
  readonly messageId: string;
  readonly chatId: string;
  /** The conversation it went to: the receive_id it was sent to, or, for a reply, the parent's. */
  readonly receiveId: string;
  readonly receiveIdType: ReceiveIdType;
  readonly msgType: string;
  /** The message body as Lark stores it (a JSON string); a patch or a delayed update replaces it. */
  content: string;
  /** Earlier contents, oldest first, when the card was updated. */
  readonly history: string[];
  readonly uuid: string | null;
  readonly parentId: string | null;
  readonly rootId: string | null;
  readonly createTime: string;
  updateTime: string;
  readonly sender: { readonly id: string; readonly idType: 'app_id' | 'open_id'; readonly senderType: 'app' | 'user' };
}

export interface LarkOpenApiOptions {
  readonly appId?: string;
  readonly appSecret?: string;
  /** Seconds a tenant token lives (`expire`); Lark gives 7200. */
  readonly tokenTtlSeconds?: number;
}

export interface LarkOpenApi {
  /** Give this to the SDK as `domain`. */
  readonly baseUrl: string;
  readonly appId: string;
  readonly appSecret: string;
  /** Every request, in arrival order. */
  readonly requests: readonly RecordedRequest[];
  /** Every message the app delivered (sends and replies), in order; a deduplicated retry adds none. */
  readonly messages: readonly LarkMessage[];
  /** Requests to the tenant-token endpoint so far. */
  readonly tokenCalls: number;
  /** The tenant token currently valid. */
  readonly tenantAccessToken: string;
  /** The app's messages delivered to one conversation (an open_id, chat_id, email…). */
  deliveredTo(receiveId: string): LarkMessage[];
  /** The app's message or a seeded user message, with its current content. */
  message(messageId: string): LarkMessage | undefined;
  /** The parsed content of a message: a card object, or `{ text }`. */
  contentOf(message: LarkMessage): Record<string, unknown>;
  /** A message a user sent the bot, so that the app can reply to it; returns its message_id. */
  seedUserMessage(options: { senderOpenId: string; text: string; chatId?: string }): string;
  /** A card-callback `token` for the delayed update of one of the app's cards (valid 30 minutes, 2 uses). */
  issueCardToken(messageId: string): string;
  /** This open_id is outside the app's availability: sends to it fail with 230013. */
  makeUnreachable(openId: string): void;
  /** Rotates the tenant token: the old one now fails with 99991663. */
  revokeTokens(): void;
  failNext(route: LarkRoute, failure: InjectedFailure): void;
  close(): Promise<void>;
}

const UUID_DEDUP_MS = 60 * 60 * 1000;
const CARD_TOKEN_TTL_MS = 30 * 60 * 1000;
const CARD_TOKEN_USES = 2;
const CARD_BYTES = 30 * 1024;
const TEXT_BYTES = 150 * 1024;
const MSG_TYPES = ['text', 'post', 'image', 'file', 'audio', 'media', 'sticker', 'interactive', 'share_chat', 'share_user', 'system'];
const RECEIVE_ID_FORMATS: Record<ReceiveIdType, RegExp> = {
  open_id: /^ou_[0-9a-z]{16,64}$/,
  union_id: /^on_[0-9a-z]{16,64}$/,
  chat_id: /^oc_[0-9a-z]{16,64}$/,
  user_id: /^[0-9a-z]{1,64}$/i,
  email: /^[^@\s]+@[^@\s]+$/,
};

const hex = (bytes: number): string => randomBytes(bytes).toString('hex');
const hashHex = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 32);

/** A Lark answer: HTTP status, JSON body, extra headers. */
interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

class LarkError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    msg: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(msg);
  }
}

const invalidParam = (ext: string): LarkError =>
  new LarkError(400, 230001, `Your request contains an invalid request parameter, ext=${ext}.`);

const fieldViolation = (field: string, description: string, value?: unknown): LarkError =>
  new LarkError(400, 99992402, 'field validation failed', {
    field_violations: [{ field, description, ...(value === undefined ? {} : { value: String(value) }) }],
  });

const defaultFailureBody = (status: number): unknown =>
  status === 429
    ? { code: 99991400, msg: 'request trigger frequency limit' }
    : status >= 500
      ? { code: 1500, msg: 'internal error' }
      : { code: 230001, msg: 'Your request contains an invalid request parameter.' };

const RATE_LIMIT_HEADERS = { 'x-ogw-ratelimit-limit': '50', 'x-ogw-ratelimit-reset': '1' };

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Lark refuses a card it cannot build with 230099 and the card error 200621. */
const checkCard = (card: Record<string, unknown>): void => {
  const body = card.body;
  const buildable =
    (card.type === 'template' && isObject(card.data) && typeof card.data.template_id === 'string') ||
    (card.schema === '2.0' && isObject(body) && Array.isArray(body.elements)) ||
    (card.schema === undefined && (Array.isArray(card.elements) || isObject(card.i18n_elements)));
  if (!buildable) {
    throw new LarkError(
      400,
      230099,
      'Failed to create card content, ext=ErrCode: 200621; ErrMsg: parse card json err, please check whether the card json is correct; ErrorValue: card;',
    );
  }
};

/** The checks Lark makes on `msg_type` + `content`, shared by send, reply and patch. */
const checkContent = (msgType: string, content: unknown): void => {
  if (typeof content !== 'string' || content === '') throw fieldViolation('content', 'content is required');
  const parsed = parseJson(content);
  if (!isObject(parsed)) throw invalidParam('content is not a string in json format');
  const limit = msgType === 'text' ? TEXT_BYTES : CARD_BYTES;
  if (Buffer.byteLength(content) > limit) throw new LarkError(400, 230025, 'The message content exceeds the length limit.');
  if (msgType === 'text' && (typeof parsed.text !== 'string' || parsed.text === '')) throw invalidParam('text content is empty');
  if (msgType === 'interactive') checkCard(parsed);
};

const checkMessageBody = (body: Record<string, unknown>): { msgType: string; content: string; uuid: string | null } => {
  const msgType = body.msg_type;
  if (typeof msgType !== 'string' || msgType === '') throw fieldViolation('msg_type', 'msg_type is required');
  if (!MSG_TYPES.includes(msgType)) throw invalidParam(`invalid msg_type ${msgType}`);
  checkContent(msgType, body.content);
  const uuid = body.uuid ?? null;
  if (uuid !== null && (typeof uuid !== 'string' || uuid.length > 50)) throw fieldViolation('uuid', 'the max length of uuid is 50', uuid);
  return { msgType, content: body.content as string, uuid };
};

/** Starts the local Open API on a loopback port; every test file gets its own app and tokens. */
export const startLarkOpenApi = async (options: LarkOpenApiOptions = {}): Promise<LarkOpenApi> => {
  const appId = options.appId ?? `cli_${hex(8)}`;
  const appSecret = options.appSecret ?? hex(16);
  const tokenTtlSeconds = options.tokenTtlSeconds ?? 7200;
  let tenantAccessToken = `t-${hex(20)}`;

  const requests: RecordedRequest[] = [];
  const messages: LarkMessage[] = [];
  const byId = new Map<string, LarkMessage>();
  const byUuid = new Map<string, { messageId: string; at: number }>();
  const cardTokens = new Map<string, { messageId: string; expiresAt: number; uses: number }>();
  const unreachable = new Set<string>();
  const failures = new Map<LarkRoute, { failure: InjectedFailure; remaining: number }[]>();

  const now = (): string => String(Date.now());
  const chatFor = (receiveIdType: ReceiveIdType, receiveId: string): string =>
    receiveIdType === 'chat_id' ? receiveId : `oc_${hashHex(`p2p:${receiveId}`)}`;

  const messageData = (message: LarkMessage): Record<string, unknown> => ({
    message_id: message.messageId,
    root_id: message.rootId ?? '',
    parent_id: message.parentId ?? '',
    thread_id: '',
    msg_type: message.msgType,
    create_time: message.createTime,
    update_time: message.updateTime,
    deleted: false,
    updated: message.history.length > 0,
    chat_id: message.chatId,
    sender: { id: message.sender.id, id_type: message.sender.idType, sender_type: message.sender.senderType, tenant_key: 'tenant-local' },
    body: { content: message.content },
    mentions: [],
    upper_message_id: '',
  });

  const ok = (data: unknown = {}): Answer => ({ status: 200, body: { code: 0, msg: 'success', data } });

  /** Lark remembers a `uuid` for an hour: the same uuid again returns the first message, sending nothing. */
  const deduplicated = (route: LarkRoute, uuid: string | null): LarkMessage | undefined => {
    if (!uuid) return undefined;
    const seen = byUuid.get(`${route}:${uuid}`);
    return seen && Date.now() - seen.at < UUID_DEDUP_MS ? byId.get(seen.messageId) : undefined;
  };

  const deliver = (
    route: LarkRoute,
    fields: Omit<LarkMessage, 'messageId' | 'history' | 'createTime' | 'updateTime' | 'sender'>,
  ): LarkMessage => {
    const createTime = now();
    const message: LarkMessage = {
      ...fields,
      messageId: `om_${hex(16)}`,
      history: [],
      createTime,
      updateTime: createTime,
      sender: { id: appId, idType: 'app_id', senderType: 'app' },
    };
    messages.push(message);
    byId.set(message.messageId, message);
    if (message.uuid) byUuid.set(`${route}:${message.uuid}`, { messageId: message.messageId, at: Date.now() });
    return message;
  };

  const appCard = (messageId: string): LarkMessage => {
    const message = byId.get(messageId);
    if (!message || message.sender.senderType !== 'app') throw invalidParam('invalid message_id');
    if (message.msgType !== 'interactive') throw invalidParam('the message is not a card');
    return message;
  };

  const updateContent = (message: LarkMessage, content: string): void => {
    message.history.push(message.content);
    message.content = content;
    message.updateTime = now();
  };

  const token = (body: unknown): Answer => {
    if (!isObject(body) || typeof body.app_id !== 'string' || body.app_id !== appId) {
      throw new LarkError(400, 10003, 'invalid param');
    }
    if (body.app_secret !== appSecret) throw new LarkError(400, 10014, 'app secret invalid');
    return { status: 200, body: { code: 0, msg: 'ok', tenant_access_token: tenantAccessToken, expire: tokenTtlSeconds } };
  };

  const send = (query: Record<string, string>, body: Record<string, unknown>): Answer => {
    const receiveIdType = query.receive_id_type;
    if (!receiveIdType) throw fieldViolation('receive_id_type', 'receive_id_type is required');
    if (!(RECEIVE_ID_TYPES as readonly string[]).includes(receiveIdType)) {
      throw fieldViolation('receive_id_type', `receive_id_type must be one of ${RECEIVE_ID_TYPES.join(', ')}`, receiveIdType);
    }
    const type = receiveIdType as ReceiveIdType;
    const receiveId = body.receive_id;
    if (typeof receiveId !== 'string' || receiveId === '') throw fieldViolation('receive_id', 'receive_id is required');
    if (!RECEIVE_ID_FORMATS[type].test(receiveId)) throw invalidParam('invalid receive_id');
    const { msgType, content, uuid } = checkMessageBody(body);
    const earlier = deduplicated('send', uuid);
    if (earlier) return ok(messageData(earlier));
    if (unreachable.has(receiveId)) throw new LarkError(400, 230013, 'Bot has NO availability to this user.');
    const message = deliver('send', {
      chatId: chatFor(type, receiveId),
      receiveId,
      receiveIdType: type,
      msgType,
      content,
      uuid,
      parentId: null,
      rootId: null,
    });
    return ok(messageData(message));
  };

  const reply = (parentId: string, body: Record<string, unknown>): Answer => {
    const { msgType, content, uuid } = checkMessageBody(body);
    const earlier = deduplicated('reply', uuid);
    if (earlier) return ok(messageData(earlier));
    const parent = byId.get(parentId);
    if (!parent) throw invalidParam('invalid message_id');
    const message = deliver('reply', {
      chatId: parent.chatId,
      receiveId: parent.receiveId,
      receiveIdType: parent.receiveIdType,
      msgType,
      content,
      uuid,
      parentId,
      rootId: parent.rootId ?? parentId,
    });
    return ok(messageData(message));
  };

  const patch = (messageId: string, body: Record<string, unknown>): Answer => {
    const message = appCard(messageId);
    checkContent('interactive', body.content);
    updateContent(message, body.content as string);
    return ok();
  };

  const cardUpdate = (body: Record<string, unknown>): Answer => {
    if (typeof body.token !== 'string' || body.token === '') throw fieldViolation('token', 'token is required');
    if (!isObject(body.card)) throw fieldViolation('card', 'card is required');
    const issued = cardTokens.get(body.token);
    // Lark's documented limits (30 minutes, 2 uses); the exact code it answers with is not in our sources.
    if (!issued || issued.expiresAt < Date.now() || issued.uses >= CARD_TOKEN_USES) throw invalidParam('invalid token');
    const message = appCard(issued.messageId);
    checkCard(body.card);
    const content = JSON.stringify(body.card);
    if (Buffer.byteLength(content) > CARD_BYTES) throw new LarkError(400, 230025, 'The message content exceeds the length limit.');
    issued.uses += 1;
    updateContent(message, content);
    return ok();
  };

  const routeOf = (method: string, path: string): { route: LarkRoute; messageId?: string } | null => {
    if (method === 'POST' && path === '/open-apis/auth/v3/tenant_access_token/internal') return { route: 'token' };
    if (method === 'POST' && path === '/open-apis/im/v1/messages') return { route: 'send' };
    if (method === 'POST' && path === '/open-apis/interactive/v1/card/update') return { route: 'cardUpdate' };
    const replyMatch = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/reply$/.exec(path);
    if (method === 'POST' && replyMatch) return { route: 'reply', messageId: decodeURIComponent(replyMatch[1]!) };
    const patchMatch = /^\/open-apis\/im\/v1\/messages\/([^/]+)$/.exec(path);
    if (method === 'PATCH' && patchMatch) return { route: 'patch', messageId: decodeURIComponent(patchMatch[1]!) };
    return null;
  };

  const takeFailure = (route: LarkRoute): InjectedFailure | undefined => {
    const queue = failures.get(route);
    const next = queue?.[0];
    if (!queue || !next) return undefined;
    next.remaining -= 1;
    if (next.remaining <= 0) queue.shift();
    return next.failure;
  };

  const authorise = (headers: IncomingHttpHeaders): void => {
    const header = headers.authorization;
    if (!header || !/^Bearer\s+\S+/.test(header)) {
      throw new LarkError(400, 99991661, 'Missing access token for authorization. Please make a request with token attached.');
    }
    if (header.replace(/^Bearer\s+/, '') !== tenantAccessToken) {
      throw new LarkError(400, 99991663, 'Invalid access token for authorization. Please make a request with token attached.');
    }
  };

  const handle = (matched: { route: LarkRoute; messageId?: string }, request: RecordedRequest): Answer => {
    if (matched.route === 'token') return token(request.body);
    authorise(request.headers);
    if (!isObject(request.body)) throw new LarkError(400, 9499, 'Bad Request: the body is not a JSON object');
    switch (matched.route) {
      case 'send':
        return send(request.query, request.body);
      case 'reply':
        return reply(matched.messageId!, request.body);
      case 'patch':
        return patch(matched.messageId!, request.body);
      case 'cardUpdate':
        return cardUpdate(request.body);
    }
  };

  const answer = (response: ServerResponse, { status, body, headers }: Answer): void => {
    if (response.destroyed) return;
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    response.writeHead(status, {
      'content-type': typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8',
      'x-tt-logid': `${Date.now()}${hex(6)}`.toUpperCase(),
      ...headers,
    });
    response.end(text);
  };

  const errorAnswer = (error: LarkError): Answer => ({
    status: error.status,
    body: {
      code: error.code,
      msg: error.message,
      error: { ...error.extra, log_id: `${Date.now()}${hex(6)}`.toUpperCase() },
    },
  });

  const server = createServer(async (incoming, response) => {
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    const text = await readBody(incoming);
    const matched = routeOf(incoming.method ?? 'GET', url.pathname);
    const request: RecordedRequest = {
      method: incoming.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: incoming.headers,
      body: text === '' ? undefined : (parseJson(text) ?? text),
      route: matched?.route ?? null,
      status: 0,
    };
    requests.push(request);
    const respond = (result: Answer): void => {
      request.status = result.status;
      answer(response, result);
    };
    if (!matched) return respond({ status: 404, body: '404 page not found' });

    const failure = takeFailure(matched.route);
    if (failure?.status !== undefined) {
      if (failure.delayMs) await sleep(failure.delayMs);
      return respond({
        status: failure.status,
        body: failure.body ?? defaultFailureBody(failure.status),
        headers: { ...(failure.status === 429 ? RATE_LIMIT_HEADERS : {}), ...failure.headers },
      });
    }
    let result: Answer;
    try {
      result = handle(matched, request);
    } catch (error) {
      result = error instanceof LarkError ? errorAnswer(error) : { status: 500, body: { code: 1500, msg: String(error) } };
    }
    if (failure?.delayMs) await sleep(failure.delayMs);
    respond({ ...result, headers: { ...result.headers, ...failure?.headers } });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    appId,
    appSecret,
    requests,
    messages,
    get tokenCalls() {
      return requests.filter((request) => request.route === 'token').length;
    },
    get tenantAccessToken() {
      return tenantAccessToken;
    },
    deliveredTo: (receiveId) => messages.filter((message) => message.receiveId === receiveId),
    message: (messageId) => byId.get(messageId),
    contentOf: (message) => JSON.parse(message.content) as Record<string, unknown>,
    seedUserMessage({ senderOpenId, text, chatId }) {
      const createTime = now();
      const message: LarkMessage = {
        messageId: `om_${hex(16)}`,
        chatId: chatId ?? chatFor('open_id', senderOpenId),
        receiveId: chatId ?? senderOpenId,
        receiveIdType: chatId ? 'chat_id' : 'open_id',
        msgType: 'text',
        content: JSON.stringify({ text }),
        history: [],
        uuid: null,
        parentId: null,
        rootId: null,
        createTime,
        updateTime: createTime,
        sender: { id: senderOpenId, idType: 'open_id', senderType: 'user' },
      };
      byId.set(message.messageId, message);
      return message.messageId;
    },
    issueCardToken(messageId) {
      const token = `c-${hex(20)}`;
      cardTokens.set(token, { messageId, expiresAt: Date.now() + CARD_TOKEN_TTL_MS, uses: 0 });
      return token;
    },
    makeUnreachable: (openId) => void unreachable.add(openId),
    revokeTokens() {
      tenantAccessToken = `t-${hex(20)}`;
    },
    failNext(route, failure) {
      const queue = failures.get(route) ?? [];
      queue.push({ failure, remaining: failure.times ?? 1 });
      failures.set(route, queue);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};
