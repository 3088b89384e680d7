import type { BotUser } from '../../bots/auth.ts';
import { phrasesFor } from '../../notifications/bot-phrases.ts';
import type { PartnershipStatus } from '../../workflows/state.ts';
import { card } from './card.ts';
import { recordSections, type SectionOptions } from './decision-sections.ts';
import { escapeMarkdown as e, markdown } from './elements.ts';
import { stageColour } from './status.ts';
import { stampVersion } from './version.ts';

/** 代为记录答复 / record an answer: for a coordinator, the answers awaited from the parties, each to record as given by phone or on site. */
export const recordCard = (status: PartnershipStatus, user: BotUser, options: SectionOptions = {}): Record<string, unknown> => {
  const p = phrasesFor(user.language);
  const sections = recordSections(status, user, options);
  return card(p.recordTitle(status.reference), stageColour(status.stage), [
    markdown(`**${e(status.title)}**\n${e(sections.length > 0 ? p.recordIntro : p.recordNothing)}`),
    ...stampVersion(sections, status),
  ]);
};
