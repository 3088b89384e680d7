/**
 * `npm run demo`: fills a running service with the demo directory, a pool of achievements and a
 * handful of partnerships driven to different stages, so the Temporal UI shows a programme at work.
 */
import { readFile } from 'node:fs/promises';
import type { Client } from '@temporalio/client';
import { loadConfig } from '../lib/config.ts';
import { importDirectory, importPool, resolveActor } from '../app/directory.ts';
import { saveProgramme } from '../app/programmes/store.ts';
import type { Actor } from '../domain/actor.ts';
import { submitPartnership, type Submission } from '../app/intake.ts';
import { loadPolicy } from '../lib/policy-file.ts';
import type { PrismaClient } from '../lib/prisma.ts';
import { connectServices } from '../lib/services.ts';
import { waitForStatus } from '../app/wait-for-status.ts';
import { workflowIdFor } from '../domain/reference.ts';
import { type Stage } from '../domain/vocabulary.ts';
import type { partnership } from '../workflows/index.ts';
import * as m from '../workflows/messages.ts';
import type { PartnershipStatus } from '../workflows/state.ts';

const demoFile = async (name: string): Promise<unknown> => JSON.parse(await readFile(new URL(`./demo/${name}`, import.meta.url), 'utf8'));

/** The national programme and Liaoning's, with the targets their notices set (Liaoning's period runs through the demo's year). */
const PROGRAMMES = [
  {
    code: 'CN',
    name: '千校万企协同创新伙伴行动',
    level: 'national',
    startsOn: '2022-01-01',
    endsOn: '2027-12-31',
    coordinatorIds: ['p-coord-zhao'],
    targets: { universities: 1000, enterprises: 10000 },
  },
  {
    code: 'LN',
    name: '辽宁省校企协同科技创新伙伴行动',
    level: 'provincial',
    regions: ['辽宁省'],
    parent: 'CN',
    startsOn: '2023-01-01',
    endsOn: '2026-12-31',
    coordinatorIds: ['p-coord-li'],
    targets: { universities: 100, enterprises: 1000, experts: 2000, transformations: 7000 },
  },
];

/** How far each demo demand is taken, and with which contract. */
const SCENARIOS: { demand: string; contact: string; until: Stage | 'changes_requested' | 'proposed'; contract?: 'service' }[] = [
  { demand: 'DD01', contact: 'p-ent-huaye', until: 'completed', contract: 'service' },
  { demand: 'DD03', contact: 'p-ent-lanran', until: 'milestones' },
  { demand: 'DD04', contact: 'p-ent-jingrui', until: 'negotiation' },
  { demand: 'DD06', contact: 'p-ent-xinshi', until: 'proposed' },
  { demand: 'DD05', contact: 'p-ent-hequan', until: 'review' },
  { demand: 'DD09', contact: 'p-ent-shukang', until: 'changes_requested' },
  { demand: 'DD11', contact: 'p-ent-fenghe', until: 'unmatched' },
  { demand: 'DD07', contact: 'p-ent-yanneng', until: 'rejected' },
];

/** A licence with a deliverable and a payment, or an expert service placing the university's expert, with a visit and a report. */
const contractFor = async (prisma: PrismaClient, kind: Scenario['contract'], universityId: string, coord: Actor) => {
  if (kind !== 'service') {
    return {
      actor: coord,
      type: 'licensing' as const,
      amountCny: 800_000,
      signedOn: '2026-11-18',
      milestones: [
        { title: '工艺包与技术资料交付', kind: 'deliverable' as const, due: '2027-01-20', responsible: 'university' as const },
        { title: '首期许可费支付', kind: 'payment' as const, due: '2027-02-28', responsible: 'enterprise' as const, amountCny: 400_000 },
      ],
    };
  }
  // The matched university's own expert where it has one.
  const expert =
    (await prisma.person.findFirst({ where: { role: 'expert', organisationId: universityId } })) ??
    (await prisma.person.findFirstOrThrow({ where: { role: 'expert' }, orderBy: { id: 'asc' } }));
  return {
    actor: coord,
    type: 'service' as const,
    amountCny: 300_000,
    signedOn: '2026-11-18',
    experts: [expert.id],
    milestones: [
      { title: '专家入企现场诊断', kind: 'visit' as const, due: '2027-01-20', responsible: 'university' as const },
      { title: '服务报告', kind: 'report' as const, due: '2027-02-28', responsible: 'university' as const },
    ],
  };
};

type Scenario = (typeof SCENARIOS)[number];

