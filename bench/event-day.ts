/**
 * Event-day benchmark: a burst of demands released at once, as on an event day of the 千校万企
 * programme. Each is taken by the coordinator through review to matchmaking, and its best candidate
 * is proposed to that university's tech-transfer office.
 *
 *   npm run bench:event -- [--partnerships 1100] [--submitters 50] [--email-rate R] [--lark-rate R] [--limit-minutes 40] [--database pglite|postgresql://…]
 *
 * N demands are submitted with C submissions in flight. As soon as one shows the review stage the
 * coordinator approves it; once it offers candidates the coordinator selects the best, which queues
 * the proposal message (`match_proposed`) to that university's office. The driver learns each stage
 * from the status query, asked with a growing pause (25 ms, ×1.5 a try, at most 1 s apart), so a stage is
 * seen up to a second after it is reached; delivery is read from the outbox table.
 *
 * Reports the time from the first submission to the last partnership offered candidates and to the
 * last proposal message sent, each stage's latency (p50/p95/max), and the worker process's CPU
 * seconds and peak memory. The worker runs in its own process (`worker.ts`) and writes its messages
 * to the outbox folder; with --email-rate / --lark-rate that channel goes to a loopback SMTP server /
 * the local Lark Open API (both in this process) at that rate, and the floor the rate sets
 * (messages ÷ rate) is printed beside the measured time. Starts its own dev server (in memory,
 * headless, loopback) and database, and stops everything it started at the end.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { resolveActor } from '../app/directory.ts';
import { submitPartnership } from '../app/intake.ts';
import { executeUpdate } from '../app/execute-update.ts';
import { waitUntil } from '../app/wait-for-status.ts';
import type { Actor } from '../domain/actor.ts';
import { workflowIdFor } from '../domain/reference.ts';
import { isEnding } from '../domain/vocabulary.ts';
import type { PrismaClient } from '../lib/prisma.ts';
import { startLarkOpenApi } from '../test/support/lark-open-api.ts';
import { startLoopbackSmtp } from '../test/support/smtp.ts';
import type { partnership } from '../workflows/index.ts';
import { reviewUpdate, selectCandidatesUpdate, statusQuery } from '../workflows/messages.ts';
import { OUTBOX_ONLY_ENV, SERVICE_WORKER, startWorkerProcess, type WorkerProcess } from './worker-process.ts';
import {
  BENCH_DEMAND,
  connectDatabase,
  createTeardown,
  DATABASE_OPTION,
  importFixtures,
  loadAverage,
  log,
  LONG_POLICY,
  mib,
  percentile,
  positiveInt,
  round,
  rssOf,
  runPool,
  startDatabase,
  startTemporal,
  watchdog,
  type Teardown,
} from './support.ts';
import { mostInAnyWindow } from './receivers.ts';

interface Options {
  readonly partnerships: number;
  readonly submitters: number;
  readonly emailRate?: number;
  readonly larkRate?: number;
  readonly limitMinutes: number;
  readonly database?: string;
}

const options = new Command('bench:event')
  .description('a burst of demands on an event day: time to matchmaking and to the proposals delivered')
  .option('--partnerships <n>', 'demands submitted in the burst', positiveInt('--partnerships'), 1100)
  .option('--submitters <c>', 'submissions in flight at once', positiveInt('--submitters'), 50)
  .option(
    '--email-rate <r>',
    'send email to a loopback SMTP server at this many per second (EMAIL_MAX_PER_SECOND) instead of the outbox folder',
    positiveInt('--email-rate'),
  )
  .option(
    '--lark-rate <r>',
    'send Lark cards to the local Lark Open API at this many per second (LARK_MAX_PER_SECOND) instead of the outbox folder',
    positiveInt('--lark-rate'),
  )
  .option('--limit-minutes <m>', 'the whole run is stopped after this long', positiveInt('--limit-minutes'), 40)
  .option(...DATABASE_OPTION)
  .parse()
  .opts<Options>();

const MINUTE = 60_000;
/** The template of the message the candidates_selected step queues for each selected candidate's office. */
const PROPOSAL_TEMPLATE = 'match_proposed';
let statusQueries = 0;

/** Why to stop waiting (the run's time is up, the worker is gone), or null to go on. */
type GiveUp = () => string | null;

