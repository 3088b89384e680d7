/** `cli event …`: a docking event from creation to its report. */
import { Command, Option } from 'commander';
import { z } from 'zod';
import { resolveActor } from '../../app/directory.ts';
import { executeUpdate } from '../../app/execute-update.ts';
import { createEvent } from '../../app/events/create.ts';
import { dockingRows, type DockingRow } from '../../app/events/dockings.ts';
import { readDockingsWorkbook, writeDockingsWorkbook } from '../../app/events/dockings-workbook.ts';
import { eventHandle, organisationNamed, runEventStep } from '../../app/events/handle.ts';
import { signOnSite } from '../../app/events/sign.ts';
import { composeEventReport } from '../../app/events/report.ts';
import { reportText } from '../../app/events/report-lines.ts';
import { writeReportWorkbook } from '../../app/events/report-workbook.ts';
import type { DockingEdit } from '../../domain/event.ts';
import { EVENT_HOST_KINDS } from '../../domain/event.ts';
import { CONTRACT_TYPES } from '../../domain/vocabulary.ts';
import { loadConfig } from '../../lib/config.ts';
import { loadPolicy } from '../../lib/policy-file.ts';
import type { Services } from '../../lib/services.ts';
import { ValidationError } from '../../lib/validation.ts';
import { buildDockingListUpdate, editDockingsUpdate, eventReportUpdate, eventStatusQuery, launchDockingsUpdate } from '../../workflows/event-messages.ts';
import type { EventStatus } from '../../workflows/event-state.ts';

/** An update to the event, a refusal by its data told as the reason. */
const executeStep: typeof executeUpdate = (handle, update, options) => runEventStep(executeUpdate(handle, update, options));

type WithServices = <T>(work: (services: Services) => Promise<T>) => Promise<T>;

const PAGE_SIZE = 20;

const whole =
  (name: string, min = 1) =>
  (text: string) => {
    const parsed = z.coerce.number().int().min(min).safeParse(text);
    if (!parsed.success) throw new ValidationError(`${name}: expected a whole number of at least ${min}`);
    return parsed.data;
  };

export const eventStatusText = (status: EventStatus): string => {
  const f = status.figures;
  return [
    `${status.id}  ${status.name}`,
    `  ${status.startsOn} – ${status.endsOn}, ${status.place}; host ${status.host} (${status.hostKind}); ${status.programme}`,
    `  releases:     ${f.releases.achievements} achievements, ${f.releases.demands} demands`,
    `  docking list: ${f.dockings.listed} listed, ${f.dockings.added} added, ${f.dockings.struck} struck, ${f.dockings.launched} launched`,
    `  partnerships: ${f.partnerships}    signed on site: ${f.signings}, ¥${f.amountCny.toLocaleString('en-US')}`,
    `  as of:        ${status.figuresAt ?? '—'}`,
    '  steps:',
    ...status.steps.slice(-10).map((s) => `    ${s.at}  ${s.by ?? 'system'}: ${s.note}`),
  ].join('\n');
};

const dockingLine = (row: DockingRow): string =>
  [
    `${row.demandNumber} → ${row.achievementNumber}  ${row.status.padEnd(8)} ${row.score === null ? '  —  ' : row.score.toFixed(3)} #${row.rank ?? '-'}${row.partnership ? `  ${row.partnership}` : ''}`,
    `    ${row.enterprise}：${row.demandTitle}`,
    `    ${row.university}：${row.achievementTitle}`,
    ...(row.reasons.length ? [`    ${row.reasons.join('；')}`] : []),
  ].join('\n');

