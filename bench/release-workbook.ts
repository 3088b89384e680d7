/**
 * A synthetic pool as the release workbook an event's organisers would send: 成果, 需求 and 单位
 * sheets under the template's headings, fields in the programme's list of industries.
 */
import ExcelJS from 'exceljs';
import type { syntheticPool } from '../matching/eval/synthetic.ts';
import type { SheetKind } from '../releases/index.ts';
import { SHEETS } from '../releases/sheets/index.ts';
import { closest } from '../releases/text.ts';
import { formsOf, INDUSTRY_VOCABULARY } from '../releases/vocabularies.ts';

type Pool = ReturnType<typeof syntheticPool>;
type Row = Readonly<Record<string, string | number>>;

/** The concept map names a few fields the programme's list does not (汽车电子, 医疗): each becomes its closest industry, or is left out. */
const industries = (fields: readonly string[]): string => {
  const listed = fields.flatMap((field) => closest(field, INDUSTRY_VOCABULARY.entries, formsOf)?.value ?? []);
  return [...new Set(listed.length > 0 ? listed : ['智能制造'])].join('、');
};

/** Titles repeated by the same organisation would be one release: the later ones get their id. */
const distinctTitles = <R extends { id: string; title: string }>(rows: readonly R[], owner: (row: R) => string): R[] => {
  const seen = new Set<string>();
  return rows.map((row) => {
    const key = `${row.title}\u0000${owner(row)}`;
    if (seen.has(key)) return { ...row, title: `${row.title}（${row.id}）` };
    seen.add(key);
    return row;
  });
};

const addSheet = (workbook: ExcelJS.Workbook, kind: SheetKind, rows: readonly Row[]): void => {
  const spec = SHEETS[kind];
  const sheet = workbook.addWorksheet(spec.names.zh);
  const columns = spec.columns.filter((column) => rows.some((row) => row[column.key] !== undefined));
  sheet.addRow(columns.map((column) => column.heading.zh));
  for (const row of rows) sheet.addRow(columns.map((column) => row[column.key] ?? null));
};

/** The pool's releases, numbered R-<id>, with the organisations they name, as one .xlsx. */
export const releaseWorkbook = async (pool: Pool, region: string): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  addSheet(
    workbook,
    'achievements',
    distinctTitles(pool.achievements, (a) => a.university).map((a) => ({
      releaseNumber: `R-${a.id}`,
      title: a.title,
      summary: a.summary,
      fields: industries(a.fields),
      keywords: a.keywords.join('、'),
      maturity: a.maturity,
      cooperationModes: a.cooperationModes.join('、'),
      university: a.university,
      region: a.region,
    })),
  );
  addSheet(
    workbook,
    'demands',
    distinctTitles(pool.demands, (d) => d.enterprise).map((d) => ({
      releaseNumber: `R-${d.id}`,
      title: d.title,
      description: d.description,
      fields: industries(d.fields),
      budgetWan: d.budgetWan,
      cooperationModes: d.cooperationModes.join('、'),
      enterprise: d.enterprise,
      region: d.region,
    })),
  );
  const organisations = [
    ...[...new Set(pool.achievements.map((a) => a.university))].map((name) => ({ name, kind: '高校', region })),
    ...[...new Set(pool.demands.map((d) => d.enterprise))].map((name) => ({ name, kind: '企业', region })),
  ];
  addSheet(workbook, 'organisations', organisations);
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
