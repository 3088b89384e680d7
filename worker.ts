import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, NativeConnection, Worker, type WorkflowBundleOption, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities } from './activities/index.ts';
import type { PrismaClient } from './lib/prisma.ts';

export const WORKFLOWS_PATH = fileURLToPath(new URL('./workflows/index.ts', import.meta.url));

export interface WorkerOptions {
  readonly connection: NativeConnection;
  readonly namespace: string;
  readonly taskQueue: string;
  readonly prisma: PrismaClient;
  /** A bundle made once and shared, e.g. by several workers in one test run. */
  readonly workflowBundle?: WorkflowBundleOption;
  readonly maxConcurrentActivityTaskExecutions?: number;
  readonly maxCachedWorkflows?: number;
}

/** Bundles the workflows once; a process running several workers shares the bundle. */
export const bundleWorkflows = (): Promise<WorkflowBundleWithSourceMap> =>
  bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} } });

/** A worker for the partnership workflows and their activities, on the given dependencies. */
export const createWorker = async (options: WorkerOptions): Promise<Worker> =>
  Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowBundle: options.workflowBundle ?? (await bundleWorkflows()),
    activities: createActivities({ prisma: options.prisma }),
    ...(options.maxConcurrentActivityTaskExecutions ? { maxConcurrentActivityTaskExecutions: options.maxConcurrentActivityTaskExecutions } : {}),
    ...(options.maxCachedWorkflows !== undefined ? { maxCachedWorkflows: options.maxCachedWorkflows } : {}),
  });

const runStandalone = async (): Promise<void> => {
  const { loadConfig } = await import('./lib/config.ts');
  const { connectServices } = await import('./lib/services.ts');
  const config = loadConfig();
  const services = await connectServices(config, { embedded: false });
  const worker = await createWorker({
    connection: services.workerConnection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    prisma: services.prisma,
    maxConcurrentActivityTaskExecutions: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
    maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
  });
  console.log(`worker polling ${config.TEMPORAL_TASK_QUEUE} on ${services.temporalAddress}`);
  await worker.run();
  await services.close();
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runStandalone().catch((error: unknown) => {
    console.error((error as Error).message);
    process.exit(1);
  });
}
