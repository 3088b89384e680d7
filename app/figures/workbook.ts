import ExcelJS from 'exceljs';
import { CONTRACT_TYPES, CONTRACT_TYPE_NAMES } from '../../domain/vocabulary.ts';
import { sameRegion } from '../programmes/region.ts';
import type { Targets } from '../programmes/schema.ts';
import { MEASURES, progress, SPLIT_NAMES, valueOf } from './measures.ts';
import { SPLITS, type Figures, type Split, type SplitRow } from './query.ts';
import type { FiguresReport } from './report.ts';
import { categoryLabel } from './subject.ts';

const AMOUNT_FORMAT = '#,##0';
const PERCENT_FORMAT = '0.0"%"';

const title = (report: FiguresReport): string[][] => [
  ['项目 Programme', report.programme ? `${report.programme.name} (${report.programme.code})` : '全部 All records'],
  ['期间 Period', report.period ? `${report.period.from} – ${report.period.to}（不含 excl.）` : '全部 All time'],
  ...(report.filter ? [['范围 Filter', report.filter.label]] : []),
];

/** The cells after a row's name: each targeted figure with its target and progress, then the rest. */
const rowCells = (figures: Figures, targets: Targets): (number | string | null)[] => [
  ...MEASURES.flatMap((m) => [valueOf(figures, m.key), targets[m.key] ?? null, progress(valueOf(figures, m.key), targets[m.key])]),
  ...CONTRACT_TYPES.map((type) => figures.byType[type]),
  figures.medianDaysToDocking,
  figures.medianDaysToSigning,
  figures.milestonesDue,
  figures.milestonesOnTime,
];

const HEADINGS = [
  ...MEASURES.flatMap((m) => [`${m.zh} ${m.en}`, '目标 Target', '完成率 Progress']),
  ...CONTRACT_TYPES.map((type) => `${CONTRACT_TYPE_NAMES[type]} ${type}`),
  '需求→对接（天，中位数） Days to docking (median)',
  '对接→签约（天，中位数） Days to signing (median)',
  '到期里程碑 Milestones due',
  '按期完成 On time',
];

const formatColumns = (sheet: ExcelJS.Worksheet, first: number): void => {
  MEASURES.forEach((m, i) => {
    const column = first + i * 3;
    if (m.money) {
      sheet.getColumn(column).numFmt = AMOUNT_FORMAT;
      sheet.getColumn(column + 1).numFmt = AMOUNT_FORMAT;
    }
    sheet.getColumn(column + 2).numFmt = PERCENT_FORMAT;
  });
  for (let c = first; c < first + HEADINGS.length; c += 1) sheet.getColumn(c).width = 14;
};

/** A split row's targets: a region's own programme's, when a provincial programme covers it; else none. */
const rowTargets = (report: FiguresReport, split: Split, row: SplitRow): Targets =>
  split === 'region' && row.key !== null ? (report.childTargets.find((c) => c.regions.some((r) => sameRegion(r, row.key!)))?.targets ?? {}) : {};

const rowName = (split: Split, row: SplitRow): string => (split === 'category' ? categoryLabel(row.key, 'zh') : (row.label ?? row.key ?? '未填 not given'));

/**
 * The figures as a workbook for the ministry: 汇总 (each figure against its target, then the
 * contract types, medians and milestones), then one sheet per split with the programme's total
 * and targets on top and each row's figures, targets (a region's own programme's) and progress beside them.
 */
export const figuresWorkbook = async (report: FiguresReport): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  const summary = workbook.addWorksheet('汇总', { views: [{ state: 'frozen', ySplit: 0 }] });
  for (const line of title(report)) summary.addRow(line);
  summary.addRow([]);
  summary.addRow(['指标 Figure', '完成 Achieved', '目标 Target', '完成率 Progress']).font = { bold: true };
  const total = report.figures.total;
  for (const m of MEASURES) {
    const row = summary.addRow([
      `${m.zh} ${m.en}`,
      valueOf(total, m.key),
      report.targets[m.key] ?? null,
      progress(valueOf(total, m.key), report.targets[m.key]),
    ]);
    if (m.money) for (const c of [2, 3]) row.getCell(c).numFmt = AMOUNT_FORMAT;
    row.getCell(4).numFmt = PERCENT_FORMAT;
  }
  for (const type of CONTRACT_TYPES) summary.addRow([`  ${CONTRACT_TYPE_NAMES[type]} ${type}`, total.byType[type]]);
  summary.addRow(['需求→对接（天，中位数） Days to docking (median)', total.medianDaysToDocking]);
  summary.addRow(['对接→签约（天，中位数） Days to signing (median)', total.medianDaysToSigning]);
  summary.addRow(['到期里程碑 Milestones due', total.milestonesDue]);
  summary.addRow(['按期完成 Milestones on time', total.milestonesOnTime, null, progress(total.milestonesOnTime, total.milestonesDue)]).getCell(4).numFmt =
    PERCENT_FORMAT;
  summary.getColumn(1).width = 44;
  for (const c of [2, 3, 4]) summary.getColumn(c).width = 16;

  for (const split of SPLITS) {
    const names = SPLIT_NAMES[split];
    const sheet = workbook.addWorksheet(names.zh);
    for (const line of title(report)) sheet.addRow(line);
    sheet.addRow([]);
    const header = sheet.addRow([`${names.key.zh} ${names.key.en}`, ...HEADINGS]);
    header.font = { bold: true };
    sheet.views = [{ state: 'frozen', ySplit: header.number, xSplit: 1 }];
    sheet.addRow(['合计 Total', ...rowCells(total, report.targets)]).font = { bold: true };
    for (const row of report.figures.splits[split]) sheet.addRow([rowName(split, row), ...rowCells(row, rowTargets(report, split, row))]);
    sheet.getColumn(1).width = 28;
    formatColumns(sheet, 2);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
