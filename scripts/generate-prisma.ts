/**
 * `npm run generate`: the Prisma client from prisma/schema.prisma. A driver-adapter client needs no
 * schema engine, but the CLI looks for one at start-up and would try to download it; any
 * executable satisfies the look-up.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../lib/config.ts';

export const generatePrismaClient = (): void => {
  const prismaCli = createRequire(import.meta.url).resolve('prisma/build/index.js');
  execFileSync(process.execPath, [prismaCli, 'generate'], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath },
  });
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) generatePrismaClient();
