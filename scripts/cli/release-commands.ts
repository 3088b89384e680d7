/** `cli template` and `cli import`: release workbooks from and into the directory and the matching pool. */
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SingleBar } from 'cli-progress';
import { type Command, Option } from 'commander';
import pg from 'pg';
import { Client } from '@temporalio/client';
import { resolveActor } from '../../app/directory.ts';
import { importSigner } from '../../app/events/sign.ts';
import type { Actor } from '../../domain/actor.ts';
import { connectClient } from '../../lib/temporal-connection.ts';
import type { Signer } from '../../releases/writers/index.ts';
import { cliIdentity } from './identity.ts';
import { createLarkClient } from '../../lark/client.ts';
import { openIdLookup } from '../../lark/contacts.ts';
import { loadConfig, type Config } from '../../lib/config.ts';
import { migrate } from '../../lib/migrate.ts';
import { createPrisma, type PrismaClient } from '../../lib/prisma.ts';
import { embeddedDatabaseUrl } from '../../lib/services.ts';
import { ValidationError } from '../../lib/validation.ts';
import { errorWorkbook, ImportRefused, importReleases, templateWorkbook, type ImportReport, type Language } from '../../releases/index.ts';
import { SHEETS } from '../../releases/sheets/index.ts';
import { describeProblem, wordsFor } from '../../releases/words.ts';

const languageOption = () => new Option('--lang <language>', 'language of the headings and messages').choices(['zh', 'en'] as const).default('zh');

/** A progress bar shows for files with more rows than this, on a terminal. */
const ROWS_WORTH_A_BAR = 200;
/** How long a dry run waits for the database before checking the file alone. */
const PROBE_TIMEOUT_MS = 2_000;

const databaseUrlOf = (config: Config): string => config.DATABASE_URL ?? embeddedDatabaseUrl(config);

/** Whether the database answers, without waiting long: a dry run goes on without it. */
const reachable = async (url: string): Promise<boolean> => {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: PROBE_TIMEOUT_MS });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1 FROM "Organisation" LIMIT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
};

const openDatabase = async (config: Config, dryRun: boolean): Promise<PrismaClient | null> => {
  const url = databaseUrlOf(config);
  if (dryRun) return (await reachable(url)) ? createPrisma(url, 2) : null;
  await migrate(url).catch((error: unknown) => {
    const reason = (error as Error).message;
    throw new Error(config.DATABASE_URL ? reason : `cannot reach the embedded database at ${url} (is \`npm start\` running?): ${reason}`);
  });
  return createPrisma(url, 2);
};

/**
 * Signings are registered through the event workflow, as `event sign` does, by the person importing;
 * Temporal is reached only when the file has some.
 */
const signerFor = (config: Config, prisma: PrismaClient, actor: Actor) => {
  let client: Client | null = null;
  return {
    sign: (async (eventId, request) => {
      client ??= new Client({
        connection: (await connectClient(config.TEMPORAL_ADDRESS ?? `127.0.0.1:${config.TEMPORAL_PORT}`, config.TEMPORAL_NAMESPACE, config)).connection,
        namespace: config.TEMPORAL_NAMESPACE,
        identity: cliIdentity(),
      });
      return importSigner(prisma, client, actor)(eventId, request);
    }) satisfies Signer,
    close: () => client?.connection.close(),
  };
};

