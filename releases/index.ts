/** Bulk releases from Excel or CSV: the template, the import and the workbook of problems. */
export { templateWorkbook } from './template.ts';
export { importReleases, type ImportFile, type ImportOptions } from './import-releases.ts';
export { errorWorkbook } from './error-workbook.ts';
export { ImportRefused } from './errors.ts';
export { describeProblem } from './words.ts';
export type { ImportProblem, ImportReport, Language, SheetKind } from './report.ts';
