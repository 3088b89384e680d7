import { subjectOf, variantOf } from '../../app/decision-fields.ts';
import type { Language } from '../../notifications/content.ts';
import { DECISION_WORDS } from '../../notifications/decision-words.ts';
import { actedBy, formatTime } from '../../notifications/format.ts';
import { phrasesFor } from '../../notifications/bot-phrases.ts';
import { decisionNamed } from '../../workflows/decisions/index.ts';
import type { PartnershipStatus } from '../../workflows/state.ts';
import type { DecisionValue } from './action-value.ts';
import { button, escapeMarkdown as e, markdown } from './elements.ts';
import { card } from './card.ts';
import { statusElements } from './status.ts';

/** "通过了审核" / "approved the submission": what a decision did, for the card that records it. */
export const decisionDone = (value: DecisionValue, language: Language): string => {
  const decision = decisionNamed(value.d);
  const variant = decision && variantOf(decision, value);
  if (!decision || !variant) return value.d;
  const done = DECISION_WORDS[language].decisions[decision.name].done[variant.id] ?? variant.id;
  return typeof done === 'string' ? done : done(subjectOf(decision, value));
};

/**
 * The card a decision leaves in place: who decided what and when (from the workflow's own
 * history, so a repeated click shows the first decider), where the partnership stands now, and
 * the decision as a disabled button, so a second click does nothing.
 */
export const decidedCard = (status: PartnershipStatus, value: DecisionValue, language: Language): Record<string, unknown> => {
  const p = phrasesFor(language);
  const done = decisionDone(value, language);
  const entry = status.history.findLast((h) => h.by !== null);
  return card(p.decidedTitle(status.reference), 'green', [
    markdown(entry ? p.decided(e(actedBy(entry, language)), done, formatTime(entry.at, language)) : done),
    markdown(`**${e(status.title)}**`),
    ...statusElements(status, language, 'brief'),
    button(`✓ ${done}`, value, 'default', { disabled: true }),
  ]);
};