/** Asks with the service's growing pause (app/wait-for-status.ts) until `done`, or until `giveUp` gives a reason. */
const askWithBackoff = <T>(ask: () => Promise<T>, done: (answer: T) => boolean, what: string, giveUp: GiveUp): Promise<T> =>
  waitUntil(ask, done, what, Number.POSITIVE_INFINITY, giveUp);

/**
 * One partnership's moments (epoch ms, this process's clock), as the driver saw them. The
 * coordinator decides the moment a stage is seen: approval is sent at `reviewSeenAt`, the
 * selection at `candidatesSeenAt`.
 */
interface Track {
  readonly index: number;
  submitAt?: number;
  submittedAt?: number;
  reference?: string;
  reviewSeenAt?: number;
  candidatesSeenAt?: number;
  selectedAt?: number;
  /** From the outbox table: when its last proposal message was sent (the worker's clock, on this machine). */
  proposalSentAt?: number;
  failure?: string;
}

interface Drive {
  readonly prisma: PrismaClient;
  readonly client: Client;
  readonly taskQueue: string;
  readonly coordinator: Actor;
  readonly contact: Actor;
  readonly runId: string;
  readonly giveUp: GiveUp;
}

const submit = async (drive: Drive, track: Track): Promise<void> => {
  const { prisma, client, taskQueue, contact, runId } = drive;
  track.submitAt = Date.now();
  const submitted = await submitPartnership(
    { prisma, client, taskQueue, policy: LONG_POLICY },
    contact,
    { ...BENCH_DEMAND, title: `${BENCH_DEMAND.title}（活动日 ${runId}-${track.index}）` },
    { submissionKey: `event-${runId}-${track.index}` },
  );
  track.submittedAt = Date.now();
  track.reference = submitted.reference;
};

const statusOf = (handle: WorkflowHandle<typeof partnership>) => () => {
  statusQueries += 1;
  return handle.query(statusQuery);
};

/** The coordinator's part: approve once in review, select the best candidate once they are offered. */
const coordinate = async (drive: Drive, track: Track): Promise<void> => {
  const { client, coordinator, giveUp } = drive;
  const what = track.reference!;
  const handle = client.workflow.getHandle<typeof partnership>(workflowIdFor(what));
  await askWithBackoff(statusOf(handle), (s) => s.stage === 'review' || isEnding(s.stage), `${what} in review`, giveUp);
  track.reviewSeenAt = Date.now();
  await executeUpdate(handle, reviewUpdate, { args: [{ actor: coordinator, decision: 'approve' }] });
  const offered = await askWithBackoff(
    statusOf(handle),
    (s) => s.awaiting.some((a) => a.action === 'select_candidates') || isEnding(s.stage),
    `${what} candidates`,
    giveUp,
  );
  const best = offered.candidates[0];
  if (!best || isEnding(offered.stage)) throw new Error(`${what} ended ${offered.stage} without candidates`);
  track.candidatesSeenAt = Date.now();
  await executeUpdate(handle, selectCandidatesUpdate, { args: [{ actor: coordinator, candidateIds: [best.id] }] });
  track.selectedAt = Date.now();
};

const failed = (track: Track, step: string) => (error: unknown) => {
  track.failure = `${step}: ${(error as Error).message.split('\n')[0]}`;
};

/** The burst: C submitters; each submitted partnership is then followed by the coordinator on its own. */
const runBurst = async (drive: Drive, count: number, submitters: number): Promise<Track[]> => {
  const tracks: Track[] = Array.from({ length: count }, (_, index) => ({ index }));
  const following: Promise<void>[] = [];
  await runPool(count, submitters, async (index) => {
    const track = tracks[index]!;
    try {
      await submit(drive, track);
    } catch (error) {
      return failed(track, 'submit')(error);
    }
    following.push(coordinate(drive, track).catch(failed(track, 'coordinate')));
  });
  await Promise.all(following);
  return tracks;
};

