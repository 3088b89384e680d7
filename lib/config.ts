import { z } from 'zod';
import { describeIssues } from './validation.ts';
import { DurationSchema } from './policy-schema.ts';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { totalmem } from 'node:os';
import { randomBytes } from 'node:crypto';

/** The project's root folder, whatever the working directory. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

const Flag = z.enum(['true', 'false']).transform((value) => value === 'true');
const Port = z.coerce.number().int().min(0).max(65_535);
const Optional = z
  .string()
  .trim()
  .min(1)
  .optional()
  .or(z.literal('').transform(() => undefined));

/** Worker memory per cached workflow, as measured (README, "Open partnerships on one worker"). */
const MIB_PER_CACHED_WORKFLOW = 0.4;
/** The most cached workflows measured on one worker: 10,000 in about 3.5 GiB. */
const MOST_CACHED_MEASURED = 10_000;

/** As many workflows as a quarter of this machine's memory holds, between 1,000 and the most measured. */
export const defaultCachedWorkflows = (memoryBytes = totalmem()): number =>
  Math.min(MOST_CACHED_MEASURED, Math.max(1_000, Math.floor(memoryBytes / 4 / (MIB_PER_CACHED_WORKFLOW * 1024 * 1024))));

/** Every setting, from the environment; the README's "Configuration" table lists the same. */
export const ConfigSchema = z.object({
  DATA_DIR: z.string().default(path.join(PROJECT_ROOT, '.data')),
  DATABASE_URL: Optional.pipe(z.url({ protocol: /^postgres(ql)?$/, error: 'expected postgresql://user:password@host:port/database' }).optional()),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).optional(),
  PGLITE_HOST: z.string().default('127.0.0.1'),
  PGLITE_PORT: Port.default(54329),
  TEMPORAL_ADDRESS: Optional,
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('partnerships'),
  TEMPORAL_API_KEY: Optional,
  TEMPORAL_TLS: Flag.default(false),
  TEMPORAL_TLS_CERT: Optional,
  TEMPORAL_TLS_KEY: Optional,
  TEMPORAL_CLI: Optional,
  TEMPORAL_PORT: Port.default(7233),
  TEMPORAL_UI_PORT: Port.default(8233),
  POLICY_FILE: Optional,
  WORKER_MAX_CONCURRENT_ACTIVITIES: z.coerce.number().int().min(1).max(10_000).default(100),
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(1_000_000).default(defaultCachedWorkflows),

  // Email (nodemailer). No SMTP configured: messages are written as .eml files into EMAIL_OUTBOX_DIR.
  SMTP_URL: Optional.pipe(z.url({ protocol: /^smtps?$/, error: 'expected smtp://user:password@host:587 or smtps://…:465' }).optional()),
  SMTP_HOST: Optional,
  SMTP_PORT: Port.optional(),
  SMTP_USER: Optional,
  SMTP_PASSWORD: Optional,
  /** true: TLS from the first byte (port 465); false: STARTTLS when the server offers it. */
  SMTP_SECURE: Flag.default(false),
  EMAIL_FROM: z.string().trim().min(3).default('千校万企协同创新平台 <noreply@qxwq.example.cn>'),
  EMAIL_OUTBOX_DIR: Optional,
  EMAIL_MAX_PER_SECOND: z.coerce.number().positive().max(10_000).default(10),

  // Lark / Feishu.
  LARK_APP_ID: Optional,
  LARK_APP_SECRET: Optional,
  /** feishu (open.feishu.cn), lark (open.larksuite.com), or a base URL. */
  LARK_DOMAIN: z.string().trim().min(1).default('feishu'),
  LARK_VERIFICATION_TOKEN: Optional,
  LARK_ENCRYPT_KEY: Optional,
  /** webhook: an HTTP server receives events and card callbacks; websocket: the SDK's long connection; off: no bot. */
  LARK_MODE: z.enum(['webhook', 'websocket', 'off']).default('webhook'),
  BOT_HOST: z.string().default('127.0.0.1'),
  BOT_PORT: Port.default(3000),
  /** Lark allows 50 requests/s per app for sending messages. */
  LARK_MAX_PER_SECOND: z.coerce.number().positive().max(1_000).default(50),
  /** Chat messages and card clicks one person may send the bot a minute, sustained (bots/rate-limit.ts). */
  BOT_COMMANDS_PER_MINUTE: z.coerce.number().positive().max(1_000_000).default(20),
  /** How many of them one person may send at once after a quiet spell. */
  BOT_COMMAND_BURST: z.coerce.number().int().min(1).max(100_000).default(10),
  /** Where people reach the HTTP server from outside (behind a proxy): the base of the links in emails. */
  PUBLIC_BASE_URL: Optional.pipe(z.url({ protocol: /^https?$/, error: 'expected http(s)://host[:port][/path]' }).optional()),
  /** Signs the action links in emails (HMAC-SHA256); every worker and bot process needs the same one. */
  ACTION_LINK_SECRET: Optional.pipe(z.string().min(32, 'expected at least 32 characters, e.g. `openssl rand -base64 32`').optional()),
  /** How long an action link works at least; a link about a later deadline works until that deadline. */
  ACTION_LINK_VALID_FOR: DurationSchema.prefault('14 days'),
  /** What 统计 / stats measures against (JSON): {"partnerships":1000,"dockings":800,"contracts":500,"amountCny":500000000}. */
  PROGRAMME_TARGETS: Optional,

  // Release imports (Excel/CSV).
  /** The largest release file accepted, in bytes; a larger one is refused before it is read. */
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(1024 * 1024 * 1024)
    .default(20 * 1024 * 1024),

  // Reminders and digests.
  /** How often due reminders are collected and sent, combined per person. */
  REMINDER_DISPATCH_EVERY: DurationSchema.prefault('5 minutes'),
  /** Cron (Asia/Shanghai) of the weekly digest to TTOs and the programme summary to managers. */
  DIGEST_CRON: z
    .string()
    .trim()
    .regex(/^\S+( \S+){4}$/, 'expected a cron expression with five fields, such as "0 9 * * 1" (Mondays 09:00)')
    .default('0 9 * * 1'),
});
export type Config = z.output<typeof ConfigSchema>;

