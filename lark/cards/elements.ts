/**
 * The pieces of a Lark card in JSON 2.0 (schema "2.0": header + body.elements), so that every
 * card builder writes the same structure and keeps to Lark's limits (lark/limits.ts) without
 * knowing them. A button outside a form calls back with its `value` (see action-value.ts); a
 * form's submit button carries its action in its `name`, which Lark returns as `action.name`,
 * and the form's fields arrive in `form_value`.
 */
import { createHash } from 'node:crypto';
import type { ActionValue } from './action-value.ts';
import { CARD_BODY_MAX_BYTES, COMPONENT_NAME, COMPONENT_NAME_MAX_LENGTH, INPUT_MAX_LENGTH, INPUT_MIN_LENGTH, PLACEHOLDER_MAX_LENGTH } from '../limits.ts';

export type Element = Record<string, unknown>;
export type Card = Record<string, unknown>;
export type Colour = 'blue' | 'wathet' | 'turquoise' | 'green' | 'yellow' | 'orange' | 'red' | 'carmine' | 'violet' | 'purple' | 'indigo' | 'grey';

const text = (content: string) => ({ tag: 'plain_text', content });

/** At most `max` characters (UTF-16 units, a surrogate pair kept whole), ending with "…" when cut. */
const clip = (value: string, max: number): string => {
  if (value.length <= max) return value;
  let end = max - 1;
  if (/[\uD800-\uDBFF]/.test(value[end - 1] ?? '')) end -= 1;
  return `${value.slice(0, end)}…`;
};

