/** Reading a Lark card (JSON 2.0) the way a person sees and fills it in, for the tests. */
import { actionOfName, splitText } from '../../../lark/cards/elements.ts';

type Node = Record<string, unknown>;

const isList = (value: unknown): value is unknown[] => Array.isArray(value);

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null && !Array.isArray(value);

const children = (node: Node): unknown[] =>
  ['elements', 'columns', 'body'].flatMap((key) => {
    const child = node[key];
    return isList(child) ? child : isNode(child) ? [child] : [];
  });

const walk = (node: unknown, visit: (node: Node, form: Node | null) => void, form: Node | null = null): void => {
  if (Array.isArray(node)) return node.forEach((child) => walk(child, visit, form));
  if (!isNode(node)) return;
  visit(node, form);
  const inForm = node.tag === 'form' ? node : form;
  for (const child of children(node)) walk(child, visit, inForm);
};

const textOf = (value: unknown): string => (isNode(value) && typeof value.content === 'string' ? value.content : '');

/** Markdown as it reads: the HTML entities user text is escaped with (`&#42;` → `*`) shown as characters. */
export const decodeEntities = (content: string): string =>
  content
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&(lt|gt|quot|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', quot: '"', amp: '&' })[name] ?? '');

/** Everything a person reads on the card: header, markdown, labels and button texts. */
export const cardText = (card: Node): string => {
  const parts: string[] = [];
  if (isNode(card.header)) parts.push(textOf(card.header.title), textOf(card.header.subtitle));
  walk(card.body, (node) => {
    if (node.tag === 'markdown' && typeof node.content === 'string') parts.push(decodeEntities(node.content));
    if (node.tag === 'button') parts.push(textOf(node.text));
    if (node.tag === 'input' || node.tag === 'select_static') parts.push(textOf(node.label), textOf(node.placeholder));
  });
  return parts.filter(Boolean).join('\n');
};

export interface FoundButton {
  readonly button: Node;
  readonly value: Record<string, unknown>;
  readonly form: Node | null;
  readonly disabled: boolean;
}

/**
 * The buttons of a card, with the form each submits (if any). A button outside a form carries
 * its action as its callback value; a form's submit button carries it in its name (Lark returns
 * the name as `action.name`, see lark/cards/elements.ts).
 */
export const buttonsOf = (card: Node): FoundButton[] => {
  const found: FoundButton[] = [];
  walk(card.body, (node, form) => {
    if (node.tag !== 'button') return;
    const disabled = node.disabled === true;
    if (node.form_action_type === 'submit') {
      const value = actionOfName(typeof node.name === 'string' ? node.name : undefined);
      if (isNode(value)) found.push({ button: node, value, form, disabled });
      return;
    }
    const behaviour = isList(node.behaviors) ? node.behaviors.find((b) => isNode(b) && b.type === 'callback') : undefined;
    if (!isNode(behaviour) || !isNode(behaviour.value)) return;
    found.push({ button: node, value: behaviour.value, form: null, disabled });
  });
  return found;
};

/** The button labelled `label` (and, when several partnerships share a card, of reference `ref`). */
export const findButton = (card: Node, label: string, ref?: string): FoundButton => {
  const matches = buttonsOf(card).filter((b) => textOf(b.button.text) === label && (ref === undefined || b.value.ref === ref));
  if (matches.length === 0) {
    throw new Error(
      `no button "${label}"${ref ? ` for ${ref}` : ''} on the card; buttons: ${buttonsOf(card)
        .map((b) => textOf(b.button.text))
        .join(', ')}`,
    );
  }
  return matches[0]!;
};

const FIELD_TAGS = new Set(['input', 'select_static', 'multi_select_static', 'date_picker']);

/** A field's name without the form key the bot appends (`comment_3fa91c` → `comment`). */
export const fieldName = (name: string): string => name.replace(/_[0-9a-f]{6}$/, '');

/** A long text's later inputs: `terms_part2` is the second piece of `terms`. */
const PART = /^(.+)_part(\d+)$/;

/**
 * The `form_value` Lark sends when the form is submitted: every field by its name, as filled in
 * (`fill`, by field name) or as the card pre-filled it; a field left empty is sent as "". A text
 * filled into a field split over several inputs is typed across them, 1000 characters each.
 */
export const formValueOf = (form: Node, fill: Readonly<Record<string, unknown>> = {}): Record<string, unknown> => {
  const value: Record<string, unknown> = {};
  const fields: Node[] = [];
  walk(form, (node) => {
    if (FIELD_TAGS.has(String(node.tag)) && typeof node.name === 'string') fields.push(node);
  });
  const pieces = (field: string): number => fields.filter((node) => PART.exec(fieldName(String(node.name)))?.[1] === field).length + 1;
  for (const node of fields) {
    const name = String(node.name);
    const part = PART.exec(fieldName(name));
    const field = part ? part[1]! : fieldName(name);
    const index = part ? Number(part[2]) - 1 : 0;
    const preset =
      node.default_value ?? node.initial_option ?? node.selected_values ?? (typeof node.initial_date === 'string' ? `${node.initial_date} +0800` : undefined);
    let given = field in fill ? fill[field] : preset;
    if (field in fill && typeof given === 'string' && node.tag === 'input' && pieces(field) > 1) {
      given = splitText(given, typeof node.max_length === 'number' ? node.max_length : 1000)[index] ?? '';
    }
    value[name] = given ?? (node.tag === 'multi_select_static' ? [] : '');
  }
  return value;
};

/** The options a select offers, by field name. */
export const optionsOf = (card: Node, field: string): string[] => {
  const values: string[] = [];
  walk(card.body, (node) => {
    if (typeof node.name === 'string' && fieldName(node.name) === field && Array.isArray(node.options)) {
      for (const option of node.options) if (isNode(option) && typeof option.value === 'string') values.push(option.value);
    }
  });
  return values;
};
