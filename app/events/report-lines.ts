import type { EventReport, ReportRow } from '../../domain/event.ts';

/** The report's figures as labelled lines, 中文 with English beside: the CLI's text and the workbook's summary sheet. */
export const reportSummary = (report: EventReport): readonly (readonly [string, string | number])[] => [
  ['活动 Event', `${report.eventId} ${report.name}`],
  ['时间 Dates', `${report.startsOn} – ${report.endsOn}`],
  ['地点 Place', report.place],
  ['主办 Host', report.host],
  ['计划 Programme', report.programme],
  ['参与高校 Universities', report.participants.universities],
  ['参与企业 Enterprises', report.participants.enterprises],
  ['参与园区 Parks', report.participants.parks],
  ['发布成果 Achievements released', report.releases.achievements],
  ['发布需求 Demands released', report.releases.demands],
  ['对接 Dockings listed', report.dockings.listed],
  ['发起对接 Dockings launched', report.dockings.launched],
  ['达成合作意向 Projects agreed', report.agreed],
  ['现场签约 Signed on site', report.signedOnSite],
  ['合同 Contracts', report.contracts],
  ['合同金额(元) Amount (CNY)', report.amountCny],
];

export const SPLIT_HEADERS = ['成果 Achievements', '需求 Demands', '对接 Dockings', '意向 Agreed', '签约 Signed', '金额(元) Amount'] as const;

export const splitCells = (row: ReportRow): readonly (string | number)[] => [
  row.key,
  row.achievements,
  row.demands,
  row.dockings,
  row.agreed,
  row.signed,
  row.amountCny,
];

/** The report as plain text for the CLI. */
export const reportText = (report: EventReport): string => {
  const lines = reportSummary(report).map(([label, value]) => `${label.padEnd(26)} ${typeof value === 'number' ? value.toLocaleString('en-US') : value}`);
  const table = (title: string, rows: readonly ReportRow[]) => [
    '',
    title,
    `  ${'key'.padEnd(14)} ${SPLIT_HEADERS.map((h) => h.split(' ')[0]!.padStart(8)).join(' ')}`,
    ...rows.map((row) => {
      const [key, ...cells] = splitCells(row);
      return `  ${String(key).padEnd(14)} ${cells.map((c) => c.toLocaleString('en-US').padStart(8)).join(' ')}`;
    }),
  ];
  return [...lines, ...table('按行业 By industry', report.byIndustry), ...table('按地区 By region', report.byRegion)].join('\n');
};