/** Waits until every selected partnership's proposal rows are queued and none is left pending; false if the deadline passed. */
const waitForProposals = async (prisma: PrismaClient, selected: number, giveUp: GiveUp): Promise<boolean> => {
  const counts = async () => ({
    queued: await prisma.matchProposal.count({ where: { status: 'proposed' } }),
    pending: await prisma.notification.count({ where: { template: PROPOSAL_TEMPLATE, status: 'pending' } }),
  });
  try {
    await askWithBackoff(counts, (c) => c.queued >= selected && c.pending === 0, 'the proposal messages', giveUp);
    return true;
  } catch (error) {
    log((error as Error).message);
    return false;
  }
};

interface ProposalRow {
  readonly reference: string;
  readonly channel: 'lark' | 'email';
  readonly status: string;
  readonly sentAt: number | null;
}

const proposalRows = async (prisma: PrismaClient): Promise<ProposalRow[]> =>
  (
    await prisma.notification.findMany({
      where: { template: PROPOSAL_TEMPLATE },
      select: { channel: true, status: true, sentAt: true, partnership: { select: { reference: true } } },
    })
  ).map((row) => ({ reference: row.partnership?.reference ?? '', channel: row.channel, status: row.status, sentAt: row.sentAt?.getTime() ?? null }));

/** Sets each partnership's `proposalSentAt`: when the last of its proposal messages was sent. */
const noteProposalsSent = (tracks: readonly Track[], rows: readonly ProposalRow[]): void => {
  const last = new Map<string, number>();
  for (const row of rows) if (row.sentAt !== null) last.set(row.reference, Math.max(row.sentAt, last.get(row.reference) ?? 0));
  for (const track of tracks) if (track.reference) track.proposalSentAt = last.get(track.reference);
};

interface Stage {
  readonly count: number;
  readonly p50S: number;
  readonly p95S: number;
  readonly maxS: number;
}

const stageOf = (durationsMs: readonly number[]): Stage => {
  const sorted = [...durationsMs].sort((a, b) => a - b);
  const s = (ms: number) => round(ms / 1000, 2);
  return { count: sorted.length, p50S: s(percentile(sorted, 50)), p95S: s(percentile(sorted, 95)), maxS: s(sorted[sorted.length - 1] ?? Number.NaN) };
};

type Moment = 'submitAt' | 'submittedAt' | 'reviewSeenAt' | 'candidatesSeenAt' | 'proposalSentAt';

const STAGES: Record<string, readonly [Moment, Moment]> = {
  'submitPartnership call': ['submitAt', 'submittedAt'],
  'submit → in review (seen)': ['submitAt', 'reviewSeenAt'],
  'approve → candidates offered (seen)': ['reviewSeenAt', 'candidatesSeenAt'],
  'select → proposal message sent': ['candidatesSeenAt', 'proposalSentAt'],
};

/** Each stage's latency over the partnerships that got through it. */
const stagesOf = (tracks: readonly Track[]): Record<string, Stage> =>
  Object.fromEntries(
    Object.entries(STAGES).map(([name, [from, to]]) => [
      name,
      stageOf(tracks.flatMap((t) => (t[from] === undefined || t[to] === undefined ? [] : [t[to] - t[from]]))),
    ]),
  );

/** Where the worker sends each channel, and the loopback servers receiving them when a rate is given. */
interface Transports {
  readonly env: Record<string, string>;
  readonly rates: { readonly email: number | null; readonly lark: number | null };
  /** When each message reached its loopback server (epoch ms); null for a channel written to the outbox folder. */
  arrivals(): { email: number[] | null; lark: number[] | null };
}

const startTransports = async (teardown: Teardown, workDir: string): Promise<Transports> => {
  const env: Record<string, string> = {
    ...OUTBOX_ONLY_ENV,
    DATA_DIR: workDir,
    EMAIL_OUTBOX_DIR: path.join(workDir, 'outbox'),
  };
  const { emailRate, larkRate } = options;
  const smtp = emailRate === undefined ? null : await startLoopbackSmtp();
  if (smtp) {
    teardown.add('the SMTP server', smtp.close);
    Object.assign(env, { SMTP_URL: smtp.url, EMAIL_MAX_PER_SECOND: String(emailRate) });
  }
  const lark = larkRate === undefined ? null : await startLarkOpenApi();
  if (lark) {
    teardown.add('the Lark Open API', lark.close);
    Object.assign(env, { LARK_APP_ID: lark.appId, LARK_APP_SECRET: lark.appSecret, LARK_DOMAIN: lark.baseUrl, LARK_MAX_PER_SECOND: String(larkRate) });
  }
  return {
    env,
    rates: { email: emailRate ?? null, lark: larkRate ?? null },
    arrivals: () => ({
      email: smtp ? smtp.received.map((mail) => mail.receivedAt) : null,
      lark: lark ? lark.messages.map((message) => Number(message.createTime)) : null,
    }),
  };
};

