/**
 * Reminder delivery benchmark: N tech-transfer offices, each with a contract milestone falling due
 * at the same minute, on a real Temporal dev server and worker; every "due today" reminder must
 * reach its office once, by email (a loopback SMTP server), Lark (a local server speaking the Open
 * API to the real SDK) or both, as each office prefers, within the channel rate limits.
 *
 *   npm run bench:reminders -- [--offices 1000] [--concurrency 40] [--lark-rate 50] [--email-rate 20]
 *
 * Phases: (1) each office's partnership is driven to contracting, with nobody reachable, so the
 * lifecycle sends nothing; (2) the offices' addresses are added and every contract is registered
 * with one milestone due at the same minute — the "contract registered" message goes out at once
 * (timed); (3) at the due minute the reminder timers fire, and the dispatcher sends them (timed).
 * Reports time, messages per channel, duplicates, and the highest count per second seen by each
 * server against the configured limit.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Command } from 'commander';
import { NativeConnection } from '@temporalio/worker';
import { createSenders } from '../activities/senders.ts';
import { loadConfig } from '../lib/config.ts';
import { importDirectory, importPool, resolveActor, type Directory, type Pool } from '../app/directory.ts';
import { submitPartnership, type Submission } from '../app/intake.ts';
import { waitUntil } from '../app/wait-for-status.ts';
import { startLarkOpenApi } from '../test/support/lark-open-api.ts';
import { startLoopbackSmtp } from '../test/support/smtp.ts';
import { bundleWorkflows, createWorker } from '../lib/workers.ts';
import { workflowIdFor } from '../domain/reference.ts';
import type { partnership } from '../workflows/index.ts';
import * as messages from '../workflows/messages.ts';
import { dispatchReminders } from '../workflows/scheduled.ts';
import type { ProgrammePolicyInput } from '../domain/policy.ts';
import {
  DATABASE_OPTION,
  connectDatabase,
  createTeardown,
  loadAverage,
  log,
  positiveInt,
  quietWorkerLogs,
  round,
  runPool,
  sleep,
  startDatabase,
  startTemporal,
  watchdog,
} from './support.ts';
import { mostInAnyWindow } from './receivers.ts';

const options = new Command('bench:reminders')
  .description('N offices with a milestone due: every reminder delivered once, within the rate limits')
  .option('--offices <n>', 'tech-transfer offices, one partnership and one due milestone each', positiveInt('--offices'), 1000)
  .option('--concurrency <c>', 'partnerships driven at once', positiveInt('--concurrency'), 40)
  .option('--lark-rate <r>', 'LARK_MAX_PER_SECOND', positiveInt('--lark-rate'), 50)
  .option('--email-rate <r>', 'EMAIL_MAX_PER_SECOND', positiveInt('--email-rate'), 20)
  .option(...DATABASE_OPTION)
  .parse()
  .opts<{ offices: number; concurrency: number; larkRate: number; emailRate: number; database?: string }>();

const MINUTE = 60_000;

/** Nothing fires while partnerships are driven; the milestone's "due today" reminder is the one measured. */
const POLICY: ProgrammePolicyInput = {
  decisionReminderAfter: '30 days',
  decisionEscalateAfter: '60 days',
  proposalDeadline: '30 days',
  negotiationDeadline: '90 days',
  milestoneReminderOffsets: [],
  milestoneEscalateAfter: '30 days',
  milestoneOverdueRepeatEvery: '30 days',
  reminderSlot: '1 minute',
  workingTime: { start: '00:00', end: '24:00', days: [1, 2, 3, 4, 5, 6, 7] },
};

const CHANNELS = ['email', 'lark', 'both'] as const;
const officeId = (i: number) => `tto-${i}`;
const openIdOf = (i: number) => `ou_${i.toString(16).padStart(32, '0')}`;
const emailOf = (i: number) => `tto-${i}@u${i}.example.edu.cn`;

