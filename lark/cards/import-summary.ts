import type { Language } from '../../notifications/content.ts';
import { importPhrasesFor } from '../../notifications/import-phrases.ts';
import { WORDS } from '../../notifications/words.ts';
import { SHEET_KINDS, type ImportReport } from '../../releases/report.ts';
import { wordsFor } from '../../releases/words.ts';
import { card } from './card.ts';
import { clip, escapeMarkdown as e, markdown, type Card, type Element } from './elements.ts';
import { FILE_NAME_SHOWN, formatCount } from './import-progress.ts';

/** The problems a summary names; the error workbook holds every one. */
export const PROBLEMS_SHOWN = 5;
/** Characters of the Lark lookup's line: a failure quotes Lark's answer. */
const LOOKUP_SHOWN = 400;

/** After an import: rows read and valid, records written by kind, and the first problems by sheet, row and column. */
export const importSummaryCard = (report: ImportReport, context: { readonly fileName: string; readonly event: string | null }, language: Language): Card => {
  const p = importPhrasesFor(language);
  const count = (n: number) => formatCount(n, language);
  const problems = report.errors.length;
  const writtenTotal = SHEET_KINDS.reduce((sum, kind) => sum + report.written[kind], 0);
  const elements: Element[] = [markdown(p.counts(count(report.rows), count(report.valid)))];
  if (writtenTotal > 0 || problems === 0) {
    elements.push(
      markdown(`**${p.written}**${WORDS[language].colon}${SHEET_KINDS.map((kind) => `${p.kinds[kind]} ${count(report.written[kind])}`).join(' · ')}`),
    );
  } else {
    elements.push(markdown(p.nothingWritten));
  }
  if (report.lookup) elements.push(markdown(e(clip(wordsFor(language).lookup(report.lookup), LOOKUP_SHOWN))));
  if (problems > 0) {
    const shown = report.errors
      .slice(0, PROBLEMS_SHOWN)
      .map((problem) => `- ${p.problem(e(problem.sheet), problem.row, e(problem.column), e(problem.message))}`);
    if (problems > PROBLEMS_SHOWN) shown.push(p.moreProblems(count(problems - PROBLEMS_SHOWN)));
    elements.push(markdown(`**${p.problemsHeading}**\n${shown.join('\n')}`), markdown(p.seeWorkbook));
  }
  if (context.event !== null) elements.push(markdown(p.forEvent(e(context.event))));
  return card(problems > 0 ? p.problemsTitle : p.importedTitle, problems > 0 ? 'orange' : 'green', elements, clip(context.fileName, FILE_NAME_SHOWN));
};
