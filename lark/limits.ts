/**
 * Lark's documented limits for cards (JSON 2.0) and the message APIs, written once: the card
 * builders (lark/cards/elements.ts) keep to them and the tests' local Open API
 * (test/support/lark-open-api.ts) refuses a card that does not. Sources, open.feishu.cn:
 * - input component (card-json-v2-components/interactive-components/input): `max_length` 1–1000,
 *   default 1000; placeholder at most 100 characters;
 * - form container (…/containers/form-container): only at the card's root, no table or form
 *   inside, every component name unique within the card, a `form_action_type: "submit"` button;
 * - chart (…/content-components/chart): at most five charts in one card;
 * - rich text (…/content-components/rich-text): tables per markdown component (four, as the
 *   Lark CLI's card reference states it; Lark answers 230099 / 11310 "card table number over limit");
 * - message create / patch (server-docs/im-v1/message): card content at most 30 KB (230025),
 *   text 150 KB, `uuid` at most 50 characters; a patched card declares `update_multi: true`
 *   before and after;
 * - delayed card update (interactive/v1/card/update): after the callback was answered, never
 *   before or in parallel; token valid 30 minutes and twice;
 * - card.action.trigger: answered within 3 s;
 * - card JSON 2.0 structure: at most 200 components, containers nested at most five deep, and
 *   rendered by Lark clients 7.20 and later (older ones show only the header);
 * - message resource get (im-v1/message-resource/get): a file in a message is downloaded only
 *   up to 100 MB;
 * - file create (im-v1/file/create): an upload is at most 30 MB and never empty, `file_type`
 *   one of opus, mp4, pdf, doc, xls, ppt, stream (anything else goes as stream).
 */

/** `input.max_length`: 1 to 1000 characters; Lark's default is 1000. */
export const INPUT_MAX_LENGTH = 1000;
export const INPUT_MIN_LENGTH = 1;

/** `placeholder.content` of an input. */
export const PLACEHOLDER_MAX_LENGTH = 100;

/** A card message's `content` (and a patch's or delayed update's card), UTF-8 bytes. */
export const CARD_BODY_MAX_BYTES = 30 * 1024;
/** A text message's `content`, UTF-8 bytes. */
export const TEXT_BODY_MAX_BYTES = 150 * 1024;

/** A file sent in a message, as `im/v1/messages/:message_id/resources/:file_key` serves it, bytes. */
export const MESSAGE_RESOURCE_MAX_BYTES = 100 * 1024 * 1024;
/** A file uploaded with `im/v1/files`, bytes; an empty one is refused too. */
export const FILE_UPLOAD_MAX_BYTES = 30 * 1024 * 1024;
export const UPLOAD_FILE_TYPES = ['opus', 'mp4', 'pdf', 'doc', 'xls', 'ppt', 'stream'] as const;
export type UploadFileType = (typeof UPLOAD_FILE_TYPES)[number];

/** `uuid` of message create / reply: Lark drops a repeat within an hour. */
export const UUID_MAX_LENGTH = 50;

export const CHARTS_PER_CARD_MAX = 5;
export const TABLES_PER_MARKDOWN_MAX = 4;
export const CARD_COMPONENTS_MAX = 200;
export const CONTAINER_DEPTH_MAX = 5;

/** `header.template`: the 13 header colours. */
export const HEADER_TEMPLATES = [
  'blue',
  'wathet',
  'turquoise',
  'green',
  'yellow',
  'orange',
  'red',
  'carmine',
  'violet',
  'purple',
  'indigo',
  'grey',
  'default',
] as const;
export type HeaderTemplate = (typeof HEADER_TEMPLATES)[number];

/** A card callback's answer is due within this. */
export const CALLBACK_ANSWER_MS = 3_000;

/** The callback token of a delayed update: 30 minutes, two uses. */
export const CARD_TOKEN_TTL_MS = 30 * 60 * 1000;
export const CARD_TOKEN_USES = 2;

/** The first Lark client version that renders card JSON 2.0. */
export const JSON2_MIN_CLIENT_VERSION = '7.20';

/*
 * Ours, not Lark's: Lark documents no length or character set for a component's `name`, so the
 * names the bot writes (a submit button's carries its action, see elements.ts) keep to
 * [A-Za-z0-9_-] and this length, and the local Open API holds cards to the same.
 */
export const COMPONENT_NAME_MAX_LENGTH = 320;
export const COMPONENT_NAME = /^[A-Za-z0-9_-]+$/;

/*
 * Ours too: Lark says a delayed update must come after the callback's answer but names no gap.
 * The answer still has to travel to Lark when the handler returns, so a late update waits this long.
 */
export const LATE_UPDATE_AFTER_ANSWER_MS = 500;
