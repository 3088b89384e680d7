import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NativeConnection } from '@temporalio/worker';
import { createSenders } from '../../activities/senders.ts';
import { loadConfig, type Config } from '../../lib/config.ts';
import { inject } from 'vitest';
import { importDirectory, importPool, resolveActor } from '../../app/directory.ts';
import { submitPartnership, type Submission } from '../../app/intake.ts';
import { createPrisma, type PrismaClient } from '../../lib/prisma.ts';
import type { RefusalType } from '../../domain/refusals.ts';
import { refusalOf } from '../../lib/update-refusal.ts';
import { describeRefusal } from '../../notifications/refusal-words.ts';
import { waitForStatus } from '../../app/wait-for-status.ts';
import { workflowIdFor } from '../../domain/reference.ts';
import { type Actor } from '../../domain/actor.ts';
import type { partnership } from '../../workflows/index.ts';
import { statusQuery } from '../../workflows/messages.ts';
import type { ProgrammePolicyInput } from '../../domain/policy.ts';
import type { PartnershipStatus } from '../../workflows/state.ts';
import { createWorker, type ServiceWorker } from '../../lib/workers.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

const fixture = async (name: string): Promise<unknown> => JSON.parse(await readFile(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));

/** Seconds instead of days: every wait in the lifecycle is short enough to watch happen. */
export const FAST_POLICY: ProgrammePolicyInput = {
  decisionReminderAfter: '1 hour',
  decisionEscalateAfter: '2 hours',
  revisionReminderAfter: '1 hour',
  proposalDeadline: '1 hour',
  proposalReminderBefore: '10 minutes',
  negotiationDeadline: '1 hour',
  negotiationReminderBefore: '10 minutes',
  milestoneReminderOffsets: ['10 minutes'],
  milestoneEscalateAfter: '1 hour',
  // Any hour is working time, and slots are as short as can be, so a timer's notice goes out when it fires.
  reminderSlot: '1ms',
  workingTime: { start: '00:00', end: '24:00', days: [1, 2, 3, 4, 5, 6, 7] },
};

export { PET_FOOD_DEMAND, ROLL_WEAR_DEMAND } from '../fixtures/submissions.ts';

/**
 * One test file's world: its own migrated database with the fixture directory and pool, a real
 * worker on its own task queue against the shared dev server, and helpers to drive partnerships.
 */
export interface Harness {
  readonly prisma: PrismaClient;
  readonly client: Client;
  readonly database: TestDatabase;
  readonly taskQueue: string;
  /** The worker's configuration; messages without an SMTP server or Lark app go to files in `outboxDir`. */
  readonly config: Config;
  readonly outboxDir: string;
  actor(id: string): Promise<Actor>;
  submit(submission: Submission, options?: { as?: string; policy?: ProgrammePolicyInput; key?: string }): Promise<string>;
  handle(reference: string): WorkflowHandle<typeof partnership>;
  status(reference: string): Promise<PartnershipStatus>;
  waitFor(reference: string, predicate: (status: PartnershipStatus) => boolean, timeoutMs?: number): Promise<PartnershipStatus>;
  startWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

export const createHarness = async (testFile: string, env: Record<string, string> = {}): Promise<Harness> => {
  const outboxDir = await mkdtemp(path.join(tmpdir(), 'qxwq-outbox-'));
  const config = loadConfig({ DATA_DIR: outboxDir, EMAIL_OUTBOX_DIR: outboxDir, ...env });
  const database = await createTestDatabase();
  const prisma = createPrisma(database.url, 4);
  // Reference numbers differ per test file, so workflow ids never meet on the shared server.
  const offset = parseInt(createHash('sha256').update(testFile).digest('hex').slice(0, 8), 16) % 900_000;
  await prisma.$executeRawUnsafe(`SELECT setval(pg_get_serial_sequence('"Partnership"', 'number'), ${offset + 1})`);
  await importDirectory(prisma, await fixture('directory.json'));
  await importPool(prisma, await fixture('pool.json'));

  const address = inject('temporalAddress');
  const client = new Client({ connection: await Connection.connect({ address }), namespace: 'default' });
  const workerConnection = await NativeConnection.connect({ address });
  const taskQueue = `test-${offset}`;
  let worker: ServiceWorker | null = null;
  let running: Promise<void> | null = null;

  const harness: Harness = {
    prisma,
    client,
    database,
    taskQueue,
    config,
    outboxDir,
    actor: (id) => resolveActor(prisma, id),
    async submit(submission, options = {}) {
      const submitter = await resolveActor(prisma, options.as ?? 'contact-steel');
      const submitted = await submitPartnership(
        { prisma, client, taskQueue, policy: options.policy ?? FAST_POLICY },
        submitter,
        submission,
        options.key ? { submissionKey: options.key } : {},
      );
      return submitted.reference;
    },
    handle: (reference) => client.workflow.getHandle<typeof partnership>(workflowIdFor(reference)),
    status: (reference) => harness.handle(reference).query(statusQuery),
    waitFor: (reference, predicate, timeoutMs) => waitForStatus(harness.handle(reference), predicate, timeoutMs),
    async startWorker() {
      const started = await createWorker({
        connection: workerConnection,
        namespace: 'default',
        taskQueue,
        prisma,
        senders: createSenders(config, prisma, () => undefined),
        workflowBundle: { codePath: inject('workflowBundlePath') },
      });
      worker = started;
      running = started.run();
    },
    async stopWorker() {
      worker?.shutdown();
      await running;
      worker = null;
      running = null;
    },
    async close() {
      if (worker) await harness.stopWorker();
      await workerConnection.close();
      await client.connection.close();
      await prisma.$disconnect();
      await database.drop();
      await rm(outboxDir, { recursive: true, force: true });
    },
  };
  return harness;
};

/** Waits until the database has recorded everything the workflow did so far. */
export const recorded = async (harness: Harness, reference: string, seq: number, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const row = await harness.prisma.partnership.findUnique({ where: { reference }, select: { lastEventSeq: true } });
    if (row && row.lastEventSeq >= seq) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${reference}: events up to ${seq} were not recorded in time`);
};

/** A refusal as the CLI prints it: its type and the English words, fields named by their keys. */
export interface RefusalText {
  readonly type: RefusalType;
  readonly message: string;
}

/** How the workflow refused an update, to assert on the message a person would read. */
export const refused = async (update: Promise<unknown>): Promise<RefusalText> => {
  try {
    await update;
  } catch (error) {
    const refusal = refusalOf(error);
    if (refusal) return { type: refusal.type, message: describeRefusal(refusal, 'en', 'keys') };
    throw error;
  }
  throw new Error('the update was accepted, but a refusal was expected');
};
