import type { Language } from '../../notifications/content.ts';
import { formatAmount } from '../../notifications/format.ts';
import { figuresWordsFor } from '../../notifications/figures-words.ts';
import { CONTRACT_TYPES, CONTRACT_TYPE_NAMES } from '../../domain/vocabulary.ts';
import { MEASURES, progress, valueOf } from '../../app/figures/measures.ts';
import type { SplitRow } from '../../app/figures/query.ts';
import type { FiguresReport } from '../../app/figures/report.ts';
import { categoryLabel } from '../../app/figures/subject.ts';
import { barChart, escapeMarkdown, markdown, type Card, type Element } from './elements.ts';
import { card } from './card.ts';

/** Rows a split shows on the card; the workbook has them all. */
const SPLIT_ROWS_SHOWN = 8;

/** Bars side by side for each label, one colour per series (VChart's grouped bar). */
const groupedBarChart = (title: string, series: readonly { name: string; values: readonly { label: string; value: number }[] }[]): Element => ({
  tag: 'chart',
  aspect_ratio: '16:9',
  chart_spec: {
    type: 'bar',
    title: { text: title },
    data: { values: series.flatMap((s) => s.values.map((v) => ({ label: v.label, series: s.name, value: v.value }))) },
    xField: ['label', 'series'],
    yField: 'value',
    seriesField: 'series',
    legends: { visible: true, orient: 'bottom' },
    label: { visible: true },
  },
});

/** The heading of a programme's figures: its name and code, or all records. */
const scopeName = (report: FiguresReport, language: Language): string =>
  report.programme
    ? language === 'zh'
      ? `${report.programme.name}（${report.programme.code}）`
      : `${report.programme.name} (${report.programme.code})`
    : figuresWordsFor(language).allRecords;

/**
 * 统计 / stats for a programme: each figure against the programme's target, the contracts by
 * type, the medians and the milestones on time; a chart of progress, then enterprises,
 * transformations and dockings by enterprise category and by industry, with their first rows as lines.
 */
export const figuresCard = (report: FiguresReport, language: Language, options: { workbook?: boolean } = {}): Card => {
  const w = figuresWordsFor(language);
  const count = (n: number) => n.toLocaleString(language === 'zh' ? 'zh-CN' : 'en-US');
  const show = (n: number, money: boolean) => (money ? formatAmount(n, language) : count(n));
  const total = report.figures.total;
  const lines = MEASURES.map((m) => {
    const value = valueOf(total, m.key);
    const target = report.targets[m.key];
    const percent = progress(value, target);
    const label = language === 'zh' ? m.zh : m.en;
    const figure =
      target === undefined || percent === null
        ? `${show(value, m.money)}${language === 'zh' ? `（${w.noTarget}）` : ` (${w.noTarget})`}`
        : w.ofTarget(show(value, m.money), show(target, m.money), percent);
    return `**${label}**${language === 'zh' ? '：' : ': '}${figure}`;
  });
  const context = [
    report.period ? w.period(report.period.from, previousDay(report.period.to)) : w.allTime,
    ...(report.filter ? [w.filter(escapeMarkdown(report.filter.label))] : []),
    ...(report.targetsFrom === 'environment' ? [w.targetsFromEnvironment] : []),
  ].join(' · ');
  const days = (n: number | null) => (n === null ? '—' : w.days(n));
  const splitLines = (rows: readonly SplitRow[], name: (row: SplitRow) => string) =>
    rows
      .slice(0, SPLIT_ROWS_SHOWN)
      .map((row) => w.splitLine(escapeMarkdown(name(row)), row.universities, row.enterprises, row.transformations, formatAmount(row.amountCny, language)))
      .join('\n');
  const category = (row: SplitRow) => categoryLabel(row.key, language);
  const industry = (row: SplitRow) => row.label ?? row.key ?? '—';
  const { category: byCategory, industry: byIndustry } = report.figures.splits;
  const seriesOf = (rows: readonly SplitRow[], name: (row: SplitRow) => string) => {
    const shown = rows.slice(0, SPLIT_ROWS_SHOWN);
    return [
      { name: w.enterprisesSeries, values: shown.map((row) => ({ label: name(row), value: row.enterprises })) },
      { name: w.transformationsSeries, values: shown.map((row) => ({ label: name(row), value: row.transformations })) },
      { name: w.dockingsSeries, values: shown.map((row) => ({ label: name(row), value: row.dockings })) },
    ];
  };
  const elements: Element[] = [
    markdown(`${context}\n${lines.join('\n')}`),
    barChart(
      w.progressChart,
      MEASURES.filter((m) => report.targets[m.key] !== undefined).map((m) => ({
        label: language === 'zh' ? m.zh : m.en,
        value: progress(valueOf(total, m.key), report.targets[m.key]) ?? 0,
      })),
    ),
    markdown(
      [
        `**${w.byType}**${language === 'zh' ? '：' : ': '}${CONTRACT_TYPES.map((t) => `${language === 'zh' ? CONTRACT_TYPE_NAMES[t] : t} ${total.byType[t]}`).join(' · ')}`,
        w.medians(days(total.medianDaysToDocking), days(total.medianDaysToSigning)),
        w.milestones(total.milestonesOnTime, total.milestonesDue),
      ].join('\n'),
    ),
  ];
  if (byCategory.length > 0)
    elements.push(groupedBarChart(w.categoryChart, seriesOf(byCategory, category)), markdown(`**${w.categoryChart}**\n${splitLines(byCategory, category)}`));
  if (byIndustry.length > 0)
    elements.push(groupedBarChart(w.industryChart, seriesOf(byIndustry, industry)), markdown(`**${w.industryChart}**\n${splitLines(byIndustry, industry)}`));
  if (options.workbook) elements.push(markdown(w.workbookFollows));
  elements.push(markdown(w.computedIn(report.computedMs)));
  return card(w.title(scopeName(report, language), report.period?.label ?? null), 'blue', elements);
};

const previousDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
