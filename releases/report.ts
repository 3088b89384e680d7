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

/** People without a Lark open_id, looked up in the tenant by email and mobile once the import committed. */
export interface LarkLookup {
  /** Found in the tenant: their open_id is now in the directory. */
  readonly found: number;
  /** Not found (or not looked up, when the lookup failed): reached by email. */
  readonly emailOnly: number;
  /** Why the lookup failed, when it did; the import stands. */
  readonly failure?: string;
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
  /** When a Lark app is configured and the people sheet had people without an open_id. */
  readonly lookup?: LarkLookup;
}