const readRelease = async (file: string, language: Language, maxBytes: number): Promise<{ name: string; bytes: Buffer }> => {
  const refused = wordsFor(language).refused;
  try {
    // Refused before it is read: a file far over the limit is not loaded into memory.
    const { size } = await stat(file);
    if (size > maxBytes) throw new ImportRefused(refused.tooLarge(path.basename(file), size, maxBytes), language);
    return { name: path.basename(file), bytes: await readFile(file) };
  } catch (error) {
    if (error instanceof ImportRefused) throw error;
    throw new ValidationError(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
};

const progressBar = (enabled: boolean, label: string): { update: (done: number, total: number) => void; stop: () => void } => {
  let bar: SingleBar | undefined;
  return {
    update: (done, total) => {
      if (!enabled || total <= ROWS_WORTH_A_BAR) return;
      if (!bar) {
        bar = new SingleBar({ stream: process.stderr, format: `${label} [{bar}] {value}/{total} {percentage}% {eta_formatted}`, hideCursor: true });
        bar.start(total, done);
      } else bar.update(done);
    },
    stop: () => bar?.stop(),
  };
};

const printReport = (report: ImportReport, language: Language): void => {
  const words = wordsFor(language);
  for (const problem of report.errors) console.log(describeProblem(problem, language));
  console.log(words.summary({ rows: report.rows, valid: report.valid, problems: report.errors.length }));
  const names = Object.fromEntries(Object.values(SHEETS).map((spec) => [spec.kind, spec.names[language]]));
  console.log(words.written(report.written, names, report.dryRun));
  if (report.lookup) console.log(words.lookup(report.lookup));
};

interface ImportCommandOptions {
  event?: string;
  dryRun?: boolean;
  validOnly?: boolean;
  json?: boolean;
  errors?: string;
  as?: string;
  lang: Language;
}

/** Adds `template` and `import` to the CLI. */
export const registerReleaseCommands = (program: Command): void => {
  program
    .command('template')
    .description('write an empty release workbook (.xlsx): achievements, demands, organisations and people, with drop-downs')
    .argument('<file>')
    .addOption(languageOption())
    .action(async (file: string, options: { lang: Language }) => {
      await writeFile(file, await templateWorkbook(options.lang));
      console.log(wordsFor(options.lang).cli.templateWritten(file));
    });

  program
    .command('import')
    .description('import releases from an .xlsx or CSV file; any problem writes nothing unless --valid-only')
    .argument('<file>')
    .option('--event <id>', 'the event the releases belong to')
    .option('--dry-run', 'check only; needs no database (organisations are then checked against the file alone)')
    .option('--valid-only', 'write the rows without problems even when other rows have some')
    .option('--json', 'print only the report as JSON: { "rows", "valid", "errors": [{ "sheet", "row", "column", "message" }], "written", "dryRun" }')
    .option('--errors <out.xlsx>', 'when there are problems, write the file back with a column saying what is wrong on each row')
    .option('--as <person>', 'who imports (person id, email or Lark open_id), recorded as the releases’ approver')
    .addOption(languageOption())
    .action(async (file: string, options: ImportCommandOptions) => {
      const language = options.lang;
      const config = loadConfig();
      const release = await readRelease(file, language, config.IMPORT_MAX_BYTES);
      const prisma = await openDatabase(config, options.dryRun ?? false);
      const bar = progressBar(Boolean(process.stderr.isTTY) && !options.json, wordsFor(language).cli.importing);
      let signer: ReturnType<typeof signerFor> | null = null;
      try {
        const actor = prisma && options.as ? await resolveActor(prisma, options.as) : undefined;
        signer = prisma && actor && !options.dryRun ? signerFor(config, prisma, actor) : null;
        const lark = prisma && !options.dryRun ? createLarkClient(config) : null;
        const report = await importReleases(prisma, release, {
          language,
          ...(options.event ? { eventId: options.event } : {}),
          ...(options.dryRun ? { dryRun: true } : {}),
          ...(options.validOnly ? { validOnly: true } : {}),
          ...(actor ? { actorId: actor.personId } : {}),
          ...(signer ? { sign: signer.sign } : {}),
          ...(lark ? { lookUp: openIdLookup(lark) } : {}),
          maxBytes: config.IMPORT_MAX_BYTES,
          onProgress: bar.update,
        });
        bar.stop();
        if (!prisma) console.error(wordsFor(language).cli.noDatabase);
        if (options.errors && report.errors.length > 0) {
          await writeFile(options.errors, await errorWorkbook(release, report, language));
          console.error(wordsFor(language).cli.errorsWritten(options.errors));
        }
        if (options.json) {
          const { rows, valid, errors, written, dryRun } = report;
          console.log(JSON.stringify({ rows, valid, errors, written, dryRun }, null, 2));
        } else printReport(report, language);
        if (report.errors.length > 0) process.exitCode = 1;
      } finally {
        bar.stop();
        await signer?.close();
        await prisma?.$disconnect();
      }
    });
};
