/**
 * The floor's worker in its own process, beside the service's worker run the same way: the bare
 * workflow of bench/floor-workflow.ts and no-op activities on TEMPORAL_TASK_QUEUE and its channel queues.
 */
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, NativeConnection } from '@temporalio/worker';
import { QUIET_BUNDLER_LOGGER } from '../lib/workers.ts';
import { createFloorWorker } from './floor-activities.ts';

const run = async (): Promise<void> => {
  const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
  const taskQueue = process.env.TEMPORAL_TASK_QUEUE ?? 'bench-floor';
  const connection = await NativeConnection.connect({ address });
  const bundle = await bundleWorkflowCode({ workflowsPath: fileURLToPath(new URL('./floor-workflow.ts', import.meta.url)), logger: QUIET_BUNDLER_LOGGER });
  const worker = await createFloorWorker(connection, taskQueue, { workflowBundle: { code: bundle.code } });
  process.once('SIGTERM', () => worker.shutdown());
  process.once('SIGINT', () => worker.shutdown());
  console.log(`worker polling ${taskQueue} on ${address}`);
  await worker.run();
  await connection.close();
};

run().catch((error: unknown) => {
  console.error((error as Error).stack ?? String(error));
  process.exit(1);
});
