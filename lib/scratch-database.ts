import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres.ts';
import { migrate } from './migrate.ts';

export interface ScratchDatabase {
  readonly url: string;
  /** Where it lives: an in-memory PGlite, or a database of its own on a server. */
  readonly kind: 'pglite' | 'server';
  /** Stops the PGlite, or drops the database from the server. */
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for a test file or a benchmark run: a new database named
 * `<prefix>_<random>` on the PostgreSQL server `serverUrl`, or an in-memory PGlite on a loopback port.
 */
export const createScratchDatabase = async (serverUrl: string | undefined, prefix: string): Promise<ScratchDatabase> => {
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir: null, host: '127.0.0.1', port: 0 });
    await migrate(embedded.url);
    return { url: embedded.url, kind: 'pglite', drop: embedded.stop };
  }
  const name = `${prefix}_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  return { url: url.toString(), kind: 'server', drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
};
