import type { PartnershipStatus } from '../../workflows/state.ts';
import type { BotUser } from '../../bots/auth.ts';
import { phrasesFor } from '../../notifications/bot-phrases.ts';
import { candidateList } from './candidates.ts';
import { awaitedFrom, sectionFor } from './decision-sections.ts';
import { card } from './card.ts';
import { escapeMarkdown as e, markdown } from './elements.ts';
import { stageColour } from './status.ts';
import { stampVersion } from './version.ts';

/** 匹配 / match: the current candidates with their reasons; the selection form for a coordinator who is awaited. */
export const matchCard = (status: PartnershipStatus, user: BotUser, options: { maxProposals?: number } = {}): Record<string, unknown> => {
  const p = phrasesFor(user.language);
  const selecting = awaitedFrom(status, user).some((a) => a.action === 'select_candidates');
  return card(p.matchTitle(status.reference), stageColour(status.stage), [
    markdown(`**${e(status.title)}**`),
    ...(selecting
      ? stampVersion(sectionFor({ v: 1, d: 'select', ref: status.reference }, status, user, options), status)
      : [candidateList(status.candidates, user.language)]),
  ]);
};
