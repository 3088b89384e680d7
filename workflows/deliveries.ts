import { condition, log, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { Delivery } from '../activities/outbox.ts';
import type { Activities } from './activities.ts';
import { deliveryTaskQueue } from '../domain/task-queues.ts';
import { PERMANENT_DELIVERY_ERROR, UNKNOWN_MESSAGE } from '../domain/failures.ts';
import { HEARTBEAT_TIMEOUT } from '../domain/liveness.ts';

// A transport outage retries until it passes; after three days a message has lost its point.
// Permanent refusals (no address, a rejected recipient) are marked failed by the activity and not retried.
const retry = {
  initialInterval: '1 second',
  backoffCoefficient: 2,
  maximumInterval: '5 minutes',
  nonRetryableErrorTypes: [PERMANENT_DELIVERY_ERROR, UNKNOWN_MESSAGE],
};

export interface Deliveries {
  /** Starts sending each message without waiting for it; decisions are not held up by a slow channel. */
  start(deliveries: readonly Delivery[] | undefined): void;
  /** Resolves when every message started so far has been sent or given up. */
  settled(): Promise<void>;
}

/** The workflow's messages in flight, each sent by an activity on its channel's rate-limited queue. */
export const createDeliveries = (): Deliveries => {
  const base = workflowInfo().taskQueue;
  const options = { startToCloseTimeout: '1 minute', heartbeatTimeout: HEARTBEAT_TIMEOUT, scheduleToCloseTimeout: '3 days', retry } as const;
  const { deliverLark } = proxyActivities<Activities>({ ...options, taskQueue: deliveryTaskQueue(base, 'lark') });
  const { deliverEmail } = proxyActivities<Activities>({ ...options, taskQueue: deliveryTaskQueue(base, 'email') });
  let inflight = 0;
  return {
    start(deliveries) {
      for (const { key, channel } of deliveries ?? []) {
        inflight += 1;
        void (channel === 'lark' ? deliverLark : deliverEmail)({ key })
          .catch((error: unknown) => log.warn('message not delivered', { key, channel, error: (error as Error).message }))
          .finally(() => {
            inflight -= 1;
          });
      }
    },
    settled: () => condition(() => inflight === 0),
  };
};
