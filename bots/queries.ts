import type { Client } from '@temporalio/client';
import type { PrismaClient } from '../lib/prisma.ts';
import { workflowIdFor } from '../domain/reference.ts';
import { type Stage } from '../domain/vocabulary.ts';
import type { EnterpriseCategory } from '../domain/enterprise.ts';
import type { partnership } from '../workflows/index.ts';
import { statusQuery } from '../workflows/messages.ts';
import type { PartnershipStatus } from '../workflows/state.ts';
import type { BotUser } from './auth.ts';
import { awaitedFrom } from '../lark/cards/decision-sections.ts';
import type { ListedPartnership } from '../lark/cards/list.ts';
import { programmesCoordinatedBy } from '../app/programmes/coordinators.ts';

/** The workflow's status of one partnership; throws WorkflowNotFoundError for an unknown reference. */
export const queryStatus = (client: Client, reference: string): Promise<PartnershipStatus> =>
  client.workflow.getHandle<typeof partnership>(workflowIdFor(reference)).query(statusQuery);

/** The category of the partnership's enterprise, once it has one, for the cards that name the enterprise. */
export const enterpriseCategoryOf = async (prisma: PrismaClient, status: Pick<PartnershipStatus, 'enterprise'>): Promise<EnterpriseCategory | undefined> => {
  if (!status.enterprise) return undefined;
  const row = await prisma.organisation.findUnique({ where: { id: status.enterprise.id }, select: { enterpriseCategory: true } });
  return row?.enterpriseCategory ?? undefined;
};

const OPEN_STAGES: Stage[] = ['intake', 'review', 'matchmaking', 'negotiation', 'contracting', 'milestones'];
/** Where a coordinator is awaited; `intake` too, as a new partnership's row says so until its first steps are recorded. */
const COORDINATOR_STAGES: Stage[] = ['intake', 'review', 'matchmaking', 'contracting'];
/** Status queries run a few at a time, so that one 待办 does not crowd the Temporal frontend. */
const QUERY_CONCURRENCY = 5;

/**
 * The partnerships that may wait for this person, from the database's projection: for a
 * coordinator those in a coordinator's stages; for a TTO or enterprise contact those of their
 * organisation, those proposed to it, and those they submitted. The caller confirms with the status query.
 * A coordinator of programmes gets those of their programmes and of none.
 */
/** Partnerships of these programmes or of none; every partnership when no programme is given. */
const inProgrammes = (programmeIds: readonly string[]) =>
  programmeIds.length ? { OR: [{ programmeId: { in: [...programmeIds] } }, { programmeId: null }] } : {};

const candidateReferences = async (prisma: PrismaClient, user: BotUser, limit: number): Promise<string[]> => {
  const { actor } = user;
  const programmes = actor.role === 'coordinator' ? await programmesCoordinatedBy(prisma, actor.personId) : [];
  const where =
    actor.role === 'coordinator'
      ? { stage: { in: COORDINATOR_STAGES }, ...inProgrammes(programmes) }
      : {
          stage: { in: OPEN_STAGES },
          OR: [
            { submittedById: actor.personId },
            ...(actor.organisationId
              ? [
                  { universityId: actor.organisationId },
                  { enterpriseId: actor.organisationId },
                  { proposals: { some: { counterpartOrgId: actor.organisationId, status: 'proposed' as const } } },
                ]
              : []),
          ],
        };
  const rows = await prisma.partnership.findMany({ where, orderBy: { updatedAt: 'asc' }, take: limit, select: { reference: true } });
  return rows.map((row) => row.reference);
};

const inBatches = async <T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<R[]> => {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) results.push(...(await Promise.all(items.slice(start, start + size).map(work))));
  return results;
};

/** 待办: the partnerships awaiting an action of this person, oldest first; managers decide nothing. */
export const findPending = async (prisma: PrismaClient, client: Client, user: BotUser, limit = 50): Promise<PartnershipStatus[]> => {
  if (user.readOnly) return [];
  const references = await candidateReferences(prisma, user, limit);
  const statuses = await inBatches(references, QUERY_CONCURRENCY, (reference) => queryStatus(client, reference).catch(() => null));
  return statuses.filter((status): status is PartnershipStatus => status !== null && awaitedFrom(status, user).length > 0);
};

/** 列表: the latest partnerships, optionally of one stage; with programmes given, only theirs and those of no programme. */
export const listPartnerships = (prisma: PrismaClient, stage?: Stage, limit = 20, programmeIds: readonly string[] = []): Promise<ListedPartnership[]> =>
  prisma.partnership.findMany({
    where: { ...(stage ? { stage } : {}), ...inProgrammes(programmeIds) },
    orderBy: { number: 'desc' },
    take: limit,
    select: { reference: true, stage: true, title: true, region: true },
  });
