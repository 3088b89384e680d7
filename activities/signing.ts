import { ApplicationFailure } from '@temporalio/common';
import { EVENT_REQUEST_REFUSED, signingSubmissionKey, type SignRequest, type Signing } from '../domain/event.ts';
import type { PartnershipInput } from '../domain/partnership-input.ts';
import type { ProgrammePolicyInput } from '../domain/policy.ts';
import { refusalOf } from '../lib/update-refusal.ts';
import { describeRefusal } from '../notifications/refusal-words.ts';
import { executeUpdate } from '../app/execute-update.ts';
import { findOrganisation } from '../app/events/handle.ts';
import { claimPartnershipRow, startPartnershipWorkflow } from '../app/intake.ts';
import { sign } from '../workflows/decisions/sign.ts';
import type { LaunchDependencies } from './launch-dockings.ts';
import { releaseApprover } from './release-approver.ts';
import { recordContractIpTerms } from './contract-ip.ts';

/** How long a signing waits for the partnership to record its contract before the attempt is retried. */
const CONTRACT_WAIT_MS = 30_000;

export interface SigningInput {
  readonly eventId: string;
  readonly request: SignRequest;
  readonly policy: ProgrammePolicyInput;
}

export interface SigningRegistered {
  readonly reference: string;
  /** False when the partnership already existed (launched at the event, or this signing repeated). */
  readonly created: boolean;
}

const refused = (message: string): ApplicationFailure => ApplicationFailure.create({ type: EVENT_REQUEST_REFUSED, nonRetryable: true, message });

/** An organisation named by its id or its name, as people at the event know it. */
const organisation = async (deps: LaunchDependencies, id: string, kind: 'university' | 'enterprise') => {
  const row = await findOrganisation(deps.prisma, kind, id);
  if (!row) throw refused(`no ${kind} ${id} in the directory`);
  return { id: row.id, name: row.name };
};

/** The demand or achievement signed for, by id or release number, checked against the organisations named. */
type Party = { readonly id: string; readonly name: string };

const subjectOf = async (deps: LaunchDependencies, request: SignRequest, parties: { university: Party; enterprise: Party }) => {
  const { prisma } = deps;
  if (request.subject.kind === 'demand') {
    const demand = await prisma.demand.findFirst({
      where: { OR: [{ id: request.subject.id }, { releaseNumber: request.subject.id }] },
      include: { enterprise: { select: { id: true, name: true } } },
    });
    if (!demand) throw refused(`no demand ${request.subject.id}`);
    if (demand.enterpriseId !== parties.enterprise.id)
      throw refused(`demand ${request.subject.id} is ${demand.enterprise.name}'s, not ${parties.enterprise.name}'s`);
    return {
      kind: 'demand' as const,
      id: demand.id,
      title: demand.title,
      summary: demand.description,
      own: demand.enterprise,
      approvedById: demand.approvedById,
      region: demand.region,
      industry: demand.fields[0] ?? '其他',
    };
  }
  const achievement = await prisma.achievement.findFirst({
    where: { OR: [{ id: request.subject.id }, { releaseNumber: request.subject.id }] },
    include: { university: { select: { id: true, name: true } } },
  });
  if (!achievement) throw refused(`no achievement ${request.subject.id}`);
  if (achievement.universityId !== parties.university.id)
    throw refused(`achievement ${request.subject.id} is ${achievement.university.name}'s, not ${parties.university.name}'s`);
  return {
    kind: 'achievement' as const,
    id: achievement.id,
    title: achievement.title,
    summary: achievement.summary,
    own: achievement.university,
    approvedById: achievement.approvedById,
    region: achievement.region,
    industry: achievement.fields[0] ?? '其他',
  };
};

