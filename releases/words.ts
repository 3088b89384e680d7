import type { ImportProblem, Language, LarkLookup } from './report.ts';

/** Everything the import says to a person, in their language. */
export interface ImportWords {
  readonly required: string;
  readonly optional: string;
  readonly missing: string;
  readonly tooLong: (max: number, length: number) => string;
  readonly itemTooLong: (item: string, max: number, length: number) => string;
  readonly tooMany: (max: number, count: number) => string;
  readonly notNumber: (typed: string) => string;
  readonly notWholeNumber: (typed: string) => string;
  readonly outOfRange: (min: number, max: number) => string;
  readonly formulaError: (error: string) => string;
  readonly notChoice: (typed: string, suggestion: string | undefined, choices: readonly string[]) => string;
  readonly notEmail: (typed: string) => string;
  readonly notOpenId: (typed: string) => string;
  readonly notMobile: (typed: string) => string;
  readonly notDate: (typed: string) => string;
  readonly rightWithoutNumber: (typed: string) => string;
  readonly scopeWithoutLicence: string;
  readonly enterpriseOnly: string;
  readonly demandOrAchievement: string;
  readonly unknownRelease: (name: string, sheet: string, directoryChecked: boolean) => string;
  readonly releaseOfOtherOwner: (name: string, owner: string, named: string) => string;
  readonly needsEvent: string;
  readonly needsContact: string;
  readonly needsOrganisation: string;
  readonly needsFields: string;
  readonly duplicate: (row: number, what: string, otherSheet: string | undefined) => string;
  readonly unknownOrganisation: (name: string, organisationsSheet: string, directoryChecked: boolean, suggestion: string | undefined) => string;
  readonly organisationOfOtherKind: (name: string, actual: string, expected: string) => string;
  readonly organisationRowHasProblems: (name: string, organisationsSheet: string, row: number) => string;
  readonly missingColumn: (heading: string) => string;
  readonly repeatedColumn: (heading: string) => string;
  readonly and: string;
  readonly problemsHeading: string;
  readonly where: (problem: ImportProblem) => string;
  readonly summary: (report: { rows: number; valid: number; problems: number }) => string;
  readonly written: (counts: Readonly<Record<string, number>>, names: Readonly<Record<string, string>>, dryRun: boolean) => string;
  /** What looking people up in Lark gave: how many were found, how many are reached by email. */
  readonly lookup: (lookup: LarkLookup) => string;
  readonly cli: {
    readonly templateWritten: (file: string) => string;
    readonly errorsWritten: (file: string) => string;
    readonly noDatabase: string;
    readonly importing: string;
  };
  readonly refused: {
    readonly notSpreadsheet: (file: string) => string;
    readonly legacyExcel: (file: string) => string;
    readonly unreadable: (file: string) => string;
    readonly noHeadings: (file: string, examples: readonly string[]) => string;
    readonly tooLarge: (file: string, bytes: number, limit: number) => string;
    readonly noEvent: (eventId: string) => string;
    readonly signingsUnavailable: string;
  };
}

