import ExcelJS from 'exceljs';
import type { PrismaClient } from '../../lib/prisma.ts';
import { ValidationError } from '../../lib/validation.ts';
import { saveProgramme, type ProgrammeRecord } from './store.ts';

/** The columns of the programmes sheet: heading (Chinese, English) and the field it fills. */
const COLUMNS = [
  { zh: '编号', en: 'code', field: 'code' },
  { zh: '名称', en: 'name', field: 'name' },
  { zh: '级别', en: 'level', field: 'level' },
  { zh: '上级', en: 'parent', field: 'parent' },
  { zh: '地区', en: 'regions', field: 'regions' },
  { zh: '开始', en: 'starts', field: 'startsOn' },
  { zh: '结束', en: 'ends', field: 'endsOn' },
  { zh: '协调人', en: 'coordinators', field: 'coordinatorIds' },
  { zh: '高校目标', en: 'universities', field: 'universities' },
  { zh: '企业目标', en: 'enterprises', field: 'enterprises' },
  { zh: '专家目标', en: 'experts', field: 'experts' },
  { zh: '转化目标', en: 'transformations', field: 'transformations' },
  { zh: '合同金额目标', en: 'amount', field: 'amountCny' },
  { zh: '对接目标', en: 'dockings', field: 'dockings' },
] as const;
type Field = (typeof COLUMNS)[number]['field'];
const TARGET_FIELDS: readonly Field[] = ['universities', 'enterprises', 'experts', 'transformations', 'amountCny', 'dockings'];
const LEVELS: Readonly<Record<string, string>> = {
  国家: 'national',
  全国: 'national',
  国家级: 'national',
  省级: 'provincial',
  省: 'provincial',
  省份: 'provincial',
};

export const PROGRAMMES_SHEET = '项目目标';

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return cellText(value.result);
    return '';
  }
  return String(value).trim();
};

const list = (text: string): string[] =>
  text
    .split(/[,，、;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The column a heading names: its Chinese or English word, in any case, with or without the other. */
const fieldOf = (heading: string): Field | undefined => {
  const h = heading.toLowerCase();
  return [...COLUMNS].sort((a, b) => b.zh.length - a.zh.length).find((c) => h.includes(c.zh) || h.split(/[\s/()（）]+/).includes(c.en))?.field;
};

/**
 * Creates or updates the programmes of a workbook's 项目目标 sheet (or its first sheet), one row
 * each, parents before children whatever the row order. Every row is checked before any is
 * written; the problems are named by row and column.
 */
export const importProgrammesWorkbook = async (prisma: PrismaClient, bytes: Buffer | ArrayBuffer, source: string): Promise<ProgrammeRecord[]> => {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as ArrayBuffer);
  } catch (error) {
    throw new ValidationError(`${source}: not an .xlsx workbook (${(error as Error).message})`);
  }
  const sheet = workbook.getWorksheet(PROGRAMMES_SHEET) ?? workbook.worksheets[0];
  if (!sheet) throw new ValidationError(`${source}: the workbook has no sheet`);
  const header = sheet.getRow(1);
  const fields = new Map<number, Field>();
  header.eachCell((cell, column) => {
    const field = fieldOf(cellText(cell.value));
    if (field) fields.set(column, field);
  });
  for (const required of ['code', 'name', 'level', 'startsOn', 'endsOn'] as const)
    if (![...fields.values()].includes(required))
      throw new ValidationError(`${source}: sheet ${sheet.name}: no column ${COLUMNS.find((c) => c.field === required)!.zh} (${required})`);
  const rows: { row: number; value: Record<string, unknown> }[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const cells = new Map<Field, string>();
    for (const [column, field] of fields) cells.set(field, cellText(row.getCell(column).value));
    if ([...cells.values()].every((v) => v === '')) return;
    const targets: Record<string, string> = {};
    for (const field of TARGET_FIELDS) if (cells.get(field)) targets[field] = cells.get(field)!.replace(/,/g, '');
    const level = cells.get('level') ?? '';
    rows.push({
      row: number,
      value: {
        code: cells.get('code'),
        name: cells.get('name'),
        level: LEVELS[level] ?? level.toLowerCase(),
        regions: list(cells.get('regions') ?? ''),
        coordinatorIds: list(cells.get('coordinatorIds') ?? ''),
        startsOn: cells.get('startsOn'),
        endsOn: cells.get('endsOn'),
        ...(cells.get('parent') ? { parent: cells.get('parent') } : {}),
        targets,
      },
    });
  });
  if (rows.length === 0) throw new ValidationError(`${source}: sheet ${sheet.name} has no programme rows`);
  const ordered = [...rows].sort((a, b) => Number(Boolean(a.value.parent)) - Number(Boolean(b.value.parent)));
  const saved: ProgrammeRecord[] = [];
  await prisma.$transaction(async (tx) => {
    for (const { row, value } of ordered) saved.push((await saveProgramme(tx, value, `${source}: sheet ${sheet.name} row ${row}`)).record);
  });
  return saved;
};

/** An example sheet: the national action and Liaoning's, with the notice's targets. */
export const programmesTemplate = async (): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(PROGRAMMES_SHEET);
  sheet.addRow(COLUMNS.map((c) => `${c.zh} ${c.en}`)).font = { bold: true };
  sheet.addRow(['CN', '千校万企协同创新伙伴行动', '国家', '', '', '2023-01-01', '2027-12-31', '', 1000, 10000, '', '', '', '']);
  sheet.addRow(['LN', '辽宁省千校万企协同创新伙伴行动', '省级', 'CN', '辽宁省', '2023-01-01', '2025-12-31', '', 100, 1000, 2000, 7000, '', '']);
  sheet.columns.forEach((column) => (column.width = 16));
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