/** N universities, each with an office (unreachable for now) and one achievement; one enterprise that wants them. */
const world = (n: number): { directory: Directory; pool: Pool; achievement: (i: number) => Submission } => {
  const achievement = (i: number): Submission => ({
    kind: 'achievement',
    university: `基准大学${i}`,
    title: `钢铁企业中低温烟气余热有机朗肯循环发电技术（${i}）`,
    summary:
      '针对钢铁企业高炉煤气、烧结烟气等中低温余热直接放散、利用率低的问题，开发有机朗肯循环（ORC）余热发电机组及工质选型、换热器优化设计方法，余热利用率提高到65%以上，吨钢能耗降低8%，已在两家钢厂示范应用并稳定运行一年。',
    fields: ['节能环保', '冶金'],
    keywords: ['余热回收', '有机朗肯循环', '烧结烟气', '能耗'],
    maturity: 8,
    cooperationModes: ['许可', '技术服务'],
    region: '辽宁省',
  });
  return {
    achievement,
    directory: {
      organisations: [
        { id: 'e-bench', kind: 'enterprise', name: '基准钢铁有限公司', region: '辽宁省' },
        ...Array.from({ length: n }, (_, i) => ({ id: `u-${i}`, kind: 'university' as const, name: `基准大学${i}`, region: '辽宁省' })),
      ],
      people: [
        { id: 'coord', name: '协调员', role: 'coordinator' },
        { id: 'contact-bench', name: '企业联系人', role: 'enterprise_contact', organisationId: 'e-bench' },
        ...Array.from({ length: n }, (_, i) => ({ id: officeId(i), name: `技术转移中心${i}`, role: 'tto_officer' as const, organisationId: `u-${i}` })),
      ],
    },
    pool: {
      demands: [
        {
          id: 'D-BENCH',
          enterprise: '基准钢铁有限公司',
          title: '高炉煤气和烧结烟气余热放散浪费、吨钢能耗居高不下',
          description:
            '我公司两座高炉的高炉煤气和烧结机烟气余热大量直接放散，余热利用率不足30%，吨钢综合能耗比行业先进水平高约8%，能源成本压力大。希望引进成熟的低温余热回收发电技术（如有机朗肯循环机组），提高余热利用率、降低吨钢能耗，并能在现有产线上改造实施。',
          fields: ['节能环保', '冶金'],
          budgetWan: 300,
          cooperationModes: ['许可'],
          region: '辽宁省',
        },
      ],
    },
  };
};

/** The office's contact details and channel preference, added once the partnership reaches contracting. */
const reachable = (n: number): Directory => ({
  people: Array.from({ length: n }, (_, i) => {
    const channel = CHANNELS[i % CHANNELS.length]!;
    return {
      id: officeId(i),
      name: `技术转移中心${i}`,
      role: 'tto_officer' as const,
      organisationId: `u-${i}`,
      channel,
      email: emailOf(i),
      larkOpenId: openIdOf(i),
    };
  }),
});