/** The worker's resident memory, read every second; `stop` gives the peak, `gone` whether the process has ended. */
const sampleRss = (pid: number) => {
  let peak = 0;
  let gone = false;
  const read = async () => {
    const rss = await rssOf(pid);
    if (rss === null) gone = true;
    peak = Math.max(peak, rss ?? 0);
  };
  const timer = setInterval(() => void read(), 1_000);
  timer.unref();
  return {
    gone: () => gone,
    stop: async (): Promise<number> => {
      clearInterval(timer);
      await read();
      return peak;
    },
  };
};

interface Channel {
  readonly channel: 'email' | 'lark';
  readonly rate: number | null;
  readonly sent: number;
  readonly pending: number;
  readonly failed: number;
  readonly proposals: number;
  /** Messages sent ÷ rate: no run can deliver them sooner. */
  readonly floorS: number | null;
  /** From the first submission to the channel's last message sent. */
  readonly measuredS: number | null;
  readonly receivedByServer: number | null;
  /** The most messages the server received within any one second. */
  readonly peakPerSecond: number | null;
}

const channelsOf = async (prisma: PrismaClient, transports: Transports, proposals: readonly ProposalRow[], firstSubmitAt: number): Promise<Channel[]> => {
  const arrivals = transports.arrivals();
  return Promise.all(
    (['email', 'lark'] as const).map(async (channel) => {
      const count = (status: 'sent' | 'pending' | 'failed') => prisma.notification.count({ where: { channel, status } });
      const [sent, pending, failedRows, last] = await Promise.all([
        count('sent'),
        count('pending'),
        count('failed'),
        prisma.notification.aggregate({ where: { channel, status: 'sent' }, _max: { sentAt: true } }),
      ]);
      const rate = transports.rates[channel];
      const lastSent = last._max.sentAt?.getTime();
      return {
        channel,
        rate,
        sent,
        pending,
        failed: failedRows,
        proposals: proposals.filter((row) => row.channel === channel).length,
        floorS: rate === null ? null : round(sent / rate, 1),
        measuredS: lastSent === undefined ? null : round((lastSent - firstSubmitAt) / 1000, 1),
        receivedByServer: arrivals[channel]?.length ?? null,
        peakPerSecond: arrivals[channel] ? mostInAnyWindow(arrivals[channel]) : null,
      };
    }),
  );
};

const seconds = (fromMs: number, toMs: number | undefined): number | null => (toMs === undefined ? null : round((toMs - fromMs) / 1000, 1));
const maxOf = (values: readonly (number | undefined)[]): number | undefined => {
  const known = values.filter((v): v is number => v !== undefined);
  return known.length > 0 ? Math.max(...known) : undefined;
};
const shown = (value: number | null, unit = ' s'): string => (value === null ? '–' : `${value}${unit}`);

interface Figures {
  readonly reachedCandidates: number;
  readonly selected: number;
  readonly failures: number;
  readonly firstFailure: string | null;
  readonly lastSubmittedS: number | null;
  readonly lastCandidatesS: number | null;
  readonly lastProposalSentS: number | null;
  readonly proposals: { readonly rows: number; readonly sent: number; readonly failed: number; readonly allSent: boolean };
  readonly workerCpuS: number | null;
  readonly workerRssMiB: { readonly idle: number; readonly peak: number };
  readonly statusQueries: number;
  readonly wallS: number;
}

