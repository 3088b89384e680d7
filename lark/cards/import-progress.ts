import type { Language } from '../../notifications/content.ts';
import { importPhrasesFor } from '../../notifications/import-phrases.ts';
import { card } from './card.ts';
import { clip, escapeMarkdown as e, markdown, type Card } from './elements.ts';

/** Where an import from a file stands, as its card shows it. */
export type ImportStage =
  { readonly step: 'downloading' | 'checking' | 'finished' } | { readonly step: 'writing'; readonly done: number; readonly total: number };

export interface ImportProgress {
  readonly fileName: string;
  /** The event the rows go to, as the person named it; null for the pool only. */
  readonly event: string | null;
  readonly stage: ImportStage;
}

const BAR_CELLS = 20;
/** A file's name in a card's subtitle, cut to one line. */
export const FILE_NAME_SHOWN = 80;

/** A bar of text blocks: JSON 2.0 cards have no progress component. */
const bar = (done: number, total: number): string => {
  const filled = total > 0 ? Math.round((Math.min(done, total) / total) * BAR_CELLS) : 0;
  return `${'▓'.repeat(filled)}${'░'.repeat(BAR_CELLS - filled)}`;
};

/** Counts as people read them: 1,500. */
export const formatCount = (n: number, language: Language): string => n.toLocaleString(language === 'zh' ? 'zh-CN' : 'en-US');

/** 处理中 / Importing…: the card answered at once to a file, then updated as its rows are checked and written. */
export const importProgressCard = ({ fileName, event, stage }: ImportProgress, language: Language): Card => {
  const p = importPhrasesFor(language);
  const line =
    stage.step === 'writing'
      ? `**${p.writing}** ${p.rowsDone(formatCount(stage.done, language), formatCount(stage.total, language))}\n${bar(stage.done, stage.total)}`
      : stage.step === 'downloading'
        ? p.downloading(e(clip(fileName, FILE_NAME_SHOWN)))
        : stage.step === 'checking'
          ? p.checking
          : p.finished;
  return card(
    p.importTitle,
    stage.step === 'finished' ? 'grey' : 'blue',
    [markdown(line), markdown(event === null ? p.withoutEvent : p.forEvent(e(event)))],
    clip(fileName, FILE_NAME_SHOWN),
  );
};
