/**
 * Runs after `npm install`: generates the Prisma client and makes sure a Temporal CLI is at hand,
 * so `npm start` and `npm test` need nothing else.
 */
import { findTemporalCli } from '../lib/temporal-cli.ts';
import { generatePrismaClient } from './generate-prisma.ts';

generatePrismaClient();

const cli = await findTemporalCli({ explicit: process.env.TEMPORAL_CLI, log: (line) => console.log(`setup: ${line}`) });
console.log(cli ? `setup: Temporal CLI ready at ${cli}` : 'setup: no Temporal CLI; `npm start` will let the SDK download the dev server (needs internet)');
