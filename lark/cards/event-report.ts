import type { EventOverview } from '../../app/events/overview.ts';
import type { Language } from '../../notifications/content.ts';
import { eventPhrasesFor } from '../../notifications/event-phrases.ts';
import { formatAmount } from '../../notifications/format.ts';
import { card } from './card.ts';
import { barChart, button, buttonRow, escapeMarkdown, markdown, type Element } from './elements.ts';

/** Industries drawn in the chart; the rest are summed in the text. */
const CHART_ROWS = 12;

const WORDS = {
  zh: {
    missing: (id: string) => `没有对接会 ${id}`,
    chart: '各行业对接与签约',
    lines: (o: EventOverview, amount: string) => [
      `**${o.report.startsOn} – ${o.report.endsOn}** · ${escapeMarkdown(o.report.place)} · 主办：${escapeMarkdown(o.report.host)}`,
      `参与高校 **${o.report.participants.universities}** · 企业 **${o.report.participants.enterprises}** · 园区 **${o.report.participants.parks}**`,
      `发布成果 **${o.report.releases.achievements}** · 需求 **${o.report.releases.demands}**`,
      `对接清单 **${o.report.dockings.listed}**（已发起 ${o.report.dockings.launched}，删除 ${o.status.figures.dockings.struck}）`,
      `达成意向 **${o.report.agreed}** · 现场签约 **${o.report.signedOnSite}** · 合同 **${o.report.contracts}**，金额 **${amount}**`,
    ],
  },
  en: {
    missing: (id: string) => `No docking event ${id}`,
    chart: 'Dockings by industry',
    lines: (o: EventOverview, amount: string) => [
      `**${o.report.startsOn} – ${o.report.endsOn}** · ${escapeMarkdown(o.report.place)} · host: ${escapeMarkdown(o.report.host)}`,
      `Universities **${o.report.participants.universities}** · enterprises **${o.report.participants.enterprises}** · parks **${o.report.participants.parks}**`,
      `Released: **${o.report.releases.achievements}** achievements, **${o.report.releases.demands}** demands`,
      `Docking list **${o.report.dockings.listed}** (launched ${o.report.dockings.launched}, struck ${o.status.figures.dockings.struck})`,
      `Agreed **${o.report.agreed}** · signed on site **${o.report.signedOnSite}** · contracts **${o.report.contracts}**, **${amount}**`,
    ],
  },
} as const;

/** What a coordinator of the event does from its card: review the docking list, launch it, register a signing. */
const coordinatorButtons = (eventId: string, language: Language): Element => {
  const p = eventPhrasesFor(language);
  return buttonRow([
    button(p.dockingsButton, { v: 1, d: 'event', op: 'dockings', event: eventId, page: 1 }),
    button(p.launchButton, { v: 1, d: 'event', op: 'launch', event: eventId }, 'primary'),
    button(p.signButton, { v: 1, d: 'event', op: 'sign_form', event: eventId }),
  ]);
};

/**
 * 对接会 EVENT: the event's figures and a chart of its dockings by industry, with the coordinators'
 * buttons when `coordinator`; a notice when there is no such event.
 */
export const eventCard = (
  overview: EventOverview | null,
  language: Language,
  eventId: string,
  options: { coordinator?: boolean } = {},
): Record<string, unknown> => {
  const w = WORDS[language];
  if (!overview) return card(escapeMarkdown(eventId), 'grey', [markdown(escapeMarkdown(w.missing(eventId)))]);
  const { report } = overview;
  const rows = report.byIndustry.filter((r) => r.dockings > 0).slice(0, CHART_ROWS);
  const lines = w.lines(overview, formatAmount(report.amountCny, language));
  return card(`${report.eventId} ${report.name}`, 'blue', [
    markdown(lines.join('\n')),
    ...(rows.length > 0
      ? [
          barChart(
            w.chart,
            rows.map((r) => ({ label: r.key, value: r.dockings })),
          ),
        ]
      : []),
    ...(options.coordinator ? [coordinatorButtons(report.eventId, language)] : []),
  ]);
};
