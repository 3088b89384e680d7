import type { Language } from '../notifications/content.ts';

export type { Language };

/** The sheet kinds a release workbook may hold, in the order they are written (signings name the releases before them). */
export const SHEET_KINDS = ['organisations', 'people', 'achievements', 'demands', 'signings'] as const;
export type SheetKind = (typeof SHEET_KINDS)[number];

/** One thing wrong with a file, where the person sees it: the sheet's name, its own row number (headings are row 1) and the column's heading. */
export interface ImportProblem {
  readonly sheet: string;
  readonly row: number;
  readonly column: string;
  readonly message: string;
}

export interface ImportReport {
  /** Data rows read, over every recognised sheet. */
  readonly rows: number;
  /** Rows without a problem. */
  readonly valid: number;
  readonly errors: readonly ImportProblem[];
  /** Records created or changed, by sheet kind; a row that matches its record already counts for nothing. */
  readonly written: Readonly<Record<SheetKind, number>>;
  readonly dryRun: boolean;
}
