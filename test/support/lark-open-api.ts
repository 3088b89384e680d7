import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  CARD_BODY_MAX_BYTES,
  CARD_COMPONENTS_MAX,
  CARD_TOKEN_TTL_MS,
  CARD_TOKEN_USES,
  CHARTS_PER_CARD_MAX,
  COMPONENT_NAME,
  COMPONENT_NAME_MAX_LENGTH,
  CONTAINER_DEPTH_MAX,
  FILE_UPLOAD_MAX_BYTES,
  HEADER_TEMPLATES,
  INPUT_MAX_LENGTH,
  INPUT_MIN_LENGTH,
  MESSAGE_RESOURCE_MAX_BYTES,
  PLACEHOLDER_MAX_LENGTH,
  TABLES_PER_MARKDOWN_MAX,
  TEXT_BODY_MAX_BYTES,
  UPLOAD_FILE_TYPES,
  UUID_MAX_LENGTH,
} from '../../lark/limits.ts';
import { CONTACT_LOOKUP_MAX } from '../../lark/contacts.ts';

/**
 * A local stand-in for the Lark/Feishu Open API, speaking the official request and response
 * formats for the routes this project calls, so that tests drive the real `@larksuiteoapi/node-sdk`
 * against it. Formats: open.feishu.cn im-v1 message create / reply / patch, the delayed card
 * update, the tenant token, the generic error codes and the frequency-control headers, and files:
 * the resources of the file messages people send the app (message-resource get, at most 100 MB)
 * and uploads (file create, multipart, 1 byte to 30 MB), whose file_key a file message carries;
 * and the tenant's people by email or mobile (contact-v3 user batch_get_id, 50 of each a call).
 *
 * Every card it receives (send, reply, patch, delayed update) is checked the way card JSON 2.0 is
 * validated, against Lark's documented limits (lark/limits.ts) and structural rules, and refused
 * with Lark's own error codes, so any test that sends a card checks it (`validateCard`).
 */

export type LarkRoute = 'token' | 'send' | 'reply' | 'patch' | 'cardUpdate' | 'resource' | 'upload' | 'contacts';

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
  /** The parsed JSON body, or the raw text when it is not JSON; an upload's fields, with the file's size for its bytes. */
  readonly body: unknown;
  readonly route: LarkRoute | null;
  status: number;
  /** When the request arrived (Date.now()). */
  readonly receivedAt: number;
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

/** A file the app uploaded (`im/v1/files`), as Lark keeps it. */
export interface UploadedFile {
  readonly fileKey: string;
  readonly fileType: string;
  readonly fileName: string;
  readonly bytes: Buffer;
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
  /** A file message a user sent the bot: its resource is served to the app, as its content says (`file_key`, `file_name`). */
  seedUserFile(options: { senderOpenId: string; fileName: string; bytes: Buffer; chatId?: string }): { messageId: string; fileKey: string };
  /** Every file the app uploaded, in order. */
  readonly uploads: readonly UploadedFile[];
  /** The file a file message of the app carries. */
  fileOf(message: LarkMessage): UploadedFile | undefined;
  /** A card-callback `token` for the delayed update of one of the app's cards (valid 30 minutes, 2 uses). */
  issueCardToken(messageId: string): string;
  /** This open_id is outside the app's availability: sends to it fail with 230013. */
  makeUnreachable(openId: string): void;
  /** Adds someone to the tenant, found by batch_get_id from their email or mobile; returns their open_id. */
  addTenantUser(user: { email?: string; mobile?: string; openId?: string }): string;
  /** Rotates the tenant token: the old one now fails with 99991663. */
  revokeTokens(): void;
  failNext(route: LarkRoute, failure: InjectedFailure): void;
  /**
   * Every request to `route` misbehaves as `failure` says (its `times` ignored) until called again
   * with null: an outage of a while rather than of a number of requests. Queued `failNext` ones come first.
   */
  failWhile(route: LarkRoute, failure: InjectedFailure | null): void;
  close(): Promise<void>;
}

const UUID_DEDUP_MS = 60 * 60 * 1000;
const CARD_BYTES = CARD_BODY_MAX_BYTES;
const TEXT_BYTES = TEXT_BODY_MAX_BYTES;
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
  /** JSON, or a file's bytes. */
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

