import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import { INVALID_EVENT } from '../domain/failures.ts';
import type { PrismaClient, Transaction } from '../lib/prisma.ts';
import { Prisma } from '../generated/prisma/client.ts';
import type { MilestoneRecord, PartnershipEvent } from '../workflows/events.ts';
import type { EnterpriseCategory } from '../domain/enterprise.ts';
import { recordContractIpTerms } from './contract-ip.ts';
import { counterpartCategory, withCounterpartCategory } from './counterpart-category.ts';
import { deliveriesOf, queueNotifications, type Delivery } from './outbox.ts';
import { coordinatorsConcerned } from './programme-audience.ts';
import { unreachedCounterparts, type Unreached } from './reachability.ts';

export interface RecordEventInput {
  readonly partnershipId: string;
  readonly reference: string;
  readonly title: string;
  readonly event: PartnershipEvent;
}

export interface RecordedEvent {
  /** False when a retry or replay found the event already recorded. */
  readonly applied: boolean;
  readonly notifications: number;
  /** The event's messages to send now, recorded or found. */
  readonly deliveries: readonly Delivery[];
  /** The organisations its match proposals went to that nobody can be reached at (absent in histories recorded before it was asked). */
  readonly unreached?: readonly Unreached[];
  /** The category of the enterprise this event made the counterpart, when it did (absent in histories recorded before it was asked). */
  readonly enterpriseCategory?: EnterpriseCategory;
}

const at = (ms: number): Date => new Date(ms);

const milestoneRow = (m: MilestoneRecord) => ({
  seq: m.seq,
  title: m.title,
  kind: m.kind,
  dueAt: at(m.dueAt),
  responsible: m.responsible,
  amountCny: m.amountCny ?? null,
});

/** Writes what the event changes beyond the partnership row itself. */
const project = async (tx: Transaction, partnershipId: string, event: PartnershipEvent): Promise<void> => {
  const actorId = event.actor?.personId ?? null;
  switch (event.type) {
    case 'revised': {
      const row = await tx.partnership.findUniqueOrThrow({ where: { id: partnershipId }, select: { demandId: true, achievementId: true } });
      if (row.demandId) await tx.demand.update({ where: { id: row.demandId }, data: { title: event.data.title, description: event.data.summary } });
      if (row.achievementId) await tx.achievement.update({ where: { id: row.achievementId }, data: { title: event.data.title, summary: event.data.summary } });
      return;
    }
    case 'candidates_found':
      for (const [index, candidate] of event.data.candidates.entries()) {
        const ranking = { rank: index + 1, score: candidate.score, reasons: [...candidate.reasons], flags: [...candidate.flags] };
        await tx.matchProposal.upsert({
          where: { partnershipId_candidateId: { partnershipId, candidateId: candidate.id } },
          create: { partnershipId, candidateId: candidate.id, counterpartOrgId: candidate.counterpart.id, ...ranking },
          update: ranking,
        });
      }
      return;
    case 'candidates_selected':
      await tx.matchProposal.updateMany({
        where: { partnershipId, candidateId: { in: [...event.data.candidateIds] } },
        data: { status: 'proposed', deadline: at(event.data.deadline) },
      });
      return;
    case 'proposal_accepted':
      await tx.matchProposal.updateMany({
        where: { partnershipId, candidateId: event.data.candidateId },
        data: { status: 'accepted', decidedAt: at(event.at), decidedById: actorId },
      });
      return;
    case 'proposal_declined':
      await tx.matchProposal.updateMany({
        where: { partnershipId, candidateId: event.data.candidateId },
        data: {
          status: 'declined',
          declineCategory: event.data.category,
          declineReason: event.data.reason ?? null,
          decidedAt: at(event.at),
          decidedById: actorId,
        },
      });
      return;
    case 'proposal_expired':
      await tx.matchProposal.updateMany({
        where: { partnershipId, candidateId: event.data.candidateId },
        data: { status: 'expired', declineCategory: 'timing', decidedAt: at(event.at) },
      });
      return;
    case 'proposals_withdrawn':
      await tx.matchProposal.updateMany({
        where: { partnershipId, candidateId: { in: [...event.data.candidateIds] } },
        data: { status: 'withdrawn', decidedAt: at(event.at) },
      });
      return;
    case 'negotiation_failed':
      await tx.matchProposal.updateMany({
        where: { partnershipId, candidateId: event.data.candidateId },
        data: { status: 'failed', declineReason: event.data.reason, decidedAt: at(event.at), decidedById: actorId },
      });
      return;
    case 'signed_on_site':
      await tx.partnership.update({ where: { id: partnershipId }, data: { eventId: event.data.eventId } });
      if (event.data.candidateId !== null) {
        await tx.matchProposal.updateMany({
          where: { partnershipId, candidateId: event.data.candidateId, status: 'proposed' },
          data: { status: 'accepted', decidedAt: at(event.at), decidedById: actorId },
        });
      }
      return;
    case 'terms_proposed':
      await tx.negotiationRound.create({
        data: {
          partnershipId,
          seq: event.seq,
          round: event.data.round,
          proposedById: actorId ?? '',
          terms: event.data.terms,
          amountCny: event.data.amountCny ?? null,
          createdAt: at(event.at),
        },
      });
      return;
    case 'contract_registered':
      await tx.contract.create({
        data: {
          partnershipId,
          type: event.data.type,
          amountCny: event.data.amountCny,
          signedOn: new Date(`${event.data.signedOn}T00:00:00Z`),
          universityId: event.data.university.id,
          enterpriseId: event.data.enterprise.id,
          registeredAt: at(event.at),
          signedAtEventId: event.data.eventId ?? null,
          expertIds: [...(event.data.experts ?? [])],
          milestones: { create: event.data.milestones.map(milestoneRow) },
        },
      });
      await recordContractIpTerms(tx, partnershipId, event.data.type, event.data.ip ?? {});
      return;
    case 'milestones_planned': {
      const contract = await tx.contract.findUniqueOrThrow({ where: { partnershipId }, select: { id: true } });
      await tx.milestone.createMany({ data: event.data.milestones.map((m) => ({ contractId: contract.id, ...milestoneRow(m) })) });
      return;
    }
    case 'milestone_done':
      await tx.milestone.updateMany({
        where: { contract: { partnershipId }, seq: event.data.milestone },
        data: { status: 'done', doneAt: at(event.at), evidenceUrl: event.data.evidenceUrl, receivedCny: event.data.receivedCny ?? null },
      });
      return;
    case 'completed':
    case 'withdrawn':
    case 'unmatched':
      await tx.milestone.updateMany({ where: { contract: { partnershipId }, status: 'open' }, data: { status: 'cancelled' } });
      return;
    default:
      return;
  }
};

