import { z } from 'zod';
import { STAGES } from '../domain/vocabulary.ts';
import { EventCodeSchema, ReferenceSchema } from '../lark/cards/action-value.ts';
import { stageFromWord } from '../app/typed-words.ts';
import { parsePeriod } from '../app/figures/period.ts';

/** A chat command, parsed from what a person typed. */
export const CommandSchema = z.discriminatedUnion('name', [
  z.object({ name: z.literal('help') }),
  z.object({ name: z.literal('new'), kind: z.enum(['demand', 'achievement']) }),
  z.object({ name: z.literal('pending') }),
  z.object({ name: z.literal('status'), reference: ReferenceSchema }),
  z.object({ name: z.literal('match'), reference: ReferenceSchema }),
  z.object({ name: z.literal('list'), stage: z.enum(STAGES).optional() }),
  /** A programme's figures: a province, programme code, university, industry or enterprise category, and a period (2025, 2025Q1…). */
  z.object({ name: z.literal('stats'), subject: z.string().min(1).max(100).optional(), period: z.string().min(1).max(40).optional() }),
  z.object({ name: z.literal('template') }),
  /** Chooses the event the person's next files are imported into; without one, says how importing works. */
  z.object({ name: z.literal('import'), event: z.string().max(60).optional() }),
  /** A docking event's status and report. */
  z.object({ name: z.literal('event'), event: z.string().min(1).max(60) }),
  /** (The event's coordinators) a page of its docking list, a pair added to it, the signing form. */
  z.object({ name: z.literal('dockings'), event: EventCodeSchema, page: z.coerce.number().int().min(1).max(100_000).default(1) }),
  z.object({ name: z.literal('add_docking'), event: EventCodeSchema, demand: z.string().min(1).max(200), achievement: z.string().min(1).max(200) }),
  z.object({ name: z.literal('sign'), event: EventCodeSchema }),
  /** Who at an organisation (its id or full name) is reachable, and how. */
  z.object({ name: z.literal('contacts'), organisation: z.string().min(1).max(200) }),
]);
export type Command = z.infer<typeof CommandSchema>;

export type ParsedText =
  | { readonly ok: true; readonly command: Command }
  /** Nothing matched: the person gets the help card, never silence. */
  | { readonly ok: false; readonly problem: 'unknown'; readonly text: string }
  | { readonly ok: false; readonly problem: 'needs_reference'; readonly keyword: string }
  /** An event command without what it acts on: the person is shown how to write it. */
  | { readonly ok: false; readonly problem: 'needs_arguments'; readonly command: EventCommandName };

type Name = Command['name'];
const EVENT_COMMANDS = ['dockings', 'add_docking', 'sign'] as const;
type EventCommandName = (typeof EVENT_COMMANDS)[number];
const isEventCommand = (name: Name): name is EventCommandName => (EVENT_COMMANDS as readonly string[]).includes(name);

// Longest first, so "new demand" wins over "new" and 新需求 over 需求.
const KEYWORDS: readonly (readonly [string, Name, Record<string, string>?])[] = (
  [
    ['帮助', 'help'],
    ['help', 'help'],
    ['菜单', 'help'],
    ['?', 'help'],
    ['？', 'help'],
    ['新需求', 'new', { kind: 'demand' }],
    ['提交需求', 'new', { kind: 'demand' }],
    ['new demand', 'new', { kind: 'demand' }],
    ['新成果', 'new', { kind: 'achievement' }],
    ['提交成果', 'new', { kind: 'achievement' }],
    ['new achievement', 'new', { kind: 'achievement' }],
    ['我的待办', 'pending'],
    ['待办', 'pending'],
    ['pending', 'pending'],
    ['todo', 'pending'],
    ['进度', 'status'],
    ['状态', 'status'],
    ['status', 'status'],
    ['匹配', 'match'],
    ['候选', 'match'],
    ['match', 'match'],
    ['candidates', 'match'],
    ['列表', 'list'],
    ['list', 'list'],
    ['统计', 'stats'],
    ['stats', 'stats'],
    ['statistics', 'stats'],
    ['导入模板', 'template'],
    ['模板', 'template'],
    ['template', 'template'],
    ['导入', 'import'],
    ['import', 'import'],
    ['对接会', 'event'],
    ['event', 'event'],
    ['对接清单', 'dockings'],
    ['dockings', 'dockings'],
    ['docking list', 'dockings'],
    ['添加对接', 'add_docking'],
    ['add docking', 'add_docking'],
    ['现场签约', 'sign'],
    ['签约', 'sign'],
    ['sign', 'sign'],
    ['联系人', 'contacts'],
    ['contacts', 'contacts'],
  ] as const
).toSorted((a, b) => b[0].length - a[0].length);