const invalidParam = (ext: string): LarkError => new LarkError(400, 230001, `Your request contains an invalid request parameter, ext=${ext}.`);

const fieldViolation = (field: string, description: string, value?: unknown): LarkError =>
  new LarkError(400, 99992402, 'field validation failed', {
    field_violations: [{ field, description, ...(value === undefined ? {} : { value: typeof value === 'string' ? value : JSON.stringify(value) }) }],
  });

const defaultFailureBody = (status: number): unknown =>
  status === 429
    ? { code: 99991400, msg: 'request trigger frequency limit' }
    : status >= 500
      ? { code: 1500, msg: 'internal error' }
      : { code: 230001, msg: 'Your request contains an invalid request parameter.' };

const RATE_LIMIT_HEADERS = { 'x-ogw-ratelimit-limit': '50', 'x-ogw-ratelimit-reset': '1' };

const readBody = async (request: IncomingMessage): Promise<Buffer> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

interface FormPart {
  readonly value: Buffer;
  readonly filename?: string;
}

/** The parts of a `multipart/form-data` body by name, or null when it is not one. */
const parseMultipart = (body: Buffer, contentType: string | undefined): Map<string, FormPart> | null => {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType ?? '');
  if (!contentType?.toLowerCase().startsWith('multipart/form-data') || !boundary) return null;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts = new Map<string, FormPart>();
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    at += delimiter.length;
    if (body.subarray(at, at + 2).toString() === '--') return parts;
    const next = body.indexOf(delimiter, at);
    if (next < 0) return null;
    // Each part sits between the CRLF after its delimiter and the CRLF before the next.
    const part = body.subarray(at + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) return null;
    const head = part.subarray(0, split).toString('utf8');
    const name = /;\s*name="([^"]*)"/i.exec(head)?.[1];
    const filename = /;\s*filename="([^"]*)"/i.exec(head)?.[1];
    if (name !== undefined) parts.set(name, { value: part.subarray(split + 4), ...(filename === undefined ? {} : { filename }) });
    at = next;
  }
  return null;
};

/** A form as a request records it: its text fields, and for a file its name and size. */
const formFields = (form: Map<string, FormPart>): Record<string, unknown> =>
  Object.fromEntries(
    [...form].map(([name, part]) => [
      name,
      part.filename === undefined && name !== 'file' ? part.value.toString('utf8') : { filename: part.filename, bytes: part.value.length },
    ]),
  );

interface Matched {
  readonly route: LarkRoute;
  readonly messageId?: string;
  readonly fileKey?: string;
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/*
 * A card Lark cannot build is refused with 230099 "Failed to create card content" and a card
 * error code in `ext` (server-docs/im-v1/message patch and create, "230099 子错误码"):
 * - 200621 parse card json err: the card is not card JSON (documented);
 * - 200861 cards of schema V2 no longer support this capability: a JSON 1.0 tag such as
 *   `action` or `note` in a 2.0 card (documented);
 * - 200550 chart spec is invalid (documented);
 * - 11310: what Lark answers for its card limits ("card table number over limit; ErrorValue:
 *   table", "element exceeds the limit", "unsupported type of block"), seen in Lark's answers but
 *   not listed in its documentation. The other rules checked here (input and placeholder lengths,
 *   names, forms, header colours) have no documented sub-code of their own, so they use 11310 too.
 */
/**
 * The chart types VChart builds (Lark's chart component takes a VChart spec: "图表组件" in the card
 * JSON 2.0 documentation, which points at VChart's spec for `chart_spec`).
 */
const VCHART_TYPES = new Set([
  'area',
  'bar',
  'boxPlot',
  'circlePacking',
  'circularProgress',
  'common',
  'correlation',
  'funnel',
  'gauge',
  'heatmap',
  'histogram',
  'line',
  'linearProgress',
  'liquid',
  'map',
  'mosaic',
  'pie',
  'radar',
  'rangeArea',
  'rangeColumn',
  'rose',
  'sankey',
  'scatter',
  'sequence',
  'sunburst',
  'treemap',
  'venn',
  'waterfall',
  'wordCloud',
]);

const isFieldName = (value: unknown): boolean =>
  (typeof value === 'string' && value !== '') || (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v !== ''));

