import type { Language } from '../../notifications/content.ts';
import { phrasesFor } from '../../notifications/bot-phrases.ts';
import { card } from './card.ts';
import { escapeMarkdown as e, markdown } from './elements.ts';

/** 帮助 / help: every command; after input it did not understand, says so first. */
export const helpCard = (language: Language, notUnderstood?: string): Record<string, unknown> => {
  const p = phrasesFor(language);
  return card(p.helpTitle, 'blue', [
    markdown(notUnderstood === undefined ? p.helpIntro : p.unknownCommand(e(notUnderstood.slice(0, 50)))),
    markdown(p.helpCommands.map((line) => `- ${line}`).join('\n')),
    markdown(p.helpEnglish),
  ]);
};
