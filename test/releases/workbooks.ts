/** Release files as people make them, built at test time with exceljs. */
import ExcelJS from 'exceljs';
import { templateWorkbook, type Language } from '../../releases/index.ts';

export type CellInput = ExcelJS.CellValue;
export type RowInput = Readonly<Record<string, CellInput>>;
export type SheetRows = Readonly<Record<string, readonly RowInput[]>>;

export const loadWorkbook = async (bytes: Buffer): Promise<ExcelJS.Workbook> => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
};

const bytesOf = async (workbook: ExcelJS.Workbook): Promise<Buffer> => Buffer.from(await workbook.xlsx.writeBuffer());

/** The template filled in: each row's cells under the template's headings (a heading it lacks fails the test). */
export const fillTemplate = async (language: Language, sheets: SheetRows): Promise<Buffer> => {
  const workbook = await loadWorkbook(await templateWorkbook(language));
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.getWorksheet(name);
    if (!sheet) throw new Error(`the template has no sheet ${name}`);
    const headings = (sheet.getRow(1).values as CellInput[]).slice(1).map(String);
    for (const row of rows) {
      const unknown = Object.keys(row).filter((heading) => !headings.includes(heading));
      if (unknown.length > 0) throw new Error(`the template's ${name} sheet has no heading ${unknown.join(', ')}`);
      sheet.addRow(headings.map((heading) => row[heading] ?? null));
    }
  }
  return bytesOf(workbook);
};

/** A workbook of its own: a sheet per entry, headings from the rows' keys (or given), optional lines above them. */
export const workbookOf = async (
  sheets: SheetRows,
  options: { above?: readonly string[]; headings?: Readonly<Record<string, readonly string[]>> } = {},
): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const line of options.above ?? []) sheet.addRow([line]);
    const headings = options.headings?.[name] ?? [...new Set(rows.flatMap((row) => Object.keys(row)))];
    sheet.addRow([...headings]);
    for (const row of rows) sheet.addRow(headings.map((heading) => row[heading] ?? null));
  }
  return bytesOf(workbook);
};

/** A CSV field: CSV files hold text, so only plain values are written. */
const csvField = (value: string | number | null | undefined): string => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** A CSV file of rows, headings from their keys. */
export const csvOf = (rows: readonly Readonly<Record<string, string | number | null>>[], options: { bom?: boolean } = {}): string => {
  const headings = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const lines = [headings, ...rows.map((row) => headings.map((heading) => row[heading] ?? null))].map((cells) => cells.map(csvField).join(','));
  return `${options.bom ? '\ufeff' : ''}${lines.join('\r\n')}\r\n`;
};

/** What a cell of a workbook says. */
export const cellText = (sheet: ExcelJS.Worksheet, row: number, column: number): string => sheet.getRow(row).getCell(column).text;

/** The column under a heading in row `row` (1 by default). */
export const columnOf = (sheet: ExcelJS.Worksheet, heading: string, row = 1): number => {
  let found = 0;
  sheet.getRow(row).eachCell((cell, index) => {
    if (cell.text === heading) found = index;
  });
  if (!found) throw new Error(`no heading ${heading} in ${sheet.name}`);
  return found;
};

export const ORGANISATIONS = [
  { 单位名称: '东北大学', 类型: '高校', 所在地区: '辽宁省' },
  { 单位名称: '大连理工大学', 类型: '高校', 所在地区: '辽宁' },
  { 单位名称: '鞍山华冶板材有限公司', 类型: '企业', 所在地区: '辽宁省', 企业类别: '龙头企业', 企业性质: '国有' },
] as const;

export const ACHIEVEMENT = {
  成果编号: 'LN-A-001',
  成果名称: '高铬铸铁轧辊激光熔覆修复技术',
  成果简介: '采用激光熔覆在轧辊表面制备耐磨层，辊面硬度提高15%，已在两条产线应用。',
  所属领域: '冶金、新材料',
  关键词: '轧辊，激光熔覆',
  '成熟度(TRL)': 8,
  合作方式: '转让、许可',
  知识产权: 'ZL202010123456.7（发明专利，已授权）\n2021SR0123456',
  所属高校: '东北大学',
  联系人: '赵磊 024-83687000',
} as const;

export const DEMAND = {
  需求编号: 'LN-D-001',
  需求名称: '热轧板表面氧化铁皮压入缺陷治理',
  需求描述: '热轧板表面出现氧化铁皮压入缺陷，影响表面质量，希望找到除鳞工艺改进方案。',
  所属行业: '冶金',
  '预算(万元)': 150,
  期望合作方式: '合作开发',
  企业名称: '鞍山华冶板材有限公司',
  所在地区: '辽宁',
  联系人: '刘洋',
} as const;

export const PERSON = {
  姓名: '孙婷',
  角色: '技术转移中心',
  所属单位: '大连理工大学',
  邮箱: 'sunting@dut.example.cn',
  飞书open_id: 'ou_0000000000000000000000000000d002',
  语言: '中文',
  接收方式: '飞书',
} as const;
