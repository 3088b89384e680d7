import { setTimeout as sleep } from 'node:timers/promises';
import type { WorkflowHandle } from '@temporalio/client';
import type { partnership } from '../workflows/index.ts';
import { statusQuery } from '../workflows/messages.ts';
import type { PartnershipStatus } from '../workflows/state.ts';

/** The first pause between two questions, how much longer each next one is, and the longest. */
export const WAIT_BACKOFF = { firstMs: 25, factor: 1.5, maxMs: 1_000 } as const;

/**
 * Asks until the answer satisfies the predicate, pausing longer after each "not yet" (25 ms, then
 * ×1.5 up to 1 s): a quick step is seen quickly, and a slow one costs a query a second, not fifty.
 * A failed question (not started yet, between two runs of a continue-as-new) counts as "not yet".
 */
export const waitUntil = async <T>(
  ask: () => Promise<T>,
  predicate: (answer: T) => boolean,
  what: string,
  timeoutMs = 60_000,
  /** A reason to stop waiting before the timeout (the run is over, the worker is gone), or null. */
  giveUp: () => string | null = () => null,
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  let pause: number = WAIT_BACKOFF.firstMs;
  let last: { answer: T } | { error: unknown } | undefined;
  for (;;) {
    try {
      const answer = await ask();
      if (predicate(answer)) return answer;
      last = { answer };
    } catch (error) {
      last = { error };
    }
    const reason = Date.now() + pause > deadline ? `${timeoutMs} ms passed` : giveUp();
    if (reason) {
      const seen = !last ? '' : 'error' in last ? `: ${(last.error as Error).message}` : `; last answer: ${JSON.stringify(last.answer).slice(0, 500)}`;
      throw new Error(`gave up waiting for ${what} (${reason})${seen}`);
    }
    await sleep(pause);
    pause = Math.min(pause * WAIT_BACKOFF.factor, WAIT_BACKOFF.maxMs);
  }
};

/** Waits until the partnership reaches what the caller waits for. */
export const waitForStatus = (
  handle: WorkflowHandle<typeof partnership>,
  predicate: (status: PartnershipStatus) => boolean,
  timeoutMs = 30_000,
): Promise<PartnershipStatus> => waitUntil(() => handle.query(statusQuery), predicate, handle.workflowId, timeoutMs);
