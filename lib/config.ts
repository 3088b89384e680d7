import { z } from 'zod';
import { describeIssues } from './validation.ts';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The project's root folder, whatever the working directory. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

const Flag = z.enum(['true', 'false']).transform((value) => value === 'true');
const Port = z.coerce.number().int().min(0).max(65_535);
const Optional = z.string().trim().min(1).optional().or(z.literal('').transform(() => undefined));

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
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(1_000_000).default(2_000),
});
export type Config = z.output<typeof ConfigSchema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment once at start-up; a wrong value stops the process naming the variable. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const parsed = ConfigSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new ConfigError(`invalid configuration: ${describeIssues(parsed.error.issues)}`);
};
