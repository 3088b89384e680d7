import { WorkflowUpdateRPCTimeoutOrCancelledError, type WorkflowHandle } from '@temporalio/client';
import { defineUpdate } from '@temporalio/workflow';
import { describe, expect, it } from 'vitest';
import { executeUpdate } from '../../app/execute-update.ts';

const approve = defineUpdate<string, [{ decision: string }]>('approve');

/** A handle whose server runs out of time waiting `timeouts` times, then answers; it records the update ids it was sent. */
const handleTimingOut = (timeouts: number, failure: Error = new WorkflowUpdateRPCTimeoutOrCancelledError('context deadline exceeded')) => {
  const sentIds: (string | undefined)[] = [];
  const handle = {
    executeUpdate: (_update: unknown, options: { updateId?: string }) => {
      sentIds.push(options.updateId);
      return sentIds.length <= timeouts ? Promise.reject(failure) : Promise.resolve('approved');
    },
  } as unknown as WorkflowHandle;
  return { handle, sentIds };
};

describe('running an update when the server runs out of time waiting for it', () => {
  it('sends it again under the same update id until the workflow takes it', async () => {
    const { handle, sentIds } = handleTimingOut(2);
    await expect(executeUpdate(handle, approve, { args: [{ decision: 'approve' }], updateId: 'click-1' })).resolves.toBe('approved');
    expect(sentIds).toEqual(['click-1', 'click-1', 'click-1']);
  });

  it('gives one id to every attempt when the caller named none', async () => {
    const { handle, sentIds } = handleTimingOut(1);
    await executeUpdate(handle, approve, { args: [{ decision: 'approve' }] });
    expect(sentIds).toHaveLength(2);
    expect(sentIds[0]).toBeTruthy();
    expect(sentIds[1]).toBe(sentIds[0]);
  });

  it('does not send again a refusal or any other failure, and stops after five timeouts', async () => {
    const refused = handleTimingOut(1, new Error('refused (NotAuthorised)'));
    await expect(executeUpdate(refused.handle, approve, { args: [{ decision: 'approve' }] })).rejects.toThrow('NotAuthorised');
    expect(refused.sentIds).toHaveLength(1);

    const stuck = handleTimingOut(100);
    await expect(executeUpdate(stuck.handle, approve, { args: [{ decision: 'approve' }] })).rejects.toBeInstanceOf(WorkflowUpdateRPCTimeoutOrCancelledError);
    expect(stuck.sentIds).toHaveLength(5);
  });
});
