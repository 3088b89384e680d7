/**
 * The fault suite's driver: one partnership through the whole happy path, as bench/lifecycle.ts
 * drives it (submit → approve → select → accept → terms → agreed → contract with two milestones →
 * both done), but as a patient client would through an outage: every call that fails for any
 * reason but a refusal is made again until a deadline. Submissions are keyed and updates carry a
 * fixed update id, so a call made again never decides twice.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { WorkflowUpdateFailedError, type Client, type WorkflowHandle } from '@temporalio/client';
import { submitPartnership } from '../../app/intake.ts';
import { waitUntil } from '../../app/wait-for-status.ts';
import { ValidationError } from '../../lib/validation.ts';
import type { PrismaClient } from '../../lib/prisma.ts';
import { workflowIdFor } from '../../domain/reference.ts';
import type { partnership } from '../../workflows/index.ts';
import { reviewUpdate, statusQuery } from '../../workflows/messages.ts';
import { decisionsAfterMatching, titleFor, type People } from '../happy-path.ts';
import { BENCH_DEMAND, LONG_POLICY } from '../support.ts';

/** A refusal or a bad submission is an answer, not an outage: making the call again cannot help. */
const isAnswer = (error: unknown): boolean => error instanceof WorkflowUpdateFailedError || error instanceof ValidationError;

/** Calls `call` until it succeeds, a refusal comes back, or `deadline` (epoch ms) passes. */
export const patiently = async <T>(what: string, deadline: number, call: () => Promise<T>): Promise<T> => {
  let pause = 250;
  for (;;) {
    try {
      return await call();
    } catch (error) {
      if (isAnswer(error)) throw error;
      if (Date.now() + pause > deadline) throw new Error(`${what}: gave up at the deadline: ${(error as Error).message}`, { cause: error });
    }
    await sleep(pause);
    pause = Math.min(pause * 2, 2_000);
  }
};

export interface Driven {
  readonly reference: string;
  /** When its workflow's result came back (epoch ms). */
  readonly completedAt: number;
}

export interface DriveDeps {
  readonly prisma: PrismaClient;
  readonly client: Client;
  readonly taskQueue: string;
  readonly people: People;
  /** Names this run's submissions, so that a resubmission finds its row. */
  readonly runId: string;
  /** How long one lifecycle may take, outages included. */
  readonly lifecycleMs: number;
}

/** One partnership through the whole happy path; throws if it cannot complete by its deadline. */
export const driveLifecycle =
  (deps: DriveDeps) =>
  async (index: number): Promise<Driven> => {
    const { prisma, client, taskQueue, people, runId } = deps;
    const { coord, contact } = people;
    const deadline = Date.now() + deps.lifecycleMs;
    const left = () => Math.max(1_000, deadline - Date.now());
    const submitted = await patiently(`submission ${index}`, deadline, () =>
      submitPartnership(
        { prisma, client, taskQueue, policy: LONG_POLICY },
        contact,
        { ...BENCH_DEMAND, title: titleFor(runId, index) },
        { submissionKey: `faults-${runId}-${index}` },
      ),
    );
    const ref = submitted.reference;
    const handle: WorkflowHandle<typeof partnership> = client.workflow.getHandle<typeof partnership>(workflowIdFor(ref));
    const status = () => handle.query(statusQuery);

    await waitUntil(status, (s) => s.stage === 'review', `${ref} in review`, left());
    // Each update under a fixed id: made again after an outage, the server runs it once.
    await patiently(`${ref} review`, deadline, () =>
      handle.executeUpdate(reviewUpdate, { args: [{ actor: coord, decision: 'approve' }], updateId: `${ref}/review` }),
    );
    const matching = await waitUntil(status, (s) => s.awaiting.some((a) => a.action === 'select_candidates'), `${ref} candidates`, left());
    const best = matching.candidates[0];
    if (!best) throw new Error(`${ref}: no candidate`);
    for (const decision of decisionsAfterMatching(people, { id: best.id, university: best.counterpart.id }, Date.now())) {
      await patiently(`${ref} ${decision.step}`, deadline, () => decision.run(handle, `${ref}/${decision.step}`));
    }
    const outcome = await patiently(`${ref} result`, deadline, () => handle.result());
    if (outcome.stage !== 'completed') throw new Error(`${ref} ended ${outcome.stage}: ${outcome.reason}`);
    return { reference: ref, completedAt: Date.now() };
  };
