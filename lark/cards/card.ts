/**
 * Assembling a card: submit buttons get their final names, every name is made unique within the
 * card, and the card is kept under Lark's 30 KB (lark/limits.ts), whatever the builders put in.
 */
import { CARD_BODY_MAX_BYTES, COMPONENT_NAME } from '../limits.ts';
import { actionName, clip, keyOf, PART, SCOPE_SUFFIX, text, type Card, type Colour, type Element } from './elements.ts';

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
