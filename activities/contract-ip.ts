import { availabilityAfter, type ContractIpTerms, type LicenceScope } from '../domain/ip.ts';
import type { ContractType } from '../domain/vocabulary.ts';
import type { Transaction } from '../lib/prisma.ts';

/**
 * The achievement a partnership's contract is about: the partnership's own, or for a demand the
 * achievement whose proposal was accepted (none when a signing named only the university).
 */
const contractedAchievementId = async (tx: Transaction, partnershipId: string): Promise<string | undefined> => {
  const row = await tx.partnership.findUniqueOrThrow({
    where: { id: partnershipId },
    select: { achievementId: true, proposals: { where: { status: 'accepted' }, select: { candidateId: true }, orderBy: { decidedAt: 'desc' }, take: 1 } },
  });
  return row.achievementId ?? row.proposals[0]?.candidateId;
};

/**
 * Marks the contracted achievement as the contract leaves it, so that it is not proposed again.
 * A transfer is final; an exclusive licence changes only an achievement still open.
 */
export const markContractedAchievement = async (tx: Transaction, partnershipId: string, type: ContractType, scope: LicenceScope | undefined): Promise<void> => {
  const availability = availabilityAfter(type, scope);
  if (!availability) return;
  const achievementId = await contractedAchievementId(tx, partnershipId);
  if (!achievementId) return;
  await tx.achievement.updateMany({
    where: { id: achievementId, ...(availability === 'transferred' ? { availability: { not: 'transferred' } } : { availability: 'open' }) },
    data: { availability },
  });
};

/** Writes the IP terms a contract states onto its row (only those given), and what they leave of the achievement. */
export const recordContractIpTerms = async (tx: Transaction, partnershipId: string, type: ContractType, terms: ContractIpTerms): Promise<void> => {
  if (Object.values(terms).some((value) => value !== undefined)) await tx.contract.update({ where: { partnershipId }, data: terms });
  await markContractedAchievement(tx, partnershipId, type, terms.licenceScope);
};