const waitForContract = async (deps: LaunchDependencies, partnershipId: string, eventId: string): Promise<void> => {
  const deadline = Date.now() + CONTRACT_WAIT_MS;
  while (Date.now() < deadline) {
    const contract = await deps.prisma.contract.findUnique({ where: { partnershipId }, select: { signedAtEventId: true } });
    if (contract) {
      if (contract.signedAtEventId !== eventId) throw refused('this partnership already has a contract, registered before the event');
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`partnership ${partnershipId}: the contract was not recorded within ${CONTRACT_WAIT_MS / 1000} s`);
};

/** The signing's IP terms on the contract the partnership recorded; the same terms again change nothing. */
const recordTerms = (deps: LaunchDependencies, partnershipId: string, request: SignRequest): Promise<void> =>
  deps.prisma.$transaction((tx) => recordContractIpTerms(tx, partnershipId, request.type, request.ip ?? {}));

/**
 * Registers a contract signed on site (现场签约) in one step. A partnership of the event that holds
 * the demand or achievement and is still open is taken straight to the registered contract; else a
 * partnership is created for the pair and starts there. Repeating the signing finds the contract.
 */
export const registerSigning = async (deps: LaunchDependencies, input: SigningInput): Promise<SigningRegistered> => {
  const { prisma } = deps;
  const { eventId, request } = input;
  const [university, enterprise] = await Promise.all([
    organisation(deps, request.universityId, 'university'),
    organisation(deps, request.enterpriseId, 'enterprise'),
  ]);
  const subject = await subjectOf(deps, request, { university, enterprise });
  const counterpart = subject.kind === 'demand' ? university : enterprise;
  const held = subject.kind === 'demand' ? { demandId: subject.id } : { achievementId: subject.id };
  const existing = await prisma.partnership.findFirst({
    where: { eventId, ...held, stage: { in: ['matchmaking', 'negotiation', 'contracting', 'milestones', 'completed'] } },
    include: { proposals: { where: { counterpartOrgId: counterpart.id, status: { in: ['proposed', 'accepted'] } }, select: { candidateId: true } } },
    orderBy: { number: 'asc' },
  });
  const signing = (candidateId: string | null): Signing => ({
    eventId,
    counterpart,
    candidateId,
    type: request.type,
    amountCny: request.amountCny,
    signedOn: request.signedOn,
  });

  if (existing) {
    if (existing.stage !== 'milestones' && existing.stage !== 'completed') {
      const handle = deps.client.workflow.getHandle(existing.workflowId);
      try {
        await executeUpdate(handle, sign.update, {
          args: [{ actor: request.actor, ...signing(existing.proposals[0]?.candidateId ?? null) }],
          updateId: `sign-${eventId}-${subject.id}-${counterpart.id}`,
        });
      } catch (error) {
        const refusal = refusalOf(error);
        if (refusal) throw refused(`${existing.reference}: ${describeRefusal(refusal, 'en', 'keys')}`);
        throw error;
      }
    }
    await waitForContract(deps, existing.id, eventId);
    await recordTerms(deps, existing.id, request);
    return { reference: existing.reference, created: false };
  }

  const submissionKey = signingSubmissionKey(eventId, subject.id, counterpart.id);
  const { row, created } = await claimPartnershipRow(prisma, submissionKey, new Date().getFullYear(), () =>
    Promise.resolve({
      kind: subject.kind,
      title: subject.title,
      ...held,
      ...(subject.kind === 'demand' ? { enterpriseId: subject.own.id } : { universityId: subject.own.id }),
      region: subject.region,
      industry: subject.industry,
      submittedById: request.actor.personId,
      eventId,
    }),
  );
  const partnershipInput: PartnershipInput = {
    partnershipId: row.id,
    reference: row.reference,
    kind: subject.kind,
    subjectId: subject.id,
    title: row.title,
    summary: subject.summary,
    enterprise: subject.kind === 'demand' ? subject.own : null,
    university: subject.kind === 'achievement' ? subject.own : null,
    region: row.region,
    industry: row.industry,
    submittedBy: request.actor,
    policy: input.policy,
    start: { eventId, approvedBy: await releaseApprover(prisma, subject.approvedById, request.actor), candidates: [], signing: signing(null) },
  };
  await startPartnershipWorkflow(deps, row, partnershipInput);
  await waitForContract(deps, row.id, eventId);
  await recordTerms(deps, row.id, request);
  return { reference: row.reference, created };
};
