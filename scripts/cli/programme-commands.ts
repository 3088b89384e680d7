/** `cli programme …` and `cli figures`: programmes with their targets, and the figures they report. */
import { readFile, writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import { assignProgrammes } from '../../app/programmes/assign.ts';
import { PROGRAMME_LEVELS, type Targets } from '../../app/programmes/schema.ts';
import { listProgrammes, saveProgramme, setTargets, type ProgrammeRecord } from '../../app/programmes/store.ts';
import { importProgrammesWorkbook, programmesTemplate } from '../../app/programmes/workbook.ts';
import { composeFigures, type FiguresReport } from '../../app/figures/report.ts';
import { parsePeriod } from '../../app/figures/period.ts';
import { resolveSubject } from '../../app/figures/subject.ts';
import { figuresWorkbook } from '../../app/figures/workbook.ts';
import { MEASURES, progress, valueOf } from '../../app/figures/measures.ts';
import { CONTRACT_TYPES } from '../../domain/vocabulary.ts';
import { loadConfig } from '../../lib/config.ts';
import type { Services } from '../../lib/services.ts';
import { ValidationError } from '../../lib/validation.ts';
import { asProgrammeTargets, parseTargets } from '../../bots/targets.ts';

type WithServices = <T>(work: (services: Services) => Promise<T>) => Promise<T>;

const list = (text: string | undefined): string[] =>
  (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

const TARGET_OPTIONS = [
  ['--universities <n>', 'universities serving'],
  ['--enterprises <n>', 'enterprises served'],
  ['--experts <n>', 'experts placed'],
  ['--transformations <n>', 'achievements transformed (contracts)'],
  ['--amount <cny>', 'contract amount, CNY'],
  ['--dockings <n>', 'dockings'],
] as const;

type TargetFlags = { universities?: string; enterprises?: string; experts?: string; transformations?: string; amount?: string; dockings?: string };
const targetsOf = (o: TargetFlags): Record<string, string> => ({
  ...(o.universities !== undefined ? { universities: o.universities } : {}),
  ...(o.enterprises !== undefined ? { enterprises: o.enterprises } : {}),
  ...(o.experts !== undefined ? { experts: o.experts } : {}),
  ...(o.transformations !== undefined ? { transformations: o.transformations } : {}),
  ...(o.amount !== undefined ? { amountCny: o.amount } : {}),
  ...(o.dockings !== undefined ? { dockings: o.dockings } : {}),
});

const withTargetOptions = (command: Command): Command => {
  for (const [flag, description] of TARGET_OPTIONS) command.option(flag, `target: ${description}`);
  return command;
};

const targetsText = (targets: Targets): string => MEASURES.map((m) => `${m.key} ${targets[m.key]?.toLocaleString('en-US') ?? '—'}`).join(', ');

export const programmeLine = (p: ProgrammeRecord): string =>
  [
    `${p.code.padEnd(6)} ${p.level.padEnd(10)} ${p.name}`,
    `       ${p.startsOn} – ${p.endsOn}${p.parentCode ? `, under ${p.parentCode}` : ''}${p.regions.length ? `, regions ${p.regions.join('、')}` : ''}${p.coordinatorIds.length ? `, coordinators ${p.coordinatorIds.join(', ')}` : ''}`,
    `       targets: ${targetsText(p.targets)}`,
  ].join('\n');

const fixed = (n: number | null): string => (n === null ? '—' : `${n} d`);

/** The figures as text: each against its target, the contract types, medians, milestones, then each split's first rows. */
export const figuresText = (report: FiguresReport, rowsPerSplit = 10): string => {
  const t = report.figures.total;
  const lines = [
    `${report.programme ? `${report.programme.code} ${report.programme.name}` : 'all records'}; period ${report.period ? `${report.period.from} to ${report.period.to} (exclusive)` : 'all time'}${report.filter ? `; only ${report.filter.kind} ${report.filter.label}` : ''}`,
    ...MEASURES.map((m) => {
      const value = valueOf(t, m.key);
      const target = report.targets[m.key];
      const percent = progress(value, target);
      return `  ${m.en.padEnd(22)} ${value.toLocaleString('en-US').padStart(14)}${target !== undefined ? ` / ${target.toLocaleString('en-US')} (${percent}%)` : ''}`;
    }),
    `  by contract type       ${CONTRACT_TYPES.map((type) => `${type} ${t.byType[type]}`).join(', ')}`,
    `  median days            demand→docking ${fixed(t.medianDaysToDocking)}, docking→signing ${fixed(t.medianDaysToSigning)}`,
    `  milestones on time     ${t.milestonesOnTime} / ${t.milestonesDue}`,
  ];
  for (const [split, rows] of Object.entries(report.figures.splits)) {
    lines.push(`by ${split}:${rows.length ? '' : ' —'}`);
    for (const row of rows.slice(0, rowsPerSplit))
      lines.push(
        `  ${(row.label ?? row.key ?? '—').padEnd(24)} universities ${row.universities}, enterprises ${row.enterprises}, transformations ${row.transformations}, amount ${row.amountCny.toLocaleString('en-US')}, dockings ${row.dockings}`,
      );
    if (rows.length > rowsPerSplit) lines.push(`  … ${rows.length - rowsPerSplit} more in the workbook`);
  }
  lines.push(`computed in ${report.computedMs} ms`);
  return lines.join('\n');
};

/** Registers `programme create|targets|list|import|template|assign` and `figures` on the CLI. */
export const registerProgrammeCommands = (program: Command, withServices: WithServices): void => {
  const programme = program.command('programme').description('programmes (national, provincial) with their regions, coordinators, period and targets');

  withTargetOptions(
    programme
      .command('create')
      .description('create a programme, or update the one with this code')
      .requiredOption('--code <code>', 'a short code, e.g. CN or LN')
      .requiredOption('--name <name>')
      .addOption(new Option('--level <level>').choices(PROGRAMME_LEVELS).makeOptionMandatory())
      .option('--regions <regions>', 'comma-separated regions it covers, as partnerships name them (辽宁省)')
      .option('--parent <code>', 'the programme it rolls up into (a provincial programme under the national one)')
      .requiredOption('--from <date>', 'first day, YYYY-MM-DD')
      .requiredOption('--to <date>', 'last day, YYYY-MM-DD')
      .option('--coordinators <ids>', 'comma-separated person ids'),
  ).action(
    async (
      o: TargetFlags & { code: string; name: string; level: string; regions?: string; parent?: string; from: string; to: string; coordinators?: string },
    ) => {
      const { saved, assigned } = await withServices(async ({ prisma }) => {
        const result = await saveProgramme(prisma, {
          code: o.code,
          name: o.name,
          level: o.level,
          regions: list(o.regions),
          coordinatorIds: list(o.coordinators),
          startsOn: o.from,
          endsOn: o.to,
          ...(o.parent ? { parent: o.parent } : {}),
          targets: targetsOf(o),
        });
        return { saved: result, assigned: await assignProgrammes(prisma) };
      });
      console.log(`${saved.created ? 'created' : 'updated'} ${saved.record.code}\n${programmeLine(saved.record)}`);
      console.log(`assigned ${assigned.partnerships} partnerships and ${assigned.events} events to their programmes`);
    },
  );

  withTargetOptions(programme.command('targets').description('set some of a programme’s targets; the others keep their value').argument('<code>')).action(
    async (code: string, o: TargetFlags) => {
      const targets = targetsOf(o);
      if (Object.keys(targets).length === 0)
        throw new ValidationError(`give at least one target: ${TARGET_OPTIONS.map(([flag]) => flag.split(' ')[0]).join(', ')}`);
      const record = await withServices(({ prisma }) => setTargets(prisma, code, targets, '--targets'));
      console.log(programmeLine(record));
    },
  );

  programme
    .command('list')
    .description('every programme with its targets')
    .action(async () => {
      const all = await withServices(({ prisma }) => listProgrammes(prisma));
      console.log(all.length ? all.map(programmeLine).join('\n') : 'no programmes; create one with `programme create` or `programme import FILE`');
    });

  programme
    .command('import')
    .description('create or update programmes from a workbook (sheet 项目目标: 编号, 名称, 级别, 上级, 地区, 开始, 结束, 协调人, and the targets)')
    .argument('<file>')
    .action(async (file: string) => {
      let bytes: Buffer;
      try {
        bytes = await readFile(file);
      } catch (error) {
        throw new ValidationError(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
      }
      const { saved, assigned } = await withServices(async ({ prisma }) => ({
        saved: await importProgrammesWorkbook(prisma, bytes, file),
        assigned: await assignProgrammes(prisma),
      }));
      console.log(`saved ${saved.length} programmes\n${saved.map(programmeLine).join('\n')}`);
      console.log(`assigned ${assigned.partnerships} partnerships and ${assigned.events} events to their programmes`);
    });

  programme
    .command('template')
    .description('write an example programmes workbook (the national action and Liaoning’s)')
    .requiredOption('--out <file>')
    .action(async (o: { out: string }) => {
      await writeFile(o.out, await programmesTemplate());
      console.log(`wrote ${o.out}`);
    });

  programme
    .command('assign')
    .description('give partnerships and events without a programme (or under the national one where a province now has its own) their programme')
    .action(async () => {
      const assigned = await withServices(({ prisma }) => assignProgrammes(prisma));
      console.log(`assigned ${assigned.partnerships} partnerships and ${assigned.events} events to their programmes`);
    });

  program
    .command('figures')
    .description(
      'a programme’s figures against its targets: universities, enterprises, experts, transformations, amount, dockings, medians, milestones, by region, university, industry, category and event',
    )
    .option('--programme <code>', 'the programme (default: the national one; a national programme rolls up its provinces)')
    .option('--period <period>', '2025, 2025H1, 2025Q3, 2025-03, 2023-2025 or 2025-01-01..2025-06-30 (default: the programme’s period)')
    .option('--only <what>', 'only one university (full name), industry, enterprise category or region')
    .option('--json', 'print the figures as JSON')
    .option('--out <file>', 'write the workbook: a summary, then one sheet per split with targets and progress')
    .action(async (o: { programme?: string; period?: string; only?: string; json?: boolean; out?: string }) => {
      const period = o.period === undefined ? undefined : parsePeriod(o.period);
      if (period === null)
        throw new ValidationError(`--period: "${o.period}" is not a period; write 2025, 2025H1, 2025Q3, 2025-03, 2023-2025 or 2025-01-01..2025-06-30`);
      const config = loadConfig();
      const fallback = config.PROGRAMME_TARGETS ? asProgrammeTargets(parseTargets(config.PROGRAMME_TARGETS)) : undefined;
      const report = await withServices(async ({ prisma }) => {
        let filter = null;
        if (o.only) {
          const subject = await resolveSubject(prisma, o.only);
          if (!subject || 'programme' in subject)
            throw new ValidationError(
              `--only: "${o.only}" is no university, industry, enterprise category or region in the records (a programme goes in --programme)`,
            );
          filter = subject.filter;
        }
        return composeFigures(prisma, {
          ...(o.programme ? { programme: o.programme } : {}),
          ...(period ? { period } : {}),
          filter,
          ...(fallback && !filter ? { fallbackTargets: fallback } : {}),
        });
      });
      if (o.out) await writeFile(o.out, await figuresWorkbook(report));
      console.log(o.json ? JSON.stringify(report, null, 2) : figuresText(report));
      if (o.out) console.log(`wrote ${o.out}`);
    });
};
