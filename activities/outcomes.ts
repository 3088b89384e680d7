import type { ProposalOutcome } from '../matching/index.ts';
import type { PrismaClient } from '../lib/prisma.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { isDeclineCategory } from '../domain/vocabulary.ts';

/** Proposals someone decided: accepted (including those whose negotiation later failed) or declined with a reason. */
const decided: Prisma.MatchProposalWhereInput = { status: { in: ['accepted', 'failed', 'declined'] } };

/**
 * The programme's own decisions as the matcher learns from them: each decided proposal as a
 * (demand, achievement) pair with what became of it, and each signed contract as `signed`.
 */
export const loadOutcomes = async (prisma: PrismaClient): Promise<ProposalOutcome[]> => {
  const proposals = await prisma.matchProposal.findMany({
    where: decided,
    select: {
      candidateId: true,
      status: true,
      declineCategory: true,
      partnership: { select: { kind: true, demandId: true, achievementId: true, contract: { select: { id: true } } } },
    },
    orderBy: [{ partnershipId: 'asc' }, { candidateId: 'asc' }],
  });
  return proposals.flatMap(({ candidateId, status, declineCategory, partnership }): ProposalOutcome[] => {
    const demandId = partnership.kind === 'demand' ? partnership.demandId : candidateId;
    const achievementId = partnership.kind === 'demand' ? candidateId : partnership.achievementId;
    if (!demandId || !achievementId) return [];
    if (status === 'declined') return isDeclineCategory(declineCategory) ? [{ demandId, achievementId, outcome: 'declined', category: declineCategory }] : [];
    const accepted: ProposalOutcome = { demandId, achievementId, outcome: 'accepted' };
    return partnership.contract ? [accepted, { demandId, achievementId, outcome: 'signed' }] : [accepted];
  });
};

/** Changes whenever a decision is recorded, so that the matcher learns from it at its next build. */
export const outcomesVersion = async (prisma: PrismaClient): Promise<string> => {
  const [proposals, contracts] = await Promise.all([prisma.matchProposal.count({ where: decided }), prisma.contract.count()]);
  return `${proposals}/${contracts}`;
};
