import type { Worksheet } from 'exceljs';
import { type Cell, cellOf, textOf } from './cells.ts';
import type { SheetKind } from './report.ts';
import { SHEETS } from './sheets/index.ts';
import type { SheetSpec } from './sheet-spec.ts';
import { headingKey } from './text.ts';

/** A column of the file: where it is and how the file heads it. */
export interface FileColumn {
  readonly index: number;
  readonly heading: string;
}

/** A worksheet recognised as one sheet kind: its headings mapped to columns, its data rows read. */
export interface SheetTable {
  /** The worksheet's name as the person sees it (a CSV file's name). */
  readonly name: string;
  readonly kind: SheetKind;
  readonly headingRow: number;
  readonly columns: ReadonlyMap<string, FileColumn>;
  /** Headings that name a column already found further left. */
  readonly repeated: readonly (FileColumn & { readonly key: string })[];
  readonly rows: readonly TableRow[];
}

export interface TableRow {
  /** The spreadsheet's own row number. */
  readonly row: number;
  readonly cells: ReadonlyMap<string, Cell>;
}

/** Headings may sit below a title or a note: the first rows are searched for them. */
const HEADING_ROWS_SEARCHED = 10;
/** Two headings of a kind make a sheet that kind (one is enough when the sheet's name says so). */
const HEADINGS_NEEDED = 2;

const headingsOf = (spec: SheetSpec): ReadonlyMap<string, string> => {
  const byHeading = new Map<string, string>();
  for (const column of spec.columns) {
    for (const form of [column.heading.zh, column.heading.en, column.key, ...column.aliases]) {
      const key = headingKey(form);
      if (!byHeading.has(key)) byHeading.set(key, column.key);
    }
  }
  return byHeading;
};

const SPECS: readonly SheetSpec[] = Object.values(SHEETS);
const HEADINGS = new Map(SPECS.map((spec) => [spec.kind, headingsOf(spec)]));

const namedAs = (spec: SheetSpec, sheetName: string): boolean =>
  [spec.names.zh, spec.names.en, spec.kind, ...spec.aliases].some((name) => headingKey(name) === headingKey(sheetName));

interface Match {
  readonly spec: SheetSpec;
  readonly row: number;
  readonly columns: Map<string, FileColumn>;
  readonly repeated: (FileColumn & { key: string })[];
}

const matchRow = (spec: SheetSpec, texts: readonly (readonly [number, string])[], row: number): Match => {
  const headings = HEADINGS.get(spec.kind)!;
  const columns = new Map<string, FileColumn>();
  const repeated: (FileColumn & { key: string })[] = [];
  for (const [index, heading] of texts) {
    const key = headings.get(headingKey(heading));
    if (!key) continue;
    if (columns.has(key)) repeated.push({ key, index, heading });
    else columns.set(key, { index, heading });
  }
  return { spec, row, columns, repeated };
};

/** The sheet kind and heading row a worksheet's first rows show, if any. */
const recognise = (worksheet: Worksheet, sheetName: string): Match | undefined => {
  let best: { match: Match; score: number } | undefined;
  const last = Math.min(worksheet.actualRowCount === 0 ? 0 : worksheet.rowCount, HEADING_ROWS_SEARCHED);
  for (let row = 1; row <= last; row++) {
    const texts: [number, string][] = [];
    worksheet.getRow(row).eachCell((cell, index) => {
      const text = textOf(cellOf(cell.value));
      if (text) texts.push([index, text]);
    });
    if (texts.length === 0) continue;
    for (const spec of SPECS) {
      const match = matchRow(spec, texts, row);
      const named = namedAs(spec, sheetName);
      if (match.columns.size < (named ? 1 : HEADINGS_NEEDED)) continue;
      const score = match.columns.size + (named ? 0.5 : 0);
      if (!best || score > best.score) best = { match, score };
    }
  }
  return best?.match;
};

/** The worksheet as a sheet kind's table, or undefined when its headings are not a kind's. */
export const tableOf = (worksheet: Worksheet, sheetName = worksheet.name): SheetTable | undefined => {
  const match = recognise(worksheet, sheetName);
  if (!match) return undefined;
  const rows: TableRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, number) => {
    if (number <= match.row) return;
    const cells = new Map<string, Cell>();
    for (const [key, column] of match.columns) {
      const cell = cellOf(row.getCell(column.index).value);
      if (cell.kind !== 'empty') cells.set(key, cell);
    }
    if (cells.size > 0) rows.push({ row: number, cells });
  });
  return { name: sheetName, kind: match.spec.kind, headingRow: match.row, columns: match.columns, repeated: match.repeated, rows };
};
