import type { PartnershipStatus } from '../../workflows/state.ts';
import type { BotUser } from '../../bots/auth.ts';
import { phrasesFor } from '../../notifications/bot-phrases.ts';
import { decisionSections } from './decision-sections.ts';
import { card } from './card.ts';
import { divider, escapeMarkdown as e, markdown, type Element } from './elements.ts';
import { awaitingLines, headline } from './status.ts';
import { stampVersion } from './version.ts';

/** 待办 / pending: each partnership waiting for this person, with the buttons to act on it. */
export const pendingCard = (
  statuses: readonly PartnershipStatus[],
  user: BotUser,
  options: { more?: number; maxProposals?: number } = {},
): Record<string, unknown> => {
  const p = phrasesFor(user.language);
  const more = options.more ?? 0;
  if (statuses.length === 0) return card(p.pendingTitle(0), 'green', [markdown(p.nothingPending)]);
  const elements: Element[] = statuses.flatMap((status, index) => [
    ...(index > 0 ? [divider()] : []),
    markdown(
      `**${e(headline(status))}**\n${awaitingLines(status, user.language)
        .map((line) => `- ${line}`)
        .join('\n')}`,
    ),
    ...stampVersion(decisionSections(status, user, options.maxProposals === undefined ? {} : { maxProposals: options.maxProposals }), status),
  ]);
  if (more > 0) elements.push(divider(), markdown(p.pendingMore(more)));
  return card(p.pendingTitle(statuses.length + more), 'orange', elements);
};