/** Registers `event create|status|build|dockings|strike|add|launch|sign|report` on the CLI. */
export const registerEventCommands = (program: Command, withServices: WithServices): void => {
  const event = program.command('event').description('docking events (对接会): create, docking list, launch, signings on site, report');
  const context = async () => {
    const config = loadConfig();
    return { taskQueue: config.TEMPORAL_TASK_QUEUE, policy: await loadPolicy(config.POLICY_FILE) };
  };

  event
    .command('create')
    .description('create a docking event and start its workflow (event-<id>)')
    .requiredOption('--id <code>', 'the event code, e.g. LN-2026-03')
    .requiredOption('--name <name>')
    .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
    .requiredOption('--to <date>', 'last day, YYYY-MM-DD')
    .requiredOption('--place <place>')
    .addOption(new Option('--host-kind <kind>').choices(EVENT_HOST_KINDS).makeOptionMandatory())
    .requiredOption('--host <host>', 'the hosting region or park')
    .requiredOption('--programme <programme>')
    .requiredOption('--coordinators <ids>', 'comma-separated person ids')
    .requiredOption('--as <person>')
    .action(
      async (o: {
        id: string;
        name: string;
        from: string;
        to: string;
        place: string;
        hostKind: string;
        host: string;
        programme: string;
        coordinators: string;
        as: string;
      }) => {
        const { taskQueue, policy } = await context();
        const created = await withServices(async ({ prisma, client }) =>
          createEvent({ prisma, client, taskQueue, policy }, await resolveActor(prisma, o.as), {
            id: o.id,
            name: o.name,
            startsOn: o.from,
            endsOn: o.to,
            place: o.place,
            hostKind: o.hostKind,
            host: o.host,
            programme: o.programme,
            coordinatorIds: o.coordinators
              .split(',')
              .map((id) => id.trim())
              .filter(Boolean),
          }),
        );
        console.log(
          created.created ? `created ${created.id} (workflow ${created.workflowId})` : `already created: ${created.id} (workflow ${created.workflowId})`,
        );
      },
    );

  event
    .command('status')
    .argument('<event>')
    .option('--json', 'print the status as JSON')
    .action(async (id: string, o: { json?: boolean }) => {
      const status = await withServices(async ({ prisma, client }) => (await eventHandle(prisma, client, id)).query(eventStatusQuery));
      console.log(o.json ? JSON.stringify(status, null, 2) : eventStatusText(status));
    });

  event
    .command('build')
    .description('build (or rebuild) the docking list: the engine over the whole pool; choices already made are kept')
    .argument('<event>')
    .requiredOption('--as <person>')
    .action(async (id: string, o: { as: string }) => {
      const status = await withServices(async ({ prisma, client }) =>
        executeStep(await eventHandle(prisma, client, id), buildDockingListUpdate, { args: [{ actor: await resolveActor(prisma, o.as) }] }),
      );
      console.log(eventStatusText(status));
    });

  event
    .command('dockings')
    .description('the docking list, page by page; or as a workbook (--out), or the workbook edited (--import)')
    .argument('<event>')
    .option('--page <n>', 'page number', whole('--page'), 1)
    .option('--size <n>', 'pairs per page', whole('--size'), PAGE_SIZE)
    .option('--out <file.xlsx>', 'write the whole list as a workbook with a 保留 column to edit')
    .option('--import <file.xlsx>', 'apply the 保留 column (是/否) and any added rows of an edited workbook')
    .option('--as <person>', 'who edits (with --import)')
    .action(async (id: string, o: { page: number; size: number; out?: string; import?: string; as?: string }) => {
      await withServices(async ({ prisma, client }) => {
        if (o.import) {
          if (!o.as) throw new ValidationError('--import needs --as');
          const edits = await readDockingsWorkbook(o.import);
          const status = await executeStep(await eventHandle(prisma, client, id), editDockingsUpdate, {
            args: [{ actor: await resolveActor(prisma, o.as), edits }],
          });
          console.log(eventStatusText(status));
          return;
        }
        if (o.out) {
          const all = await dockingRows(prisma, id);
          await writeDockingsWorkbook(all.rows, o.out);
          console.log(`wrote ${all.rows.length} pairs to ${o.out}`);
          return;
        }
        const page = await dockingRows(prisma, id, { page: o.page, size: o.size });
        if (page.total === 0) console.log('no docking list yet (build it with `event build`)');
        for (const row of page.rows) console.log(dockingLine(row));
        console.log(`page ${page.page} of ${page.pages} (${page.total} pairs)`);
      });
    });

  for (const [name, choice, what] of [
    ['strike', 'strike', 'strike a pair from the docking list'],
    ['add', 'keep', 'add a pair to the docking list (or restore a struck one)'],
  ] as const) {
    event
      .command(name)
      .description(what)
      .argument('<event>')
      .argument('<demand>')
      .argument('<achievement>')
      .requiredOption('--as <person>')
      .action(async (id: string, demandId: string, achievementId: string, o: { as: string }) => {
        const edits: DockingEdit[] = [{ demandId, achievementId, choice }];
        const status = await withServices(async ({ prisma, client }) =>
          executeStep(await eventHandle(prisma, client, id), editDockingsUpdate, { args: [{ actor: await resolveActor(prisma, o.as), edits }] }),
        );
        console.log(eventStatusText(status));
      });
  }

  event
    .command('launch')
    .description('launch the docking list: each demand with pairs not struck becomes a partnership with those achievements proposed')
    .argument('<event>')
    .requiredOption('--as <person>')
    .option('--limit <n>', 'launch at most this many demands', whole('--limit'))
    .action(async (id: string, o: { as: string; limit?: number }) => {
      const status = await withServices(async ({ prisma, client }) =>
        executeStep(await eventHandle(prisma, client, id), launchDockingsUpdate, {
          args: [{ actor: await resolveActor(prisma, o.as), ...(o.limit ? { limit: o.limit } : {}) }],
        }),
      );
      console.log(eventStatusText(status));
    });

  event
    .command('sign')
    .description('register a contract signed on site (现场签约), for a demand or an achievement')
    .argument('<event>')
    .option('--demand <id>')
    .option('--achievement <id>')
    .requiredOption('--university <id or name>')
    .requiredOption('--enterprise <id or name>')
    .addOption(new Option('--type <type>').choices(CONTRACT_TYPES).makeOptionMandatory())
    .requiredOption('--amount <cny>', 'contract amount in yuan')
    .requiredOption('--date <date>', 'signing date, YYYY-MM-DD')
    .requiredOption('--as <person>')
    .action(
      async (
        id: string,
        o: {
          demand?: string;
          achievement?: string;
          university: string;
          enterprise: string;
          type: (typeof CONTRACT_TYPES)[number];
          amount: string;
          date: string;
          as: string;
        },
      ) => {
        if (!o.demand === !o.achievement) throw new ValidationError('give either --demand or --achievement');
        const amount = z.coerce.number().positive().safeParse(o.amount);
        if (!amount.success) throw new ValidationError('--amount: expected a positive number of yuan');
        const signed = await withServices(async ({ prisma, client }) =>
          signOnSite(prisma, client, id, {
            actor: await resolveActor(prisma, o.as),
            subject: o.demand ? { kind: 'demand', id: o.demand } : { kind: 'achievement', id: o.achievement! },
            universityId: await organisationNamed(prisma, 'university', o.university),
            enterpriseId: await organisationNamed(prisma, 'enterprise', o.enterprise),
            type: o.type,
            amountCny: amount.data,
            signedOn: o.date,
          }),
        );
        console.log(`signed on site: ${signed.reference}\n${eventStatusText(signed.status)}`);
      },
    );

  event
    .command('report')
    .description("the event's report: participants, releases, dockings, projects agreed, signings, amount, by industry and region")
    .argument('<event>')
    .option('--json', 'print the report as JSON')
    .option('--out <file.xlsx>', 'write it as a workbook (summary, by industry, by region)')
    .option('--as <person>', "record the report in the event's history as asked by this person")
    .action(async (id: string, o: { json?: boolean; out?: string; as?: string }) => {
      const report = await withServices(async ({ prisma, client }) =>
        o.as
          ? executeStep(await eventHandle(prisma, client, id), eventReportUpdate, { args: [{ actor: await resolveActor(prisma, o.as) }] })
          : composeEventReport(prisma, id),
      );
      if (o.out) await writeReportWorkbook(report, o.out);
      console.log(o.json ? JSON.stringify(report, null, 2) : reportText(report));
      if (o.out) console.log(`wrote ${o.out}`);
    });
};
