/**
 * The pieces of a Lark card in JSON 2.0 (schema "2.0": header + body.elements), so that every
 * card builder writes the same structure. Interactive components carry a `name`, and a click
 * sends the button's `value` (see bots/action-value.ts) plus, inside a form, every field's value.
 */
import { createHash } from 'node:crypto';
import type { ActionValue } from './action-value.ts';

export type Element = Record<string, unknown>;
export type Card = Record<string, unknown>;
export type Colour = 'blue' | 'wathet' | 'turquoise' | 'green' | 'yellow' | 'orange' | 'red' | 'carmine' | 'violet' | 'purple' | 'indigo' | 'grey';

const text = (content: string) => ({ tag: 'plain_text', content });

/** A whole card: coloured header, the elements, shared so a click's update reaches everyone who sees it. */
export const card = (title: string, colour: Colour, elements: readonly Element[], subtitle?: string): Card => ({
  schema: '2.0',
  config: { update_multi: true, width_mode: 'fill' },
  header: { title: text(title), ...(subtitle ? { subtitle: text(subtitle) } : {}), template: colour },
  body: { elements },
});

export const markdown = (content: string): Element => ({ tag: 'markdown', content });
export const divider = (): Element => ({ tag: 'hr' });

/** Markdown reserves these; names and titles typed by people are shown as written. */
export const escapeMarkdown = (value: string): string => value.replace(/([\\*_~`[\]<>])/g, '\\$1');

export type ButtonStyle = 'primary' | 'danger' | 'default';

/** A button that calls back with `value`; disabled, it shows what was chosen and does nothing. */
export const button = (label: string, value: ActionValue, style: ButtonStyle = 'default', options: { disabled?: boolean; name?: string } = {}): Element => ({
  tag: 'button',
  text: text(label),
  type: style,
  ...(options.name ? { name: options.name } : {}),
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
 * `fieldOf` strips it again when the values come back.
 */
export interface FormScope {
  readonly key: string;
  name(field: string): string;
}

export const formScope = (...identity: readonly (string | number)[]): FormScope => {
  const key = createHash('sha256').update(identity.join('|')).digest('hex').slice(0, 6);
  return { key, name: (field) => `${field}_${key}` };
};

const SCOPE_SUFFIX = /_[0-9a-f]{6}$/;

/** The form values a callback carries, keyed by the field names the builders used. */
export const fieldsOf = (formValue: Readonly<Record<string, unknown>> | undefined): Record<string, unknown> =>
  Object.fromEntries(Object.entries(formValue ?? {}).map(([name, value]) => [name.replace(SCOPE_SUFFIX, ''), value]));

export const form = (scope: FormScope, elements: readonly Element[]): Element => ({ tag: 'form', name: `form_${scope.key}`, elements });

/** A button that submits its form; `id` tells apart several submit buttons of one form. */
export const submitButton = (scope: FormScope, id: string, label: string, value: ActionValue, style: ButtonStyle = 'primary', options: { disabled?: boolean } = {}): Element => ({
  ...button(label, value, style, { ...options, name: scope.name(`submit${id}`) }),
  form_action_type: 'submit',
});

export interface FieldOptions {
  readonly required?: boolean;
  readonly placeholder?: string;
  readonly initial?: string | undefined;
  readonly multiline?: boolean;
  readonly maxLength?: number;
}

export const input = (scope: FormScope, field: string, label: string, options: FieldOptions = {}): Element => ({
  tag: 'input',
  name: scope.name(field),
  label: text(label),
  label_position: 'top',
  required: options.required ?? false,
  ...(options.placeholder ? { placeholder: text(options.placeholder) } : {}),
  ...(options.initial !== undefined && options.initial !== '' ? { default_value: options.initial } : {}),
  ...(options.multiline ? { input_type: 'multiline_text', rows: 4, auto_resize: true } : {}),
  max_length: options.maxLength ?? (options.multiline ? 2000 : 200),
});

export interface Option {
  readonly value: string;
  readonly label: string;
}

const options = (choices: readonly Option[]) => choices.map((choice) => ({ text: text(choice.label), value: choice.value }));

export const select = (scope: FormScope, field: string, label: string, choices: readonly Option[], options_: { required?: boolean; initial?: string | undefined } = {}): Element => ({
  tag: 'select_static',
  name: scope.name(field),
  placeholder: text(label),
  required: options_.required ?? false,
  options: options(choices),
  ...(options_.initial ? { initial_option: options_.initial } : {}),
});

export const multiSelect = (scope: FormScope, field: string, label: string, choices: readonly Option[], options_: { required?: boolean; initial?: readonly string[] } = {}): Element => ({
  tag: 'multi_select_static',
  name: scope.name(field),
  placeholder: text(label),
  required: options_.required ?? false,
  options: options(choices),
  ...(options_.initial && options_.initial.length > 0 ? { selected_values: options_.initial } : {}),
});

export const datePicker = (scope: FormScope, field: string, label: string, options_: { required?: boolean; initial?: string | undefined } = {}): Element => ({
  tag: 'date_picker',
  name: scope.name(field),
  placeholder: text(label),
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
