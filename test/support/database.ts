import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../lib/embedded-postgres.ts';
import { migrate } from '../../lib/migrate.ts';

export interface TestDatabase {
  readonly url: string;
  readonly kind: 'pglite' | 'server';
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: a new database on the server named by
 * DATABASE_URL, or else an in-memory PGlite served on a loopback port.
 */
export const createTestDatabase = async (): Promise<TestDatabase> => {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir: null, host: '127.0.0.1', port: 0 });
    await migrate(embedded.url);
    return { url: embedded.url, kind: 'pglite', drop: embedded.stop };
  }
  const name = `qxwq_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  return {
    url: url.toString(),
    kind: 'server',
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
};