const headlineTable = (figures: Figures, total: number): string[] => {
  const { proposals } = figures;
  const cpuShare = figures.workerCpuS === null ? '' : ` (${Math.round((figures.workerCpuS / figures.wallS) * 100)}% of one core over ${figures.wallS} s)`;
  return [
    '| measure | value |',
    '|---|---:|',
    `| partnerships reaching matchmaking with candidates | ${figures.reachedCandidates} / ${total} |`,
    `| first submission → last submission accepted | ${shown(figures.lastSubmittedS)} |`,
    `| first submission → last partnership offered candidates (seen) | ${shown(figures.lastCandidatesS)} |`,
    `| first submission → last proposal message sent | ${shown(figures.lastProposalSentS)} |`,
    `| proposal messages sent | ${proposals.sent} / ${proposals.rows}${proposals.failed ? ` (${proposals.failed} failed)` : ''}${proposals.allSent ? '' : ' (gave up waiting)'} |`,
    `| worker CPU | ${shown(figures.workerCpuS)}${cpuShare} |`,
    `| worker peak RSS (sampled each second) | ${round(figures.workerRssMiB.peak)} MiB (${round(figures.workerRssMiB.idle)} MiB before the burst) |`,
    `| status queries asked by the driver | ${figures.statusQueries} (${round(figures.statusQueries / figures.wallS)} /s) |`,
  ];
};

const stageTable = (stages: Record<string, Stage>): string[] => [
  '| stage | partnerships | p50 s | p95 s | max s |',
  '|---|---:|---:|---:|---:|',
  ...Object.entries(stages).map(([name, s]) => `| ${name} | ${s.count} | ${s.p50S} | ${s.p95S} | ${s.maxS} |`),
];

const channelTable = (channels: readonly Channel[]): string[] => [
  '| channel | sent to | rate /s | messages sent | of them proposals | pending | failed | floor s (sent ÷ rate) | first submission → last sent | received by the server | its peak in any 1 s |',
  '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...channels.map(
    (c) =>
      `| ${c.channel} | ${c.rate === null ? 'outbox folder' : c.channel === 'email' ? 'loopback SMTP server' : 'local Lark Open API'} | ${c.rate ?? '–'} | ${c.sent} | ${c.proposals} | ${c.pending} | ${c.failed} | ${shown(c.floorS)} | ${shown(c.measuredS)} | ${c.receivedByServer ?? '–'} | ${c.peakPerSecond ?? '–'} |`,
  ),
];

/** The dev server, the database with the fixtures, the transports and the worker process. */
const startServices = async (teardown: Teardown, databaseChoice: string, runId: string) => {
  const [temporal, database] = await Promise.all([startTemporal(), startDatabase(databaseChoice)]);
  teardown.add('the dev server', temporal.stop);
  teardown.add('the database', database.stop);
  const prisma = connectDatabase(database);
  teardown.add('Prisma', () => prisma.$disconnect());
  await importFixtures(prisma);
  const workDir = await mkdtemp(path.join(tmpdir(), 'qxwq-bench-event-'));
  teardown.add('the temporary folder', () => rm(workDir, { recursive: true, force: true }));
  const transports = await startTransports(teardown, workDir);
  const taskQueue = `bench-event-${runId}`;
  log(
    `starting the worker in its own process (email to ${transports.rates.email ? 'the SMTP server' : 'the outbox'}, Lark to ${transports.rates.lark ? 'the Lark Open API' : 'the outbox'})`,
  );
  const worker: WorkerProcess = await startWorkerProcess(
    SERVICE_WORKER,
    { ...transports.env, TEMPORAL_ADDRESS: temporal.address, DATABASE_URL: database.url, TEMPORAL_TASK_QUEUE: taskQueue },
    teardown,
  );
  return { temporal, database, prisma, transports, taskQueue, worker };
};

