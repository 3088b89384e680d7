/**
 * The benchmark's floor: a bare workflow with the partnership's shape and none of its work. It
 * takes the same eight updates in the same order (each a no-op state change, validated for order
 * only) and runs the same thirteen activities in the same places (12 `recordEvent` + 1
 * `findCandidates`, which do nothing), and after each event as many no-op delivery activities on
 * the Lark and email queues as the real workflow sends messages there (given as input), so the real lifecycle's time over this one is the cost of
 * what the partnership actually does: its rules, timers, search attributes and database writes.
 *
 * Bundled on its own (bench/lifecycle.ts gives this file as the floor worker's workflowsPath).
 */
import { allHandlersFinished, condition, defineQuery, defineUpdate, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import { deliveryTaskQueue } from '../domain/task-queues.ts';

export interface FloorActivities {
  recordEvent(input: { seq: number }): Promise<{ applied: boolean; notifications: number }>;
  findCandidates(input: { seq: number }): Promise<readonly string[]>;
  deliverLark(input: { key: string }): Promise<{ messageId: string; alreadySent: boolean }>;
  deliverEmail(input: { key: string }): Promise<{ messageId: string; alreadySent: boolean }>;
}

/** The messages the real workflow sends after each recorded event (index 0: the first event), per channel. */
export interface FloorInput {
  readonly messagesAfterEvent: readonly { readonly lark: number; readonly email: number }[];
}

export interface FloorStatus {
  readonly step: number;
  /** Candidates are "found": the select step may come (the real one waits for `select_candidates`). */
  readonly ready: boolean;
  readonly done: boolean;
}

/** The real lifecycle's updates, in its happy-path order. */
export const FLOOR_STEPS = [
  'review',
  'selectCandidates',
  'respondToProposal',
  'proposeTerms',
  'concludeNegotiation',
  'registerContract',
  'completeMilestone',
  'completeMilestone',
] as const;
export type FloorStep = (typeof FLOOR_STEPS)[number];

/**
 * Events the real workflow records, per the lifecycle test's list: intake_received and
 * review_requested at the start; then reviewed; (findCandidates, then candidates_found);
 * candidates_selected; proposal_accepted; terms_proposed; negotiation_agreed;
 * contract_registered; milestone_done; milestone_done + completed.
 */
export const EVENTS_AT_START = 2;
export const EVENTS_PER_STEP: readonly number[] = [1, 1, 1, 1, 1, 1, 1, 2];
/** candidates_found, recorded after findCandidates. */
export const EVENTS_AFTER_MATCHING = 1;
export const FLOOR_ACTIVITIES = EVENTS_AT_START + EVENTS_PER_STEP.reduce((a, b) => a + b, 0) + EVENTS_AFTER_MATCHING + 1;

const updates = new Map(FLOOR_STEPS.map((name) => [name, defineUpdate<FloorStatus, [unknown]>(name)]));
export const floorUpdate = (name: FloorStep) => updates.get(name)!;
export const floorStatusQuery = defineQuery<FloorStatus>('status');

const { recordEvent, findCandidates } = proxyActivities<FloorActivities>({
  // The partnership's own activity options.
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** The partnership's deliveries: one activity per message on its channel's queue, started and not awaited until the end. */
const createFloorDeliveries = () => {
  const options = { startToCloseTimeout: '1 minute', scheduleToCloseTimeout: '3 days' } as const;
  const base = workflowInfo().taskQueue;
  const { deliverLark } = proxyActivities<FloorActivities>({ ...options, taskQueue: deliveryTaskQueue(base, 'lark') });
  const { deliverEmail } = proxyActivities<FloorActivities>({ ...options, taskQueue: deliveryTaskQueue(base, 'email') });
  let inflight = 0;
  return {
    start(seq: number, counts: { lark: number; email: number } | undefined) {
      const sends = [...Array.from({ length: counts?.lark ?? 0 }, () => deliverLark), ...Array.from({ length: counts?.email ?? 0 }, () => deliverEmail)];
      for (const [index, send] of sends.entries()) {
        inflight += 1;
        void send({ key: `${seq}/${index}` }).finally(() => {
          inflight -= 1;
        });
      }
    },
    settled: () => condition(() => inflight === 0),
  };
};

export async function floor(input: FloorInput = { messagesAfterEvent: [] }): Promise<FloorStatus> {
  const deliveries = createFloorDeliveries();
  let step = 0;
  let pending = EVENTS_AT_START;
  let needsMatching = false;
  let ready = false;
  let seq = 0;
  const status = (): FloorStatus => ({ step, ready, done: step === FLOOR_STEPS.length });

  setHandler(floorStatusQuery, status);
  for (const [name, update] of updates) {
    setHandler(
      update,
      (_decision: unknown) => {
        pending += EVENTS_PER_STEP[step]!;
        step += 1;
        if (name === 'review') needsMatching = true;
        return status();
      },
      {
        validator: (_decision: unknown) => {
          if (FLOOR_STEPS[step] !== name) throw new Error(`${name} is not expected at step ${step}`);
          if (name === 'selectCandidates' && !ready) throw new Error('no candidates yet');
        },
      },
    );
  }

  for (;;) {
    while (pending > 0) {
      await recordEvent({ seq: ++seq });
      deliveries.start(seq, input.messagesAfterEvent[seq - 1]);
      pending -= 1;
    }
    if (step === FLOOR_STEPS.length) break;
    if (needsMatching) {
      await findCandidates({ seq });
      needsMatching = false;
      ready = true;
      pending += EVENTS_AFTER_MATCHING;
      continue;
    }
    const seen = step;
    await condition(() => step !== seen || pending > 0);
  }
  await deliveries.settled();
  await condition(allHandlersFinished);
  return status();
}
