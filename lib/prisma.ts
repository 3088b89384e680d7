import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.ts';

export type { PrismaClient };
export type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/**
 * A Prisma client on PostgreSQL through the `pg` driver adapter (no query engine binary).
 * Transactions wait up to 10 s for a connection (Prisma's default is 2 s): under a burst the
 * small pool PGlite allows is busy for longer, and a refused transaction only means a retried activity.
 */
export const createPrisma = (url: string, poolMax?: number): PrismaClient =>
  new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, ...(poolMax ? { max: poolMax } : {}) }),
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
