import type { Template } from '../workflows/events.ts';
import type { Language, NotificationContent, OutgoingItem } from './content.ts';
import { deliveryFailed } from './delivery-alerts.ts';
import { programmeSummary, weeklyDigest } from './digests.ts';
import { PARTNERSHIP_TEMPLATES, type Parts } from './partnership-templates.ts';
import { parsePayload, type Payload } from './payloads.ts';
import { count, wordingFor, type Wording } from './wording.ts';

/** One item rendered, with what a combined message lists about it. */
interface Rendered {
  readonly content: NotificationContent;
  readonly reference?: string;
  /** "匹配提议即将截止：「…」": the headline and the partnership's title. */
  readonly title: string;
  readonly deadline?: string;
}

const withPartnership = (p: Payload<Template>, parts: Parts, w: Wording): Rendered => {
  const title = `${parts.headline}${w.words.colon}${p.title}`;
  return {
    content: {
      subject: `[${p.reference}] ${title}`,
      title,
      tone: parts.tone,
      paragraphs: parts.paragraphs,
      facts: [
        { label: w.words.label.reference, value: p.reference },
        { label: w.words.label.title, value: p.title },
        ...(parts.facts ?? []),
        ...(p.stage ? [{ label: w.words.label.stage, value: w.words.stage[p.stage] }] : []),
      ],
      bullets: parts.bullets ?? [],
      ...(parts.bulletsHeading ? { bulletsHeading: parts.bulletsHeading } : {}),
      calendar: parts.calendar ?? [],
      ...(parts.calendarCancels ? { calendarCancels: parts.calendarCancels } : {}),
    },
    reference: p.reference,
    title,
    ...(parts.deadline ? { deadline: parts.deadline } : {}),
  };
};

const renderItem = (item: OutgoingItem, language: Language): Rendered => {
  const w = wordingFor(language);
  const { template } = item;
  if (template === 'weekly_digest' || template === 'programme_summary') {
    const content =
      template === 'weekly_digest' ? weeklyDigest(parsePayload(template, item.payload), w) : programmeSummary(parsePayload(template, item.payload), w);
    return { content, title: content.title };
  }
  if (template === 'delivery_failed') {
    const payload = parsePayload(template, item.payload);
    const content = deliveryFailed(payload, w);
    return { content, title: content.title, ...(payload.reference ? { reference: payload.reference } : {}) };
  }
  if (template === 'reminder_batch') throw new TypeError('reminder_batch is not a row template: render the reminders with renderCombined');
  const render = PARTNERSHIP_TEMPLATES[template] as ((p: Payload<Template>, w: Wording) => Parts) | undefined;
  if (!render) throw new TypeError(`unknown notification template "${String(template)}"`);
  const payload = parsePayload(template, item.payload);
  return withPartnership(payload, render(payload, w), w);
};

/**
 * What one notification row says, in the recipient's language: subject (with the reference
 * number), title, paragraphs, facts, bullets and calendar entries. Throws a ValidationError naming
 * the template and field when the payload lacks something the template needs.
 */
export const renderContent = (item: OutgoingItem, language: Language): NotificationContent => renderItem(item, language).content;

const TONE_RANK: readonly NotificationContent['tone'][] = ['success', 'info', 'action', 'warning', 'danger'];
const MAX_REFERENCES_IN_SUBJECT = 3;

/**
 * Several reminders for one person as one message: the subject counts them and names the
 * reference numbers (`[3 项提醒] P-2026-000123、P-2026-000124 等`), the body lists each item's
 * headline and deadline, and every item's calendar entries travel along.
 */
export const renderCombined = (items: readonly OutgoingItem[], language: Language): NotificationContent => {
  if (items.length === 0) throw new TypeError('renderCombined needs at least one notification');
  const w = wordingFor(language);
  const rendered = items.map((item) => renderItem(item, language));
  const references = [...new Set(rendered.flatMap((r) => (r.reference ? [r.reference] : [])))];
  const named = references.slice(0, MAX_REFERENCES_IN_SUBJECT);
  const more = references.length > named.length;
  const tone = rendered.map((r) => r.content.tone).reduce((worst, next) => (TONE_RANK.indexOf(next) > TONE_RANK.indexOf(worst) ? next : worst));
  const cancels = rendered.flatMap((r) => r.content.calendarCancels ?? []);
  return {
    subject: w.say(
      `[${items.length} 项提醒] ${named.join('、')}${more ? ' 等' : ''}`,
      `[${count(items.length, 'reminder')}] ${named.join(', ')}${more ? ' and more' : ''}`,
    ),
    title: w.say(`您有 ${items.length} 项提醒`, `You have ${count(items.length, 'reminder')}`),
    tone,
    paragraphs: [w.say('以下事项需要您关注。', 'These need your attention.')],
    facts: [],
    bulletsHeading: w.say('提醒', 'Reminders'),
    bullets: rendered.map((r) => {
      const by = r.deadline
        ? w.say(`（${w.words.label.deadline} ${w.when(r.deadline)}）`, ` (${w.words.label.deadline.toLowerCase()} ${w.when(r.deadline)})`)
        : '';
      return `${r.reference ? `${r.reference} ` : ''}${r.title}${by}`;
    }),
    calendar: rendered.flatMap((r) => r.content.calendar),
    ...(cancels.length > 0 ? { calendarCancels: cancels } : {}),
  };
};

/** The content of one outgoing message: the single item's own, or its items combined. */
export const renderMessageContent = (items: readonly OutgoingItem[], language: Language): NotificationContent =>
  items.length === 1 ? renderContent(items[0]!, language) : renderCombined(items, language);
