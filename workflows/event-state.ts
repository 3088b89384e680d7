import type { EventFigures, EventInput } from '../domain/event.ts';

export const EVENT_STEP_TYPES = ['created', 'list_built', 'dockings_edited', 'dockings_launched', 'signing_registered', 'report'] as const;
export type EventStepType = (typeof EVENT_STEP_TYPES)[number];

export interface EventStep {
  readonly seq: number;
  readonly at: number;
  readonly type: EventStepType;
  readonly by: string | null;
  readonly note: string;
}

/** Everything the event's workflow knows; carried whole across continue-as-new. */
export interface EventState {
  seq: number;
  figures: EventFigures;
  /** When the figures were last read from the database. */
  figuresAt: number | null;
  steps: EventStep[];
  runs: number;
}

/** The status query's answer: the event, its figures after the last step, and its recent steps. */
export interface EventStatus {
  readonly id: string;
  readonly name: string;
  readonly startsOn: string;
  readonly endsOn: string;
  readonly place: string;
  readonly hostKind: EventInput['hostKind'];
  readonly host: string;
  readonly programme: string;
  readonly coordinatorIds: readonly string[];
  readonly figures: EventFigures;
  readonly figuresAt: string | null;
  readonly steps: readonly (Omit<EventStep, 'at'> & { at: string })[];
  readonly runs: number;
}
