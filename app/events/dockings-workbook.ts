import ExcelJS from 'exceljs';
import type { DockingEdit } from '../../domain/event.ts';
import { ValidationError } from '../../lib/validation.ts';
import type { DockingRow } from './dockings.ts';

const SHEET = '对接清单';
const KEEP_HEADER = '保留';
const COLUMNS = [
  { header: '需求编号', key: 'demandNumber', width: 16 },
  { header: '技术需求', key: 'demandTitle', width: 36 },
  { header: '企业', key: 'enterprise', width: 24 },
  { header: '成果编号', key: 'achievementNumber', width: 16 },
  { header: '科技成果', key: 'achievementTitle', width: 36 },
  { header: '高校', key: 'university', width: 20 },
  { header: '匹配度', key: 'score', width: 8 },
  { header: '排名', key: 'rank', width: 6 },
  { header: '匹配理由', key: 'reasons', width: 50 },
  { header: '状态', key: 'status', width: 10 },
  { header: '项目编号', key: 'partnership', width: 16 },
  { header: KEEP_HEADER, key: 'keep', width: 8 },
] as const;

const STATUS_WORDS = { listed: '推荐', added: '人工添加', struck: '已删除', launched: '已发起' } as const;
const STRIKE_WORDS = new Set(['否', '删除', '不保留', 'no', 'n', 'strike', 'x', '×']);
const KEEP_WORDS = new Set(['是', '保留', 'yes', 'y', 'keep', '']);

/** The docking list as a workbook coordinators edit: one row per pair, 保留 是/否 to keep or strike, rows added for new pairs. */
export const writeDockingsWorkbook = async (rows: readonly DockingRow[], file: string): Promise<void> => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ ...c }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    sheet.addRow({
      ...row,
      score: row.score === null ? '' : Math.round(row.score * 1000) / 1000,
      rank: row.rank ?? '',
      reasons: row.reasons.join('；'),
      status: STATUS_WORDS[row.status],
      partnership: row.partnership ?? '',
      keep: row.status === 'struck' ? '否' : '是',
    });
  }
  const keepColumn = COLUMNS.findIndex((c) => c.key === 'keep') + 1;
  for (let r = 2; r <= rows.length + 1; r += 1) {
    sheet.getCell(r, keepColumn).dataValidation = { type: 'list', allowBlank: true, formulae: ['"是,否"'] };
  }
  await workbook.xlsx.writeFile(file);
};

const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((part) => part.text).join('');
  if (typeof value === 'object' && 'result' in value) return cellText(value.result);
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === 'object' ? '' : String(value);
};

/** The coordinators' choices from an edited docking workbook: each row kept or struck; a row whose ids are not on the list adds that pair. */
export const readDockingsWorkbook = async (file: string): Promise<DockingEdit[]> => {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (error) {
    throw new ValidationError(`${file}: not a workbook (${(error as Error).message})`);
  }
  const sheet = workbook.getWorksheet(SHEET) ?? workbook.worksheets[0];
  if (!sheet) throw new ValidationError(`${file}: no sheet`);
  const headers = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, column) => headers.set(cellText(cell.value).trim(), column));
  const column = (header: string): number => {
    const found = headers.get(header);
    if (!found) throw new ValidationError(`${file}: no column ${header}`);
    return found;
  };
  const [demand, achievement, keep] = [column('需求编号'), column('成果编号'), column(KEEP_HEADER)];
  const edits: DockingEdit[] = [];
  const problems: string[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    const demandId = cellText(row.getCell(demand).value).trim();
    const achievementId = cellText(row.getCell(achievement).value).trim();
    if (!demandId && !achievementId) return;
    const choice = cellText(row.getCell(keep).value).trim().toLowerCase();
    if (!demandId || !achievementId) problems.push(`row ${number}: give both 需求编号 and 成果编号`);
    else if (STRIKE_WORDS.has(choice)) edits.push({ demandId, achievementId, choice: 'strike' });
    else if (KEEP_WORDS.has(choice)) edits.push({ demandId, achievementId, choice: 'keep' });
    else problems.push(`row ${number}: ${KEEP_HEADER} "${choice}": expected 是 or 否`);
  });
  if (problems.length > 0) throw new ValidationError(`${file}: ${problems.join('; ')}`);
  if (edits.length === 0) throw new ValidationError(`${file}: no pairs`);
  return edits;
};