const main = async (): Promise<void> => {
  const { offices: n, concurrency, larkRate, emailRate } = options;
  const databaseChoice = options.database ?? process.env.DATABASE_URL ?? 'pglite';
  const teardown = createTeardown();
  const disarm = watchdog(Math.max(20, Math.ceil(n / 40)) * MINUTE, teardown.run);
  const logCounts = quietWorkerLogs();
  const loadBefore = loadAverage();
  try {
    log(
      `starting the Temporal dev server, the database (${databaseChoice === 'pglite' ? 'pglite' : 'postgresql server'}), a loopback SMTP server and the local Lark Open API`,
    );
    const [temporal, database, smtp, lark] = await Promise.all([startTemporal(), startDatabase(databaseChoice), startLoopbackSmtp(), startLarkOpenApi()]);
    teardown.add('the dev server', temporal.stop);
    teardown.add('the database', database.stop);
    teardown.add('the SMTP server', smtp.close);
    teardown.add('the Lark Open API', lark.close);
    const prisma = connectDatabase(database);
    teardown.add('Prisma', () => prisma.$disconnect());
    const { directory, pool, achievement } = world(n);
    await importDirectory(prisma, directory);
    await importPool(prisma, pool);

    const dir = await mkdtemp(path.join(tmpdir(), 'qxwq-bench-reminders-'));
    teardown.add('the temporary folder', () => rm(dir, { recursive: true, force: true }));
    const bundlePath = path.join(dir, 'workflows.js');
    await writeFile(bundlePath, (await bundleWorkflows()).code);
    const config = loadConfig({
      DATA_DIR: dir,
      SMTP_URL: smtp.url,
      LARK_APP_ID: lark.appId,
      LARK_APP_SECRET: lark.appSecret,
      LARK_DOMAIN: lark.baseUrl,
      LARK_MAX_PER_SECOND: String(larkRate),
      EMAIL_MAX_PER_SECOND: String(emailRate),
    });
    const connection = await NativeConnection.connect({ address: temporal.address });
    teardown.add('the worker connection', () => connection.close());
    const taskQueue = `bench-reminders-${Date.now().toString(36)}`;
    const worker = await createWorker({
      connection,
      namespace: 'default',
      taskQueue,
      prisma,
      senders: createSenders(config, prisma, () => undefined),
      larkPerSecond: config.LARK_MAX_PER_SECOND,
      emailPerSecond: config.EMAIL_MAX_PER_SECOND,
      workflowBundle: { codePath: bundlePath },
    });
    const running = worker.run();
    teardown.add('the worker', async () => {
      worker.shutdown();
      await running;
    });

    const client = temporal.client;
    const coordinator = await resolveActor(prisma, 'coord');
    const contact = await resolveActor(prisma, 'contact-bench');
    const handle = (reference: string) => client.workflow.getHandle<typeof partnership>(workflowIdFor(reference));
    const references: string[] = new Array<string>(n);

    log(`phase 1: ${n} partnerships to contracting, ${concurrency} at a time (nobody reachable yet)`);
    const driveStarted = performance.now();
    await runPool(n, concurrency, async (i) => {
      const { reference } = await submitPartnership({ prisma, client, taskQueue, policy: POLICY }, coordinator, achievement(i));
      references[i] = reference;
      const h = handle(reference);
      await waitUntil(
        () => h.query(messages.statusQuery),
        (s) => s.stage === 'review',
        `${reference} in review`,
      );
      await h.executeUpdate(messages.reviewUpdate, { args: [{ actor: coordinator, decision: 'approve' }] });
      const offered = await waitUntil(
        () => h.query(messages.statusQuery),
        (s) => s.awaiting.some((a) => a.action === 'select_candidates'),
        `${reference} candidates`,
      );
      const candidateId = offered.candidates[0]!.id;
      await h.executeUpdate(messages.selectCandidatesUpdate, { args: [{ actor: coordinator, candidateIds: [candidateId] }] });
      await h.executeUpdate(messages.respondToProposalUpdate, { args: [{ actor: contact, candidateId, decision: 'accept' }] });
      await h.executeUpdate(messages.proposeTermsUpdate, { args: [{ actor: contact, terms: '许可使用五年', amountCny: 800_000 }] });
      await h.executeUpdate(messages.concludeNegotiationUpdate, { args: [{ actor: coordinator, outcome: 'agreed' }] });
    });
    const driveS = (performance.now() - driveStarted) / 1000;
    log(`phase 1 done in ${round(driveS)} s; messages so far: ${smtp.received.length} emails, ${lark.messages.length} Lark cards`);

    await importDirectory(prisma, reachable(n));
    // Registration must finish before the due minute: allow 90 ms a contract (about 55 ms is usual), at least 60 s.
    const registerStarted = Date.now();
    const due = Math.ceil((registerStarted + Math.max(60_000, n * 90)) / MINUTE) * MINUTE;
    log(`phase 2: registering ${n} contracts, one milestone each due at ${new Date(due).toISOString()}`);
    const milestone = { title: '样机交付', kind: 'deliverable', due: new Date(due).toISOString(), responsible: 'university' } as const;
    const sendsBefore = { email: smtp.received.length, lark: lark.messages.length };
    await runPool(n, concurrency, async (i) => {
      await handle(references[i]!).executeUpdate(messages.registerContractUpdate, {
        args: [
          {
            actor: coordinator,
            type: 'licensing',
            amountCny: 800_000,
            signedOn: new Date(registerStarted).toISOString().slice(0, 10),
            milestones: [milestone],
          },
        ],
      });
    });
    const registered = Date.now();
    if (registered >= due) throw new Error('registration ran past the due minute; rerun with fewer offices');
    await waitUntil(
      () => prisma.notification.count({ where: { template: 'contract_registered', status: { not: 'sent' } } }),
      (left) => left === 0,
      'contract-registered messages sent',
      30 * MINUTE,
    );
    const immediateDone = Date.now();
    const registeredRows = await prisma.notification.groupBy({ by: ['channel'], where: { template: 'contract_registered' }, _count: { _all: true } });

    log(`phase 3: waiting for the due minute (${Math.round((due - Date.now()) / 1000)} s), then dispatching the reminders`);
    await sleep(Math.max(0, due - Date.now()));
    // One row per office and channel: a third of the offices chose both.
    const expectedRows = Array.from({ length: n }, (_, i) => (CHANNELS[i % CHANNELS.length] === 'both' ? 2 : 1)).reduce((a, b) => a + b, 0);
    await waitUntil(
      () => prisma.notification.count({ where: { template: 'milestone_due_today' } }),
      (rows) => rows >= expectedRows,
      'every reminder queued',
      10 * MINUTE,
    );
    const queuedAt = Date.now();
    const remindBefore = { email: smtp.received.length, lark: lark.messages.length };
    const dispatch = await client.workflow.execute(dispatchReminders, { taskQueue, workflowId: `bench-dispatch-${taskQueue}`, args: [{ settleMs: 0 }] });
    const dispatched = Date.now();

    const reminderMail = smtp.received.slice(remindBefore.email);
    const reminderCards = lark.messages.slice(remindBefore.lark);
    const rows = await prisma.notification.findMany({ where: { template: 'milestone_due_today' }, select: { channel: true, status: true, recipientId: true } });
    const expected = { email: rows.filter((r) => r.channel === 'email').length, lark: rows.filter((r) => r.channel === 'lark').length };
    const distinctMail = new Set(reminderMail.flatMap((m) => m.envelope.to)).size;
    const distinctCards = new Set(reminderCards.map((m) => m.receiveId)).size;
    const unsent = rows.filter((r) => r.status !== 'sent').length;

    const registeredMail = smtp.received.slice(sendsBefore.email, remindBefore.email);
    const registeredCards = lark.messages.slice(sendsBefore.lark, remindBefore.lark);
    const lines = [
      `Reminder delivery benchmark: ${n} tech-transfer offices (a third each by email, Lark, both), one milestone due each`,
      `database: ${database.kind}; Temporal dev server (in memory); one worker; limits: Lark ${larkRate}/s, email ${emailRate}/s`,
      `load average before: ${loadBefore}; after: ${loadAverage()}`,
      `phase 1, ${n} partnerships driven to contracting: ${round(driveS)} s (${round(n / driveS)} /s); messages sent meanwhile: ${sendsBefore.email} emails, ${sendsBefore.lark} cards (nobody was reachable)`,
      '',
      '| phase | messages | emails | Lark cards | time s | peak emails/s | peak cards/s |',
      '|---|---:|---:|---:|---:|---:|---:|',
      `| contract registered (sent as recorded) | ${registeredRows.reduce((a, r) => a + r._count._all, 0)} | ${registeredMail.length} | ${registeredCards.length} | ${round((immediateDone - registered) / 1000)} after the last registration | ${mostInAnyWindow(registeredMail.map((m) => m.receivedAt))} | ${mostInAnyWindow(registeredCards.map((m) => Number(m.createTime)))} |`,
      `| milestone due today (dispatcher) | ${dispatch.messages} | ${reminderMail.length} | ${reminderCards.length} | ${round((dispatched - queuedAt) / 1000)} | ${mostInAnyWindow(reminderMail.map((m) => m.receivedAt))} | ${mostInAnyWindow(reminderCards.map((m) => Number(m.createTime)))} |`,
      '',
      `reminders: ${rows.length} outbox rows (${expected.email} email, ${expected.lark} Lark), ${unsent} not sent; ${distinctMail} distinct email recipients for ${reminderMail.length} emails, ${distinctCards} distinct open_ids for ${reminderCards.length} cards (duplicates: ${reminderMail.length - distinctMail + reminderCards.length - distinctCards})`,
      `the reminders' slot was ${new Date(due).toISOString()}; every timer had fired and its reminder was queued ${round((queuedAt - due) / 1000)} s later`,
      `activity attempts that failed and were retried: ${logCounts.activityFailures}${logCounts.firstActivityFailure ? ` (first: ${logCounts.firstActivityFailure})` : ''}`,
    ];
    console.log(`\n${lines.join('\n')}\n`);
    if (unsent > 0 || reminderMail.length !== expected.email || reminderCards.length !== expected.lark) {
      throw new Error('not every reminder was delivered exactly once');
    }
  } finally {
    disarm();
    await teardown.run();
  }
};

main().catch((error: unknown) => {
  console.error(`bench:reminders: ${(error as Error).stack ?? (error as Error).message}`);
  process.exit(1);
});
