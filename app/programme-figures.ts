import type { PrismaClient } from '../lib/prisma.ts';
import { STAGES, type Stage } from '../domain/vocabulary.ts';

export interface ProgrammeFigures {
  readonly byStage: Record<Stage, number>;
  readonly partnerships: number;
  /** 供需对接: proposals the counterpart accepted (including those whose negotiation later failed). */
  readonly dockings: number;
  readonly contracts: number;
  readonly amountCny: number;
}

/** The programme's figures (the bot's 统计, the managers' weekly summary): counts by stage, dockings, contracts and their amount, from the database's projection. */
export const programmeFigures = async (prisma: PrismaClient): Promise<ProgrammeFigures> => {
  const [stages, dockings, contracts] = await Promise.all([
    prisma.partnership.groupBy({ by: ['stage'], _count: { _all: true } }),
    prisma.matchProposal.count({ where: { status: { in: ['accepted', 'failed'] } } }),
    prisma.contract.aggregate({ _count: { _all: true }, _sum: { amountCny: true } }),
  ]);
  const byStage = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;
  for (const row of stages) byStage[row.stage] = row._count._all;
  return {
    byStage,
    partnerships: Object.values(byStage).reduce((sum, n) => sum + n, 0),
    dockings,
    contracts: contracts._count._all,
    amountCny: Number(contracts._sum.amountCny ?? 0),
  };
};
