import type { Client } from '@temporalio/client';
import type { Actor } from '../domain/actor.ts';
import { dockingSubmissionKey } from '../domain/event.ts';
import type { EventStart, PartnershipInput } from '../domain/partnership-input.ts';
import type { ProgrammePolicyInput } from '../domain/policy.ts';
import type { PrismaClient } from '../lib/prisma.ts';
import { claimPartnershipRow, startPartnershipWorkflow } from '../app/intake.ts';
import { releaseApprover } from './release-approver.ts';

/** Demands launched at once within one batch: partnership rows and workflow starts in flight. */
const LAUNCHES_IN_FLIGHT = 8;
/** What the partnership input accepts (domain/partnership-input.ts). */
const CANDIDATES_MAX = 50;
const REASON_MAX = 500;
const ADDED_BY_ORGANISERS = '对接会组织方添加';

export interface LaunchBatchInput {
  readonly eventId: string;
  readonly actor: Actor;
  readonly policy: ProgrammePolicyInput;
  /** Demands to launch in this batch, at most. */
  readonly size: number;
}

export interface LaunchedBatch {
  /** Demands launched in this batch (each one partnership, found or created). */
  readonly partnerships: number;
  readonly created: number;
  readonly dockings: number;
  /** Demands still holding pairs to launch. */
  readonly remaining: number;
}

export interface LaunchDependencies {
  readonly prisma: PrismaClient;
  readonly client: Client;
  readonly taskQueue: string;
}

const open = { in: ['listed' as const, 'added' as const] };

/**
 * Launches the next demands of the docking list: each demand with pairs neither struck nor yet
 * launched becomes a partnership that starts at matchmaking with those achievements proposed. The
 * partnership's submission key names the event and the demand, so a retried batch finds the
 * partnership (and its already-started workflow) instead of making a second one.
 */
export const launchDockingBatch = async (deps: LaunchDependencies, input: LaunchBatchInput): Promise<LaunchedBatch> => {
  const { prisma } = deps;
  const next = await prisma.docking.findMany({
    where: { eventId: input.eventId, status: open },
    distinct: ['demandId'],
    orderBy: { demandId: 'asc' },
    take: input.size,
    select: { demandId: true },
  });
  const ids = next.map((row) => row.demandId);
  const results: { created: boolean; dockings: number }[] = [];
  let cursor = 0;
  const lane = async (): Promise<void> => {
    while (cursor < ids.length) results.push(await launchDemand(deps, input, ids[cursor++]!));
  };
  await Promise.all(Array.from({ length: Math.min(LAUNCHES_IN_FLIGHT, ids.length) }, lane));
  const [{ remaining }] = await prisma.$queryRaw<[{ remaining: number }]>`
    SELECT COUNT(DISTINCT "demandId")::int AS remaining FROM "Docking" WHERE "eventId" = ${input.eventId} AND "status" IN ('listed', 'added')`;
  return {
    partnerships: results.length,
    created: results.filter((r) => r.created).length,
    dockings: results.reduce((sum, r) => sum + r.dockings, 0),
    remaining,
  };
};

const candidateOf = (row: {
  score: number | null;
  reasons: string[];
  achievement: { id: string; title: string; university: { id: string; name: string } };
}): EventStart['candidates'][number] => ({
  id: row.achievement.id,
  title: row.achievement.title.slice(0, 1000),
  counterpart: row.achievement.university,
  score: row.score ?? 0,
  reasons: row.reasons.length > 0 ? row.reasons.map((r) => r.slice(0, REASON_MAX)) : [ADDED_BY_ORGANISERS],
  flags: [],
});

const launchDemand = async (deps: LaunchDependencies, input: LaunchBatchInput, demandId: string): Promise<{ created: boolean; dockings: number }> => {
  const { prisma } = deps;
  const { eventId, actor } = input;
  const demand = await prisma.demand.findUniqueOrThrow({ where: { id: demandId }, include: { enterprise: { select: { id: true, name: true } } } });
  const pairs = await prisma.docking.findMany({
    // An achievement licensed exclusively or transferred since the list was drawn is not proposed.
    where: { eventId, demandId, status: { in: ['listed', 'added', 'launched'] }, achievement: { availability: 'open' } },
    include: { achievement: { select: { id: true, title: true, university: { select: { id: true, name: true } } } } },
    orderBy: [{ rank: { sort: 'asc', nulls: 'last' } }, { achievementId: 'asc' }],
  });
  const submissionKey = dockingSubmissionKey(eventId, demandId);
  const industry = demand.fields[0] ?? '其他';
  const { row, created } = await claimPartnershipRow(prisma, submissionKey, new Date().getFullYear(), () =>
    Promise.resolve({
      kind: 'demand' as const,
      title: demand.title,
      demandId,
      enterpriseId: demand.enterpriseId,
      region: demand.region,
      industry,
      submittedById: actor.personId,
      eventId,
    }),
  );
  const partnershipInput: PartnershipInput = {
    partnershipId: row.id,
    reference: row.reference,
    kind: 'demand',
    subjectId: demandId,
    title: row.title,
    summary: demand.description,
    enterprise: demand.enterprise,
    university: null,
    region: row.region,
    industry: row.industry,
    submittedBy: actor,
    policy: input.policy,
    start: {
      eventId,
      approvedBy: await releaseApprover(prisma, demand.approvedById, actor),
      candidates: pairs.slice(0, CANDIDATES_MAX).map(candidateOf),
    },
  };
  // A partnership found here was started by an earlier attempt; starting it again is a no-op.
  await startPartnershipWorkflow(deps, row, partnershipInput);
  const { count } = await prisma.docking.updateMany({
    where: { eventId, demandId, status: open },
    data: { status: 'launched', partnershipId: row.id, decidedById: actor.personId },
  });
  return { created, dockings: count };
};
