/**
 * Activities heartbeat while they run (lib/activity-heartbeat.ts), so the server tells a live worker
 * from a dead one within the heartbeat timeout. Here, on the real dev server, an activity working three
 * times its heartbeat timeout, without a heartbeat of its own, is kept alive by the worker's interceptor,
 * and given up without it.
 */
import { fileURLToPath } from 'node:url';
import { inject, afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Connection, WorkflowFailedError } from '@temporalio/client';
import { activityInfo } from '@temporalio/activity';
import { bundleWorkflowCode, NativeConnection, Worker, type ActivityInterceptorsFactory, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { heartbeatWhileRunning } from '../lib/activity-heartbeat.ts';
import { causesOf } from '../lib/error-causes.ts';
import { QUIET_BUNDLER_LOGGER } from '../lib/workers.ts';
import { SLOW_STEP_HEARTBEAT_TIMEOUT_MS, type SlowActivities, type slowStepOnce } from './support/heartbeat-workflow.ts';

const WORKFLOWS = fileURLToPath(new URL('./support/heartbeat-workflow.ts', import.meta.url));

const activities: SlowActivities = {
  async slowStep(ms) {
    await new Promise((resolve) => setTimeout(resolve, ms));
    return activityInfo().attempt;
  },
};

let connection: NativeConnection;
let client: Client;
let workflowBundle: WorkflowBundleWithSourceMap;
beforeAll(async () => {
  workflowBundle = await bundleWorkflowCode({ workflowsPath: WORKFLOWS, logger: QUIET_BUNDLER_LOGGER });
  connection = await NativeConnection.connect({ address: inject('temporalAddress') });
  client = new Client({ connection: await Connection.connect({ address: inject('temporalAddress') }) });
});
afterAll(async () => {
  await client?.connection.close();
  await connection?.close();
});

/** Runs the slow step once on a worker with the given activity interceptors. */
const runSlowStep = async (interceptors: ActivityInterceptorsFactory[]): Promise<number> => {
  const taskQueue = `heartbeat-${Date.now().toString(36)}-${interceptors.length}`;
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowBundle,
    activities,
    interceptors: { activity: interceptors },
  });
  return worker.runUntil(
    client.workflow.execute<typeof slowStepOnce>('slowStepOnce', {
      taskQueue,
      workflowId: taskQueue,
      args: [3 * SLOW_STEP_HEARTBEAT_TIMEOUT_MS],
    }),
  );
};

describe('activity heartbeats', () => {
  it('keep an activity working past its heartbeat timeout alive on its first attempt', async () => {
    expect(await runSlowStep([heartbeatWhileRunning])).toBe(1);
  });

  it('are what keeps it alive: without them the server gives the attempt up', async () => {
    const failure = await runSlowStep([]).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(WorkflowFailedError);
    expect(causesOf(failure)).toMatch(/heartbeat/i);
  });
});
