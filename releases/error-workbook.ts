import type ExcelJS from 'exceljs';
import { decodeAddress, encodeAddress } from './addresses.ts';
import './exceljs-validations.ts';
import { loadReleaseFile, type ReleaseFile } from './read-file.ts';
import type { ImportProblem, ImportReport, Language } from './report.ts';
import type { SheetTable } from './tables.ts';
import { wordsFor } from './words.ts';

const PROBLEM_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const HEADING_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF9999' } };

/**
 * exceljs reads a rule over a range as one entry per cell and, writing them back, can emit
 * overlapping ranges that Excel reports as damage. The entries of one rule and column become
 * their range again.
 */
const compactValidations = (worksheet: ExcelJS.Worksheet): void => {
  const runs = new Map<ExcelJS.DataValidation, Map<number, number[]>>();
  const kept: Record<string, ExcelJS.DataValidation | undefined> = {};
  for (const [address, rule] of Object.entries(worksheet.dataValidations.model)) {
    const cell = rule && decodeAddress(address);
    if (!rule || !cell) {
      kept[address] = rule;
      continue;
    }
    const columns = runs.get(rule) ?? new Map<number, number[]>();
    columns.set(cell.column, [...(columns.get(cell.column) ?? []), cell.row]);
    runs.set(rule, columns);
  }
  for (const [rule, columns] of runs) {
    for (const [column, rows] of columns) {
      rows.sort((a, b) => a - b);
      let start = rows[0]!;
      for (const [index, row] of rows.entries()) {
        const next = rows[index + 1];
        if (next === row + 1) continue;
        kept[start === row ? encodeAddress(column, row) : `${encodeAddress(column, start)}:${encodeAddress(column, row)}`] = rule;
        if (next !== undefined) start = next;
      }
    }
  }
  worksheet.dataValidations.model = kept;
};

/** Cells read from a file share their style objects: a cell's own copy is changed, never the shared one. */
const restyle = (cell: ExcelJS.Cell, style: Partial<ExcelJS.Style>): void => {
  cell.style = { ...cell.style, ...style };
};

const markTable = (worksheet: ExcelJS.Worksheet, table: SheetTable, problems: readonly ImportProblem[], language: Language): void => {
  const words = wordsFor(language);
  const headings = worksheet.getRow(table.headingRow);
  let lastColumn = 0;
  headings.eachCell((_cell, index) => (lastColumn = Math.max(lastColumn, index)));
  const problemColumn = lastColumn + 1;
  const heading = headings.getCell(problemColumn);
  heading.value = words.problemsHeading;
  restyle(heading, { font: { bold: true }, fill: HEADING_FILL });
  worksheet.getColumn(problemColumn).width = 60;

  const columnIndex = new Map<string, number>();
  for (const column of [...table.columns.values(), ...table.repeated]) if (!columnIndex.has(column.heading)) columnIndex.set(column.heading, column.index);
  const byRow = new Map<number, ImportProblem[]>();
  for (const problem of problems) byRow.set(problem.row, [...(byRow.get(problem.row) ?? []), problem]);
  for (const [row, rowProblems] of byRow) {
    const cell = worksheet.getCell(row, problemColumn);
    cell.value = rowProblems.map((p) => (p.column ? `${language === 'zh' ? `「${p.column}」` : `${p.column}: `}${p.message}` : p.message)).join('\n');
    restyle(cell, { alignment: { wrapText: true, vertical: 'top' }, font: { color: { argb: 'FF9C0006' } } });
    for (const problem of rowProblems) {
      const index = columnIndex.get(problem.column);
      if (index !== undefined) restyle(worksheet.getCell(row, index), { fill: PROBLEM_FILL });
    }
  }
};

/**
 * The file back as a workbook, with a 问题 / Problems column on every sheet that was read saying
 * what is wrong on each row, and the cells at fault highlighted. A CSV file comes back as .xlsx.
 */
export const errorWorkbook = async (file: ReleaseFile, report: ImportReport, language: Language): Promise<Buffer> => {
  const { workbook, tables } = await loadReleaseFile(file, language, Number.POSITIVE_INFINITY);
  for (const table of tables) {
    const worksheet = workbook.worksheets.find((w) => w.name === table.name) ?? workbook.worksheets[0]!;
    markTable(
      worksheet,
      table,
      report.errors.filter((problem) => problem.sheet === table.name),
      language,
    );
  }
  for (const worksheet of workbook.worksheets) compactValidations(worksheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
