import path from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ImportRefused } from './errors.ts';
import type { Language } from './report.ts';
import { SHEETS, TEMPLATE_ORDER } from './sheets/index.ts';
import { tableOf, type SheetTable } from './tables.ts';
import { wordsFor } from './words.ts';

export interface ReleaseFile {
  readonly name: string;
  readonly bytes: Buffer;
}

export interface LoadedFile {
  readonly workbook: ExcelJS.Workbook;
  readonly format: 'xlsx' | 'csv';
  /** The worksheets recognised as sheet kinds, in the workbook's order. */
  readonly tables: readonly SheetTable[];
}

const startsWith = (bytes: Buffer, magic: readonly number[]): boolean => magic.every((byte, index) => bytes[index] === byte);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The compound-file header of .xls (and .doc, .ppt). */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * A text file's characters. Excel saves CSV as UTF-8 (with a BOM), in the system's code page
 * (GB18030 on Chinese Windows), or as "Unicode text" (UTF-16LE, tab-separated).
 */
const decodeText = (bytes: Buffer): string | undefined => {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes.includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      return undefined;
    }
  }
};

/** Tabs in the heading line and no commas: a tab-separated file. */
const delimiterOf = (text: string): string => {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  return firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
};

const readCsv = async (workbook: ExcelJS.Workbook, text: string, sheetName: string): Promise<void> => {
  // Every value stays text: the columns read numbers themselves, and exceljs would turn 2026-03 into a date.
  await workbook.csv.read(Readable.from([text]), { sheetName, map: (value: unknown) => value, parserOptions: { delimiter: delimiterOf(text) } });
};

const isXlsx = (name: string): boolean => /\.(xlsx|xlsm)$/i.test(name);

/**
 * Reads a release file: an .xlsx workbook or a CSV file (one sheet, its kind told by its
 * headings). Refuses, with one sentence in the person's language, what is too large, not a
 * spreadsheet, or has no sheet whose headings this import knows.
 */
export const loadReleaseFile = async (file: ReleaseFile, language: Language, maxBytes: number): Promise<LoadedFile> => {
  const refused = wordsFor(language).refused;
  const name = path.basename(file.name);
  if (file.bytes.length > maxBytes) throw new ImportRefused(refused.tooLarge(name, file.bytes.length, maxBytes), language);
  if (startsWith(file.bytes, OLE)) throw new ImportRefused(/\.xls$/i.test(name) ? refused.legacyExcel(name) : refused.notSpreadsheet(name), language);

  const workbook = new ExcelJS.Workbook();
  let format: LoadedFile['format'];
  if (startsWith(file.bytes, ZIP)) {
    format = 'xlsx';
    try {
      // A copy as a plain ArrayBuffer, the type exceljs declares (JSZip reads either).
      await workbook.xlsx.load(new Uint8Array(file.bytes).buffer);
    } catch {
      throw new ImportRefused(isXlsx(name) ? refused.unreadable(name) : refused.notSpreadsheet(name), language);
    }
    if (workbook.worksheets.length === 0) throw new ImportRefused(refused.notSpreadsheet(name), language);
  } else {
    const text = decodeText(file.bytes);
    if (text === undefined || isXlsx(name)) throw new ImportRefused(isXlsx(name) ? refused.unreadable(name) : refused.notSpreadsheet(name), language);
    format = 'csv';
    try {
      await readCsv(
        workbook,
        text,
        path
          .parse(name)
          .name.replace(/[[\]:*?/\\]/g, '_')
          .slice(0, 31) || 'csv',
      );
    } catch {
      throw new ImportRefused(refused.notSpreadsheet(name), language);
    }
  }

  const tables = workbook.worksheets.flatMap((worksheet) => {
    if (worksheet.state !== 'visible') return [];
    const table = tableOf(worksheet, format === 'csv' ? path.parse(name).name : worksheet.name);
    return table ? [table] : [];
  });
  if (tables.length === 0) {
    const examples = new Set(TEMPLATE_ORDER.map((kind) => SHEETS[kind].columns.find((column) => column.required)!.heading[language]));
    throw new ImportRefused(refused.noHeadings(name, [...examples]), language);
  }
  return { workbook, format, tables };
};
