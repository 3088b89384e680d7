/**
 * Fault suite: batches of partnerships driven through the whole lifecycle (submit → approve →
 * select → accept → terms → agreed → contract with two milestones → both done) with the worker in
 * its own process and every message really sent (a loopback SMTP server and the local Lark Open
 * API in a process of their own), while one fault is injected mid-run. Afterwards each scenario
 * checks that every partnership completed, every step was recorded once (12 events, no gaps),
 * every outbox row was sent, every sent message reached its recipient (by Message-ID / Lark uuid),
 * and counts the messages a person received twice.
 *
 *   npm run bench:faults -- [--scenario worker-kill,dev-server-restart,...] [--partnerships 20] [--kills 10]
 *                           [--outage-seconds 20] [--down-seconds 5] [--concurrency 20] [--seed 1]
 *
 * Scenarios, in order: worker-kill, dev-server-restart, postgres-restart, smtp-outage, lark-errors.
 * Loopback only; each scenario starts and stops its own dev server, database, receivers and worker.
 * Bounded by a watchdog; prints a markdown table and a JSON line; exits 1 if any check failed.
 */
import { cpus } from 'node:os';
import { Command } from 'commander';
import { loadAverage, log, positiveInt, watchdog } from './support.ts';
import { notRun, runScenario, type FaultOptions, type ScenarioResult } from './faults/run.ts';
import { SCENARIOS } from './faults/scenarios.ts';

const collect = (value: string, previous: string[]): string[] => [
  ...previous,
  ...value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean),
];

const options = new Command('bench:faults')
  .description('partnership lifecycles through injected faults: lost partnerships, lost and repeated messages, time to recover')
  .option('--scenario <names>', `scenarios to run (repeatable or comma list): ${SCENARIOS.map((s) => s.name).join(', ')}; default all`, collect, [])
  .option('--partnerships <n>', 'partnerships driven through each scenario', positiveInt('--partnerships'), 20)
  .option('--concurrency <c>', 'lifecycles in flight at once', positiveInt('--concurrency'), 20)
  .option('--kills <n>', 'worker SIGKILLs in worker-kill', positiveInt('--kills'), 10)
  .option(
    '--outage-seconds <s>',
    'the SMTP outage (then half as long slow), and each of the three Lark phases is half of it',
    positiveInt('--outage-seconds'),
    20,
  )
  .option('--down-seconds <s>', 'how long the dev server or PostgreSQL stays stopped', positiveInt('--down-seconds'), 5)
  .option('--email-rate <n>', 'EMAIL_MAX_PER_SECOND of the worker', positiveInt('--email-rate'), 20)
  .option('--lark-rate <n>', 'LARK_MAX_PER_SECOND of the worker', positiveInt('--lark-rate'), 50)
  .option('--lifecycle-minutes <m>', 'how long one lifecycle may take, outages included', positiveInt('--lifecycle-minutes'), 5)
  .option('--seed <n>', 'seeds the moments of the kills', positiveInt('--seed'), 1)
  .parse()
  .opts<{
    scenario: string[];
    partnerships: number;
    concurrency: number;
    kills: number;
    outageSeconds: number;
    downSeconds: number;
    emailRate: number;
    larkRate: number;
    lifecycleMinutes: number;
    seed: number;
  }>();

const unknown = options.scenario.filter((name) => !SCENARIOS.some((s) => s.name === name));
if (unknown.length > 0) {
  console.error(`--scenario: unknown ${unknown.join(', ')}; expected ${SCENARIOS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
const chosen = options.scenario.length === 0 ? SCENARIOS : SCENARIOS.filter((s) => options.scenario.includes(s.name));

const faultOptions: FaultOptions = {
  partnerships: options.partnerships,
  concurrency: options.concurrency,
  kills: options.kills,
  outageSeconds: options.outageSeconds,
  downSeconds: options.downSeconds,
  emailRate: options.emailRate,
  larkRate: options.larkRate,
  lifecycleMs: options.lifecycleMinutes * 60_000,
  seed: options.seed,
};

const cell = (value: number | null): string => (value === null ? '–' : String(value));

const table = (results: readonly ScenarioResult[]): string[] => [
  '| scenario | fault injected | completed | events ok (12 each) | outbox sent / pending / failed | lost messages | duplicates: email / Lark delivered | Lark resends absorbed by uuid | resends saved by the journal | worker starts (crashes) | moving again s | recover s | wall s | checks |',
  '|---|---|---:|---:|---|---:|---|---:|---:|---|---:|---:|---:|---|',
  ...results.map((r) =>
    r.skipped
      ? `| ${r.scenario} | skipped: ${r.skipped} | – | – | – | – | – | – | – | – | – | – | – | skipped |`
      : `| ${r.scenario} | ${r.fault} | ${r.completed} / ${r.partnerships} | ${r.eventsOk} | ${r.outbox.sent} / ${r.outbox.pending} / ${r.outbox.failed} | ${r.lost} | ${r.duplicates.email} / ${r.duplicates.lark} | ${r.larkResendsAbsorbed} | ${r.journalHits} | ${r.workerStarts} (${r.workerCrashes.length}) | ${cell(r.movingAgainS)} | ${cell(r.recoverS)} | ${r.wallS} | ${r.problems.length === 0 ? 'pass' : `FAIL: ${r.problems.join('; ')}`} |`,
  ),
];

const main = async (): Promise<number> => {
  const loadBefore = loadAverage();
  const results: ScenarioResult[] = [];
  const current: { stop?: () => Promise<void> } = {};
  // Each scenario is a few minutes at the defaults; the lifecycles give up at their own deadline.
  const disarm = watchdog(chosen.length * (options.lifecycleMinutes + 4) * 60_000, async () => {
    console.log(table(results).join('\n'));
    await current.stop?.();
  });
  try {
    for (const scenario of chosen) {
      log(`scenario ${scenario.name}: ${scenario.describe(faultOptions)}`);
      try {
        results.push(await runScenario(scenario, faultOptions));
      } catch (error) {
        log(`scenario ${scenario.name} could not run: ${(error as Error).stack ?? String(error)}`);
        results.push(notRun(scenario, faultOptions, null, [`could not run: ${(error as Error).message.split('\n')[0]}`]));
      }
    }
  } finally {
    disarm();
  }
  const missing = SCENARIOS.filter((s) => !chosen.includes(s)).map((s) => s.name);
  console.log(
    [
      `Fault suite: ${options.partnerships} partnerships per scenario through the whole lifecycle (12 events, 40 messages each), ${options.concurrency} at a time; worker and receivers each in their own process; email ${options.emailRate}/s, Lark ${options.larkRate}/s; seed ${options.seed}`,
      `load average (1/5/15 min) before: ${loadBefore}; after: ${loadAverage()}; ${cpus().length} cores${missing.length > 0 ? `; not run: ${missing.join(', ')}` : ''}`,
      "moving again: from the fault's end to the first message received or partnership completed after it; recover: to the last partnership completing",
      '',
      ...table(results),
      ...results.flatMap((r) => [
        ...r.lifecycleErrors.slice(0, 3).map((e) => `${r.scenario}: lifecycle ${e}`),
        ...r.workerCrashes.slice(0, 3).map((c) => `${r.scenario}: worker crash: ${c}`),
      ]),
      JSON.stringify({ bench: 'faults', options: faultOptions, results, loadBefore, loadAfter: loadAverage() }),
    ].join('\n'),
  );
  return results.some((r) => r.problems.length > 0) ? 1 : 0;
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`bench:faults failed: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
