import { randomUUID } from 'node:crypto';
import { WorkflowUpdateRPCTimeoutOrCancelledError, type WorkflowHandle } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';

/** How many times an update is sent when the server's wait for it keeps running out. */
const ATTEMPTS = 5;

/**
 * Runs an update, and sends it again under the same update id when the server's wait for it ran
 * out before the workflow took it (DEADLINE_EXCEEDED: under a burst the workflow's task can queue
 * longer than the server waits). The server runs an update id once, so a retry never decides twice.
 */
export const executeUpdate = async <Ret, Args extends [unknown, ...unknown[]]>(
  handle: WorkflowHandle,
  update: UpdateDefinition<Ret, Args>,
  options: { readonly args: Args; readonly updateId?: string },
): Promise<Ret> => {
  const updateId = options.updateId ?? randomUUID();
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await handle.executeUpdate(update, { args: options.args, updateId });
    } catch (error) {
      if (!(error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) || attempt >= ATTEMPTS) throw error;
    }
  }
};