/** Lark writes each @-mention into the text as a placeholder such as `@_user_1`. */
const stripMentions = (text: string): string => text.replace(/@_user_\d+|@_all/g, ' ');

const normalise = (text: string): string =>
  stripMentions(text)
    .replace(/[\s\u3000]+/g, ' ')
    .trim();

/**
 * Parses a message's text: mentions stripped, Chinese keywords first and English accepted,
 * case and full-width spaces ignored. A command that needs a reference number says so.
 */
export const parseCommand = (raw: string): ParsedText => {
  const text = normalise(raw);
  const lower = text.toLowerCase();
  const match = KEYWORDS.find(([keyword]) => lower === keyword || lower.startsWith(`${keyword} `) || (/\P{ASCII}/u.test(keyword) && lower.startsWith(keyword)));
  if (!match) return { ok: false, problem: 'unknown', text };
  const [keyword, name, extra] = match;
  const argument = text.slice(keyword.length).trim();
  const parsed = CommandSchema.safeParse(candidateOf(name, argument, extra));
  if (parsed.success) return { ok: true, command: parsed.data };
  if (name === 'status' || name === 'match') return { ok: false, problem: 'needs_reference', keyword };
  if (isEventCommand(name)) return { ok: false, problem: 'needs_arguments', command: name };
  return { ok: false, problem: 'unknown', text };
};

/** What a command's words after the keyword stand for, before the schema checks them. */
const candidateOf = (name: Name, argument: string, extra: Record<string, string> | undefined): Record<string, unknown> => {
  const [first, second, third] = argument === '' ? [] : argument.split(' ');
  switch (name) {
    case 'status':
    case 'match':
      return { name, reference: first ?? '' };
    case 'list':
      return { name, ...(argument ? { stage: stageFromWord(argument) ?? argument } : {}) };
    case 'import':
    case 'event':
    case 'sign':
      return { name, ...(first ? { event: first } : {}) };
    case 'dockings':
      return { name, event: first, ...(second ? { page: second } : {}) };
    case 'add_docking':
      return { name, event: first, demand: second, achievement: third };
    case 'contacts':
      return { name, organisation: argument };
    case 'stats': {
      const words = argument === '' ? [] : argument.split(' ');
      const period = words.length > 0 && parsePeriod(words.at(-1)!) ? words.pop() : undefined;
      return { name, ...(words.length ? { subject: words.join(' ') } : {}), ...(period ? { period } : {}) };
    }
    default:
      return { name, ...extra };
  }
};

/** The text of an `im.message.receive_v1` message of type text or post, else null. */
export const messageText = (messageType: string, content: string): string | null => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch {
    return null;
  }
  if (messageType === 'text') {
    const text = z.object({ text: z.string() }).safeParse(parsed);
    return text.success ? text.data.text : null;
  }
  if (messageType === 'post') {
    // A rich-text post: { title, content: [[{ tag: 'text', text }, …], …] }, possibly per locale.
    const Post = z.object({ title: z.string().optional(), content: z.array(z.array(z.object({ tag: z.string(), text: z.string().optional() }))) });
    const post = Post.safeParse(parsed);
    const body = post.success
      ? post.data
      : Object.values((parsed ?? {}) as Record<string, unknown>)
          .map((v) => Post.safeParse(v))
          .find((p) => p.success)?.data;
    if (!body) return null;
    return [body.title ?? '', ...body.content.map((line) => line.map((part) => (part.tag === 'text' ? (part.text ?? '') : ' ')).join(''))].join(' ');
  }
  return null;
};
