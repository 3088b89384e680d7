import type { Language } from './content.ts';

/** What the bot says about bulk imports from a file sent in chat, in Chinese and English. */
export interface ImportPhrases {
  readonly templateFileName: string;
  readonly bulkImportTitle: string;
  readonly onlyCoordinators: string;
  readonly unreadableMessage: string;
  readonly importHelp: string;
  readonly noEventChosen: string;
  readonly eventLabel: (name: string, id: string) => string;
  readonly eventChosen: (event: string, minutes: number) => string;
  readonly noSuchEvent: (eventId: string) => string;
  readonly importTitle: string;
  readonly forEvent: (event: string) => string;
  readonly withoutEvent: string;
  readonly downloading: (file: string) => string;
  readonly checking: string;
  readonly writing: string;
  readonly rowsDone: (done: string, total: string) => string;
  readonly finished: string;
  readonly notImportedTitle: string;
  readonly tooLarge: (file: string, limitMb: number) => string;
  readonly failed: string;
  readonly importedTitle: string;
  readonly problemsTitle: string;
  readonly counts: (rows: string, valid: string) => string;
  readonly written: string;
  readonly kinds: Readonly<Record<'organisations' | 'people' | 'achievements' | 'demands' | 'signings', string>>;
  readonly nothingWritten: string;
  readonly problemsHeading: string;
  readonly problem: (sheet: string, row: number, column: string, message: string) => string;
  readonly moreProblems: (count: string) => string;
  readonly seeWorkbook: string;
  readonly errorFileName: (file: string) => string;
}

const zh: ImportPhrases = {
  templateFileName: '成果与需求导入模板.xlsx',
  bulkImportTitle: '批量导入成果与需求',
  onlyCoordinators: '只有项目协调员可以批量导入成果和需求。需要模板可以发送“导入模板”。',
  unreadableMessage: '没有读到这条消息里的文件，请重新发送。',
  importHelp: '把填好的模板（.xlsx 或 .csv）直接发给我：先逐行检查，全部无误才写入。发送“导入模板”获取模板。',
  noEventChosen: '目前没有选定活动：文件中的成果和需求只进入资源池。发送“导入 活动编号”可先选定活动。',
  eventLabel: (name, id) => `${name}（${id}）`,
  eventChosen: (event, minutes) => `已选定活动 **${event}**：接下来 ${minutes} 分钟内你发来的文件都导入到这个活动。`,
  noSuchEvent: (eventId) => `没有找到活动 ${eventId}，请检查活动编号。`,
  importTitle: '处理中…',
  forEvent: (event) => `活动：${event}`,
  withoutEvent: '未选定活动（只进入资源池）',
  downloading: (file) => `正在读取 ${file}…`,
  checking: '正在逐行检查…',
  writing: '正在写入',
  rowsDone: (done, total) => `${done} / ${total} 行`,
  finished: '已处理完毕，结果见下一条消息。',
  notImportedTitle: '未导入',
  tooLarge: (file, limitMb) => `“${file}”超过了 ${limitMb} MB，无法导入，请拆分后分别发送。`,
  failed: '导入时出错，没有写入任何内容，请稍后重新发送文件。',
  importedTitle: '导入完成',
  problemsTitle: '文件有问题，未导入',
  counts: (rows, valid) => `共 ${rows} 行，其中 ${valid} 行无误。`,
  written: '写入',
  kinds: { organisations: '单位', people: '人员', achievements: '成果', demands: '需求', signings: '签约' },
  nothingWritten: '没有写入任何内容：请按问题清单改正后，重新发送整个文件。',
  problemsHeading: '问题',
  problem: (sheet, row, column, message) => `「${sheet}」第 ${row} 行「${column}」：${message}`,
  moreProblems: (count) => `另有 ${count} 处问题。`,
  seeWorkbook: '每个问题都标在随后发送的问题清单里。',
  errorFileName: (file) => `问题清单-${file.replace(/\.[^.]+$/, '')}.xlsx`,
};

const en: ImportPhrases = {
  templateFileName: 'release-import-template.xlsx',
  bulkImportTitle: 'Bulk import of achievements and demands',
  onlyCoordinators: 'Only programme coordinators can import achievements and demands in bulk. Send "template" for the template.',
  unreadableMessage: 'I could not read the file in that message; please send it again.',
  importHelp:
    'Send me the filled-in template (.xlsx or .csv): every row is checked first, and nothing is written unless all are right. Send "template" for the template.',
  noEventChosen: 'No event is chosen: the achievements and demands in a file go to the pool only. Send "import EVENT-ID" to choose one first.',
  eventLabel: (name, id) => `${name} (${id})`,
  eventChosen: (event, minutes) => `Event **${event}** chosen: the files you send in the next ${minutes} minutes are imported into it.`,
  noSuchEvent: (eventId) => `There is no event ${eventId}; check the event's code.`,
  importTitle: 'Importing…',
  forEvent: (event) => `Event: ${event}`,
  withoutEvent: 'No event chosen (pool only)',
  downloading: (file) => `Reading ${file}…`,
  checking: 'Checking every row…',
  writing: 'Writing',
  rowsDone: (done, total) => `${done} / ${total} rows`,
  finished: 'Done; the result is in the next message.',
  notImportedTitle: 'Not imported',
  tooLarge: (file, limitMb) => `"${file}" is over ${limitMb} MB and cannot be imported; split it and send the parts.`,
  failed: 'The import failed and nothing was written; please send the file again later.',
  importedTitle: 'Imported',
  problemsTitle: 'The file has problems; nothing was imported',
  counts: (rows, valid) => `${rows} rows, ${valid} of them without a problem.`,
  written: 'Written',
  kinds: { organisations: 'organisations', people: 'people', achievements: 'achievements', demands: 'demands', signings: 'signings' },
  nothingWritten: 'Nothing was written: correct the problems listed and send the whole file again.',
  problemsHeading: 'Problems',
  problem: (sheet, row, column, message) => `${sheet}, row ${row}, ${column}: ${message}`,
  moreProblems: (count) => `${count} more.`,
  seeWorkbook: 'Every problem is marked in the workbook sent next.',
  errorFileName: (file) => `problems-${file.replace(/\.[^.]+$/, '')}.xlsx`,
};

const IMPORT_PHRASES: Readonly<Record<Language, ImportPhrases>> = { zh, en };

/** The bot's import phrases in a person's language. */
export const importPhrasesFor = (language: Language): ImportPhrases => IMPORT_PHRASES[language];
