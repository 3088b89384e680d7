/**
 * The pieces of a Lark card in JSON 2.0 (schema "2.0": header + body.elements), so that every
 * card builder writes the same structure and keeps to Lark's limits (lark/limits.ts) without
 * knowing them. A button outside a form calls back with its `value` (see action-value.ts); a
 * form's submit button carries its action in its `name`, which Lark returns as `action.name`,
 * and the form's fields arrive in `form_value`.
 */
import { createHash } from 'node:crypto';
import type { ActionValue } from './action-value.ts';
import { COMPONENT_NAME_MAX_LENGTH, INPUT_MAX_LENGTH, INPUT_MIN_LENGTH, PLACEHOLDER_MAX_LENGTH } from '../limits.ts';

export type Element = Record<string, unknown>;
export type Card = Record<string, unknown>;
export type Colour = 'blue' | 'wathet' | 'turquoise' | 'green' | 'yellow' | 'orange' | 'red' | 'carmine' | 'violet' | 'purple' | 'indigo' | 'grey';

export const text = (content: string) => ({ tag: 'plain_text', content });

/** At most `max` characters (UTF-16 units, a surrogate pair kept whole), ending with "…" when cut. */
export const clip = (value: string, max: number): string => {
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
export const keyOf = (...identity: readonly (string | number)[]): string => createHash('sha256').update(identity.join('|')).digest('hex').slice(0, KEY_LENGTH);

export const formScope = (...identity: readonly (string | number)[]): FormScope => {
  const key = keyOf(...identity);
  return { key, name: (field) => `${field}_${key}` };
};

export const SCOPE_SUFFIX = /_[0-9a-f]{6}$/;
/** The second, third… input of a text longer than one input takes (`terms_part2`). */
export const PART = /^(.+)_part(\d+)$/;

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
export const actionName = (value: unknown, key: string): string => {
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
