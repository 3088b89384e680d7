import type { Language } from '../../notifications/content.ts';
import type { PartnershipStatus } from '../../workflows/state.ts';
import type { DecisionValue } from './action-value.ts';
import { formatTime } from '../../notifications/format.ts';
import { phrasesFor } from '../../notifications/bot-phrases.ts';
import { button, card, escapeMarkdown as e, markdown } from './elements.ts';
import { statusElements } from './status.ts';

/** "通过了审核" / "approved the submission": what a decision did, for the card that records it. */
export const decisionDone = (value: DecisionValue, language: Language): string => {
  const did = phrasesFor(language).did;
  switch (value.d) {
    case 'review':
      return did[value.decision];
    case 'respond':
      return did[value.decision];
    case 'conclude':
      return did[value.outcome];
    case 'milestone':
      return did.milestone(value.milestone);
    default:
      return did[value.d];
  }
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
    markdown(entry ? p.decided(e(entry.by ?? ''), done, formatTime(entry.at, language)) : done),
    markdown(`**${e(status.title)}**`),
    ...statusElements(status, language, 'brief'),
    button(`✓ ${done}`, value, 'default', { disabled: true }),
  ]);
};
