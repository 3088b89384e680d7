import type { Language, NotificationContent, OutgoingItem } from '../../notifications/content.ts';
import { parsePayload } from '../../notifications/payloads.ts';
import type { ActionValue } from './action-value.ts';
import { phrasesFor } from '../../notifications/bot-phrases.ts';
import { contractSection } from './contract.ts';
import { button, card, divider, markdown, type Colour, type Element } from './elements.ts';
import { milestoneSection } from './milestone.ts';
import { negotiationSection } from './negotiation.ts';
import { proposalSection } from './proposal.ts';
import { reviewSection } from './review.ts';
import { reviseSection } from './revise.ts';

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

/**
 * The buttons a notification carries, by template: the decision it asks for (review, revision,
 * answer to a proposal, terms, contract, milestone), or a button that opens the partnership's
 * status (or the candidates) in place. A payload that does not parse gets no buttons; the
 * workflow's validators refuse whoever should not decide, so the buttons need not know the reader.
 */
const decisionsFor = (item: OutgoingItem, language: Language): Element[] => {
  const p = phrasesFor(language);
  if (item.template === 'reminder_batch' || item.template === 'weekly_digest' || item.template === 'programme_summary') return [];
  let reference: string;
  try {
    reference = parsePayload(item.template, item.payload).reference;
  } catch {
    return [];
  }
  switch (item.template) {
    case 'review_requested':
    case 'review_reminder':
      return reviewSection(reference, language);
    case 'changes_requested':
    case 'revision_reminder':
      return reviseSection({ reference, title: parsePayload(item.template, item.payload).title }, language);
    case 'candidates_ready':
    case 'selection_reminder':
      return show(reference, 'match', p.chooseCandidates);
    case 'match_proposed':
    case 'proposal_reminder': {
      const payload = parsePayload(item.template, item.payload);
      return proposalSection(
        { reference, candidateId: payload.candidateId, counterpart: '', candidateTitle: payload.candidateTitle, reasons: 'reasons' in payload ? payload.reasons : [] },
        language,
      );
    }
    case 'terms_proposed':
      return negotiationSection(reference, language, { canAgree: true });
    case 'proposal_accepted':
    case 'negotiation_reminder':
    case 'negotiation_overdue':
      return [...negotiationSection(reference, language, { canAgree: false }), ...show(reference, 'status', p.viewStatus)];
    case 'negotiation_agreed':
      return contractSection(reference, language);
    case 'milestone_due_soon':
    case 'milestone_due_today':
    case 'milestone_overdue': {
      const payload = parsePayload(item.template, item.payload);
      return milestoneSection({ reference, seq: payload.milestone, title: payload.milestoneTitle, dueAt: payload.due }, language);
    }
    default:
      return show(reference, 'status', p.viewStatus);
  }
};

/**
 * A notification as a Lark card (JSON 2.0): header, paragraphs, facts and bullets, then the
 * buttons of each item (a reminder batch holds several).
 */
export const notificationCard = (
  content: NotificationContent,
  { items, language }: { readonly items: readonly OutgoingItem[]; readonly language: Language },
): Record<string, unknown> => {
  const decisions = items.map((item) => decisionsFor(item, language)).filter((section) => section.length > 0);
  const bullets = content.bullets.map((b) => `- ${b}`);
  return card(content.title, HEADER_COLOURS[content.tone], [
    ...content.paragraphs.map((text) => markdown(text)),
    ...(content.facts.length > 0 ? [markdown(content.facts.map((fact) => `**${fact.label}**：${fact.value}`).join('\n'))] : []),
    ...(bullets.length > 0 ? [markdown((content.bulletsHeading ? [`**${content.bulletsHeading}**`, ...bullets] : bullets).join('\n'))] : []),
    ...decisions.flatMap((section) => [divider(), ...section]),
  ]);
};
