/** A workflow whose one activity runs longer than its heartbeat timeout, for test/activity-heartbeat.test.ts. */
import { proxyActivities } from '@temporalio/workflow';

export interface SlowActivities {
  /** Works for `ms` without heartbeating itself; answers with its attempt number. */
  slowStep(ms: number): Promise<number>;
}

export const SLOW_STEP_HEARTBEAT_TIMEOUT_MS = 2_000;

const { slowStep } = proxyActivities<SlowActivities>({
  startToCloseTimeout: '1 minute',
  heartbeatTimeout: SLOW_STEP_HEARTBEAT_TIMEOUT_MS,
  retry: { maximumAttempts: 1 },
});

export async function slowStepOnce(ms: number): Promise<number> {
  return slowStep(ms);
}
