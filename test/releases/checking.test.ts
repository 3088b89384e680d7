/**
 * Release files checked without a database: the template, reading .xlsx and CSV, every kind of
 * problem named by sheet, row and column, files refused outright, and the workbook of problems.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorWorkbook, ImportRefused, importReleases, templateWorkbook, type ImportReport, type Language } from '../../releases/index.ts';
import type { Cell } from '../../releases/cells.ts';
import { SHEETS } from '../../releases/sheets/index.ts';
import type { SheetTable } from '../../releases/tables.ts';
import { checkTables } from '../../releases/validate.ts';
import { closest, splitValues } from '../../releases/text.ts';
import { formsOf, INDUSTRY_VOCABULARY, REGION_VOCABULARY } from '../../releases/vocabularies.ts';
import { SHEET_KINDS } from '../../releases/report.ts';
import { ACHIEVEMENT, cellText, columnOf, csvOf, DEMAND, fillTemplate, loadWorkbook, ORGANISATIONS, PERSON, workbookOf } from './workbooks.ts';

const check = (name: string, bytes: Buffer | string, language: Language = 'zh', maxBytes = 20 * 1024 * 1024): Promise<ImportReport> =>
  importReleases(null, { name, bytes: typeof bytes === 'string' ? Buffer.from(bytes) : bytes }, { language, maxBytes });

const refusal = async (name: string, bytes: Buffer | string, language: Language = 'zh', maxBytes?: number): Promise<ImportRefused> => {
  const error = await check(name, bytes, language, maxBytes).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ImportRefused);
  return error as ImportRefused;
};

describe('the template', () => {
  it('has a sheet per kind with bold, frozen, annotated headings and a drop-down on every enumerated column, its lists on a hidden sheet', async () => {
    const workbook = await loadWorkbook(await templateWorkbook('zh'));
    expect(workbook.worksheets.map((sheet) => [sheet.name, sheet.state])).toEqual([
      ['成果', 'visible'],
      ['需求', 'visible'],
      ['单位', 'visible'],
      ['人员', 'visible'],
      ['签约', 'visible'],
      ['选项', 'hidden'],
    ]);
    const achievements = workbook.getWorksheet('成果')!;
    const headings = (achievements.getRow(1).values as unknown[]).slice(1);
    expect(headings).toEqual([
      '成果编号',
      '成果名称',
      '成果简介',
      '所属领域',
      '关键词',
      '成熟度(TRL)',
      '合作方式',
      '知识产权',
      '转化状态',
      '所属高校',
      '所在地区',
      '联系人',
    ]);
    expect(achievements.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const title = achievements.getCell('B1');
    expect(title.font?.bold).toBe(true);
    expect(JSON.stringify(title.note)).toContain('Title');
    expect(JSON.stringify(title.note)).toContain('必填');
    expect(achievements.getColumn(2).width).toBeGreaterThanOrEqual(30);

    // A range rule reads back as one entry per cell: the first and last row of each enumerated column.
    const fields = achievements.getCell('D2').dataValidation;
    expect(fields).toMatchObject({ type: 'list', formulae: ["'选项'!$A$2:$A$" + (INDUSTRY_VOCABULARY.entries.length + 1)] });
    expect(achievements.getCell('D5000').dataValidation).toEqual(fields);
    for (const cell of ['F2', 'G2', 'I2', 'K2']) expect(achievements.getCell(cell).dataValidation?.type).toBe('list');
    expect(achievements.getCell('B2').dataValidation).toBeUndefined();
    const options = workbook.getWorksheet('选项')!;
    expect(options.getColumn(1).values.slice(2)).toEqual(INDUSTRY_VOCABULARY.entries.map((entry) => entry.zh));
    expect(achievements.getCell('K2').dataValidation?.formulae[0]).toMatch(/^'选项'!\$[A-Z]\$2:\$[A-Z]\$35$/);

    for (const [sheet, cells] of [
      ['需求', ['D2', 'G2', 'I2']],
      ['单位', ['B2', 'C2', 'D2', 'E2']],
      ['人员', ['B2', 'F2', 'G2']],
    ] as const) {
      for (const cell of cells) expect(workbook.getWorksheet(sheet)!.getCell(cell).dataValidation?.type, `${sheet} ${cell}`).toBe('list');
    }
  });

  it('comes in English, with the Chinese headings in its notes and English choices', async () => {
    const workbook = await loadWorkbook(await templateWorkbook('en'));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Achievements', 'Demands', 'Organisations', 'People', 'Signings', 'Options']);
    const demands = workbook.getWorksheet('Demands')!;
    expect(demands.getCell('B1').value).toBe('Title');
    expect(JSON.stringify(demands.getCell('F1').note)).toContain('预算(万元)');
    const options = workbook.getWorksheet('Options')!;
    expect(options.getColumn(1).values).toContain('metallurgy');
  });
});

describe('reading release files', () => {
  it('reads a filled template, in either language', async () => {
    const zh = await check('releases.xlsx', await fillTemplate('zh', { 成果: [ACHIEVEMENT], 需求: [DEMAND], 单位: ORGANISATIONS, 人员: [PERSON] }));
    expect(zh).toEqual({ rows: 6, valid: 6, errors: [], written: { organisations: 0, people: 0, achievements: 0, demands: 0, signings: 0 }, dryRun: true });

    const en = await check(
      'releases.xlsx',
      await fillTemplate('en', {
        Achievements: [
          {
            Title: 'Laser cladding repair of rolls',
            Summary: 'Wear-resistant layers on hot rolling mill rolls.',
            Fields: 'metallurgy, new materials',
            TRL: 'TRL 7',
            'Cooperation modes': 'licensing; joint development',
            University: 'Northeastern University',
          },
        ],
        Organisations: [{ Organisation: 'Northeastern University', Kind: 'university', Region: 'Liaoning' }],
      }),
      'en',
    );
    expect(en.errors).toEqual([]);
    expect(en.valid).toBe(2);
  });

  it('matches headings whatever their spacing, width, case or position, and tells achievements from demands by them', async () => {
    const bytes = await workbookOf(
      {
        Sheet1: [{ ' 成果 名称 ': '甲', 成果简介: '乙', 所属领域: '冶金', '成熟度（TRL）': 5, 合作方式: '转让', '所属高校*': '东北大学' }],
        Sheet2: [
          {
            ' DEMAND TITLE': 'Roll wear',
            description: 'Rolls wear fast.',
            INDUSTRIES: 'Metallurgy',
            'Budget (10k CNY)': '1,200 万元',
            'Cooperation modes': '技术服务',
            Enterprise: '鞍山华冶板材有限公司',
          },
        ],
        单位: [...ORGANISATIONS],
      },
      { above: ['2026年辽宁省校企对接会发布清单'] },
    );
    const report = await check('mixed.xlsx', bytes);
    expect(report.errors).toEqual([]);
    expect(report.rows).toBe(5);
  });

  it('reads rich text, hyperlinks, formula results, numbers where text is expected and dates', async () => {
    const bytes = await workbookOf({
      成果: [
        {
          成果编号: 2026001,
          成果名称: { richText: [{ text: '轧辊', font: { bold: true } }, { text: '修复技术' }] },
          成果简介: { text: '详见链接', hyperlink: 'https://example.cn/a' },
          所属领域: { formula: '"冶金"', result: '冶金' },
          '成熟度(TRL)': { formula: '3+4', result: 7 },
          合作方式: '许可',
          所属高校: '东北大学',
          联系人: new Date(Date.UTC(2026, 2, 1)),
        },
      ],
      单位: [ORGANISATIONS[0]],
    });
    const report = await check('cells.xlsx', bytes);
    expect(report.errors).toEqual([]);
    expect(report.valid).toBe(2);
  });

  it('reads a CSV file as one sheet, its kind told by its headings, in UTF-8 with or without a BOM, GB18030 and Excel’s Unicode text', async () => {
    const demands = csvOf([{ ...DEMAND, 企业名称: '鞍山华冶板材有限公司' }], { bom: true });
    const organisations = csvOf([...ORGANISATIONS]);
    expect((await check('demands.csv', demands)).errors.map((e) => e.message)).toEqual([
      '“鞍山华冶板材有限公司”不在「单位」表中；如是新单位，请在「单位」表中添加一行',
    ]);
    expect(await check('单位.csv', organisations)).toMatchObject({ rows: 3, valid: 3, errors: [] });
    const gb18030 = Buffer.from([
      // "单位名称,类型,所在地区\r\n东北大学,高校,辽宁\r\n" in GB18030
      0xb5, 0xa5, 0xce, 0xbb, 0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xc0, 0xe0, 0xd0, 0xcd, 0x2c, 0xcb, 0xf9, 0xd4, 0xda, 0xb5, 0xd8, 0xc7, 0xf8, 0x0d, 0x0a, 0xb6,
      0xab, 0xb1, 0xb1, 0xb4, 0xf3, 0xd1, 0xa7, 0x2c, 0xb8, 0xdf, 0xd0, 0xa3, 0x2c, 0xc1, 0xc9, 0xc4, 0xfe, 0x0d, 0x0a,
    ]);
    expect(await check('单位.csv', gb18030)).toMatchObject({ rows: 1, valid: 1, errors: [] });
    // Excel's "Unicode text": UTF-16LE with a byte-order mark, tab-separated.
    const unicodeText = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('单位名称\t类型\t所在地区\r\n东北大学\t高校\t辽宁\r\n', 'utf16le')]);
    expect(await check('单位.txt', unicodeText)).toMatchObject({ rows: 1, valid: 1, errors: [] });
  });
});

describe('files refused outright', () => {
  it('refuses what is not a spreadsheet, an old .xls, a damaged .xlsx, a file without known headings and a file over the limit, in one sentence', async () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    expect((await refusal('photo.png', png)).message).toBe('“photo.png”不是 Excel（.xlsx）或 CSV 文件，无法导入。');
    expect((await refusal('photo.png', png, 'en')).message).toBe('"photo.png" is not an Excel (.xlsx) or CSV file, so it cannot be imported.');
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await refusal('old.xls', xls)).message).toBe('“old.xls”是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 后再导入。');
    expect((await refusal('broken.xlsx', Buffer.from('PK\u0003\u0004 not really a zip'))).message).toBe(
      '“broken.xlsx”无法作为 Excel 文件读取，文件可能已损坏。',
    );
    expect((await refusal('notes.xlsx', await workbookOf({ Sheet1: [{ 日期: '2026-03-01', 备注: '无' }] }))).message).toBe(
      '“notes.xlsx”中没有可识别的表头：第 1 行应为模板中的列名，如“成果名称”、“需求名称”、“单位名称”、“姓名”、“高校”。',
    );
    expect((await refusal('notes.txt', '今天开会\n明天出差\n', 'en')).message).toBe(
      '"notes.txt" has no headings this import knows: row 1 should hold the template\'s headings, such as "Title", "Organisation", "Name", "University".',
    );
    const csv = csvOf([DEMAND]);
    expect((await refusal('big.csv', csv, 'zh', 100)).message).toBe(`“big.csv”有 ${Buffer.byteLength(csv)} B，超过了导入上限 100 B，请拆分后再导入。`);
    expect(await refusal('big.csv', csv, 'en', 100)).toMatchObject({
      language: 'en',
      message: `"big.csv" is ${Buffer.byteLength(csv)} B, over the import limit of 100 B; split it and import the parts.`,
    });
  });
});

describe('problems, each named by sheet, row and column', () => {
  it('names every planted problem in the person’s language, with the closest valid value', async () => {
    const bytes = await fillTemplate('zh', {
      成果: [
        ACHIEVEMENT,
        { ...ACHIEVEMENT, 成果编号: 'LN-A-002', 成果名称: null },
        { ...ACHIEVEMENT, 成果编号: 'LN-A-003', 成果名称: '三', '成熟度(TRL)': '十' },
        { ...ACHIEVEMENT, 成果编号: 'LN-A-004', 成果名称: '四', '成熟度(TRL)': 12, 合作方式: '转让、专利许可' },
        { ...ACHIEVEMENT, 成果名称: '五' },
        { ...ACHIEVEMENT, 成果编号: null },
        { ...ACHIEVEMENT, 成果编号: 'LN-A-007', 成果名称: '七', 所属高校: '东北大学X' },
        { ...ACHIEVEMENT, 成果编号: 'LN-A-008', 成果名称: '长'.repeat(201) },
        { ...ACHIEVEMENT, 成果编号: 'LN-A-009', 成果名称: '九', 所属领域: 'AI、智能制造', 所在地区: '辽宁' },
        { ...ACHIEVEMENT, 成果编号: 'LN-A-010', 成果名称: '十', 所属高校: '鞍山华冶板材有限公司' },
        { ...ACHIEVEMENT, 成果编号: 'LN-A-011', 成果名称: '十一', 所属领域: '冶金、新才料' },
      ],
      需求: [
        DEMAND,
        { ...DEMAND, 需求编号: 'LN-D-002', 需求名称: '二', '预算(万元)': '二百' },
        { ...DEMAND, 需求编号: 'LN-D-003', 需求名称: '三', 所在地区: '辽宁生' },
      ],
      单位: [...ORGANISATIONS, { 单位名称: '沈阳材料研究所', 类型: '研究所', 所在地区: '辽宁省' }],
      人员: [
        PERSON,
        { ...PERSON, 姓名: '无联系', 邮箱: null, 飞书open_id: null },
        { ...PERSON, 姓名: '错 ID', 邮箱: 'x@dut.example.cn', 飞书open_id: 'abc' },
        { ...PERSON, 姓名: '错邮箱', 邮箱: 'not-an-email', 飞书open_id: null },
        { ...PERSON, 姓名: '研究员', 邮箱: 'y@example.cn', 飞书open_id: null, 所属单位: '沈阳材料研究所' },
      ],
    });
    const report = await check('planted.xlsx', bytes);
    expect(report.errors).toEqual([
      { sheet: '成果', row: 3, column: '成果名称', message: '不能为空' },
      { sheet: '成果', row: 4, column: '成熟度(TRL)', message: '“十”不是数字' },
      { sheet: '成果', row: 5, column: '成熟度(TRL)', message: '应在 1 到 9 之间' },
      { sheet: '成果', row: 5, column: '合作方式', message: '“专利许可”不是可选值，是否应为“许可”？' },
      { sheet: '成果', row: 6, column: '成果编号', message: '与第 2 行重复（成果编号相同）' },
      { sheet: '成果', row: 7, column: '成果名称', message: '与第 2 行重复（成果名称+所属高校相同）' },
      {
        sheet: '成果',
        row: 8,
        column: '所属高校',
        message: '“东北大学X”不在「单位」表中（是否应为“东北大学”？）；如是新单位，请在「单位」表中添加一行',
      },
      { sheet: '成果', row: 9, column: '成果名称', message: '不能超过 200 个字（现有 201 个）' },
      { sheet: '成果', row: 11, column: '所属高校', message: '“鞍山华冶板材有限公司”是企业，不是高校' },
      { sheet: '成果', row: 12, column: '所属领域', message: '“新才料”不是可选值，是否应为“新材料”？' },
      { sheet: '需求', row: 3, column: '预算(万元)', message: '“二百”不是数字' },
      { sheet: '需求', row: 4, column: '所在地区', message: '“辽宁生”不是可选值，是否应为“辽宁省”？' },
      { sheet: '单位', row: 5, column: '类型', message: '“研究所”不是可选值（可选：高校、企业、园区）' },
      { sheet: '人员', row: 3, column: '邮箱', message: '请填写邮箱或飞书 open_id，否则无法联系此人' },
      { sheet: '人员', row: 4, column: '飞书open_id', message: '“abc”不是飞书 open_id（形如 ou_7d8a6e6df7621556ce0d21922b676706）' },
      { sheet: '人员', row: 5, column: '邮箱', message: '“not-an-email”不是有效的邮箱地址' },
      { sheet: '人员', row: 6, column: '所属单位', message: '“沈阳材料研究所”在「单位」表第 5 行，那一行有问题，请先改正' },
    ]);
    expect(report.rows).toBe(11 + 3 + 4 + 5);
    expect(report.valid).toBe(report.rows - new Set(report.errors.map((e) => `${e.sheet}:${e.row}`)).size);
  });

  it('says the same in English, and names a missing or repeated column on the heading row', async () => {
    const bytes = await workbookOf(
      { Achievements: [{ Title: 'A', Summary: 'B', Fields: 'metalurgy', TRL: 3, University: 'Nowhere U', 'Cooperation modes': 'transfer' }] },
      { headings: { Achievements: ['Title', 'Summary', 'Fields', 'TRL', 'University', 'Cooperation modes', 'TITLE'] } },
    );
    const report = await check('en.xlsx', bytes, 'en');
    expect(report.errors).toEqual([
      { sheet: 'Achievements', row: 1, column: 'TITLE', message: 'the column "TITLE" appears more than once' },
      { sheet: 'Achievements', row: 2, column: 'Fields', message: '"metalurgy" is not one of the choices; did you mean "metallurgy"?' },
    ]);
    const missing = await check('en.xlsx', await workbookOf({ Achievements: [{ Title: 'A', Summary: 'B', Fields: 'AI', University: 'X' }] }), 'en');
    expect(missing.errors).toEqual([
      { sheet: 'Achievements', row: 1, column: 'TRL', message: 'the required column "TRL" is missing' },
      { sheet: 'Achievements', row: 1, column: 'Cooperation modes', message: 'the required column "Cooperation modes" is missing' },
    ]);
    expect(missing).toMatchObject({ rows: 1, valid: 0 });
    const unknown = await check(
      'en.xlsx',
      await workbookOf({ Achievements: [{ Title: 'A', Summary: 'B', Fields: 'AI', TRL: 2, 'Cooperation modes': '转让', University: 'Nowhere U' }] }),
      'en',
    );
    expect(unknown.errors.map((e) => e.message)).toEqual([
      '"Nowhere U" is not in the Organisations sheet; if it is new, add it as a row of the Organisations sheet',
    ]);
  });
});

describe('the workbook of problems', () => {
  it('gives back every row with a 问题 column saying what is wrong, and the cells at fault highlighted', async () => {
    const file = {
      name: 'releases.xlsx',
      bytes: await fillTemplate('zh', {
        成果: [ACHIEVEMENT, { ...ACHIEVEMENT, 成果编号: 'LN-A-002', 成果名称: '二', '成熟度(TRL)': 'high', 合作方式: '买断' }],
        单位: [...ORGANISATIONS],
      }),
    };
    const report = await importReleases(null, file, { language: 'zh', maxBytes: 1e8 });
    const workbook = await loadWorkbook(await errorWorkbook(file, report, 'zh'));
    const sheet = workbook.getWorksheet('成果')!;
    const problems = columnOf(sheet, '问题');
    expect(problems).toBe(13);
    expect(cellText(sheet, 2, problems)).toBe('');
    expect(cellText(sheet, 3, 2)).toBe('二');
    expect(cellText(sheet, 3, problems)).toBe('「成熟度(TRL)」“high”不是数字\n「合作方式」“买断”不是可选值（可选：转让、许可、合作开发、技术服务、作价入股）');
    expect(sheet.getCell(3, columnOf(sheet, '成熟度(TRL)')).fill).toMatchObject({ type: 'pattern', fgColor: { argb: 'FFFFC7CE' } });
    expect(JSON.stringify(sheet.getCell(3, columnOf(sheet, '成果名称')).fill ?? {})).not.toContain('FFFFC7CE');
    expect(JSON.stringify(sheet.getCell(2, columnOf(sheet, '成熟度(TRL)')).fill ?? {})).not.toContain('FFFFC7CE');
    expect(columnOf(workbook.getWorksheet('单位')!, '问题')).toBe(6);
    // The drop-downs survive, as ranges again.
    expect(sheet.getCell('G4000').dataValidation?.type).toBe('list');

    const csvFile = { name: 'demands.csv', bytes: Buffer.from(csvOf([{ ...DEMAND, '预算(万元)': 'lots' }])) };
    const csvReport = await importReleases(null, csvFile, { language: 'en', maxBytes: 1e8 });
    const fromCsv = (await loadWorkbook(await errorWorkbook(csvFile, csvReport, 'en'))).worksheets[0]!;
    expect(cellText(fromCsv, 2, columnOf(fromCsv, 'Problems'))).toContain('预算(万元): "lots" is not a number');
  });
});

describe('the checks', () => {
  it('split multi-value cells on 、，,;；/ and line breaks, and suggest only close values', () => {
    expect(splitValues('冶金、新材料，化工,汽车;矿业；纺织/建筑\n氢能\r\n 光伏 ')).toEqual([
      '冶金',
      '新材料',
      '化工',
      '汽车',
      '矿业',
      '纺织',
      '建筑',
      '氢能',
      '光伏',
    ]);
    expect(closest('辽宁', REGION_VOCABULARY.entries, formsOf)?.value).toBe('辽宁省');
    expect(closest('人工智能技术', INDUSTRY_VOCABULARY.entries, formsOf)?.value).toBe('人工智能');
    expect(closest('区块链', INDUSTRY_VOCABULARY.entries, formsOf)).toBeUndefined();
  });

  it('never throw on any cells, and always give a valid row or a named problem', () => {
    const cell: fc.Arbitrary<Cell> = fc.oneof(
      fc.constant<Cell>({ kind: 'empty' }),
      fc.string({ unit: 'grapheme', maxLength: 300 }).map((text): Cell => ({ kind: 'text', text })),
      fc
        .constantFrom('冶金、新材料', '转让', '辽宁', 'TRL 7', '1,200 万元', '东北大学', 'ou_abc123', 'a@b.cn', '高校', '')
        .map((text): Cell => ({ kind: 'text', text })),
      fc.double().map((value): Cell => ({ kind: 'number', value })),
      fc.date().map((value): Cell => ({ kind: 'date', value })),
      fc.boolean().map((value): Cell => ({ kind: 'boolean', value })),
      fc.constantFrom('#N/A', '#REF!', '#VALUE!').map((text): Cell => ({ kind: 'error', text })),
    );
    const table = fc.constantFrom(...SHEET_KINDS).chain((kind) => {
      const columns = SHEETS[kind].columns;
      return fc
        .tuple(
          fc.subarray([...columns], { minLength: 1 }),
          fc.array(fc.array(cell, { minLength: columns.length, maxLength: columns.length }), { minLength: 1, maxLength: 6 }),
        )
        .map(([present, rows]): SheetTable => ({
          name: SHEETS[kind].names.zh,
          kind,
          headingRow: 1,
          columns: new Map(present.map((column, index) => [column.key, { index: index + 1, heading: column.heading.zh }])),
          repeated: [],
          rows: rows.map((cells, index) => ({ row: index + 2, cells: new Map(present.map((column, c) => [column.key, cells[c]!])) })),
        }));
    });
    fc.assert(
      fc.property(fc.array(table, { minLength: 1, maxLength: 3 }), fc.constantFrom<Language>('zh', 'en'), (tables, language) => {
        // Distinct sheet names, as in a workbook.
        const named = tables.map((t, index) => ({ ...t, name: `${t.name}${index}` }));
        const checked = checkTables(named, language, null);
        expect(checked.rows).toBe(named.reduce((sum, t) => sum + t.rows.length, 0));
        // Every row is valid, or a problem names it, or its sheet lacks a required column (named once, on the heading row).
        const namedRows = new Set(checked.problems.filter((p) => p.row > 1).map((p) => `${p.sheet}:${p.row}`));
        const unnamed = named.flatMap((t) => t.rows.filter((r) => !namedRows.has(`${t.name}:${r.row}`)).map(() => t));
        const incomplete = (t: SheetTable) => SHEETS[t.kind].columns.some((c) => c.required && !t.columns.has(c.key));
        expect(checked.valid).toBe(unnamed.filter((t) => !incomplete(t)).length);
        for (const t of unnamed.filter(incomplete)) expect(checked.problems.some((p) => p.sheet === t.name && p.row === 1)).toBe(true);
        for (const problem of checked.problems) {
          expect(problem.message.length).toBeGreaterThan(0);
          const table = named.find((t) => t.name === problem.sheet)!;
          const headings = [...table.columns.values()].map((c) => c.heading);
          if (problem.row > 1) expect(headings).toContain(problem.column);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('refuse any bytes that are not a release file with ImportRefused, and nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom('x.xlsx', 'x.csv', 'x.bin'), async (bytes, name) => {
        const outcome = await check(name, Buffer.from(bytes)).then(
          (report) => report,
          (error: unknown) => error,
        );
        if (outcome instanceof Error) expect(outcome).toBeInstanceOf(ImportRefused);
      }),
      { numRuns: 150 },
    );
  });
});
