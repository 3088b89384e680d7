/**
 * The fault suite's driver: one partnership through the whole happy path, as bench/lifecycle.ts
 * drives it (submit → approve → select → accept → terms → agreed → contract with two milestones →
 * both done), but as a patient client would through an outage: every call that fails for any
 * reason but a refusal is made again until a deadline. Submissions are keyed and updates carry a
 * fixed update id, so a call made again never decides twice.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { WorkflowUpdateFailedError, type Client, type WorkflowHandle } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import { resolveActor } from '../../app/directory.ts';
import { submitPartnership } from '../../app/intake.ts';
import { waitUntil } from '../../app/wait-for-status.ts';
import { ValidationError } from '../../lib/validation.ts';
import type { PrismaClient } from '../../lib/prisma.ts';
import { workflowIdFor } from '../../domain/reference.ts';
import type { Actor } from '../../domain/actor.ts';
import type { partnership } from '../../workflows/index.ts';
import {
  completeMilestoneUpdate,
  concludeNegotiationUpdate,
  proposeTermsUpdate,
  registerContractUpdate,
  respondToProposalUpdate,
  reviewUpdate,
  selectCandidatesUpdate,
  statusQuery,
} from '../../workflows/messages.ts';
import { BENCH_DEMAND, LONG_POLICY } from '../support.ts';

export interface People {
  readonly coord: Actor;
  readonly contact: Actor;
  /** The tech-transfer officer of each university. */
  readonly ttoOf: ReadonlyMap<string, Actor>;
}

export const loadPeople = async (prisma: PrismaClient): Promise<People> => {
  const ttos = await prisma.person.findMany({ where: { role: 'tto_officer' }, select: { id: true, organisationId: true } });
  const ttoOf = new Map<string, Actor>();
  for (const tto of ttos) if (tto.organisationId) ttoOf.set(tto.organisationId, await resolveActor(prisma, tto.id));
  return { coord: await resolveActor(prisma, 'coord'), contact: await resolveActor(prisma, 'contact-steel'), ttoOf };
};

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

const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

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

export const titleFor = (runId: string, index: number): string => `${BENCH_DEMAND.title}（${runId}-${index}）`;

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
    /** An update under a fixed id: made again after an outage, the server runs it once. */
    const decide = <R, A extends [unknown, ...unknown[]]>(step: string, update: UpdateDefinition<R, A>, args: A): Promise<R> =>
      patiently(`${ref} ${step}`, deadline, () => handle.executeUpdate(update, { args, updateId: `${ref}/${step}` }));
    const status = () => handle.query(statusQuery);

    await waitUntil(status, (s) => s.stage === 'review', `${ref} in review`, left());
    await decide('review', reviewUpdate, [{ actor: coord, decision: 'approve' }]);
    const matching = await waitUntil(status, (s) => s.awaiting.some((a) => a.action === 'select_candidates'), `${ref} candidates`, left());
    const best = matching.candidates[0];
    if (!best) throw new Error(`${ref}: no candidate`);
    const tto = people.ttoOf.get(best.counterpart.id);
    if (!tto) throw new Error(`${ref}: no TTO officer for ${best.counterpart.id}`);
    await decide('select', selectCandidatesUpdate, [{ actor: coord, candidateIds: [best.id] }]);
    await decide('respond', respondToProposalUpdate, [{ actor: tto, candidateId: best.id, decision: 'accept' }]);
    await decide('terms', proposeTermsUpdate, [{ actor: contact, terms: '许可使用三年，首期付款后技术服务', amountCny: 1_200_000 }]);
    await decide('conclude', concludeNegotiationUpdate, [{ actor: tto, outcome: 'agreed' }]);
    const now = Date.now();
    await decide('contract', registerContractUpdate, [
      {
        actor: coord,
        type: 'licensing',
        amountCny: 1_200_000,
        signedOn: isoDate(now),
        milestones: [
          { title: '技术资料交付', kind: 'deliverable', due: isoDate(now + 60 * DAY), responsible: 'university' },
          { title: '首期许可费', kind: 'payment', due: isoDate(now + 90 * DAY), responsible: 'enterprise', amountCny: 600_000 },
        ],
      },
    ]);
    await decide('milestone-1', completeMilestoneUpdate, [{ actor: tto, milestone: 1, evidenceUrl: 'https://docs.example.cn/delivery.pdf' }]);
    await decide('milestone-2', completeMilestoneUpdate, [{ actor: contact, milestone: 2, evidenceUrl: 'https://pay.example.cn/receipt/1' }]);
    const outcome = await patiently(`${ref} result`, deadline, () => handle.result());
    if (outcome.stage !== 'completed') throw new Error(`${ref} ended ${outcome.stage}: ${outcome.reason}`);
    return { reference: ref, completedAt: Date.now() };
  };
