/**
 * The operator's CLI: the whole lifecycle without Lark. Talks to the services a running
 * `npm start` provides, or to TEMPORAL_ADDRESS / DATABASE_URL when set.
 */
import { realpathSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { Client } from '@temporalio/client';
import { Command, Option } from 'commander';
import { z } from 'zod';
import { ConfigError, loadConfig } from '../lib/config.ts';
import { importDirectory, importPool, resolveActor } from '../app/directory.ts';
import { submitPartnership } from '../app/intake.ts';
import { loadPolicy } from '../lib/policy-file.ts';
import { refusalOf } from '../lib/update-refusal.ts';
import { connectServices, type Services } from '../lib/services.ts';
import { statusText } from './cli/status-text.ts';
import { cliIdentity } from './cli/identity.ts';
import { registerReleaseCommands } from './cli/release-commands.ts';
import { registerEventCommands } from './cli/event-commands.ts';
import { registerResendCommand } from './cli/resend-command.ts';
import { registerProgrammeCommands } from './cli/programme-commands.ts';
import { registerExpertCommands } from './cli/expert-commands.ts';
import { ValidationError } from '../lib/validation.ts';
import { STAGES } from '../domain/vocabulary.ts';
import { workflowIdFor } from '../domain/reference.ts';
import type { partnership } from '../workflows/index.ts';
import { statusQuery } from '../workflows/messages.ts';
import { DECISION_NAMES, decisionNamed, RECORDABLE } from '../workflows/decisions/index.ts';
import { isRecordable } from '../workflows/decisions/on-behalf.ts';
import { prepareDecision } from '../app/decision-fields.ts';
import { checkNamedExperts } from '../app/experts.ts';
import { executeUpdate } from '../app/execute-update.ts';
import { describeRefusal } from '../notifications/refusal-words.ts';

/** A JSON file's value, or a ValidationError naming the file. */
export const readJson = async (file: string): Promise<unknown> => {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new ValidationError(`${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ValidationError(`${file}: not valid JSON (${(error as Error).message})`);
  }
};

/** A JSON object ready to send; anything else, or nesting too deep to send, is a ValidationError naming `what`. */
export const asJsonObject = (value: unknown, what: string): Record<string, unknown> => {
  const parsed = z.record(z.string(), z.unknown()).safeParse(value);
  if (!parsed.success) throw new ValidationError(`${what}: expected a JSON object`);
  try {
    JSON.stringify(parsed.data);
  } catch {
    throw new ValidationError(`${what}: nested too deeply`);
  }
  return parsed.data;
};

/** A decision's JSON as typed after --data. */
export const parseJsonObject = (text: string, what: string): Record<string, unknown> => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ValidationError(`${what}: not valid JSON (${(error as Error).message})`);
  }
  return asJsonObject(value, what);
};

const withServices = async <T>(work: (services: Services) => Promise<T>): Promise<T> => {
  const services = await connectServices(loadConfig(), { embedded: false, log: () => undefined });
  try {
    const client = new Client({ connection: services.client.connection, namespace: services.client.options.namespace, identity: cliIdentity() });
    return await work({ ...services, client });
  } finally {
    await services.close();
  }
};

const program = new Command('cli').description('千校万企 partnerships: submit, list, inspect and decide').showHelpAfterError();

program
  .command('directory')
  .description('import organisations and people (JSON: { organisations: [...], people: [...] })')
  .argument('<file>')
  .action(async (file: string) => {
    const input = await readJson(file);
    const counts = await withServices(({ prisma }) => importDirectory(prisma, input, file));
    console.log(`imported ${counts.organisations} organisations and ${counts.people} people`);
  });

program
  .command('pool')
  .description('import achievements and demands to match against (the matching-dev.json format)')
  .argument('<file>')
  .action(async (file: string) => {
    const input = await readJson(file);
    const counts = await withServices(({ prisma }) => importPool(prisma, input, file));
    console.log(`imported ${counts.achievements} achievements and ${counts.demands} demands`);
  });

program
  .command('submit')
  .description('submit a demand or achievement from a JSON file; prints its reference number')
  .argument('<file>')
  .requiredOption('--as <person>', 'submitter: person id, email or Lark open_id')
  .option('--key <key>', 'submission key; the same key never makes a second partnership')
  .action(async (file: string, options: { as: string; key?: string }) => {
    const input = await readJson(file);
    const config = loadConfig();
    const policy = await loadPolicy(config.POLICY_FILE);
    const submitted = await withServices(async ({ prisma, client }) =>
      submitPartnership({ prisma, client, taskQueue: config.TEMPORAL_TASK_QUEUE, policy }, await resolveActor(prisma, options.as), input, {
        source: file,
        ...(options.key ? { submissionKey: options.key } : {}),
      }),
    );
    console.log(submitted.created ? `submitted ${submitted.reference}` : `already submitted as ${submitted.reference}`);
  });

program
  .command('list')
  .description('list partnerships, newest first')
  .addOption(new Option('--stage <stage>', 'only this stage').choices(STAGES))
  .option('--limit <n>', 'at most this many', '50')
  .action(async (options: { stage?: (typeof STAGES)[number]; limit: string }) => {
    const limit = z.coerce.number().int().min(1).max(10_000).safeParse(options.limit);
    if (!limit.success) throw new ValidationError('--limit: expected a whole number from 1 to 10000');
    const rows = await withServices(({ prisma }) =>
      prisma.partnership.findMany({
        where: options.stage ? { stage: options.stage } : {},
        orderBy: { number: 'desc' },
        take: limit.data,
        select: { reference: true, stage: true, title: true, region: true, updatedAt: true },
      }),
    );
    if (rows.length === 0) console.log('no partnerships');
    for (const row of rows) console.log(`${row.reference}  ${row.stage.padEnd(11)}  ${row.region}  ${row.title}`);
  });

program
  .command('status')
  .description('where a partnership stands: stage, parties, what is awaited from whom, deadlines, history')
  .argument('<reference>')
  .option('--json', 'print the status as JSON')
  .action(async (reference: string, options: { json?: boolean }) => {
    const status = await withServices(({ client }) => client.workflow.getHandle<typeof partnership>(workflowIdFor(reference)).query(statusQuery));
    console.log(options.json ? JSON.stringify(status, null, 2) : statusText(status));
  });

program
  .command('decide')
  .description(`send a decision: ${DECISION_NAMES.join(', ')}`)
  .argument('<reference>')
  .addArgument(new Command().createArgument('<decision>').choices(DECISION_NAMES))
  .requiredOption('--as <person>', 'who decides: person id, email or Lark open_id')
  .option('--data <json>', 'the decision as a JSON object, e.g. \'{"decision":"approve"}\'')
  .option('--file <file>', 'the decision as a JSON file')
  .option('--for <person>', `record the answer this person gave by phone or on site (coordinators; ${RECORDABLE.join(', ')}): person id, email or Lark open_id`)
  .action(async (reference: string, name: string, options: { as: string; data?: string; file?: string; for?: string }) => {
    const decision = decisionNamed(name);
    if (!decision) throw new ValidationError(`no decision "${name}"; one of ${DECISION_NAMES.join(', ')}`);
    if (options.for !== undefined && !isRecordable(decision))
      throw new ValidationError(`--for: "${name}" is not recorded on anyone's behalf; only ${RECORDABLE.join(', ')}`);
    const payload = options.file ? asJsonObject(await readJson(options.file), options.file) : parseJsonObject(options.data ?? '{}', '--data');
    const status = await withServices(async ({ client, prisma }) => {
      const onBehalfOf = options.for === undefined ? {} : { onBehalfOf: await resolveActor(prisma, options.for) };
      await checkNamedExperts(prisma, payload);
      const prepared = prepareDecision(decision, { ...payload, actor: await resolveActor(prisma, options.as), ...onBehalfOf }, 'en', 'keys');
      if (!prepared.ok) throw new ValidationError(prepared.problems.join('; '));
      const handle = client.workflow.getHandle<typeof partnership>(workflowIdFor(reference));
      return executeUpdate(handle, prepared.update, { args: [prepared.payload] });
    });
    console.log(statusText(status));
  });

registerEventCommands(program, withServices);

registerResendCommand(program, withServices);

registerReleaseCommands(program);

registerProgrammeCommands(program, withServices);

registerExpertCommands(program, withServices);

/** Run as a program, not imported (the tests import its parsers). */
const isMain = (): boolean => {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
};

if (isMain()) {
  program.parseAsync().catch((error: unknown) => {
    const refusal = refusalOf(error);
    if (refusal) console.error(`refused (${refusal.type}): ${describeRefusal(refusal, 'en', 'keys')}`);
    else if (error instanceof ValidationError || error instanceof ConfigError) console.error(`error: ${error.message}`);
    else if ((error as { name?: string }).name === 'WorkflowNotFoundError') console.error('error: no such partnership (check the reference number)');
    else console.error(`error: ${(error as Error).message}`);
    process.exit(1);
  });
}
