import type { Language } from './content.ts';

/** What the 统计 card says, in Chinese and English. */
export interface FiguresWords {
  readonly title: (name: string, period: string | null) => string;
  readonly allRecords: string;
  readonly allTime: string;
  readonly period: (from: string, to: string) => string;
  readonly filter: (label: string) => string;
  readonly ofTarget: (value: string, target: string, percent: number) => string;
  readonly noTarget: string;
  readonly targetsFromEnvironment: string;
  readonly byType: string;
  readonly medians: (toDocking: string, toSigning: string) => string;
  readonly days: (n: number) => string;
  readonly milestones: (onTime: number, due: number) => string;
  readonly progressChart: string;
  readonly categoryChart: string;
  readonly industryChart: string;
  readonly enterprisesSeries: string;
  readonly transformationsSeries: string;
  readonly dockingsSeries: string;
  readonly splitLine: (label: string, universities: number, enterprises: number, transformations: number, amount: string) => string;
  readonly workbookFollows: string;
  readonly workbookName: (code: string, period: string) => string;
  readonly unknownSubject: (word: string, programmes: string) => string;
  readonly noProgrammes: string;
  readonly computedIn: (ms: number) => string;
}

const ZH: FiguresWords = {
  title: (name, period) => `统计 · ${name}${period ? ` · ${period}` : ''}`,
  allRecords: '全部记录',
  allTime: '全部期间',
  period: (from, to) => `期间：${from} 至 ${to}`,
  filter: (label) => `范围：${label}`,
  ofTarget: (value, target, percent) => `${value} / ${target}（${percent}%）`,
  noTarget: '未设目标',
  targetsFromEnvironment: '目标取自 PROGRAMME_TARGETS',
  byType: '成果转化（按合同类型）',
  medians: (toDocking, toSigning) => `需求→对接中位数 ${toDocking}；对接→签约中位数 ${toSigning}`,
  days: (n) => `${n} 天`,
  milestones: (onTime, due) => `里程碑按期完成 ${onTime} / ${due}`,
  progressChart: '完成率（%）',
  categoryChart: '按企业类别',
  industryChart: '按行业',
  enterprisesSeries: '服务企业',
  transformationsSeries: '成果转化',
  dockingsSeries: '供需对接',
  splitLine: (label, universities, enterprises, transformations, amount) =>
    `${label}：高校 ${universities} · 企业 ${enterprises} · 转化 ${transformations} · ${amount}`,
  workbookFollows: '完整工作簿（汇总及按地区、高校、行业、企业类别、对接活动分表）随后以文件发送。',
  workbookName: (code, period) => `统计_${code}_${period}.xlsx`,
  unknownSubject: (word, programmes) =>
    `没有找到“${word}”：请写项目所在省份或项目编号（${programmes}）、高校全称、行业或企业类别，期间写 2025、2025Q1、2025-03 或 2023-2025。`,
  noProgrammes: '尚未设立项目',
  computedIn: (ms) => `用时 ${ms} 毫秒`,
};

const EN: FiguresWords = {
  title: (name, period) => `Figures · ${name}${period ? ` · ${period}` : ''}`,
  allRecords: 'all records',
  allTime: 'all time',
  period: (from, to) => `Period: ${from} to ${to}`,
  filter: (label) => `Only: ${label}`,
  ofTarget: (value, target, percent) => `${value} / ${target} (${percent}%)`,
  noTarget: 'no target set',
  targetsFromEnvironment: 'targets from PROGRAMME_TARGETS',
  byType: 'Transformations by contract type',
  medians: (toDocking, toSigning) => `Median demand→docking ${toDocking}; docking→signing ${toSigning}`,
  days: (n) => `${n} days`,
  milestones: (onTime, due) => `Milestones on time ${onTime} / ${due}`,
  progressChart: 'Progress (%)',
  categoryChart: 'By enterprise category',
  industryChart: 'By industry',
  enterprisesSeries: 'Enterprises served',
  transformationsSeries: 'Transformations',
  dockingsSeries: 'Dockings',
  splitLine: (label, universities, enterprises, transformations, amount) =>
    `${label}: universities ${universities} · enterprises ${enterprises} · transformations ${transformations} · ${amount}`,
  workbookFollows: 'The full workbook (summary, and by region, university, industry, enterprise category and event) follows as a file.',
  workbookName: (code, period) => `figures_${code}_${period}.xlsx`,
  unknownSubject: (word, programmes) =>
    `Nothing found for "${word}": give a programme's province or code (${programmes}), a university's full name, an industry or an enterprise category; a period as 2025, 2025Q1, 2025-03 or 2023-2025.`,
  noProgrammes: 'no programme yet',
  computedIn: (ms) => `computed in ${ms} ms`,
};

export const figuresWordsFor = (language: Language): FiguresWords => (language === 'zh' ? ZH : EN);
