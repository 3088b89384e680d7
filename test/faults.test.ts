/**
 * The fault suite's quick check (bench/faults.ts has the full one): partnerships driven through
 * the whole lifecycle while the worker process is killed with SIGKILL and restarted, and while the
 * local Lark Open API answers 503, 429 and too late for a few seconds. Every message is really sent,
 * to a loopback SMTP server and the Lark stand-in in a process of their own.
 */
import { inject, afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { runScenario, type FaultOptions, type GivenServices } from '../bench/faults/run.ts';
import { larkErrors, workerKill } from '../bench/faults/scenarios.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';

const OPTIONS: FaultOptions = {
  partnerships: 4,
  concurrency: 4,
  kills: 3,
  outageSeconds: 4,
  downSeconds: 3,
  emailRate: 20,
  larkRate: 50,
  lifecycleMs: 120_000,
  seed: 7,
};

/**
 * Past every lifecycle's deadline, with room for starting the services, checking and stopping them: a
 * run that is slow or stuck ends with the scenario's own account of what did not complete, and why.
 */
const SCENARIO_TIMEOUT_MS = OPTIONS.lifecycleMs + 90_000;

/**
 * The bound on repeated emails. A send the SMTP server accepted is noted in the acceptance journal the
 * moment the worker hears of it, and a retry finds it there; what can still come twice is a message the
 * server took in the moments before the worker read its answer. Only messages in an SMTP transaction at
 * the kill can be: the transport keeps at most 5 pooled connections (nodemailer's default), so at most 5
 * per kill, with one more for a message being noted as the process died.
 */
const EMAILS_REPEATED_PER_KILL = 6;

let client: Client;
const databases: TestDatabase[] = [];
const given = async (): Promise<GivenServices> => {
  const database = await createTestDatabase();
  databases.push(database);
  return { temporal: { address: inject('temporalAddress'), client }, database: { url: database.url, poolMax: 4 } };
};

beforeAll(async () => {
  client = new Client({ connection: await Connection.connect({ address: inject('temporalAddress') }), namespace: 'default' });
});
afterAll(async () => {
  await client?.connection.close();
  for (const database of databases) await database.drop();
});

describe('faults', () => {
  it('loses no partnership and no message when the worker is SIGKILLed three times', { timeout: SCENARIO_TIMEOUT_MS }, async () => {
    const result = await runScenario(workerKill, OPTIONS, await given());
    console.log(
      `worker-kill: ${result.completed}/${result.partnerships} completed, ${result.workerStarts} worker processes, ${result.lost} lost, ${result.duplicates.email} emails and ${result.duplicates.lark} Lark messages received twice, ${result.larkResendsAbsorbed} Lark resends absorbed by uuid, recovered ${result.recoverS} s after the last kill, wall ${result.wallS} s`,
    );
    expect(result.problems).toEqual([]);
    expect(result.workerStarts).toBe(1 + OPTIONS.kills);
    expect(result.completed).toBe(OPTIONS.partnerships);
    expect(result.eventsOk).toBe(OPTIONS.partnerships);
    expect(result.outbox).toEqual({ sent: OPTIONS.partnerships * 40, pending: 0, failed: 0, total: OPTIONS.partnerships * 40 });
    expect(result.lost).toBe(0);
    // Lark drops a repeated uuid, so nobody sees a card twice; an email may come twice, within the bound.
    expect(result.duplicates.lark).toBe(0);
    expect(result.duplicates.email).toBeLessThanOrEqual(OPTIONS.kills * EMAILS_REPEATED_PER_KILL);
  });

  it('loses no message when Lark answers 503, then 429, then too late', { timeout: SCENARIO_TIMEOUT_MS }, async () => {
    const result = await runScenario(larkErrors, { ...OPTIONS, partnerships: 3 }, await given());
    console.log(
      `lark-errors: ${result.completed}/${result.partnerships} completed, ${result.lost} lost, ${result.duplicates.email} / ${result.duplicates.lark} received twice, ${result.larkResendsAbsorbed} Lark resends absorbed by uuid, recovered ${result.recoverS} s after the fault, wall ${result.wallS} s`,
    );
    expect(result.problems).toEqual([]);
    expect(result.lost).toBe(0);
    // No worker died: nothing may arrive twice. A send answered too late is sent again with its uuid, which Lark absorbs.
    expect(result.duplicates).toEqual({ email: 0, lark: 0 });
  });
});
