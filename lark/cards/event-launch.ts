import type { Language } from '../../notifications/content.ts';
import { eventPhrasesFor } from '../../notifications/event-phrases.ts';
import type { EventValue } from './action-value.ts';
import { card } from './card.ts';
import { button, buttonRow, escapeMarkdown as e, markdown, type Card } from './elements.ts';

export interface LaunchEvent {
  readonly id: string;
  readonly name: string;
}

const back = (event: LaunchEvent, language: Language) => {
  const p = eventPhrasesFor(language);
  const to = (op: 'overview' | 'dockings'): EventValue =>
    op === 'dockings' ? { v: 1, d: 'event', op, event: event.id, page: 1 } : { v: 1, d: 'event', op, event: event.id };
  return [button(p.dockingsButton, to('dockings')), button(p.backToEvent, to('overview'))];
};

const title = (event: LaunchEvent, language: Language): string => {
  const p = eventPhrasesFor(language);
  return p.launchTitle(p.eventLabel(event.name, event.id));
};

/** 发起对接, the step before: what the launch would take, to confirm or go back. */
export const launchConfirmCard = (event: LaunchEvent, preview: { demands: number; pairs: number }, language: Language): Card => {
  const p = eventPhrasesFor(language);
  if (preview.demands === 0) return card(title(event, language), 'grey', [markdown(p.nothingToLaunch), buttonRow(back(event, language))]);
  return card(title(event, language), 'orange', [
    markdown(p.launchConfirm(preview.demands, preview.pairs)),
    buttonRow([button(p.confirmLaunch, { v: 1, d: 'event', op: 'launch_confirmed', event: event.id }, 'primary'), ...back(event, language)]),
  ]);
};

/** Shown at once when the launch is confirmed; the launch's outcome replaces it. */
export const launchingCard = (event: LaunchEvent, demands: number, language: Language): Card =>
  card(title(event, language), 'wathet', [markdown(eventPhrasesFor(language).launching(demands))]);

/** The launch's outcome: partnerships started and already there, or why it did not finish. */
export const launchedCard = (event: LaunchEvent, outcome: { started: number; existing: number } | { refusal: string }, language: Language): Card => {
  const p = eventPhrasesFor(language);
  const done = 'started' in outcome;
  return card(title(event, language), done ? 'green' : 'red', [
    markdown(done ? p.launched(outcome.started, outcome.existing) : e(p.launchFailed(outcome.refusal))),
    buttonRow(back(event, language)),
  ]);
};
