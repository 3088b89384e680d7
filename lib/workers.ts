import { fileURLToPath } from 'node:url';
import { Client } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker, type WorkflowBundleOption, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { createActivities, createDeliveryActivities } from '../activities/index.ts';
import { createSenders } from '../activities/senders.ts';
import { acceptedDirOf, channelRates, type Config } from './config.ts';
import type { PrismaClient } from './prisma.ts';
import { ensureSchedules } from './schedules.ts';
import type { Services } from './services.ts';
import type { ChannelSender } from '../notifications/content.ts';
import { deliveryTaskQueue } from '../domain/task-queues.ts';
import { heartbeatWhileRunning } from './activity-heartbeat.ts';

export const WORKFLOWS_PATH = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

export interface WorkerOptions {
  readonly connection: NativeConnection;
  readonly namespace: string;
  readonly taskQueue: string;
  readonly prisma: PrismaClient;
  readonly senders: { readonly lark: ChannelSender; readonly email: ChannelSender };
  /** Sends per second on each channel, for all workers together (the server enforces it per task queue). */
  readonly larkPerSecond?: number | null;
  readonly emailPerSecond?: number | null;
  /** A bundle made once and shared, e.g. by several workers in one test run. */
  readonly workflowBundle?: WorkflowBundleOption;
  readonly maxConcurrentActivityTaskExecutions?: number;
  readonly maxCachedWorkflows?: number;
  /** Where sends a server accepted are noted until the database records them; none when absent. */
  readonly journalDir?: string;
}

/** The service's workers in one process: workflows and records on the main queue, and one queue per channel. */
export interface ServiceWorker {
  run(): Promise<void>;
  shutdown(): void;
  /** The main queue's worker status (cached workflows, slots). */
  getStatus(): ReturnType<Worker['getStatus']>;
}

/** A channel's sends per second for the whole fleet, enforced by the server per task queue. */
const rateLimit = (perSecond: number | null | undefined) => (perSecond ? { maxTaskQueueActivitiesPerSecond: perSecond } : {});

/** Every activity heartbeats while it runs, so a worker that dies mid-attempt is noticed within the heartbeat timeout. */
const interceptors = { activity: [heartbeatWhileRunning] };

/** The bundler's warnings and errors only. */
export const QUIET_BUNDLER_LOGGER = { trace() {}, debug() {}, info() {}, warn: console.warn, error: console.error, log() {} };

/** Bundles the workflows once; a process running several workers shares the bundle. */
export const bundleWorkflows = (): Promise<WorkflowBundleWithSourceMap> => bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: QUIET_BUNDLER_LOGGER });

/** The partnership workflows and their activities, plus the Lark and email senders, on the given dependencies. */
export const createWorker = async (options: WorkerOptions): Promise<ServiceWorker> => {
  const { connection, namespace, taskQueue, prisma } = options;
  const main = await Worker.create({
    connection,
    namespace,
    taskQueue,
    interceptors,
    workflowBundle: options.workflowBundle ?? (await bundleWorkflows()),
    // Docking events start partnerships from their activities, over the worker's own connection.
    activities: createActivities({ prisma, client: new Client({ connection, namespace }) }),
    ...(options.maxConcurrentActivityTaskExecutions ? { maxConcurrentActivityTaskExecutions: options.maxConcurrentActivityTaskExecutions } : {}),
    ...(options.maxCachedWorkflows !== undefined ? { maxCachedWorkflows: options.maxCachedWorkflows } : {}),
  });
  const { deliverLark, deliverEmail } = createDeliveryActivities({
    prisma,
    ...options.senders,
    ...(options.journalDir ? { journalDir: options.journalDir } : {}),
  });
  const lark = await Worker.create({
    connection,
    namespace,
    taskQueue: deliveryTaskQueue(taskQueue, 'lark'),
    interceptors,
    activities: { deliverLark },
    ...rateLimit(options.larkPerSecond),
  });
  const email = await Worker.create({
    connection,
    namespace,
    taskQueue: deliveryTaskQueue(taskQueue, 'email'),
    interceptors,
    activities: { deliverEmail },
    ...rateLimit(options.emailPerSecond),
  });
  const workers = [main, lark, email];
  return {
    run: async () => {
      try {
        await Promise.all(workers.map((worker) => worker.run()));
      } finally {
        options.senders.email.close?.();
        options.senders.lark.close?.();
      }
    },
    shutdown: () => {
      for (const worker of workers) if (worker.getState() === 'RUNNING') worker.shutdown();
    },
    getStatus: () => main.getStatus(),
  };
};

/** The worker as configured (senders, rate limits, cache), after making sure the schedules exist. */
export const createConfiguredWorker = async (config: Config, services: Services): Promise<ServiceWorker> => {
  await ensureSchedules(services.client, config);
  const rates = channelRates(config);
  return createWorker({
    connection: services.workerConnection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    prisma: services.prisma,
    senders: createSenders(config, services.prisma),
    larkPerSecond: rates.lark,
    emailPerSecond: rates.email,
    maxConcurrentActivityTaskExecutions: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
    maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
    journalDir: acceptedDirOf(config),
  });
};