/** Markdown reserves these: as HTML entities they show as typed and never act as markup. */
const RESERVED = /[&<>*_~`[\]()#|\\:!$]/g;

/**
 * Text typed by people (titles, names, terms, reasons…) made safe for a markdown component, the
 * one place it is done: markdown and HTML-like characters (`*`, `[`, `<at …>`, `<font>`, `&`,
 * `:OK:` emoji codes, `|` tables…) become HTML entities, as Lark's rich-text documentation says
 * to show them literally, and a line cannot start a list, heading or rule. Line breaks stay.
 */
export const escapeMarkdown = (value: string): string =>
  value
    .replace(/\r\n?/g, '\n')
    .replace(RESERVED, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/^([ \t]*)([-+=])/gm, (_, space: string, c: string) => `${space}&#${c.charCodeAt(0)};`)
    .replace(/^([ \t]*\d+)\./gm, '$1&#46;');

export const markdown = (content: string): Element => ({ tag: 'markdown', content });
export const divider = (): Element => ({ tag: 'hr' });

export type ButtonStyle = 'primary' | 'danger' | 'default';

/**
 * A button that calls back with `value`; disabled, it shows what was chosen and does nothing.
 * Lark's button documentation lists no `name` outside a form, so `options.name` is not written
 * (it stays in the signature for the builders that pass it).
 */
export const button = (label: string, value: ActionValue, style: ButtonStyle = 'default', options: { disabled?: boolean; name?: string } = {}): Element => ({
  tag: 'button',
  text: text(label),
  type: style,
  ...(options.disabled ? { disabled: true } : {}),
  behaviors: [{ type: 'callback', value }],
});

/** Buttons side by side. */
export const buttonRow = (buttons: readonly Element[]): Element => ({
  tag: 'column_set',
  flex_mode: 'flow',
  horizontal_spacing: '8px',
  columns: buttons.map((b) => ({ tag: 'column', width: 'auto', elements: [b] })),
});

/**
 * A form's scope: Lark wants every component name unique within the card, and a pending list
 * holds several forms, so each field's name gets the form's key as a suffix (`comment_3fa91c`).
 * `fieldsOf` strips it again when the values come back.
 */
export interface FormScope {
  readonly key: string;
  name(field: string): string;
}

const KEY_LENGTH = 6;
const keyOf = (...identity: readonly (string | number)[]): string => createHash('sha256').update(identity.join('|')).digest('hex').slice(0, KEY_LENGTH);

export const formScope = (...identity: readonly (string | number)[]): FormScope => {
  const key = keyOf(...identity);
  return { key, name: (field) => `${field}_${key}` };
};

const SCOPE_SUFFIX = /_[0-9a-f]{6}$/;
/** The second, third… input of a text longer than one input takes (`terms_part2`). */
const PART = /^(.+)_part(\d+)$/;

/**
 * The form values a callback carries, keyed by the field names the builders used; a text split
 * over several inputs (see `input`) comes back joined, in order, under its field's name.
 */
export const fieldsOf = (formValue: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> => {
  const fields: Record<string, unknown> = {};
  const parts = new Map<string, { index: number; value: unknown }[]>();
  for (const [name, value] of Object.entries(formValue ?? {})) {
    const field = name.replace(SCOPE_SUFFIX, '');
    const part = PART.exec(field);
    if (!part) {
      fields[field] = value;
      continue;
    }
    const list = parts.get(part[1]!) ?? [];
    list.push({ index: Number(part[2]), value });
    parts.set(part[1]!, list);
  }
  const asText = (value: unknown): string => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
  for (const [field, list] of parts) {
    const rest = list.sort((a, b) => a.index - b.index).map((p) => asText(p.value));
    fields[field] = [asText(fields[field]), ...rest].join('');
  }
  return fields;
};

export const form = (scope: FormScope, elements: readonly Element[]): Element => ({ tag: 'form', name: `form_${scope.key}`, elements });

const ACTION_NAME = /^act_([A-Za-z0-9_-]+)_([0-9a-f]{6})$/;

/** A submit button's name: its action as base64url JSON, and its form's key (`act_eyJ2Ijo…_3fa91c`). */
const actionName = (value: unknown, key: string): string => {
  const name = `act_${Buffer.from(JSON.stringify(value), 'utf8').toString('base64url')}_${key}`;
  if (name.length > COMPONENT_NAME_MAX_LENGTH) {
    throw new RangeError(
      `a submit button's action does not fit a component name (${name.length} > ${COMPONENT_NAME_MAX_LENGTH} characters): ${JSON.stringify(value)}`,
    );
  }
  return name;
};

/**
 * The action a form's submit button carries in its name, as `submitButton` wrote it; undefined
 * for any other name. (bots/card-actions.ts reads it when a callback has no `action.value`.)
 */
export const actionOfName = (name: string | undefined): unknown => {
  const match = name === undefined ? null : ACTION_NAME.exec(name);
  if (!match) return undefined;
  try {
    return JSON.parse(Buffer.from(match[1]!, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
};

/**
 * A button that submits its form; `id` tells apart several submit buttons of one form in the
 * builders. Lark's form documentation gives form buttons `name` and `form_action_type`, not
 * `behaviors`, and returns the button's name as `action.name`: so the action travels in the
 * name. Until `card()` assembles the card it is also kept as a callback value, so that a builder
 * can still mark it (version.ts stamps the drawing's `seq`); `card()` writes the final name from it.
 */
export const submitButton = (
  scope: FormScope,
  id: string,
  label: string,
  value: ActionValue,
  style: ButtonStyle = 'primary',
  options: { disabled?: boolean } = {},
): Element => ({
  tag: 'button',
  text: text(label),
  type: style,
  name: actionName(value, scope.key),
  form_action_type: 'submit',
  ...(options.disabled ? { disabled: true } : {}),
  behaviors: [{ type: 'callback', value }],
});

export interface FieldOptions {
  readonly required?: boolean;
  readonly placeholder?: string;
  readonly initial?: string | undefined;
  readonly multiline?: boolean;
  /**
   * The longest text the field takes: 200 characters unless told (1000 multi-line). Lark's
   * input takes at most 1000, so a longer field becomes several inputs of 1000 that `fieldsOf`
   * joins again (`terms`, `terms_part2`, …).
   */
  readonly maxLength?: number;
}

/** `text` in pieces of at most `size` UTF-16 units, a surrogate pair never split. */
export const splitText = (value: string, size: number): string[] => {
  const pieces: string[] = [];
  let rest = value;
  while (rest.length > size) {
    let end = size;
    if (/[\uD800-\uDBFF]/.test(rest[end - 1] ?? '')) end -= 1;
    pieces.push(rest.slice(0, end));
    rest = rest.slice(end);
  }
  if (rest !== '' || pieces.length === 0) pieces.push(rest);
  return pieces;
};

const oneInput = (name: string, label: string, options: FieldOptions, maxLength: number, initial: string | undefined, first: boolean): Element => ({
  tag: 'input',
  name,
  label: text(label),
  label_position: 'top',
  required: first ? (options.required ?? false) : false,
  ...(first && options.placeholder ? { placeholder: text(clip(options.placeholder, PLACEHOLDER_MAX_LENGTH)) } : {}),
  ...(initial !== undefined && initial !== '' ? { default_value: initial } : {}),
  ...(options.multiline ? { input_type: 'multiline_text', rows: 4, auto_resize: true } : {}),
  max_length: maxLength,
});

export const input = (scope: FormScope, field: string, label: string, options: FieldOptions = {}): Element => {
  const requested = Math.floor(options.maxLength ?? (options.multiline ? INPUT_MAX_LENGTH : 200));
  const maxLength = Math.max(INPUT_MIN_LENGTH, Number.isFinite(requested) ? requested : INPUT_MAX_LENGTH);
  if (maxLength <= INPUT_MAX_LENGTH) {
    const initial = options.initial === undefined ? undefined : splitText(options.initial, maxLength)[0];
    return oneInput(scope.name(field), label, options, maxLength, initial, true);
  }
  const count = Math.ceil(maxLength / INPUT_MAX_LENGTH);
  const initial = splitText(options.initial ?? '', INPUT_MAX_LENGTH);
  const inputs = Array.from({ length: count }, (_, index) =>
    oneInput(
      scope.name(index === 0 ? field : `${field}_part${index + 1}`),
      `${label} ${index + 1}/${count}`,
      options,
      Math.min(INPUT_MAX_LENGTH, maxLength - index * INPUT_MAX_LENGTH),
      initial[index],
      index === 0,
    ),
  );
  return { tag: 'column_set', flex_mode: 'none', columns: [{ tag: 'column', width: 'weighted', weight: 1, vertical_spacing: '8px', elements: inputs }] };
};

export interface Option {
  readonly value: string;
  readonly label: string;
}

const options = (choices: readonly Option[]) => choices.map((choice) => ({ text: text(choice.label), value: choice.value }));

export const select = (
  scope: FormScope,
  field: string,
  label: string,
  choices: readonly Option[],
  options_: { required?: boolean; initial?: string | undefined } = {},
): Element => ({
  tag: 'select_static',
  name: scope.name(field),
  placeholder: text(clip(label, PLACEHOLDER_MAX_LENGTH)),
  required: options_.required ?? false,
  options: options(choices),
  ...(options_.initial ? { initial_option: options_.initial } : {}),
});

export const multiSelect = (
  scope: FormScope,
  field: string,
  label: string,
  choices: readonly Option[],
  options_: { required?: boolean; initial?: readonly string[] } = {},
): Element => ({
  tag: 'multi_select_static',
  name: scope.name(field),
  placeholder: text(clip(label, PLACEHOLDER_MAX_LENGTH)),
  required: options_.required ?? false,
  options: options(choices),
  ...(options_.initial && options_.initial.length > 0 ? { selected_values: options_.initial } : {}),
});

export const datePicker = (scope: FormScope, field: string, label: string, options_: { required?: boolean; initial?: string | undefined } = {}): Element => ({
  tag: 'date_picker',
  name: scope.name(field),
  placeholder: text(clip(label, PLACEHOLDER_MAX_LENGTH)),
  required: options_.required ?? false,
  ...(options_.initial ? { initial_date: options_.initial } : {}),
});

/** A bar chart (the card's VChart element). */
export const barChart = (title: string, values: readonly { label: string; value: number }[]): Element => ({
  tag: 'chart',
  aspect_ratio: '16:9',
  chart_spec: {
    type: 'bar',
    title: { text: title },
    data: { values: values.map((v) => ({ label: v.label, value: v.value })) },
    xField: 'label',
    yField: 'value',
    label: { visible: true },
  },
});

/* ---- Assembling a card: final names, unique names, 30 KB ---- */

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);
const CHILDREN = ['elements', 'columns'] as const;

const visit = (node: unknown, fn: (node: Node, form: Node | null) => void, form: Node | null = null): void => {
  if (Array.isArray(node)) return node.forEach((child) => visit(child, fn, form));
  if (!isNode(node)) return;
  fn(node, form);
  const inForm = node.tag === 'form' ? node : form;
  for (const key of CHILDREN) visit(node[key], fn, inForm);
};

/** A submit button gets its final name from its (possibly stamped) action and loses the callback value. */
const finishSubmitButtons = (elements: unknown): void =>
  visit(elements, (node) => {
    if (node.tag !== 'button' || node.form_action_type !== 'submit' || !Array.isArray(node.behaviors)) return;
    const callback = node.behaviors.find((b) => isNode(b) && b.type === 'callback') as Node | undefined;
    const key = typeof node.name === 'string' ? (SCOPE_SUFFIX.exec(node.name)?.[0].slice(1) ?? null) : null;
    if (callback && key) node.name = actionName(callback.value, key);
    delete node.behaviors;
  });

/**
 * Every name once per card, as Lark requires: a form met again (the same partnership's decision
 * twice in one card, or two keys that collide) gets a new key on the form and all its names.
 * `fieldsOf` strips any key, so the values come back under the same field names.
 */
const uniqueNames = (elements: unknown): void => {
  const seen = new Set<string>();
  visit(elements, (node) => {
    if (node.tag !== 'form' || typeof node.name !== 'string') return;
    const oldKey = node.name.slice('form_'.length);
    let key = oldKey;
    for (let round = 1; seen.has(`form_${key}`); round += 1) key = keyOf(oldKey, round);
    seen.add(`form_${key}`);
    if (key === oldKey) return;
    node.name = `form_${key}`;
    visit(node.elements, (child) => {
      if (typeof child.name === 'string' && child.name.endsWith(`_${oldKey}`)) child.name = `${child.name.slice(0, -oldKey.length)}${key}`;
    });
  });
  const names = new Set<string>();
  visit(elements, (node) => {
    if (typeof node.name !== 'string') return;
    if (!COMPONENT_NAME.test(node.name)) throw new RangeError(`component name "${node.name}" has characters outside [A-Za-z0-9_-]`);
    if (names.has(node.name)) throw new RangeError(`component name "${node.name}" appears twice in one card`);
    names.add(node.name);
  });
};

/** What a card may weigh as JSON, with room for what Lark adds when it converts the card. */
const CARD_FIT_BYTES = CARD_BODY_MAX_BYTES - 2 * 1024;
const LINE_FLOOR = 240;
const bytes = (value: string): number => Buffer.byteLength(value, 'utf8');

/** A markdown line cut to `max` characters: never inside an entity or a surrogate pair, bold closed, "…" added. */
const cutLine = (line: string, max: number): string => {
  let kept = line.slice(0, max);
  if (/[\uD800-\uDBFF]$/.test(kept)) kept = kept.slice(0, -1);
  const amp = kept.lastIndexOf('&');
  if (amp >= 0 && !kept.includes(';', amp)) kept = kept.slice(0, amp);
  if ((kept.match(/\*\*/g)?.length ?? 0) % 2 === 1) kept += '**';
  return `${kept}…`;
};

/** Shortens the longest markdown line to no less than `floor` characters; false when none is longer. */
const cutLongestLine = (markdowns: readonly Node[], excess: number, floor: number): boolean => {
  let best: { node: Node; index: number; line: string } | undefined;
  for (const node of markdowns) {
    (node.content as string).split('\n').forEach((line, index) => {
      if (!best || line.length > best.line.length) best = { node, index, line };
    });
  }
  if (!best || best.line.length <= floor + 16) return false;
  const content = (best.node.content as string).split('\n');
  content[best.index] = cutLine(best.line, Math.max(floor, best.line.length - Math.ceil(excess / 2) - 16));
  best.node.content = content.join('\n');
  return true;
};

/** Takes lines off the end of the heaviest markdown that has more than one; false when none has. */
const cutTail = (markdowns: readonly Node[], excess: number): boolean => {
  const lines = (node: Node) => (node.content as string).split('\n').filter((line, index, all) => !(line === '…' && index === all.length - 1));
  const heaviest = markdowns.filter((node) => lines(node).length > 1).sort((a, b) => bytes(b.content as string) - bytes(a.content as string))[0];
  if (!heaviest) return false;
  const content = lines(heaviest);
  let removed = 0;
  while (content.length > 1 && removed < excess) removed += bytes(content.pop()!) + 1;
  heaviest.content = [...content, '…'].join('\n');
  return true;
};

/** Shortens the longest option label of a select (what it shows, never its value); false when all are short. */
const cutOptionLabel = (elements: unknown, floor: number): boolean => {
  let best: Node | undefined;
  visit(elements, (node) => {
    if (!Array.isArray(node.options)) return;
    for (const option of node.options) {
      const label = isNode(option) && isNode(option.text) && typeof option.text.content === 'string' ? option.text : undefined;
      if (label && (!best || (label.content as string).length > (best.content as string).length)) best = label;
    }
  });
  if (!best || (best.content as string).length <= floor + 1) return false;
  best.content = clip(best.content as string, floor + 1);
  return true;
};

/**
 * Keeps a card under Lark's 30 KB. While it is too heavy, in this order: the longest markdown
 * line is shortened to a few hundred characters, the heaviest markdown loses lines from its end,
 * markdown lines are shortened further, then select option labels, and last the heaviest
 * pre-filled field is left empty. Names, values and the card's structure are never touched.
 */
const fitCard = (card: Card): void => {
  const body = card.body as { elements: unknown };
  const markdowns = (): Node[] => {
    const found: Node[] = [];
    visit(body.elements, (node) => {
      if (node.tag === 'markdown' && typeof node.content === 'string') found.push(node);
    });
    return found;
  };
  for (let round = 0; round < 2000; round += 1) {
    const excess = bytes(JSON.stringify(card)) - CARD_FIT_BYTES;
    if (excess <= 0) return;
    const all = markdowns();
    const shrunk =
      cutLongestLine(all, excess, LINE_FLOOR) ||
      cutTail(all, excess) ||
      cutLongestLine(all, excess, LINE_FLOOR / 4) ||
      cutOptionLabel(body.elements, 24) ||
      dropHeaviestPrefill(body.elements);
    if (!shrunk) return;
  }
};

/**
 * The last resort of `fitCard`: the heaviest pre-filled field (all its inputs, so a split text is
 * never half there) is shown empty. An empty field means "unchanged" or asks to type it again.
 */
const dropHeaviestPrefill = (elements: unknown): boolean => {
  const groups = new Map<string, Node[]>();
  visit(elements, (node) => {
    if (node.tag !== 'input' || typeof node.default_value !== 'string' || typeof node.name !== 'string') return;
    const key = SCOPE_SUFFIX.exec(node.name)?.[0] ?? '';
    const field = node.name.slice(0, node.name.length - key.length);
    const group = `${PART.exec(field)?.[1] ?? field}${key}`;
    groups.set(group, [...(groups.get(group) ?? []), node]);
  });
  const weight = (nodes: Node[]) => nodes.reduce((sum, node) => sum + bytes(node.default_value as string), 0);
  const heaviest = [...groups.values()].sort((a, b) => weight(b) - weight(a))[0];
  if (!heaviest) return false;
  for (const node of heaviest) delete node.default_value;
  return true;
};

/**
 * A whole card: coloured header, the elements, shared so a click's update reaches everyone who
 * sees it (JSON 2.0 supports only shared cards, and a patched card must say so). Submit buttons
 * get their final names, names are made unique, and the card is kept under 30 KB.
 */
export const card = (title: string, colour: Colour, elements: readonly Element[], subtitle?: string): Card => {
  const body = structuredClone(elements) as Element[];
  finishSubmitButtons(body);
  uniqueNames(body);
  const built: Card = {
    schema: '2.0',
    config: { update_multi: true, width_mode: 'fill' },
    header: { title: text(title), ...(subtitle ? { subtitle: text(subtitle) } : {}), template: colour },
    body: { elements: body },
  };
  fitCard(built);
  return built;
};