/** What makes a VChart spec unusable, naming the property, or null: a known type, data as rows where given, and field names where fields are given. */
const chartSpecProblem = (spec: Record<string, unknown>): string | null => {
  if (typeof spec.type !== 'string' || !VCHART_TYPES.has(spec.type)) return 'type';
  // A spec may leave its data to be filled in later; data that is there must be rows.
  const data = spec.data === undefined ? [] : Array.isArray(spec.data) ? spec.data : [spec.data];
  if (!data.every((d) => isObject(d) && Array.isArray(d.values) && d.values.every(isObject))) return 'data';
  for (const field of ['xField', 'yField', 'seriesField', 'categoryField', 'valueField'] as const)
    if (spec[field] !== undefined && !isFieldName(spec[field])) return field;
  return null;
};

export const CARD_ERROR = { parse: 200621, unsupportedInV2: 200861, chartSpec: 200550, limit: 11310 } as const;

export interface CardProblem {
  /** The card error code (`ext=ErrCode`). */
  readonly code: number;
  /** Where, as Lark writes it: `ROOT -> body -> elements -> [2](tag: form)`. */
  readonly path: string;
  readonly message: string;
  readonly value?: string;
}

const FORM_FIELDS = new Set([
  'input',
  'select_static',
  'multi_select_static',
  'select_person',
  'multi_select_person',
  'date_picker',
  'picker_time',
  'picker_datetime',
  'select_img',
  'checker',
]);
const V2_TAGS = new Set([
  ...FORM_FIELDS,
  'markdown',
  'div',
  'hr',
  'img',
  'img_combination',
  'person',
  'person_list',
  'chart',
  'table',
  'audio',
  'video',
  'column_set',
  'column',
  'form',
  'collapsible_panel',
  'interactive_container',
  'button',
  'overflow',
]);
const V1_ONLY_TAGS = new Set(['action', 'note', 'field', 'lark_md']);
const CONTAINERS = new Set(['column_set', 'column', 'form', 'collapsible_panel', 'interactive_container']);
/** A markdown table's delimiter row: `| --- | :---: |`. */
const TABLE_DELIMITER = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$/;

