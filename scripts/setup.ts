/**
 * Runs after `npm install`: generates the Prisma client and makes sure a Temporal CLI is at hand,
 * so `npm start` and `npm test` need nothing else.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { PROJECT_ROOT } from '../lib/config.ts';
import { findTemporalCli } from '../lib/temporal-cli.ts';

const require = createRequire(import.meta.url);
const prismaCli = require.resolve('prisma/build/index.js');

// `prisma generate` needs no schema engine for a driver-adapter client, but the CLI looks for
// one at start-up and would try to download it; any executable satisfies the look-up.
execFileSync(process.execPath, [prismaCli, 'generate'], {
  cwd: PROJECT_ROOT,
  stdio: 'inherit',
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath },
});

const cli = await findTemporalCli({ explicit: process.env.TEMPORAL_CLI, log: (line) => console.log(`setup: ${line}`) });
console.log(cli ? `setup: Temporal CLI ready at ${cli}` : 'setup: no Temporal CLI; `npm start` will let the SDK download the dev server (needs internet)');
