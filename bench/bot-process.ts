/**
 * The Lark bot in its own process, as production runs it (`npm run bot`): `scripts/bot.ts` started
 * as a webhook on a free loopback port, on the benchmark's Temporal, database, task queue and local
 * Lark Open API, with the benchmark's policy; stopped by the teardown.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitUntil } from '../app/wait-for-status.ts';
import { freePort } from '../lib/net.ts';
import type { ProgrammePolicyInput } from '../domain/policy.ts';
import type { LarkOpenApi } from '../test/support/lark-open-api.ts';
import { localBotConfig, type AppSecrets } from '../test/bot/support/deliveries.ts';
import { log, poolSizeFor, type BenchDatabase, type Teardown } from './support.ts';
import { spawnUnderTsx } from './worker-process.ts';

const BOT_ENTRY = fileURLToPath(new URL('../scripts/bot.ts', import.meta.url));
/** The bot's first lines (where it listens, an early failure) are shown; the rest would drown the benchmark's. */
const SHOWN_LINES = 3;

export interface BotProcessSettings {
  readonly lark: Pick<LarkOpenApi, 'appId' | 'appSecret' | 'baseUrl'>;
  readonly secrets: AppSecrets;
  readonly database: BenchDatabase;
  readonly temporalAddress: string;
  readonly taskQueue: string;
  readonly policy: ProgrammePolicyInput;
}

export interface BotProcess {
  /** The webhook's base URL (card callbacks at /lark/cards). */
  readonly url: string;
  readonly pid: number;
}

/** The policy as the POLICY_FILE the bot loads (lib/policy-file.ts), in a folder the teardown removes. */
const writePolicyFile = async (policy: ProgrammePolicyInput, teardown: Teardown): Promise<{ dir: string; file: string }> => {
  const dir = await mkdtemp(path.join(tmpdir(), 'qxwq-bench-bot-process-'));
  teardown.add("the bot process's folder", () => rm(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'policy.json');
  await writeFile(file, JSON.stringify(policy));
  return { dir, file };
};

const healthOf = async (url: string): Promise<number> => {
  const response = await fetch(`${url}/healthz`);
  await response.body?.cancel();
  return response.status;
};

/** Starts the bot process and resolves once its webhook answers GET /healthz. */
export const startBotProcess = async (settings: BotProcessSettings, teardown: Teardown): Promise<BotProcess> => {
  const { lark, secrets, database } = settings;
  const [port, policy] = await Promise.all([freePort(), writePolicyFile(settings.policy, teardown)]);
  // The same bot settings the in-process bot gets, as the environment `npm run bot` reads them.
  const botSettings = Object.entries({ ...localBotConfig(lark, secrets), BOT_PORT: port }).map(([name, value]) => [
    name,
    value === undefined ? '' : String(value),
  ]);
  const env = {
    ...(Object.fromEntries(botSettings) as Record<string, string>),
    DATABASE_URL: database.url,
    // As `npm run bot` beside `npm start`'s PGlite, which serves 16 connections in all and runs one statement at a time.
    DATABASE_POOL_MAX: String(poolSizeFor(database)),
    TEMPORAL_ADDRESS: settings.temporalAddress,
    TEMPORAL_TASK_QUEUE: settings.taskQueue,
    POLICY_FILE: policy.file,
    DATA_DIR: policy.dir,
  };
  const child = spawnUnderTsx(BOT_ENTRY, env, teardown, 'the bot process');
  let shown = 0;
  child.stdout!.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) if (shown++ < SHOWN_LINES) log(`bot process: ${line}`);
  });
  let exited: string | null = null;
  child.once('exit', (code) => (exited = `the bot process exited (${code})`));
  const url = `http://127.0.0.1:${port}`;
  await waitUntil(
    () => healthOf(url),
    (status) => status === 200,
    'the bot process to answer /healthz',
    60_000,
    () => exited,
  );
  return { url, pid: child.pid! };
};
