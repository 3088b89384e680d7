import ExcelJS from 'exceljs';
import type { EventReport, ReportRow } from '../../domain/event.ts';
import { reportSummary, SPLIT_HEADERS, splitCells } from './report-lines.ts';

const AMOUNT_FORMAT = '#,##0';

const addSplit = (workbook: ExcelJS.Workbook, name: string, keyHeader: string, rows: readonly ReportRow[]): void => {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([keyHeader, ...SPLIT_HEADERS]).font = { bold: true };
  for (const row of rows) sheet.addRow([...splitCells(row)]);
  sheet.getColumn(1).width = 20;
  for (let c = 2; c <= SPLIT_HEADERS.length + 1; c += 1) sheet.getColumn(c).width = 14;
  sheet.getColumn(SPLIT_HEADERS.length + 1).numFmt = AMOUNT_FORMAT;
};

/** The event's report as a workbook: a summary sheet, then one sheet per split (industry, region). */
export const writeReportWorkbook = async (report: EventReport, file: string): Promise<void> => {
  const workbook = new ExcelJS.Workbook();
  const summary = workbook.addWorksheet('汇总');
  summary.addRow(['指标 Figure', '数值 Value']).font = { bold: true };
  for (const [label, value] of reportSummary(report)) summary.addRow([label, value]);
  summary.getColumn(1).width = 32;
  summary.getColumn(2).width = 36;
  summary.getColumn(2).numFmt = AMOUNT_FORMAT;
  addSplit(workbook, '按行业', '行业 Industry', report.byIndustry);
  addSplit(workbook, '按地区', '地区 Region', report.byRegion);
  await workbook.xlsx.writeFile(file);
};
