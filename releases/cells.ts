import type { CellValue } from 'exceljs';

/** A cell as the columns read it, whatever Excel or a CSV file stored. */
export type Cell =
  | { readonly kind: 'empty' }
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'date'; readonly value: Date }
  | { readonly kind: 'boolean'; readonly value: boolean }
  /** A formula that failed (#N/A, #REF!, …). */
  | { readonly kind: 'error'; readonly text: string };

const EMPTY: Cell = { kind: 'empty' };

const textCell = (text: string): Cell => (text.trim() ? { kind: 'text', text: text.trim() } : EMPTY);

const richText = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && 'richText' in value && Array.isArray(value.richText)) {
    return value.richText.map((run: unknown) => (typeof run === 'object' && run !== null && 'text' in run ? String(run.text) : '')).join('');
  }
  return undefined;
};

/** Reads exceljs's value: rich text and hyperlinks as their text, a formula as its last result. */
export const cellOf = (value: CellValue): Cell => {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'string') return textCell(value);
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value } : EMPTY;
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? EMPTY : { kind: 'date', value };
  if ('error' in value) return { kind: 'error', text: value.error };
  if ('richText' in value) return textCell(richText(value) ?? '');
  if ('hyperlink' in value) return textCell(richText(value.text) ?? value.hyperlink);
  if ('result' in value) return value.result === undefined ? EMPTY : cellOf(value.result);
  return EMPTY;
};

/** A number as a person would have typed it: 20260301, 1.5, never 2.0260301e+7 or 0.30000000000000004. */
export const numberText = (value: number): string =>
  Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : String(Number(value.toPrecision(15)));

/** A date as text, by its calendar day (Excel stores days without a time zone, exceljs reads them as UTC). */
export const dateText = (value: Date): string => value.toISOString().slice(0, 10);

/** The cell as text, or undefined when it is empty. */
export const textOf = (cell: Cell): string | undefined => {
  switch (cell.kind) {
    case 'empty':
      return undefined;
    case 'text':
    case 'error':
      return cell.text;
    case 'number':
      return numberText(cell.value);
    case 'date':
      return Number.isNaN(cell.value.getTime()) ? undefined : dateText(cell.value);
    case 'boolean':
      return cell.value ? 'TRUE' : 'FALSE';
  }
};