const drive = async (client: Client, prisma: PrismaClient, reference: string, contact: string, until: Scenario['until'], contract: Scenario['contract']) => {
  const handle = client.workflow.getHandle<typeof partnership>(workflowIdFor(reference));
  const coord = await resolveActor(prisma, 'p-coord-li');
  const enterprise = await resolveActor(prisma, contact);
  const inReview = await waitForStatus(handle, (s) => s.stage === 'review');
  if (until === 'review') return inReview;
  if (until === 'rejected')
    return handle.executeUpdate(m.reviewUpdate, { args: [{ actor: coord, decision: 'reject', comment: '属于常规技术服务，建议通过市场化渠道解决' }] });
  if (until === 'changes_requested')
    return handle.executeUpdate(m.reviewUpdate, { args: [{ actor: coord, decision: 'request_changes', comment: '请补充现有工艺参数和期望指标' }] });
  await handle.executeUpdate(m.reviewUpdate, { args: [{ actor: coord, decision: 'approve' }] });
  const offered = await waitForStatus(handle, (s) => s.stage !== 'matchmaking' || s.awaiting.some((a) => a.action === 'select_candidates'));
  if (offered.stage !== 'matchmaking') return offered;
  const best = offered.candidates[0]!;
  await handle.executeUpdate(m.selectCandidatesUpdate, { args: [{ actor: coord, candidateIds: [best.id] }] });
  const tto = await prisma.person.findFirstOrThrow({ where: { organisationId: best.counterpart.id, role: 'tto_officer' } });
  const university = await resolveActor(prisma, tto.id);
  if (until === 'proposed') return handle.query(m.statusQuery);
  await handle.executeUpdate(m.respondToProposalUpdate, { args: [{ actor: university, candidateId: best.id, decision: 'accept' }] });
  await handle.executeUpdate(m.proposeTermsUpdate, { args: [{ actor: enterprise, terms: '技术许可三年，含现场调试与培训', amountCny: 800_000 }] });
  if (until === 'negotiation') return handle.query(m.statusQuery);
  await handle.executeUpdate(m.concludeNegotiationUpdate, { args: [{ actor: university, outcome: 'agreed' }] });
  const signed = await contractFor(prisma, contract, best.counterpart.id, coord);
  await handle.executeUpdate(m.registerContractUpdate, { args: [signed] });
  await handle.executeUpdate(m.completeMilestoneUpdate, {
    args: [{ actor: university, milestone: 1, evidenceUrl: 'https://tto.example.cn/deliveries/process-package.pdf' }],
  });
  if (until === 'milestones') return handle.query(m.statusQuery);
  return handle.executeUpdate(m.completeMilestoneUpdate, {
    args: [
      {
        actor: signed.milestones[1]!.responsible === 'university' ? university : enterprise,
        milestone: 2,
        evidenceUrl: contract === 'service' ? 'https://tto.example.cn/services/report-2027-02.pdf' : 'https://finance.example.cn/receipts/2027-0228.pdf',
      },
    ],
  });
};

const main = async (): Promise<void> => {
  const config = loadConfig();
  const policy = await loadPolicy(config.POLICY_FILE);
  const services = await connectServices(config, { embedded: false, log: () => undefined });
  try {
    const { prisma, client } = services;
    await importDirectory(prisma, await demoFile('directory.json'), 'scripts/demo/directory.json');
    for (const programme of PROGRAMMES) await saveProgramme(prisma, programme, `demo programme ${programme.code}`);
    const pool = (await demoFile('pool.json')) as { achievements: unknown; demands: { id: string }[] };
    // The achievements are the pool to match against; the demands arrive as partnerships.
    await importPool(prisma, { achievements: pool.achievements }, 'scripts/demo/pool.json');
    const demands = new Map<string, Submission>(pool.demands.map(({ id, ...demand }) => [id, { kind: 'demand', ...demand } as Submission]));
    for (const scenario of SCENARIOS) {
      const submitter = await resolveActor(prisma, scenario.contact);
      const { reference, created } = await submitPartnership(
        { prisma, client, taskQueue: config.TEMPORAL_TASK_QUEUE, policy },
        submitter,
        demands.get(scenario.demand),
        { submissionKey: `demo-${scenario.demand}` },
      );
      const status: PartnershipStatus = created
        ? await drive(client, prisma, reference, scenario.contact, scenario.until, scenario.contract)
        : await client.workflow.getHandle<typeof partnership>(workflowIdFor(reference)).query(m.statusQuery);
      console.log(`${reference}  ${status.stage.padEnd(11)}  ${status.title}${created ? '' : '  (already there)'}`);
    }
    console.log("\nThe programmes' figures: `npm run cli -- figures --programme LN --period 2026` (or 统计 辽宁 2026 to the bot).");
    console.log(
      `Open the Temporal UI${services.uiUrl ? '' : ` (http://localhost:${config.TEMPORAL_UI_PORT} with \`npm start\`)`} and filter, e.g. Stage="negotiation" or Region="辽宁省".`,
    );
  } finally {
    await services.close();
  }
};

main().catch((error: unknown) => {
  console.error(`demo: ${(error as Error).message}`);
  process.exit(1);
});
