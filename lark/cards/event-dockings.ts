import type { DockingPage, DockingRow } from '../../app/events/dockings.ts';
import type { Language } from '../../notifications/content.ts';
import { eventPhrasesFor } from '../../notifications/event-phrases.ts';
import type { EventValue } from './action-value.ts';
import { card } from './card.ts';
import { button, buttonRow, clip, escapeMarkdown as e, form, formScope, input, markdown, submitButton, type Card, type Element } from './elements.ts';
import { text, type Prefill } from './prefill.ts';

/**
 * Pairs on one card. A pair is five components (a row of two columns: its text and its button)
 * and at its longest (every text at its limit and escaped) about 1.7 KB: ten make a card of about
 * 65 components and 21 KB, so card() never has to shorten it to stay under Lark's 30 KB.
 */
export const DOCKINGS_PAGE_SIZE = 10;

/** What one pair shows of its texts (characters, and reasons); the whole of them is in the CLI's workbook. */
export const DOCKING_SHOWN = { title: 60, name: 30, id: 40, reasons: 2, reason: 40 } as const;

export interface DockingsView {
  readonly event: { readonly id: string; readonly name: string };
  readonly page: DockingPage;
  /** What the last click did, on top of the card. */
  readonly notice?: string;
  /** The add form shown again with what was typed and why it was refused. */
  readonly add?: { readonly prefill: Prefill; readonly problem: string };
}

const pairText = (row: DockingRow, index: number, language: Language): string => {
  const p = eventPhrasesFor(language);
  const score = row.score === null ? '' : ` · ${p.score} ${row.score.toFixed(2)}`;
  const rank = row.rank === null ? '' : ` · #${row.rank}`;
  const reasons = row.reasons.slice(0, DOCKING_SHOWN.reasons).map((reason) => e(clip(reason, DOCKING_SHOWN.reason)));
  return [
    `**${index}. ${e(clip(row.demandTitle, DOCKING_SHOWN.title))}** · ${e(clip(row.enterprise, DOCKING_SHOWN.name))}`,
    `↔ ${e(clip(row.achievementTitle, DOCKING_SHOWN.title))} · ${e(clip(row.university, DOCKING_SHOWN.name))}`,
    `${p.status[row.status]}${score}${rank}${row.partnership ? ` · ${row.partnership}` : ''} · ${e(clip(row.demandNumber, DOCKING_SHOWN.id))} / ${e(clip(row.achievementNumber, DOCKING_SHOWN.id))}`,
    ...(reasons.length > 0 ? [`${p.reasons}: ${reasons.join('；')}`] : []),
  ].join('\n');
};

const pairElement = (row: DockingRow, index: number, view: DockingsView, language: Language): Element => {
  const p = eventPhrasesFor(language);
  const value = (op: 'strike' | 'restore'): EventValue => ({
    v: 1,
    d: 'event',
    op,
    event: view.event.id,
    page: view.page.page,
    demand: row.demandId,
    achievement: row.achievementId,
  });
  const action =
    row.status === 'struck'
      ? button(p.restore, value('restore'), 'primary')
      : row.status === 'launched'
        ? button(p.status.launched, value('strike'), 'default', { disabled: true })
        : button(p.strike, value('strike'), 'danger');
  return {
    tag: 'column_set',
    flex_mode: 'none',
    horizontal_spacing: '8px',
    columns: [
      { tag: 'column', width: 'weighted', weight: 1, vertical_align: 'center', elements: [markdown(pairText(row, index, language))] },
      { tag: 'column', width: 'auto', vertical_align: 'center', elements: [action] },
    ],
  };
};

const addForm = (view: DockingsView, language: Language): Element => {
  const p = eventPhrasesFor(language);
  const scope = formScope('docking-add', view.event.id);
  const prefill = view.add?.prefill ?? {};
  const value: EventValue = { v: 1, d: 'event', op: 'add', event: view.event.id, page: view.page.page };
  return form(scope, [
    markdown([p.addHeading, ...(view.add ? [`⚠️ ${e(view.add.problem)}`] : [])].join('\n')),
    input(scope, 'demand', p.demandField, { required: true, initial: text(prefill, 'demand') }),
    input(scope, 'achievement', p.achievementField, { required: true, initial: text(prefill, 'achievement') }),
    submitButton(scope, 'add', p.addButton, value),
  ]);
};

/** 对接清单 EVENT [页]: a page of the docking list, each pair with 划掉 or 恢复, paging, and a form adding a pair. */
export const dockingsCard = (view: DockingsView, language: Language): Card => {
  const p = eventPhrasesFor(language);
  const { page, event } = view;
  const first = (page.page - 1) * DOCKINGS_PAGE_SIZE;
  const go = (to: number): EventValue => ({ v: 1, d: 'event', op: 'dockings', event: event.id, page: to });
  const paging = [
    ...(page.page > 1 ? [button(p.previous, go(page.page - 1))] : []),
    ...(page.page < page.pages ? [button(p.next, go(page.page + 1))] : []),
    button(p.backToEvent, { v: 1, d: 'event', op: 'overview', event: event.id }),
  ];
  const head = [...(view.notice ? [`**${e(view.notice)}**`] : []), page.total === 0 ? p.emptyList : p.pageOf(page.page, page.pages, page.total)];
  return card(p.dockingsTitle(p.eventLabel(event.name, event.id)), 'blue', [
    markdown(head.join('\n')),
    ...page.rows.map((row, index) => pairElement(row, first + index + 1, view, language)),
    buttonRow(paging),
    addForm(view, language),
  ]);
};
