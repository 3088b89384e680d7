/**
 * Where a lifecycle's time goes, read from the workflows' own histories (the server's clock):
 * workflow tasks waiting for a worker and being run, and each activity type waiting for a slot
 * (schedule-to-start) and running (start-to-close). Summed over a sample of workflows, so a
 * regression names the phase that grew.
 */
import { performance } from 'node:perf_hooks';
import type { Client } from '@temporalio/client';
import { percentile, round } from './support.ts';

type HistoryEvent = NonNullable<Awaited<ReturnType<ReturnType<Client['workflow']['getHandle']>['fetchHistory']>>['events']>[number];

const msOf = (event: HistoryEvent): number => {
  const time = event.eventTime;
  if (!time) return Number.NaN;
  return Number(time.seconds ?? 0) * 1000 + Math.floor((time.nanos ?? 0) / 1e6);
};

/** Event ids arrive as Long or number; their decimal text is the key. */
const idOf = (value: { toString(): string } | null | undefined): string => (value === null || value === undefined ? '' : value.toString());

export interface PhaseStats {
  readonly count: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly totalMs: number;
}

export type Phases = Record<string, PhaseStats>;

const stats = (values: number[]): PhaseStats => {
  values.sort((a, b) => a - b);
  return {
    count: values.length,
    p50Ms: round(percentile(values, 50), 0),
    p95Ms: round(percentile(values, 95), 0),
    totalMs: round(
      values.reduce((a, b) => a + b, 0),
      0,
    ),
  };
};

/** Durations per phase from one history, appended to `into`. */
const collect = (events: readonly HistoryEvent[], into: Map<string, number[]>): void => {
  const at = new Map<string, HistoryEvent>();
  for (const event of events) at.set(idOf(event.eventId), event);
  const add = (phase: string, ms: number) => {
    if (!Number.isFinite(ms)) return;
    const list = into.get(phase) ?? [];
    list.push(ms);
    into.set(phase, list);
  };
  const activityName = (scheduledId: Parameters<typeof idOf>[0]): string =>
    at.get(idOf(scheduledId))?.activityTaskScheduledEventAttributes?.activityType?.name ?? '?';
  for (const event of events) {
    const started = event.workflowTaskStartedEventAttributes;
    if (started) {
      const scheduled = [...at.values()].find((e) => e.workflowTaskScheduledEventAttributes && Number(e.eventId) === Number(event.eventId) - 1);
      if (scheduled) add('workflow task: wait for a worker', msOf(event) - msOf(scheduled));
    }
    const completed = event.workflowTaskCompletedEventAttributes;
    if (completed) add('workflow task: run', msOf(event) - msOf(at.get(idOf(completed.startedEventId))!));
    const activityStarted = event.activityTaskStartedEventAttributes;
    if (activityStarted) {
      const name = activityName(activityStarted.scheduledEventId);
      add(`activity ${name}: wait for a slot`, msOf(event) - msOf(at.get(idOf(activityStarted.scheduledEventId))!));
    }
    const activityDone = event.activityTaskCompletedEventAttributes ?? event.activityTaskFailedEventAttributes;
    if (activityDone) {
      const name = activityName(activityDone.scheduledEventId);
      add(`activity ${name}: run`, msOf(event) - msOf(at.get(idOf(activityDone.startedEventId))!));
    }
  }
  const first = events[0];
  const last = events[events.length - 1];
  if (first && last) add('workflow: start to close', msOf(last) - msOf(first));
};

/** The phases of the given workflows' histories, fetched a few at a time. */
export const phasesOf = async (client: Client, workflowIds: readonly string[]): Promise<Phases> => {
  const into = new Map<string, number[]>();
  for (let i = 0; i < workflowIds.length; i += 10) {
    const histories = await Promise.all(workflowIds.slice(i, i + 10).map((id) => client.workflow.getHandle(id).fetchHistory()));
    for (const history of histories) collect(history.events ?? [], into);
  }
  return Object.fromEntries([...into.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([phase, values]) => [phase, stats(values)]));
};

/** A markdown table of phases, the largest total first, beside the same phases of a baseline (the floor). */
export const phaseTable = (title: string, phases: Phases, baseline: Phases = {}): string[] => {
  const cell = (s: PhaseStats | undefined, pick: (s: PhaseStats) => string) => (s ? pick(s) : '–');
  return [
    title,
    '| phase | count | floor count | p50 ms | floor p50 ms | p95 ms | total s | floor total s |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...Object.entries(phases)
      .sort(([, a], [, b]) => b.totalMs - a.totalMs)
      .map(([phase, s]) => {
        const b = baseline[phase];
        return `| ${phase} | ${s.count} | ${cell(b, (x) => String(x.count))} | ${s.p50Ms} | ${cell(b, (x) => String(x.p50Ms))} | ${s.p95Ms} | ${(s.totalMs / 1000).toFixed(1)} | ${cell(b, (x) => (x.totalMs / 1000).toFixed(1))} |`;
      }),
  ];
};

/** Client-side phases (update round trips, waits), timed where the driver makes them. */
export const createClientTimer = () => {
  const into = new Map<string, number[]>();
  return {
    async time<T>(phase: string, work: () => Promise<T>): Promise<T> {
      const began = performance.now();
      try {
        return await work();
      } finally {
        const list = into.get(phase) ?? [];
        list.push(performance.now() - began);
        into.set(phase, list);
      }
    },
    phases: (): Phases => Object.fromEntries([...into.entries()].map(([phase, values]) => [phase, stats(values)])),
    reset: () => into.clear(),
  };
};
export type ClientTimer = ReturnType<typeof createClientTimer>;