/** A file size as people read it: 830 B, 12 KB, 20 MB, 20.5 MB. */
export const sizeText = (bytes: number): string =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB`;

/** At most this many choices are listed in a message; longer lists are in the template's drop-downs. */
const CHOICES_LISTED = 10;

const zh: ImportWords = {
  required: '必填',
  optional: '选填',
  missing: '不能为空',
  tooLong: (max, length) => `不能超过 ${max} 个字（现有 ${length} 个）`,
  itemTooLong: (item, max, length) => `“${item}”超过 ${max} 个字（现有 ${length} 个）`,
  tooMany: (max, count) => `最多 ${max} 项（现有 ${count} 项）`,
  notNumber: (typed) => `“${typed}”不是数字`,
  notWholeNumber: (typed) => `“${typed}”不是整数`,
  outOfRange: (min, max) => `应在 ${min} 到 ${max} 之间`,
  formulaError: (error) => `单元格是公式错误 ${error}`,
  notChoice: (typed, suggestion, choices) =>
    suggestion
      ? `“${typed}”不是可选值，是否应为“${suggestion}”？`
      : choices.length <= CHOICES_LISTED
        ? `“${typed}”不是可选值（可选：${choices.join('、')}）`
        : `“${typed}”不是可选值（见模板中的下拉列表）`,
  notEmail: (typed) => `“${typed}”不是有效的邮箱地址`,
  rightWithoutNumber: (typed) => `“${typed}”前后没有专利号或登记号`,
  scopeWithoutLicence: '只有技术许可合同有许可方式',
  enterpriseOnly: '仅企业填写此项',
  notOpenId: (typed) => `“${typed}”不是飞书 open_id（形如 ou_7d8a6e6df7621556ce0d21922b676706）`,
  notMobile: (typed) => `“${typed}”不是中国大陆手机号（11 位，以 1 开头）`,
  notDate: (typed) => `“${typed}”不是日期（如 2026-12-10）`,
  demandOrAchievement: '请填写需求或成果，二者选一',
  unknownRelease: (name, sheet, directoryChecked) => `“${name}”不在「${sheet}」表${directoryChecked ? `和已发布的${sheet}` : ''}中（可填编号或名称）`,
  releaseOfOtherOwner: (name, owner, named) => `“${name}”属于“${owner}”，不是“${named}”`,
  needsEvent: '签约登记在对接活动中：导入时请指定活动（--event）',
  needsContact: '请填写邮箱或飞书 open_id，否则无法联系此人',
  needsOrganisation: '技术转移中心、企业联系人和专家须填写所属单位',
  needsFields: '专家须填写专业领域',
  duplicate: (row, what, sheet) => `与${sheet ? `「${sheet}」表` : ''}第 ${row} 行重复（${what}相同）`,
  unknownOrganisation: (name, sheet, directoryChecked, suggestion) =>
    `“${name}”不在「${sheet}」表${directoryChecked ? '和单位名录' : ''}中${suggestion ? `（是否应为“${suggestion}”？）` : ''}；如是新单位，请在「${sheet}」表中添加一行`,
  organisationOfOtherKind: (name, actual, expected) => `“${name}”是${actual}，不是${expected}`,
  organisationRowHasProblems: (name, sheet, row) => `“${name}”在「${sheet}」表第 ${row} 行，那一行有问题，请先改正`,
  missingColumn: (heading) => `缺少必填列「${heading}」`,
  repeatedColumn: (heading) => `列「${heading}」出现了不止一次`,
  and: '+',
  problemsHeading: '问题',
  where: (p) => `「${p.sheet}」第 ${p.row} 行${p.column ? `「${p.column}」` : ''}`,
  summary: ({ rows, valid, problems }) => `共 ${rows} 行，${valid} 行无误，${problems} 个问题`,
  written: (counts, names, dryRun) => {
    const parts = Object.entries(counts).map(([kind, count]) => `${names[kind] ?? kind} ${count}`);
    return dryRun ? `试运行，未写入（${parts.join('，')}）` : `已写入：${parts.join('，')}`;
  },
  lookup: ({ found, emailOnly, failure }) =>
    failure === undefined
      ? `飞书通讯录中找到 ${found} 人；${emailOnly} 人未找到，将通过邮件联系。`
      : `未能在飞书通讯录中查找人员（${failure}），没有 open_id 的人员将通过邮件联系，可稍后重新导入。`,
  cli: {
    templateWritten: (file) => `模板已写入 ${file}`,
    errorsWritten: (file) => `问题已标注在 ${file}`,
    noDatabase: '连不上数据库：单位只对照了文件中的「单位」表，活动编号和导入人未核对。',
    importing: '导入',
  },
  refused: {
    notSpreadsheet: (file) => `“${file}”不是 Excel（.xlsx）或 CSV 文件，无法导入。`,
    legacyExcel: (file) => `“${file}”是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 后再导入。`,
    unreadable: (file) => `“${file}”无法作为 Excel 文件读取，文件可能已损坏。`,
    noHeadings: (file, examples) => `“${file}”中没有可识别的表头：第 1 行应为模板中的列名，如${examples.map((e) => `“${e}”`).join('、')}。`,
    tooLarge: (file, bytes, limit) => `“${file}”有 ${sizeText(bytes)}，超过了导入上限 ${sizeText(limit)}，请拆分后再导入。`,
    noEvent: (eventId) => `没有编号为“${eventId}”的对接活动，请先创建活动或检查编号。`,
    signingsUnavailable: '签约表需要由登记人导入：请用 --as 指明您是谁（命令行），或在与机器人的对话中导入；也可用 event sign 逐条登记。',
  },
};

const en: ImportWords = {
  required: 'required',
  optional: 'optional',
  missing: 'is required',
  tooLong: (max, length) => `must be at most ${max} characters (this has ${length})`,
  itemTooLong: (item, max, length) => `"${item}" is longer than ${max} characters (it has ${length})`,
  tooMany: (max, count) => `at most ${max} values (this has ${count})`,
  notNumber: (typed) => `"${typed}" is not a number`,
  notWholeNumber: (typed) => `"${typed}" is not a whole number`,
  outOfRange: (min, max) => `must be from ${min} to ${max}`,
  formulaError: (error) => `the cell holds the formula error ${error}`,
  notChoice: (typed, suggestion, choices) =>
    suggestion
      ? `"${typed}" is not one of the choices; did you mean "${suggestion}"?`
      : choices.length <= CHOICES_LISTED
        ? `"${typed}" is not one of the choices (${choices.join(', ')})`
        : `"${typed}" is not one of the choices (see the drop-down list in the template)`,
  rightWithoutNumber: (typed) => `"${typed}" names no patent or registration number`,
  scopeWithoutLicence: 'only a licensing contract has a licence scope',
  enterpriseOnly: 'for enterprises only',
  notEmail: (typed) => `"${typed}" is not an email address`,
  notOpenId: (typed) => `"${typed}" is not a Lark open_id (such as ou_7d8a6e6df7621556ce0d21922b676706)`,
  notMobile: (typed) => `"${typed}" is not a mainland China mobile number (11 digits starting with 1)`,
  notDate: (typed) => `"${typed}" is not a date (such as 2026-12-10)`,
  demandOrAchievement: 'give either a demand or an achievement',
  unknownRelease: (name, sheet, directoryChecked) =>
    `"${name}" is not on the ${sheet} sheet${directoryChecked ? ` or among the ${sheet.toLowerCase()} released` : ''} (give its release number or title)`,
  releaseOfOtherOwner: (name, owner, named) => `"${name}" is ${owner}'s, not ${named}'s`,
  needsEvent: 'signings are registered at an event: give the event when importing (--event)',
  needsContact: 'give an email or a Lark open_id, or this person cannot be reached',
  needsOrganisation: 'a tech-transfer office, enterprise contact or expert needs an organisation',
  needsFields: 'an expert needs their fields',
  duplicate: (row, what, sheet) => `repeats row ${row}${sheet ? ` of the ${sheet} sheet` : ''} (same ${what})`,
  unknownOrganisation: (name, sheet, directoryChecked, suggestion) =>
    `"${name}" is not in the ${sheet} sheet${directoryChecked ? ' or the directory' : ''}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; if it is new, add it as a row of the ${sheet} sheet`,
  organisationOfOtherKind: (name, actual, expected) =>
    `"${name}" is ${/^[aeiou]/i.test(actual) ? 'an' : 'a'} ${actual}, not ${/^[aeiou]/i.test(expected) ? 'an' : 'a'} ${expected}`,
  organisationRowHasProblems: (name, sheet, row) => `"${name}" is on row ${row} of the ${sheet} sheet, which has problems; correct that row first`,
  missingColumn: (heading) => `the required column "${heading}" is missing`,
  repeatedColumn: (heading) => `the column "${heading}" appears more than once`,
  and: ' + ',
  problemsHeading: 'Problems',
  where: (p) => `${p.sheet}, row ${p.row}${p.column ? `, ${p.column}` : ''}`,
  summary: ({ rows, valid, problems }) => `${rows} rows, ${valid} without problems, ${problems} ${problems === 1 ? 'problem' : 'problems'}`,
  written: (counts, names, dryRun) => {
    const parts = Object.entries(counts).map(([kind, count]) => `${count} ${names[kind] ?? kind}`);
    return dryRun ? `dry run, nothing written (${parts.join(', ')})` : `written: ${parts.join(', ')}`;
  },
  lookup: ({ found, emailOnly, failure }) =>
    failure === undefined
      ? `${found} found in Lark; ${emailOnly} not found, to be reached by email.`
      : `People could not be looked up in Lark (${failure}); those without an open_id are reached by email, and importing again retries.`,
  cli: {
    templateWritten: (file) => `template written to ${file}`,
    errorsWritten: (file) => `problems marked in ${file}`,
    noDatabase:
      "the database cannot be reached: organisations were checked against the file's Organisations sheet only, and the event and importer were not checked.",
    importing: 'importing',
  },
  refused: {
    notSpreadsheet: (file) => `"${file}" is not an Excel (.xlsx) or CSV file, so it cannot be imported.`,
    legacyExcel: (file) => `"${file}" is an old Excel (.xls) file; save it as .xlsx in Excel and import that.`,
    unreadable: (file) => `"${file}" cannot be read as an Excel file; it may be damaged.`,
    noHeadings: (file, examples) =>
      `"${file}" has no headings this import knows: row 1 should hold the template's headings, such as ${examples.map((e) => `"${e}"`).join(', ')}.`,
    tooLarge: (file, bytes, limit) => `"${file}" is ${sizeText(bytes)}, over the import limit of ${sizeText(limit)}; split it and import the parts.`,
    noEvent: (eventId) => `there is no event "${eventId}"; create the event first or check its id.`,
    signingsUnavailable:
      'a signings sheet is registered by the person importing it: say who you are with --as (CLI), or send the file to the bot; `event sign` registers one signing at a time.',
  },
};

const WORDS: Readonly<Record<Language, ImportWords>> = { zh, en };

export const wordsFor = (language: Language): ImportWords => WORDS[language];

/** A problem as one line: where it is, then what is wrong. */
export const describeProblem = (problem: ImportProblem, language: Language): string =>
  `${wordsFor(language).where(problem)}${language === 'zh' ? '：' : ': '}${problem.message}`;