/** Sends a server accepted, noted until the database records them: with the data, so a restarted worker finds them. */
export const acceptedDirOf = (config: Pick<Config, 'DATA_DIR'>): string => path.join(config.DATA_DIR, 'accepted');

/** Where messages are written when no mail server (and, under `lark/`, no Lark app) is configured. */
export const outboxDirOf = (config: Pick<Config, 'EMAIL_OUTBOX_DIR' | 'DATA_DIR'>): string => config.EMAIL_OUTBOX_DIR ?? path.join(config.DATA_DIR, 'outbox');

/** A secret for this process alone, used when no ACTION_LINK_SECRET is set (loopback only): its links die with it. */
const PROCESS_LINK_SECRET = randomBytes(32).toString('base64url');

/** The key action links are signed with, and whether it is this process's own random one. */
export const actionLinkSecretOf = (config: Partial<Pick<Config, 'ACTION_LINK_SECRET'>>): { readonly secret: string; readonly generated: boolean } =>
  config.ACTION_LINK_SECRET ? { secret: config.ACTION_LINK_SECRET, generated: false } : { secret: PROCESS_LINK_SECRET, generated: true };

/** The base of the links in emails: PUBLIC_BASE_URL, or the HTTP server on this machine. */
export const publicBaseUrlOf = (config: Pick<Config, 'BOT_PORT'> & Partial<Pick<Config, 'PUBLIC_BASE_URL'>>): string =>
  (config.PUBLIC_BASE_URL ?? `http://127.0.0.1:${config.BOT_PORT}`).replace(/\/+$/, '');

/** True when email goes to a mail server rather than the outbox folder. */
export const hasMailServer = (config: Pick<Config, 'SMTP_URL' | 'SMTP_HOST'>): boolean => Boolean(config.SMTP_URL || config.SMTP_HOST);

/**
 * Each channel's sends per second, or null when it writes to the outbox folder: the limits are
 * the receiving servers' (Lark's per app, the mail server's), and a folder has none.
 */
export const channelRates = (config: Config): { readonly lark: number | null; readonly email: number | null } => ({
  lark: config.LARK_APP_ID ? config.LARK_MAX_PER_SECOND : null,
  email: hasMailServer(config) ? config.EMAIL_MAX_PER_SECOND : null,
});

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment once at start-up; a wrong value stops the process naming the variable. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(`invalid configuration: ${describeIssues(parsed.error.issues)}`);
  const config = parsed.data;
  // Without a key or token anyone who reaches the port could act as any Lark user.
  const loopback = /^(127\.|localhost$|::1$)/.test(config.BOT_HOST);
  if (config.LARK_MODE === 'webhook' && !loopback && !config.LARK_ENCRYPT_KEY && !config.LARK_VERIFICATION_TOKEN) {
    throw new ConfigError(
      `invalid configuration: BOT_HOST: the webhook listens on ${config.BOT_HOST}, beyond this machine, so set LARK_ENCRYPT_KEY or LARK_VERIFICATION_TOKEN (from the Lark app's event settings)`,
    );
  }
  // Without it a link could not be checked by another process, and anyone could forge one.
  if (config.LARK_MODE === 'webhook' && !loopback && !config.ACTION_LINK_SECRET) {
    throw new ConfigError(
      `invalid configuration: BOT_HOST: the HTTP server listens on ${config.BOT_HOST}, beyond this machine, so set ACTION_LINK_SECRET (the same on every worker and bot)`,
    );
  }
  return config;
};
