/**
 * Docking-event benchmark: an event of A achievements and D demands released at once, the engine
 * over the whole pool, and N dockings launched as partnerships that start at matchmaking with their
 * pairs proposed.
 *
 *   npm run bench:event-docking -- [--achievements 1500] [--demands 1100] [--launch 800] [--limit-minutes 20]
 *
 * Phases, each timed: the releases imported from one workbook (built with exceljs: 成果, 需求 and
 * 单位 sheets, read and written by the release import as `cli import` does), the docking list built (the `event build` step), the launch (`event launch --limit N`: the
 * event workflow's batches of partnership rows and workflow starts), and until every launched
 * partnership has recorded its proposals. Then the same number of bare workflow starts on the same
 * server, at the same concurrency, for comparison. Reports the worker process's peak memory and the
 * event workflow's history length. Starts its own dev server and PGlite and stops them at the end.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { resolveActor } from '../app/directory.ts';
import { executeUpdate } from '../app/execute-update.ts';
import { createEvent } from '../app/events/create.ts';
import { syntheticPool } from '../matching/eval/synthetic.ts';
import { describeProblem, importReleases } from '../releases/index.ts';
import { buildDockingListUpdate, launchDockingsUpdate } from '../workflows/event-messages.ts';
import { releaseWorkbook } from './release-workbook.ts';
import { OUTBOX_ONLY_ENV, SERVICE_WORKER, startWorkerProcess } from './worker-process.ts';
import {
  connectDatabase,
  createTeardown,
  importFixtures,
  loadAverage,
  log,
  LONG_POLICY,
  mib,
  positiveInt,
  round,
  rssOf,
  runPool,
  sleep,
  startDatabase,
  startTemporal,
  watchdog,
} from './support.ts';

const options = new Command('bench:event-docking')
  .description('a docking event: releases, the docking list over the whole pool, dockings launched as partnerships')
  .option('--achievements <n>', 'achievements released', positiveInt('--achievements'), 1500)
  .option('--demands <n>', 'demands released', positiveInt('--demands'), 1100)
  .option('--launch <n>', 'demands launched as partnerships', positiveInt('--launch'), 800)
  .option('--limit-minutes <m>', 'give up after this long', positiveInt('--limit-minutes'), 20)
  .parse()
  .opts<{ achievements: number; demands: number; launch: number; limitMinutes: number }>();

const EVENT = 'BENCH-2026-01';
/** Workflow starts in flight, as the launch activity keeps them (activities/launch-dockings.ts). */
const STARTS_IN_FLIGHT = 8;

