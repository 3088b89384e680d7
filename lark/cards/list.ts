import type { Language } from '../../notifications/content.ts';
import { WORDS } from '../../notifications/words.ts';
import type { Stage } from '../../domain/vocabulary.ts';
import { phrasesFor } from '../../notifications/bot-phrases.ts';
import { card } from './card.ts';
import { escapeMarkdown as e, markdown } from './elements.ts';

export interface ListedPartnership {
  readonly reference: string;
  readonly stage: Stage;
  readonly title: string;
  readonly region: string;
}

/** 列表 / list: recent partnerships, newest first, as the CLI's `list` prints them. */
export const listCard = (rows: readonly ListedPartnership[], language: Language, stage?: Stage): Record<string, unknown> => {
  const p = phrasesFor(language);
  const w = WORDS[language];
  const title = stage ? `${p.listTitle} · ${w.stage[stage]}` : p.listTitle;
  if (rows.length === 0) return card(title, 'grey', [markdown(p.listEmpty)]);
  return card(title, 'blue', [markdown(rows.map((row) => `- **${row.reference}** ${w.stage[row.stage]} · ${e(row.region)} · ${e(row.title)}`).join('\n'))]);
};
