import type { Prisma } from '../generated/prisma/client.ts';
import type { PrismaClient } from '../lib/prisma.ts';
import { programmeFigures } from '../app/programme-figures.ts';
import { channelsFor, type Delivery } from './outbox.ts';
import { findUnreachable } from './unreachable.ts';

export interface ComposeDigestsInput {
  /** The Monday (Asia/Shanghai) the digest is for, YYYY-MM-DD: part of each message's key. */
  readonly weekOf: string;
  /** Milestones due within this long are listed as coming up. */
  readonly horizonMs: number;
}

type PendingItem = { reference: string; title: string; action: string; deadline?: string };
type DueItem = { reference: string; title: string; milestone: number; milestoneTitle: string; due: string; overdue: boolean };

/** What one organisation's people have open: proposals to answer, negotiations, milestones due or overdue. */
const openFor = async (prisma: PrismaClient, organisationId: string, now: number, horizonMs: number) => {
  const [proposals, negotiations, milestones] = await Promise.all([
    prisma.matchProposal.findMany({
      where: { counterpartOrgId: organisationId, status: 'proposed' },
      include: { partnership: { select: { reference: true, title: true } } },
      orderBy: { deadline: 'asc' },
    }),
    prisma.partnership.findMany({
      where: { stage: 'negotiation', OR: [{ universityId: organisationId }, { enterpriseId: organisationId }] },
      select: { reference: true, title: true },
      orderBy: { reference: 'asc' },
    }),
    prisma.milestone.findMany({
      where: {
        status: 'open',
        dueAt: { lte: new Date(now + horizonMs) },
        contract: { partnership: { stage: 'milestones' } },
        OR: [
          { responsible: 'university', contract: { universityId: organisationId } },
          { responsible: 'enterprise', contract: { enterpriseId: organisationId } },
        ],
      },
      include: { contract: { select: { partnership: { select: { reference: true, title: true } } } } },
      orderBy: { dueAt: 'asc' },
    }),
  ]);
  const pending: PendingItem[] = [
    ...proposals.map((p) => ({
      reference: p.partnership.reference,
      title: p.partnership.title,
      action: 'respond_to_proposal',
      ...(p.deadline ? { deadline: p.deadline.toISOString() } : {}),
    })),
    ...negotiations.map((n) => ({ reference: n.reference, title: n.title, action: 'negotiate' })),
  ];
  const due: DueItem[] = milestones.map((m) => ({
    reference: m.contract.partnership.reference,
    title: m.contract.partnership.title,
    milestone: m.seq,
    milestoneTitle: m.title,
    due: m.dueAt.toISOString(),
    overdue: m.dueAt.getTime() < now,
  }));
  return { pending, due };
};

/** The managers' programme summary: the programme's figures, the overdue milestones and who cannot be reached. */
const programmeSummary = async (prisma: PrismaClient, now: number) => {
  const [figures, unreachable, overdue] = await Promise.all([
    programmeFigures(prisma),
    findUnreachable(prisma),
    prisma.milestone.findMany({
      where: { status: 'open', dueAt: { lt: new Date(now) } },
      include: { contract: { select: { partnership: { select: { reference: true, title: true } } } } },
      orderBy: { dueAt: 'asc' },
      take: 50,
    }),
  ]);
  return {
    ...figures,
    unreachable,
    overdueMilestones: overdue.map((m) => ({
      reference: m.contract.partnership.reference,
      title: m.contract.partnership.title,
      milestoneTitle: m.title,
      due: m.dueAt.toISOString(),
    })),
  };
};

/**
 * Writes this week's digests into the outbox — one per tech-transfer office or enterprise contact
 * with anything open, and a programme summary per manager — and returns every digest of the week
 * not yet sent. Keys name the week and the person, so a repeated run writes nothing twice.
 */
export const createComposeDigests = (prisma: PrismaClient) =>
  async function composeDigests({ weekOf, horizonMs }: ComposeDigestsInput): Promise<Delivery[]> {
    const now = Date.now();
    const people = await prisma.person.findMany({
      where: { role: { in: ['tto_officer', 'enterprise_contact', 'manager'] } },
      select: { id: true, role: true, organisationId: true, channel: true, larkOpenId: true, email: true },
      orderBy: { id: 'asc' },
    });
    const byOrganisation = new Map<string, Awaited<ReturnType<typeof openFor>>>();
    const summary = people.some((p) => p.role === 'manager') ? await programmeSummary(prisma, now) : null;
    const rows: Prisma.NotificationCreateManyInput[] = [];
    for (const person of people) {
      let template: 'weekly_digest' | 'programme_summary';
      let payload: Record<string, unknown>;
      if (person.role === 'manager') {
        template = 'programme_summary';
        payload = { weekOf, ...summary! };
      } else {
        if (!person.organisationId) continue;
        if (!byOrganisation.has(person.organisationId)) {
          byOrganisation.set(person.organisationId, await openFor(prisma, person.organisationId, now, horizonMs));
        }
        const open = byOrganisation.get(person.organisationId)!;
        if (open.pending.length === 0 && open.due.length === 0) continue;
        template = 'weekly_digest';
        payload = { weekOf, ...open };
      }
      for (const channel of channelsFor(person)) {
        const key = `digest/${weekOf}/${person.id}/${channel}`;
        rows.push({ idempotencyKey: key, batchKey: key, channel, recipientId: person.id, template, payload: payload as Prisma.InputJsonValue });
      }
    }
    if (rows.length > 0) await prisma.notification.createMany({ data: rows, skipDuplicates: true });
    const open = await prisma.notification.findMany({
      where: { status: 'pending', batchKey: { startsWith: `digest/${weekOf}/` } },
      select: { batchKey: true, channel: true },
      orderBy: { batchKey: 'asc' },
    });
    return open.map((row) => ({ key: row.batchKey!, channel: row.channel }));
  };
