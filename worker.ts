/**
 * The worker's entry point: `npm run worker` polls the partnership task queue and its Lark and
 * email queues against the configured Temporal server and database.
 */
import { loadConfig } from './lib/config.ts';
import { createLog } from './lib/log.ts';
import { connectServices } from './lib/services.ts';
import { createConfiguredWorker } from './lib/workers.ts';

/** Secrets are read from the environment, as the configuration is. */
const log = createLog();

const runStandalone = async (): Promise<void> => {
  const config = loadConfig();
  const services = await connectServices(config, { embedded: false });
  const worker = await createConfiguredWorker(config, services);
  process.once('SIGINT', () => worker.shutdown());
  process.once('SIGTERM', () => worker.shutdown());
  log.info(`worker polling ${config.TEMPORAL_TASK_QUEUE} (and its -lark, -email queues) on ${services.temporalAddress}`);
  await worker.run();
  await services.close();
};

runStandalone().catch((error: unknown) => {
  log.error((error as Error).message);
  process.exit(1);
});
