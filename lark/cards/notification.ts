import type { Language, NotificationContent, OutgoingItem } from '../../notifications/content.ts';
import { parsePayload } from '../../notifications/payloads.ts';
import { DECISIONS } from '../../workflows/decisions/index.ts';
import type { ActionValue } from './action-value.ts';
import { decisionSection, type DecisionContext } from './decision-form.ts';
import { DEFAULT_MAX_PROPOSALS } from './decision-sections.ts';
import { phrasesFor } from '../../notifications/bot-phrases.ts';
import { button, divider, escapeMarkdown as e, markdown, type Colour, type Element } from './elements.ts';
import { card } from './card.ts';

const HEADER_COLOURS: Record<NotificationContent['tone'], Colour> = {
  info: 'blue',
  action: 'orange',
  warning: 'yellow',
  success: 'green',
  danger: 'red',
};

const show = (reference: string, view: 'status' | 'match', label: string): Element[] => [
  button(label, { v: 1, d: 'show', ref: reference, view } satisfies ActionValue, view === 'match' ? 'primary' : 'default'),
];

/** The party told of new terms may agree to them; other negotiation notices offer new terms or ending it. */
const OFFERS_AGREEMENT: ReadonlySet<string> = new Set(['terms_proposed']);
/** Notices about a negotiation also open the status, where the latest terms are. */
const SHOWS_STATUS_TOO: ReadonlySet<string> = new Set(['proposal_accepted', 'negotiation_reminder', 'negotiation_overdue']);
/** Notices that the candidates are ready open them, to choose from. */
const SHOWS_CANDIDATES: ReadonlySet<string> = new Set(['candidates_ready', 'selection_reminder']);

/** What a notification's payload tells a decision's section: the subject, what was proposed, the milestone. */
const contextOf = (payload: Readonly<Record<string, unknown>>, reference: string, template: string): DecisionContext => {
  const string = (key: string): string | undefined => (typeof payload[key] === 'string' ? payload[key] : undefined);
  const milestone = typeof payload.milestone === 'number' ? payload.milestone : undefined;
  const reasons = Array.isArray(payload.reasons) ? payload.reasons.filter((r): r is string => typeof r === 'string') : undefined;
  return {
    reference,
    subject: string('candidateId') ?? milestone,
    maxProposals: DEFAULT_MAX_PROPOSALS,
    offerConditional: OFFERS_AGREEMENT.has(template),
    current: { title: string('title') },
    proposed: { title: string('candidateTitle'), reasons },
    ...(milestone === undefined ? {} : { milestone: { seq: milestone, title: string('milestoneTitle') ?? '', dueAt: string('due') } }),
  };
};

/**
 * The buttons a notification carries: the sections of the decisions it asks for (their records
 * in the registry name the templates), or a button that opens the partnership's status (or the
 * candidates) in place. A payload that does not parse gets no buttons; the workflow's validators
 * refuse whoever should not decide, so the buttons need not know the reader.
 */
const decisionsFor = (item: OutgoingItem, language: Language): Element[] => {
  const p = phrasesFor(language);
  if (item.template === 'reminder_batch' || item.template === 'weekly_digest' || item.template === 'programme_summary' || item.template === 'delivery_failed')
    return [];
  let payload: Readonly<Record<string, unknown>>;
  try {
    payload = parsePayload(item.template, item.payload);
  } catch {
    return [];
  }
  const reference = String(payload.reference);
  const { template } = item;
  if (SHOWS_CANDIDATES.has(template)) return show(reference, 'match', p.chooseCandidates);
  const asked = DECISIONS.filter((decision) => decision.askedIn?.includes(template));
  if (asked.length === 0) return show(reference, 'status', p.viewStatus);
  const context = contextOf(payload, reference, template);
  return [
    ...asked.flatMap((decision) => decisionSection(decision, context, language)),
    ...(SHOWS_STATUS_TOO.has(template) ? show(reference, 'status', p.viewStatus) : []),
  ];
};

/**
 * A notification as a Lark card (JSON 2.0): header, paragraphs, facts and bullets, then the
 * buttons of each item (a reminder batch holds several). Everything the content says is plain
 * text with people's words in it (titles, terms, reasons), so all of it is escaped for markdown.
 * An item whose buttons repeat an earlier item's (two reminders about the same decision) adds
 * none; `card()` keeps the names of sections about the same partnership apart.
 */
export const notificationCard = (
  content: NotificationContent,
  { items, language }: { readonly items: readonly OutgoingItem[]; readonly language: Language },
): Record<string, unknown> => {
  const sections = items.map((item) => decisionsFor(item, language)).filter((section) => section.length > 0);
  const decisions = sections.filter((section, index) => sections.findIndex((other) => JSON.stringify(other) === JSON.stringify(section)) === index);
  const bullets = content.bullets.map((b) => `- ${e(b)}`);
  return card(content.title, HEADER_COLOURS[content.tone], [
    ...content.paragraphs.map((text) => markdown(e(text))),
    ...(content.facts.length > 0 ? [markdown(content.facts.map((fact) => `**${e(fact.label)}**：${e(fact.value)}`).join('\n'))] : []),
    ...(bullets.length > 0 ? [markdown((content.bulletsHeading ? [`**${e(content.bulletsHeading)}**`, ...bullets] : bullets).join('\n'))] : []),
    ...decisions.flatMap((section) => [divider(), ...section]),
  ]);
};