const main = async (): Promise<void> => {
  const teardown = createTeardown();
  const disarm = watchdog(options.limitMinutes * 60_000, teardown.run);
  const loadBefore = loadAverage();
  try {
    log('starting the Temporal dev server and PGlite');
    const [temporal, database] = await Promise.all([startTemporal(), startDatabase('pglite')]);
    teardown.add('the dev server', temporal.stop);
    teardown.add('the database', database.stop);
    const prisma = connectDatabase(database);
    teardown.add('Prisma', () => prisma.$disconnect());
    await importFixtures(prisma);
    const outbox = await mkdtemp(path.join(tmpdir(), 'qxwq-bench-docking-'));
    teardown.add('the outbox folder', () => rm(outbox, { recursive: true, force: true }));
    const taskQueue = `bench-docking-${Date.now().toString(36)}`;
    const worker = await startWorkerProcess(
      SERVICE_WORKER,
      { ...OUTBOX_ONLY_ENV, EMAIL_OUTBOX_DIR: outbox, TEMPORAL_ADDRESS: temporal.address, DATABASE_URL: database.url, TEMPORAL_TASK_QUEUE: taskQueue },
      teardown,
    );
    let peakRss = (await rssOf(worker.pid)) ?? 0;
    const idleRss = peakRss;
    const sampler = setInterval(() => void rssOf(worker.pid).then((rss) => (peakRss = Math.max(peakRss, rss ?? 0))), 500);
    teardown.add('the memory sampler', () => Promise.resolve(clearInterval(sampler)));

    const coord = await resolveActor(prisma, 'coord');
    await createEvent({ prisma, client: temporal.client, taskQueue, policy: LONG_POLICY }, coord, {
      id: EVENT,
      name: '基准测试对接会',
      startsOn: '2026-12-10',
      endsOn: '2026-12-11',
      place: '沈阳',
      hostKind: 'region',
      host: '辽宁',
      programme: '千校万企',
      coordinatorIds: ['coord'],
    });
    const event = temporal.client.workflow.getHandle(`event-${EVENT}`);

    // Releases: the synthetic pool of a national event, as one workbook through the release import.
    const pool = syntheticPool(options.achievements, options.demands);
    const workbook = await releaseWorkbook(pool, '辽宁省');
    const releaseStart = Date.now();
    const imported = await importReleases(prisma, { name: 'releases.xlsx', bytes: workbook }, { language: 'zh', eventId: EVENT, actorId: coord.personId });
    const releaseS = (Date.now() - releaseStart) / 1000;
    if (imported.errors.length > 0)
      throw new Error(
        `the workbook has problems:\n${imported.errors
          .slice(0, 5)
          .map((p) => describeProblem(p, 'zh'))
          .join('\n')}`,
      );
    const releases = imported.written.achievements + imported.written.demands;
    log(`${imported.rows} rows (${Math.round(workbook.length / 1024)} KB) imported in ${round(releaseS, 2)} s: ${releases} releases`);

    const matchStart = Date.now();
    const built = await executeUpdate(event, buildDockingListUpdate, { args: [{ actor: coord }] });
    const matchS = (Date.now() - matchStart) / 1000;
    const pairs = built.figures.dockings.listed;
    const demandsListed = (await prisma.docking.groupBy({ by: ['demandId'], where: { eventId: EVENT } })).length;
    log(`docking list: ${pairs} pairs for ${demandsListed} demands in ${round(matchS, 1)} s`);

    const launchStart = Date.now();
    const launched = await executeUpdate(event, launchDockingsUpdate, { args: [{ actor: coord, limit: options.launch }] });
    const launchS = (Date.now() - launchStart) / 1000;
    const target = launched.figures.partnerships;
    log(`${target} partnerships launched in ${round(launchS, 1)} s; waiting for their proposals to be recorded`);
    let proposed = 0;
    while (proposed < target) {
      const rows = await prisma.matchProposal.groupBy({ by: ['partnershipId'], where: { status: 'proposed', partnership: { eventId: EVENT } } });
      proposed = rows.length;
      if (proposed < target) await sleep(250);
    }
    const proposedS = (Date.now() - launchStart) / 1000;
    const proposals = await prisma.matchProposal.count({ where: { status: 'proposed', partnership: { eventId: EVENT } } });

    // Bare starts: the same number of workflow starts at the same concurrency, on a queue nobody polls.
    const bareStart = Date.now();
    await runPool(target, STARTS_IN_FLIGHT, async (i) => {
      await temporal.client.workflow.start('bare', { workflowId: `bare-${i}`, taskQueue: `${taskQueue}-bare`, args: [] });
    });
    const bareS = (Date.now() - bareStart) / 1000;
    const history = await event.fetchHistory();
    const totalS = releaseS + matchS + proposedS;
    const rss = { idle: round(mib(idleRss)), peak: round(mib(peakRss)) };

    const rows: [string, string, string][] = [
      [
        `workbook import (${Math.round(workbook.length / 1024)} KB, ${imported.rows} rows)`,
        `${round(releaseS, 2)} s`,
        `${Math.round(imported.rows / releaseS)} rows/s, ${releases} releases`,
      ],
      [
        `docking list (whole pool: ${releases} + fixtures)`,
        `${round(matchS, 1)} s`,
        `${Math.round(pairs / matchS)} pairs/s, ${pairs} pairs for ${demandsListed} demands`,
      ],
      ['launch step (rows + workflow starts)', `${round(launchS, 1)} s`, `${round(target / launchS)} partnerships/s`],
      ['… until every proposal recorded', `${round(proposedS, 1)} s`, `${round(target / proposedS)} partnerships/s, ${proposals} proposals`],
      ['bare workflow starts, same server', `${round(bareS, 1)} s`, `${round(target / bareS)} starts/s`],
      ['workbook → proposed dockings', `${round(totalS, 1)} s`, totalS <= 180 ? 'within 3 minutes' : 'over 3 minutes'],
    ];
    console.log(
      [
        `Docking-event benchmark: ${options.achievements} achievements and ${options.demands} demands released, ${target} demands launched`,
        `database: ${database.kind}; Temporal: dev server (in memory); worker in its own process; ${cpus().length} cores; load before ${loadBefore}, after ${loadAverage()}`,
        '',
        ...rows.map(([what, time, rate]) => `${what.padEnd(44)} ${time.padStart(9)}   ${rate}`),
        '',
        `worker memory: ${rss.idle} MiB idle, ${rss.peak} MiB peak; event workflow history: ${history.events?.length ?? 0} events`,
      ].join('\n'),
    );
    console.log(
      JSON.stringify({
        achievements: options.achievements,
        demands: options.demands,
        workbookKiB: Math.round(workbook.length / 1024),
        rows: imported.rows,
        pairs,
        launched: target,
        proposals,
        seconds: {
          releases: round(releaseS, 2),
          match: round(matchS, 1),
          launch: round(launchS, 1),
          proposed: round(proposedS, 1),
          bareStarts: round(bareS, 1),
          total: round(totalS, 1),
        },
        ratePerSecond: {
          rows: Math.round(imported.rows / releaseS),
          pairs: Math.round(pairs / matchS),
          launches: round(target / proposedS),
          bareStarts: round(target / bareS),
        },
        workerRssMiB: rss,
        eventHistoryEvents: history.events?.length ?? 0,
      }),
    );
  } finally {
    disarm();
    await teardown.run();
  }
};

main().catch((error: unknown) => {
  console.error((error as Error).stack ?? error);
  process.exit(1);
});
