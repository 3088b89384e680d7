/**
 * The happy path the benchmarks drive a partnership along, shared by the lifecycle benchmark and the
 * fault suite: who acts, and the decisions after the candidates are offered (select the best → its
 * tech-transfer office accepts → terms → agreed → contract with two milestones → both done).
 */
import type { WorkflowHandle } from '@temporalio/client';
import { resolveActor } from '../app/directory.ts';
import type { PrismaClient } from '../lib/prisma.ts';
import type { Actor } from '../domain/actor.ts';
import type { partnership } from '../workflows/index.ts';
import {
  completeMilestoneUpdate,
  concludeNegotiationUpdate,
  proposeTermsUpdate,
  registerContractUpdate,
  respondToProposalUpdate,
  selectCandidatesUpdate,
} from '../workflows/messages.ts';
import { BENCH_DEMAND } from './support.ts';

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

/** A run's i-th demand title, so that its partnerships can be found again. */
export const titleFor = (runId: string, index: number): string => `${BENCH_DEMAND.title}（${runId}-${index}）`;

const isoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

/** One decision: its short name (`step`), the update's name, and the call, with an update id when the caller fixes one. */
export interface HappyStep {
  readonly step: string;
  readonly update: string;
  run(handle: WorkflowHandle<typeof partnership>, updateId?: string): Promise<unknown>;
}

/** The decisions from selecting `candidate` (offered by `university`) to the last milestone, in order. */
export const decisionsAfterMatching = (people: People, candidate: { id: string; university: string }, now: number): HappyStep[] => {
  const { coord, contact } = people;
  const tto = people.ttoOf.get(candidate.university);
  if (!tto) throw new Error(`no TTO officer for ${candidate.university}`);
  const id = (updateId: string | undefined) => (updateId ? { updateId } : {});
  return [
    {
      step: 'select',
      update: 'selectCandidates',
      run: (h, u) => h.executeUpdate(selectCandidatesUpdate, { args: [{ actor: coord, candidateIds: [candidate.id] }], ...id(u) }),
    },
    {
      step: 'respond',
      update: 'respondToProposal',
      run: (h, u) => h.executeUpdate(respondToProposalUpdate, { args: [{ actor: tto, candidateId: candidate.id, decision: 'accept' }], ...id(u) }),
    },
    {
      step: 'terms',
      update: 'proposeTerms',
      run: (h, u) =>
        h.executeUpdate(proposeTermsUpdate, { args: [{ actor: contact, terms: '许可使用三年，首期付款后技术服务', amountCny: 1_200_000 }], ...id(u) }),
    },
    {
      step: 'conclude',
      update: 'concludeNegotiation',
      run: (h, u) => h.executeUpdate(concludeNegotiationUpdate, { args: [{ actor: tto, outcome: 'agreed' }], ...id(u) }),
    },
    {
      step: 'contract',
      update: 'registerContract',
      run: (h, u) =>
        h.executeUpdate(registerContractUpdate, {
          args: [
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
          ],
          ...id(u),
        }),
    },
    {
      step: 'milestone-1',
      update: 'completeMilestone',
      run: (h, u) =>
        h.executeUpdate(completeMilestoneUpdate, { args: [{ actor: tto, milestone: 1, evidenceUrl: 'https://docs.example.cn/delivery.pdf' }], ...id(u) }),
    },
    {
      step: 'milestone-2',
      update: 'completeMilestone',
      run: (h, u) =>
        h.executeUpdate(completeMilestoneUpdate, { args: [{ actor: contact, milestone: 2, evidenceUrl: 'https://pay.example.cn/receipt/1' }], ...id(u) }),
    },
  ];
};
