import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.ts';

export type { PrismaClient };
export type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/**
 * The connection pool, with a listener on every connection for its whole life. When the server
 * shuts down under a transaction, the adapter has already taken its own listener off that
 * connection, and the server's late error would otherwise be an unhandled 'error' event that ends
 * the process; the statement that needed the connection has failed already and its activity retries.
 */
const createPool = (url: string, poolMax?: number): pg.Pool => {
  const pool = new pg.Pool({ connectionString: url, ...(poolMax ? { max: poolMax } : {}) });
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
};

/**
 * A Prisma client on PostgreSQL through the `pg` driver adapter (no query engine binary).
 * Transactions wait up to 10 s for a connection (Prisma's default is 2 s): under a burst the
 * small pool PGlite allows is busy for longer, and a refused transaction only means a retried activity.
 */
export const createPrisma = (url: string, poolMax?: number): PrismaClient =>
  new PrismaClient({
    adapter: new PrismaPg(createPool(url, poolMax), { disposeExternalPool: true }),
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