/**
 * Records one workflow event: the audit row, its projection and its outbox messages, in one
 * transaction. The event row is written first and keyed by (partnership, seq), so a retried or
 * replayed event finds it and changes nothing.
 */
export const createRecordEvent = (prisma: PrismaClient) =>
  async function recordEvent(input: RecordEventInput): Promise<RecordedEvent> {
    try {
      return await record(prisma, input);
    } catch (error) {
      // The event row's foreign key is the check that the partnership exists: no query spent on asking first.
      if (isForeignKeyViolation(error)) throw ApplicationFailure.nonRetryable(`partnership ${input.partnershipId} does not exist`, INVALID_EVENT);
      throw error;
    }
  };

/** P2003 from a Prisma-built query; a plain SQL statement reports the driver's error under P2010. */
const isForeignKeyViolation = (error: unknown): boolean => {
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return false;
  const cause = (error.meta as { driverAdapterError?: { cause?: { kind?: string } } } | undefined)?.driverAdapterError?.cause;
  return error.code === 'P2003' || (error.code === 'P2010' && cause?.kind === 'ForeignKeyConstraintViolation');
};

const record = (prisma: PrismaClient, input: RecordEventInput): Promise<RecordedEvent> => {
  const { event } = input;
  return prisma.$transaction(async (tx) => {
    const recorded = await recordEventRow(tx, input);
    const unreached = await unreachedCounterparts(tx, event);
    const category = await counterpartCategory(tx, event);
    if (recorded === null)
      return { applied: false, notifications: 0, deliveries: await deliveriesOf(tx, input.reference, event), ...held(unreached), ...category };
    await project(tx, input.partnershipId, event);
    const queued = await queueNotifications(
      tx,
      { id: input.partnershipId, reference: input.reference, title: input.title },
      withCounterpartCategory(event, category.enterpriseCategory),
      await coordinatorsConcerned(tx, recorded.programmeId, event),
    );
    return { applied: true, notifications: queued.count, deliveries: queued.deliveries, ...held(unreached), ...category };
  });
};

/**
 * Writes the audit row and, when it is new, moves the partnership row on, in one statement (every
 * event does both). Null when the event was recorded before: a retry or a replay.
 */
const recordEventRow = async (tx: Transaction, input: RecordEventInput): Promise<{ programmeId: string | null } | null> => {
  const { event } = input;
  const payload = JSON.stringify({ data: event.data, actor: event.actor, ...(event.recordedBy ? { recordedBy: event.recordedBy } : {}) });
  const rows = await tx.$queryRaw<{ programmeId: string | null }[]>`
    WITH recorded AS (
      INSERT INTO "PartnershipEvent" (id, "partnershipId", seq, type, "actorId", stage, payload, at)
      VALUES (${randomUUID()}, ${input.partnershipId}, ${event.seq}, ${event.type}, ${event.actor?.personId ?? null}, ${event.stage}::"Stage", ${payload}::jsonb, ${at(event.at)})
      ON CONFLICT ("partnershipId", seq) DO NOTHING
      RETURNING "partnershipId"
    )
    UPDATE "Partnership" AS p
    SET stage = ${event.stage}::"Stage", "lastEventSeq" = ${event.seq}, title = ${input.title},
        "universityId" = ${event.university?.id ?? null}, "enterpriseId" = ${event.enterprise?.id ?? null}, "updatedAt" = ${new Date()}
    FROM recorded WHERE p.id = recorded."partnershipId"
    RETURNING p."programmeId"`;
  return rows[0] ?? null;
};

/** Only events with a proposal nobody can receive carry the list, so that the others' results stay as they were. */
const held = (unreached: readonly Unreached[]): { unreached?: readonly Unreached[] } => (unreached.length > 0 ? { unreached } : {});
