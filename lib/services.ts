import path from 'node:path';
import type { Client } from '@temporalio/client';
import type { NativeConnection } from '@temporalio/worker';
import type { Config } from './config.ts';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { migrate } from './migrate.ts';
import { createLog } from './log.ts';
import { createPrisma, defaultPoolSize, type PrismaClient } from './prisma.ts';
import { findTemporalCli } from './temporal-cli.ts';
import { connectClient, connectWorker } from './temporal-connection.ts';
import { startDevServer } from './temporal-server.ts';

export interface Services {
  readonly client: Client;
  readonly workerConnection: NativeConnection;
  readonly prisma: PrismaClient;
  readonly temporalAddress: string;
  readonly uiUrl: string | null;
  readonly databaseUrl: string;
  readonly embeddedDatabase: boolean;
  close(): Promise<void>;
}

type Stop = () => Promise<void>;

/** Where the embedded database listens, for processes that join a running `npm start`. */
export const embeddedDatabaseUrl = (config: Config): string =>
  `postgresql://postgres:postgres@${config.PGLITE_HOST}:${config.PGLITE_PORT}/postgres?sslmode=disable`;

const startTemporal = async (config: Config, log: (line: string) => void): Promise<{ address: string; uiUrl: string | null; stop: Stop }> => {
  const cli = await findTemporalCli({ explicit: config.TEMPORAL_CLI, log });
  const dbFile = path.join(config.DATA_DIR, 'temporal.db');
  if (cli) {
    const server = await startDevServer({ cli, port: config.TEMPORAL_PORT, uiPort: config.TEMPORAL_UI_PORT, dbFile });
    return { address: server.address, uiUrl: server.uiUrl, stop: server.stop };
  }
  // Last resort, where internet exists: the SDK downloads the same dev server.
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  const { SEARCH_ATTRIBUTES } = await import('../workflows/search-attributes.ts');
  const env = await TestWorkflowEnvironment.createLocal({
    server: { ip: '127.0.0.1', port: config.TEMPORAL_PORT, ui: true, uiPort: config.TEMPORAL_UI_PORT, dbFilename: dbFile, searchAttributes: SEARCH_ATTRIBUTES },
  });
  return { address: env.address, uiUrl: `http://127.0.0.1:${config.TEMPORAL_UI_PORT}`, stop: () => env.teardown() };
};

/**
 * Connects to Temporal and PostgreSQL as configured. With `embedded`, whatever is not configured
 * is started here (the Temporal dev server, PGlite); without it, the defaults point at the ones a
 * running `npm start` serves. Migrations are applied either way (they are locked and idempotent).
 */
export const connectServices = async (config: Config, options: { embedded: boolean; log?: (line: string) => void }): Promise<Services> => {
  const log = options.log ?? createLog({ secrets: config }).info;
  const stops: Stop[] = [];
  const closeAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((error: unknown) => log(`while stopping: ${(error as Error).message}`));
  };
  try {
    let databaseUrl = config.DATABASE_URL ?? embeddedDatabaseUrl(config);
    const embeddedDatabase = !config.DATABASE_URL;
    if (embeddedDatabase && options.embedded) {
      const embedded = await startEmbeddedPostgres({ dataDir: path.join(config.DATA_DIR, 'pglite'), host: config.PGLITE_HOST, port: config.PGLITE_PORT });
      stops.push(embedded.stop);
      databaseUrl = embedded.url;
    }
    await migrate(databaseUrl).catch((error: unknown) => {
      const reason = (error as Error).message;
      throw new Error(
        embeddedDatabase && !options.embedded ? `cannot reach the embedded database at ${databaseUrl} (is \`npm start\` running?): ${reason}` : reason,
      );
    });
    const prisma = createPrisma(databaseUrl, config.DATABASE_POOL_MAX ?? defaultPoolSize(embeddedDatabase));
    stops.push(() => prisma.$disconnect());

    let temporalAddress = config.TEMPORAL_ADDRESS ?? `127.0.0.1:${config.TEMPORAL_PORT}`;
    let uiUrl: string | null = null;
    if (!config.TEMPORAL_ADDRESS && options.embedded) {
      const server = await startTemporal(config, log);
      stops.push(server.stop);
      temporalAddress = server.address;
      uiUrl = server.uiUrl;
    }
    const client = await connectClient(temporalAddress, config.TEMPORAL_NAMESPACE, config);
    stops.push(() => client.connection.close());
    const workerConnection = await connectWorker(temporalAddress, config);
    stops.push(() => workerConnection.close());
    return { client, workerConnection, prisma, temporalAddress, uiUrl, databaseUrl, embeddedDatabase, close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
};
