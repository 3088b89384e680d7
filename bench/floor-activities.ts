import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { deliveryTaskQueue } from '../domain/task-queues.ts';
import type { FloorActivities } from './floor-workflow.ts';

/** The floor's activities: they do nothing, so what remains is Temporal's own cost. */
export const FLOOR_ACTIVITY_IMPLEMENTATIONS: FloorActivities = {
  recordEvent: () => Promise.resolve({ applied: true, notifications: 0 }),
  findCandidates: () => Promise.resolve([]),
  deliverLark: () => Promise.resolve({ messageId: '', alreadySent: false }),
  deliverEmail: () => Promise.resolve({ messageId: '', alreadySent: false }),
};

/** The floor's workers, polling the queues the service's worker polls: the main one and one per channel. */
export const createFloorWorker = async (
  connection: NativeConnection,
  taskQueue: string,
  workflows: Pick<WorkerOptions, 'workflowsPath' | 'workflowBundle'>,
): Promise<{ run(): Promise<void>; shutdown(): void }> => {
  const { recordEvent, findCandidates, deliverLark, deliverEmail } = FLOOR_ACTIVITY_IMPLEMENTATIONS;
  const workers = await Promise.all([
    Worker.create({ connection, namespace: 'default', taskQueue, ...workflows, activities: { recordEvent, findCandidates } }),
    Worker.create({ connection, namespace: 'default', taskQueue: deliveryTaskQueue(taskQueue, 'lark'), activities: { deliverLark } }),
    Worker.create({ connection, namespace: 'default', taskQueue: deliveryTaskQueue(taskQueue, 'email'), activities: { deliverEmail } }),
  ]);
  return {
    run: async () => {
      await Promise.all(workers.map((worker) => worker.run()));
    },
    shutdown: () => {
      for (const worker of workers) if (worker.getState() === 'RUNNING') worker.shutdown();
    },
  };
};
