import type { WorkflowHandle } from '@temporalio/client';
import type { partnership } from '../workflows/index.ts';
import { statusQuery } from '../workflows/messages.ts';
import type { PartnershipStatus } from '../workflows/state.ts';

/** Polls the status query until the partnership reaches what the caller waits for. */
export const waitForStatus = async (
  handle: WorkflowHandle<typeof partnership>,
  predicate: (status: PartnershipStatus) => boolean,
  timeoutMs = 30_000,
): Promise<PartnershipStatus> => {
  const deadline = Date.now() + timeoutMs;
  let last: PartnershipStatus | undefined;
  while (Date.now() < deadline) {
    try {
      last = await handle.query(statusQuery);
      if (predicate(last)) return last;
    } catch {
      // Not started yet, or between the runs of a continue-as-new: ask again.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const seen = last && { stage: last.stage, awaiting: last.awaiting, history: last.history.slice(-3) };
  throw new Error(`timed out waiting for ${handle.workflowId}; last status: ${JSON.stringify(seen)}`);
};