const main = async (): Promise<void> => {
  const { partnerships: total, submitters, limitMinutes } = options;
  const databaseChoice = options.database ?? process.env.DATABASE_URL ?? 'pglite';
  const runId = Date.now().toString(36);
  const limitMs = limitMinutes * MINUTE;
  const teardown = createTeardown();
  const disarm = watchdog(limitMs, teardown.run);
  // Waiting stops before the watchdog fires, leaving time to report and stop.
  const deadline = Date.now() + limitMs * 0.9;
  let workerGone = (): boolean => false;
  const giveUp: GiveUp = () =>
    workerGone() ? 'the worker process has ended' : Date.now() > deadline ? `${Math.round(limitMinutes * 0.9)} minutes have passed` : null;
  const loadBefore = loadAverage();
  try {
    log(`starting the Temporal dev server and the database (${databaseChoice === 'pglite' ? 'pglite' : 'postgresql server'})`);
    const { temporal, database, prisma, transports, taskQueue, worker } = await startServices(teardown, databaseChoice, runId);
    const drive: Drive = {
      prisma,
      client: temporal.client,
      taskQueue,
      coordinator: await resolveActor(prisma, 'coord'),
      contact: await resolveActor(prisma, 'contact-steel'),
      runId,
      giveUp,
    };

    const idleRss = (await rssOf(worker.pid)) ?? 0;
    const rss = sampleRss(worker.pid);
    workerGone = rss.gone;
    const cpuBefore = await worker.cpuSeconds();
    log(`the burst: ${total} demands, ${Math.min(submitters, total)} submissions in flight; the coordinator approves and selects as each is ready`);
    const began = Date.now();
    const tracks = await runBurst(drive, total, submitters);
    const selected = tracks.filter((t) => t.selectedAt !== undefined).length;
    log(`${selected} of ${total} selected in ${round((Date.now() - began) / 1000)} s; waiting for the proposal messages to be sent`);
    const allSent = await waitForProposals(prisma, selected, giveUp);
    const cpuAfter = await worker.cpuSeconds();
    const wallS = round((Date.now() - began) / 1000, 1);
    const peakRss = await rss.stop();

    const proposals = await proposalRows(prisma);
    noteProposalsSent(tracks, proposals);
    const firstSubmitAt = Math.min(...tracks.map((t) => t.submitAt ?? Number.POSITIVE_INFINITY));
    const failures = tracks.filter((t) => t.failure !== undefined);
    const figures: Figures = {
      reachedCandidates: tracks.filter((t) => t.candidatesSeenAt !== undefined).length,
      selected,
      failures: failures.length,
      firstFailure: failures[0]?.failure ?? null,
      lastSubmittedS: seconds(firstSubmitAt, maxOf(tracks.map((t) => t.submittedAt))),
      lastCandidatesS: seconds(firstSubmitAt, maxOf(tracks.map((t) => t.candidatesSeenAt))),
      lastProposalSentS: seconds(firstSubmitAt, maxOf(tracks.map((t) => t.proposalSentAt))),
      proposals: {
        rows: proposals.length,
        sent: proposals.filter((r) => r.status === 'sent').length,
        failed: proposals.filter((r) => r.status === 'failed').length,
        allSent,
      },
      workerCpuS: cpuBefore === null || cpuAfter === null ? null : round(cpuAfter - cpuBefore, 1),
      workerRssMiB: { idle: round(mib(idleRss)), peak: round(mib(Math.max(peakRss, idleRss))) },
      statusQueries,
      wallS,
    };
    const stages = stagesOf(tracks);
    const channels = await channelsOf(prisma, transports, proposals, firstSubmitAt);
    const loadAfter = loadAverage();

    console.log(
      [
        `Event-day benchmark: ${total} demands submitted in a burst, ${Math.min(submitters, total)} in flight; each approved, offered candidates, and its best candidate proposed`,
        `database: ${database.kind}; Temporal: dev server ${temporal.address} (in memory); the worker in its own process (pid ${worker.pid})`,
        `load average (1/5/15 min) before: ${loadBefore}; after: ${loadAfter}; ${cpus().length} cores`,
        `stages are seen through the status query, asked 25 ms, then ×1.5 up to 1 s apart: a "seen" time is up to 1 s late`,
        ...(failures.length > 0 ? [`${failures.length} partnerships did not get through (first: ${figures.firstFailure})`] : []),
        '',
        ...headlineTable(figures, total),
        '',
        ...stageTable(stages),
        '',
        ...channelTable(channels),
        '',
        JSON.stringify({
          bench: 'event-day',
          partnerships: total,
          submitters,
          database: databaseChoice === 'pglite' ? 'pglite' : 'postgresql',
          ...figures,
          stages,
          channels,
          loadBefore,
          loadAfter,
        }),
      ].join('\n'),
    );
    if (failures.length > 0 || !allSent) process.exitCode = 1;
  } finally {
    disarm();
    log('stopping the worker, servers, database and dev server');
    await teardown.run();
  }
};

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    console.error(`bench:event failed: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