/** A value as an error shows it. */
const shown = (value: unknown): string => (typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined'));

const contentOf = (value: unknown): string | undefined => (isObject(value) && typeof value.content === 'string' ? value.content : undefined);

/**
 * The first rule a card (JSON 2.0) breaks, or null: structure (form only at the root, no form,
 * table or chart inside a form, a submit button in every form, no `name` or `form_action_type`
 * on a button outside a form, no `behaviors` on a form's buttons, every name unique), Lark's
 * limits (input `max_length` 1–1000 and its prefill within it, placeholders of 100 characters,
 * 5 charts per card, 4 tables per markdown, 200 components, 5 levels of containers, the header
 * colours) and `update_multi`, which JSON 2.0 only supports as true. Template and JSON 1.0 cards
 * are only checked for shape.
 */
export const validateCard = (card: unknown): CardProblem | null => {
  if (!isObject(card))
    return { code: CARD_ERROR.parse, path: 'ROOT', message: 'parse card json err, please check whether the card json is correct', value: 'card' };
  if (card.type === 'template') {
    return isObject(card.data) && typeof card.data.template_id === 'string'
      ? null
      : { code: CARD_ERROR.parse, path: 'ROOT -> data', message: 'parse card json err', value: 'template_id' };
  }
  if (card.schema === undefined) {
    return Array.isArray(card.elements) || isObject(card.i18n_elements)
      ? null
      : { code: CARD_ERROR.parse, path: 'ROOT', message: 'parse card json err', value: 'elements' };
  }
  const body = card.body;
  if (card.schema !== '2.0' || !isObject(body) || !Array.isArray(body.elements)) {
    return { code: CARD_ERROR.parse, path: 'ROOT -> body', message: 'parse card json err, please check whether the card json is correct', value: 'card' };
  }
  if (isObject(card.config) && card.config.update_multi === false) {
    return { code: CARD_ERROR.limit, path: 'ROOT -> config', message: 'cards of schema V2 only support update_multi: true', value: 'update_multi' };
  }
  if (card.header !== undefined) {
    if (!isObject(card.header) || contentOf(card.header.title) === undefined)
      return { code: CARD_ERROR.parse, path: 'ROOT -> header', message: 'header needs a title', value: 'title' };
    const template = card.header.template;
    if (template !== undefined && !(HEADER_TEMPLATES as readonly unknown[]).includes(template)) {
      return { code: CARD_ERROR.limit, path: 'ROOT -> header', message: `template must be one of ${HEADER_TEMPLATES.join(', ')}`, value: shown(template) };
    }
  }

  const names = new Set<string>();
  let components = 0;
  let charts = 0;
  let found: CardProblem | null = null;
  const fail = (path: string, message: string, value?: unknown): void => {
    found ??= { code: CARD_ERROR.limit, path, message, ...(value === undefined ? {} : { value: shown(value) }) };
  };

  const walk = (node: unknown, path: string, parent: 'root' | 'other', form: Record<string, unknown> | null, depth: number): void => {
    if (found) return;
    if (!isObject(node) || typeof node.tag !== 'string') {
      found = { code: CARD_ERROR.parse, path, message: 'parse card json err: an element needs a tag', value: 'tag' };
      return;
    }
    const tag = node.tag;
    const at = `${path}(tag: ${tag})`;
    if (V1_ONLY_TAGS.has(tag)) {
      found = { code: CARD_ERROR.unsupportedInV2, path: at, message: 'cards of schema V2 no longer support this capability', value: `unsupported tag ${tag}` };
      return;
    }
    if (!V2_TAGS.has(tag)) {
      found = { code: CARD_ERROR.parse, path: at, message: 'parse card json err: unknown tag', value: tag };
      return;
    }
    components += 1;
    if (components > CARD_COMPONENTS_MAX) return fail(at, 'element exceeds the limit', CARD_COMPONENTS_MAX);
    const container = CONTAINERS.has(tag) && tag !== 'column';
    if (container && depth + 1 > CONTAINER_DEPTH_MAX) return fail(at, `containers nest at most ${CONTAINER_DEPTH_MAX} levels`, depth + 1);

    if (typeof node.name === 'string') {
      if (names.has(node.name)) return fail(at, 'component name is not unique in the card', node.name);
      if (node.name.length > COMPONENT_NAME_MAX_LENGTH || !COMPONENT_NAME.test(node.name))
        return fail(at, `component name must be 1–${COMPONENT_NAME_MAX_LENGTH} of [A-Za-z0-9_-]`, node.name);
      names.add(node.name);
    }
    if (form && FORM_FIELDS.has(tag) && typeof node.name !== 'string') return fail(at, 'a component inside a form needs a name', tag);

    switch (tag) {
      case 'form': {
        if (parent !== 'root') return fail(at, 'a form container can only be placed under the root of the card', tag);
        if (form) return fail(at, 'a form cannot hold a form', tag);
        if (typeof node.name !== 'string') return fail(at, 'a form needs a name', tag);
        let submit = false;
        const look = (child: unknown): void => {
          if (Array.isArray(child)) return child.forEach(look);
          if (!isObject(child)) return;
          if (child.tag === 'button' && child.form_action_type === 'submit') submit = true;
          look(child.elements);
          look(child.columns);
        };
        look(node.elements);
        if (!submit) return fail(at, 'a form needs a button with form_action_type "submit"', node.name);
        break;
      }
      case 'table':
        if (form) return fail(at, 'a form cannot hold a table', tag);
        if (parent !== 'root') return fail(at, 'a table can only be placed under the root of the card', tag);
        break;
      case 'chart':
        charts += 1;
        if (form) return fail(at, 'a form cannot hold a chart', tag);
        if (!isObject(node.chart_spec) || chartSpecProblem(node.chart_spec) !== null) {
          const problem = isObject(node.chart_spec) ? chartSpecProblem(node.chart_spec) : 'chart_spec';
          found = { code: CARD_ERROR.chartSpec, path: at, message: 'chart spec is invalid', value: problem ?? 'chart_spec' };
          return;
        }
        if (charts > CHARTS_PER_CARD_MAX) return fail(at, 'card chart number over limit', CHARTS_PER_CARD_MAX);
        break;
      case 'markdown': {
        if (typeof node.content !== 'string') {
          found = { code: CARD_ERROR.parse, path: at, message: 'parse card json err: markdown needs content', value: 'content' };
          return;
        }
        const tables = node.content.split('\n').filter((line) => TABLE_DELIMITER.test(line)).length;
        if (tables > TABLES_PER_MARKDOWN_MAX) return fail(at, 'card table number over limit', 'table');
        break;
      }
      case 'button':
        if (form && node.form_action_type !== undefined) {
          if (node.form_action_type !== 'submit' && node.form_action_type !== 'reset')
            return fail(at, 'form_action_type must be submit or reset', node.form_action_type);
          if (typeof node.name !== 'string') return fail(at, "a form's button needs a name", tag);
          if (node.behaviors !== undefined) return fail(at, "a form's button takes form_action_type, not behaviors", 'behaviors');
        }
        if (!form) {
          if (node.form_action_type !== undefined) return fail(at, 'form_action_type only applies inside a form', node.form_action_type);
          if (node.name !== undefined) return fail(at, 'a button outside a form takes no name', node.name);
        }
        break;
      case 'input': {
        const max = node.max_length ?? INPUT_MAX_LENGTH;
        if (typeof max !== 'number' || !Number.isInteger(max) || max < INPUT_MIN_LENGTH || max > INPUT_MAX_LENGTH) {
          return fail(at, `max_length must be an integer from ${INPUT_MIN_LENGTH} to ${INPUT_MAX_LENGTH}`, node.max_length);
        }
        const placeholder = contentOf(node.placeholder);
        if (placeholder !== undefined && placeholder.length > PLACEHOLDER_MAX_LENGTH)
          return fail(at, `placeholder is longer than ${PLACEHOLDER_MAX_LENGTH} characters`, placeholder.length);
        if (typeof node.default_value === 'string' && node.default_value.length > max)
          return fail(at, 'default_value is longer than max_length', node.default_value.length);
        break;
      }
      case 'select_static':
      case 'multi_select_static': {
        const values = Array.isArray(node.options) ? node.options.map((option) => (isObject(option) ? option.value : undefined)) : [];
        if (values.some((value) => typeof value !== 'string' || value === '')) return fail(at, 'every option needs a value', tag);
        if (new Set(values).size !== values.length) return fail(at, 'option values must not repeat', tag);
        break;
      }
    }
    const inner = tag === 'form' ? node : form;
    const nextDepth = container ? depth + 1 : depth;
    for (const key of ['elements', 'columns'] as const) {
      const children = node[key];
      if (Array.isArray(children)) children.forEach((child, index) => walk(child, `${at} -> ${key} -> [${index}]`, 'other', inner, nextDepth));
    }
  };
  body.elements.forEach((element, index) => walk(element, `ROOT -> body -> elements -> [${index}]`, 'root', null, 0));
  return found;
};

/** Lark refuses a card it cannot build with 230099 and the card error in `ext`. */
const checkCard = (card: Record<string, unknown>): void => {
  const problem = validateCard(card);
  if (!problem) return;
  throw new LarkError(
    400,
    230099,
    `Failed to create card content, ext=ErrCode: ${problem.code}; ErrPath: ${problem.path}; ErrMsg: ${problem.message}; ErrorValue: ${problem.value ?? ''}; `,
  );
};

/*
 * The file routes answer with the codes of their documentation's error tables (im-v1
 * message-resource get, file create): 234001 invalid request parameter, 234003 the file is not in
 * that message, 234037 a resource over 100 MB, 234043 a message type whose resources cannot be
 * fetched (cards); 234006 an upload over 30 MB, 234010 an empty one.
 */
const fileError = (code: number, msg: string): LarkError => new LarkError(400, code, msg);
const FILE_INVALID_PARAM = (): LarkError => fileError(234001, 'Invalid request param.');
const RESOURCE_TYPES = new Set(['image', 'file', 'audio', 'video']);

/** RFC 5987 `filename*`, as Lark names a downloaded file that is not ASCII. */
const contentDisposition = (fileName: string): string =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** The checks Lark makes on `msg_type` + `content`, shared by send, reply and patch. */
const checkContent = (msgType: string, content: unknown): void => {
  if (typeof content !== 'string' || content === '') throw fieldViolation('content', 'content is required');
  const parsed = parseJson(content);
  if (!isObject(parsed)) throw invalidParam('content is not a string in json format');
  const limit = msgType === 'text' ? TEXT_BYTES : CARD_BYTES;
  if (Buffer.byteLength(content) > limit) throw new LarkError(400, 230025, 'The message content exceeds the length limit.');
  if (msgType === 'text' && (typeof parsed.text !== 'string' || parsed.text === '')) throw invalidParam('text content is empty');
  if (msgType === 'file' && (typeof parsed.file_key !== 'string' || parsed.file_key === '')) throw invalidParam('file content needs a file_key');
  if (msgType === 'interactive') checkCard(parsed);
};

const checkMessageBody = (body: Record<string, unknown>): { msgType: string; content: string; uuid: string | null } => {
  const msgType = body.msg_type;
  if (typeof msgType !== 'string' || msgType === '') throw fieldViolation('msg_type', 'msg_type is required');
  if (!MSG_TYPES.includes(msgType)) throw invalidParam(`invalid msg_type ${msgType}`);
  checkContent(msgType, body.content);
  const uuid = body.uuid ?? null;
  if (uuid !== null && (typeof uuid !== 'string' || uuid.length > UUID_MAX_LENGTH))
    throw fieldViolation('uuid', `the max length of uuid is ${UUID_MAX_LENGTH}`, uuid);
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
  /** The files in people's messages, by file_key. */
  const resources = new Map<string, { messageId: string; fileName: string; bytes: Buffer }>();
  const uploads: UploadedFile[] = [];
  const uploaded = new Map<string, UploadedFile>();
  const tenantUsers: { email?: string; mobile?: string; openId: string }[] = [];
  const failures = new Map<LarkRoute, { failure: InjectedFailure; remaining: number }[]>();
  const standing = new Map<LarkRoute, InjectedFailure>();

  const now = (): string => String(Date.now());
  const chatFor = (receiveIdType: ReceiveIdType, receiveId: string): string => (receiveIdType === 'chat_id' ? receiveId : `oc_${hashHex(`p2p:${receiveId}`)}`);

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

  const deliver = (route: LarkRoute, fields: Omit<LarkMessage, 'messageId' | 'history' | 'createTime' | 'updateTime' | 'sender'>): LarkMessage => {
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

  /** A message a person sent the app, in a direct chat unless `chatId` names a group. */
  const seedMessage = (senderOpenId: string, msgType: string, content: string, chatId: string | undefined): string => {
    const createTime = now();
    const message: LarkMessage = {
      messageId: `om_${hex(16)}`,
      chatId: chatId ?? chatFor('open_id', senderOpenId),
      receiveId: chatId ?? senderOpenId,
      receiveIdType: chatId ? 'chat_id' : 'open_id',
      msgType,
      content,
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

  /** A file message carries a file_key the app uploaded. */
  const checkFileKey = (msgType: string, content: string): void => {
    const parsed = parseJson(content);
    if (msgType === 'file' && (!isObject(parsed) || typeof parsed.file_key !== 'string' || !uploaded.has(parsed.file_key)))
      throw invalidParam('invalid file_key');
  };

  /** GET /open-apis/im/v1/messages/:message_id/resources/:file_key?type=…: the file's bytes. */
  const resource = (messageId: string, fileKey: string, query: Record<string, string>): Answer => {
    if (!query.type || !RESOURCE_TYPES.has(query.type)) throw FILE_INVALID_PARAM();
    const message = byId.get(messageId);
    if (!message) throw FILE_INVALID_PARAM();
    if (message.msgType === 'interactive') throw fileError(234043, 'Unsupported message type.');
    const file = resources.get(fileKey);
    if (!file || file.messageId !== messageId) throw fileError(234003, 'File not in msg.');
    if (file.bytes.length > MESSAGE_RESOURCE_MAX_BYTES) throw fileError(234037, 'Downloaded file size exceeds limit.');
    return {
      status: 200,
      body: file.bytes,
      headers: { 'content-type': 'application/octet-stream', 'content-disposition': contentDisposition(file.fileName) },
    };
  };

  /** POST /open-apis/im/v1/files (multipart: file_type, file_name, file): a file_key for a file message. */
  const upload = (form: Map<string, FormPart> | null): Answer => {
    const fileType = form?.get('file_type')?.value.toString('utf8');
    const fileName = form?.get('file_name')?.value.toString('utf8');
    const file = form?.get('file')?.value;
    if (!fileType || !(UPLOAD_FILE_TYPES as readonly string[]).includes(fileType) || !fileName || !file) throw FILE_INVALID_PARAM();
    if (file.length === 0) throw fileError(234010, "File's size can't be 0.");
    if (file.length > FILE_UPLOAD_MAX_BYTES) throw fileError(234006, 'The file size exceed the max value.');
    const stored: UploadedFile = { fileKey: `file_v3_${hex(4)}_${hex(16)}`, fileType, fileName, bytes: Buffer.from(file) };
    uploads.push(stored);
    uploaded.set(stored.fileKey, stored);
    return ok({ file_key: stored.fileKey });
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
    checkFileKey(msgType, content);
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
    checkFileKey(msgType, content);
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

  /**
   * A patch needs `config.update_multi: true` declared in the card before and after (patch
   * documentation); Lark documents no code for a card without it, so it is refused as a card
   * Lark cannot build (230099 / 11310).
   */
  const patch = (messageId: string, body: Record<string, unknown>): Answer => {
    const message = appCard(messageId);
    checkContent('interactive', body.content);
    const shared = (content: string): boolean => {
      const parsed = parseJson(content);
      return isObject(parsed) && isObject(parsed.config) && parsed.config.update_multi === true;
    };
    if (!shared(message.content) || !shared(body.content as string)) {
      throw new LarkError(
        400,
        230099,
        'Failed to create card content, ext=ErrCode: 11310; ErrPath: ROOT -> config; ErrMsg: a patched card must declare update_multi: true before and after; ErrorValue: update_multi; ',
      );
    }
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

  const USER_ID_TYPES = new Set(['open_id', 'union_id', 'user_id']);
  const ACTIVE = { is_frozen: false, is_resigned: false, is_activated: true, is_exited: false, is_unjoin: false };
  const stringList = (body: Record<string, unknown>, field: 'emails' | 'mobiles'): string[] => {
    const value = body[field] ?? [];
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) throw fieldViolation(field, `${field} must be a list of strings`);
    if (value.length > CONTACT_LOOKUP_MAX) throw fieldViolation(field, `the max len is ${CONTACT_LOOKUP_MAX}`, value.length);
    return value;
  };

  /** Each email and mobile asked for, in order; `user_id` only for someone in the tenant (idType open_id: their open_id). */
  const batchGetId = (query: Readonly<Record<string, string>>, body: Record<string, unknown>): Answer => {
    const idType = query.user_id_type ?? 'open_id';
    if (!USER_ID_TYPES.has(idType)) throw fieldViolation('user_id_type', 'user_id_type is invalid', idType);
    const idOf = (user: { openId: string }): string => (idType === 'open_id' ? user.openId : `${idType === 'union_id' ? 'on' : 'u'}_${hashHex(user.openId)}`);
    const byEmail = stringList(body, 'emails').map((email) => {
      const user = tenantUsers.find((u) => u.email?.toLowerCase() === email.toLowerCase());
      return {
        email,
        ...(user ? { user_id: idOf(user), status: ACTIVE } : {}),
      };
    });
    const byMobile = stringList(body, 'mobiles').map((mobile) => {
      const user = tenantUsers.find((u) => u.mobile === mobile);
      return {
        mobile,
        ...(user ? { user_id: idOf(user), status: ACTIVE } : {}),
      };
    });
    return ok({ user_list: [...byEmail, ...byMobile] });
  };

  const routeOf = (method: string, path: string): Matched | null => {
    if (method === 'POST' && path === '/open-apis/auth/v3/tenant_access_token/internal') return { route: 'token' };
    if (method === 'POST' && path === '/open-apis/im/v1/messages') return { route: 'send' };
    if (method === 'POST' && path === '/open-apis/interactive/v1/card/update') return { route: 'cardUpdate' };
    if (method === 'POST' && path === '/open-apis/contact/v3/users/batch_get_id') return { route: 'contacts' };
    const replyMatch = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/reply$/.exec(path);
    if (method === 'POST' && replyMatch) return { route: 'reply', messageId: decodeURIComponent(replyMatch[1]!) };
    const patchMatch = /^\/open-apis\/im\/v1\/messages\/([^/]+)$/.exec(path);
    if (method === 'PATCH' && patchMatch) return { route: 'patch', messageId: decodeURIComponent(patchMatch[1]!) };
    if (method === 'POST' && path === '/open-apis/im/v1/files') return { route: 'upload' };
    const resourceMatch = /^\/open-apis\/im\/v1\/messages\/([^/]+)\/resources\/([^/]+)$/.exec(path);
    if (method === 'GET' && resourceMatch)
      return { route: 'resource', messageId: decodeURIComponent(resourceMatch[1]!), fileKey: decodeURIComponent(resourceMatch[2]!) };
    return null;
  };

  const takeFailure = (route: LarkRoute): InjectedFailure | undefined => {
    const queue = failures.get(route);
    const next = queue?.[0];
    if (!queue || !next) return standing.get(route);
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

  const handle = (matched: Matched, request: RecordedRequest, form: Map<string, FormPart> | null): Answer => {
    if (matched.route === 'token') return token(request.body);
    authorise(request.headers);
    if (matched.route === 'resource') return resource(matched.messageId!, matched.fileKey!, request.query);
    if (matched.route === 'upload') return upload(form);
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
      case 'contacts':
        return batchGetId(request.query, request.body);
    }
  };

  const answer = (response: ServerResponse, { status, body, headers }: Answer): void => {
    if (response.destroyed) return;
    if (Buffer.isBuffer(body)) {
      response.writeHead(status, { 'content-length': String(body.length), 'x-tt-logid': `${Date.now()}${hex(6)}`.toUpperCase(), ...headers });
      response.end(body);
      return;
    }
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

  const serve = async (incoming: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(incoming);
    const text = raw.toString('utf8');
    const matched = routeOf(incoming.method ?? 'GET', url.pathname);
    const form = matched?.route === 'upload' ? parseMultipart(raw, incoming.headers['content-type']) : null;
    const request: RecordedRequest = {
      method: incoming.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers: incoming.headers,
      body: form ? formFields(form) : text === '' ? undefined : (parseJson(text) ?? text),
      route: matched?.route ?? null,
      status: 0,
      receivedAt: Date.now(),
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
      result = handle(matched, request, form);
    } catch (error) {
      result = error instanceof LarkError ? errorAnswer(error) : { status: 500, body: { code: 1500, msg: String(error) } };
    }
    if (failure?.delayMs) await sleep(failure.delayMs);
    respond({ ...result, headers: { ...result.headers, ...failure?.headers } });
  };
  const server = createServer((incoming, response) => {
    serve(incoming, response).catch(() => response.destroy());
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
    seedUserMessage: ({ senderOpenId, text, chatId }) => seedMessage(senderOpenId, 'text', JSON.stringify({ text }), chatId),
    seedUserFile({ senderOpenId, fileName, bytes, chatId }) {
      const fileKey = `file_v3_${hex(4)}_${hex(16)}`;
      const messageId = seedMessage(senderOpenId, 'file', JSON.stringify({ file_key: fileKey, file_name: fileName }), chatId);
      resources.set(fileKey, { messageId, fileName, bytes });
      return { messageId, fileKey };
    },
    uploads,
    fileOf(message) {
      const content = parseJson(message.content);
      return message.msgType === 'file' && isObject(content) && typeof content.file_key === 'string' ? uploaded.get(content.file_key) : undefined;
    },
    issueCardToken(messageId) {
      const token = `c-${hex(20)}`;
      cardTokens.set(token, { messageId, expiresAt: Date.now() + CARD_TOKEN_TTL_MS, uses: 0 });
      return token;
    },
    makeUnreachable: (openId) => void unreachable.add(openId),
    addTenantUser({ email, mobile, openId }) {
      const user = { ...(email ? { email } : {}), ...(mobile ? { mobile } : {}), openId: openId ?? `ou_${hashHex(`tenant:${email ?? mobile ?? hex(8)}`)}` };
      tenantUsers.push(user);
      return user.openId;
    },
    revokeTokens() {
      tenantAccessToken = `t-${hex(20)}`;
    },
    failNext(route, failure) {
      const queue = failures.get(route) ?? [];
      queue.push({ failure, remaining: failure.times ?? 1 });
      failures.set(route, queue);
    },
    failWhile(route, failure) {
      if (failure) standing.set(route, failure);
      else standing.delete(route);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
};
