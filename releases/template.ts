import ExcelJS from 'exceljs';
import type { Column } from './columns.ts';
import './exceljs-validations.ts';
import type { Language } from './report.ts';
import { SHEETS, TEMPLATE_ORDER } from './sheets/index.ts';
import { labelOf, type Vocabulary } from './vocabularies.ts';
import { wordsFor } from './words.ts';

/** Rows that get the drop-downs: more than any event has released in one sheet. */
export const TEMPLATE_ROWS = 5000;

/** The hidden sheet holding the drop-downs' lists: Excel allows only 255 characters in a list typed into the rule. */
export const OPTIONS_SHEET: Readonly<Record<Language, string>> = { zh: '选项', en: 'Options' };

const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
const OPTIONAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };

const noteOf = (column: Column, language: Language): string => {
  const words = wordsFor(language);
  const otherHeading = language === 'zh' ? `英文列名：${column.heading.en}` : `Chinese heading: ${column.heading.zh}`;
  return [otherHeading, column.required ? words.required : words.optional, column.note[language]].join('\n');
};

/** Writes each list once on the hidden sheet; returns where each list is, as a formula for a list rule. */
const writeLists = (sheet: ExcelJS.Worksheet, language: Language): Map<Vocabulary, string> => {
  const where = new Map<Vocabulary, string>();
  const lists = [...new Set(TEMPLATE_ORDER.flatMap((kind) => SHEETS[kind].columns.flatMap((column) => (column.choices ? [column.choices] : []))))];
  for (const [index, vocabulary] of lists.entries()) {
    const column = sheet.getColumn(index + 1);
    column.values = [vocabulary.name, ...vocabulary.entries.map((entry) => labelOf(entry, language))];
    column.width = 24;
    where.set(vocabulary, `'${sheet.name}'!$${column.letter}$2:$${column.letter}$${vocabulary.entries.length + 1}`);
  }
  return where;
};

/**
 * An empty release workbook: one sheet per kind with its headings in row 1 (bold, frozen, each with
 * a note giving the other language's heading and what is expected), text formatting where Excel would
 * otherwise turn numbers into dates, and a drop-down on every enumerated column.
 */
export const templateWorkbook = async (language: Language): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '千校万企';
  const sheets = TEMPLATE_ORDER.map((kind) => {
    const spec = SHEETS[kind];
    return { spec, sheet: workbook.addWorksheet(spec.names[language], { views: [{ state: 'frozen', ySplit: 1 }] }) };
  });
  const optionsSheet = workbook.addWorksheet(OPTIONS_SHEET[language], { state: 'hidden' });
  const lists = writeLists(optionsSheet, language);

  for (const { spec, sheet } of sheets) {
    sheet.columns = spec.columns.map((column) => ({
      header: column.heading[language],
      key: column.key,
      width: Math.max(column.width, column.heading[language].length * (language === 'zh' ? 2 : 1) + 4),
      ...(column.numeric ? {} : { style: { numFmt: '@' } }),
    }));
    const headings = sheet.getRow(1);
    headings.font = { bold: true };
    for (const [index, column] of spec.columns.entries()) {
      const cell = headings.getCell(index + 1);
      cell.fill = column.required ? REQUIRED_FILL : OPTIONAL_FILL;
      cell.note = noteOf(column, language);
      const list = column.choices && lists.get(column.choices);
      if (!list) continue;
      const letter = sheet.getColumn(index + 1).letter;
      const rule: ExcelJS.DataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [list],
        showErrorMessage: true,
        // Several values in one cell ("转让、许可") must stay possible: the list then only suggests.
        errorStyle: column.multiple ? 'information' : 'stop',
        errorTitle: column.heading[language],
        // Excel shows at most 225 characters of an error message.
        error: column.note[language].slice(0, 225),
      };
      sheet.dataValidations.add(`${letter}2:${letter}${TEMPLATE_ROWS}`, rule);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
