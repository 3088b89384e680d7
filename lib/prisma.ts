import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.ts';

export type { PrismaClient };
export type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/** A Prisma client on PostgreSQL through the `pg` driver adapter (no query engine binary). */
export const createPrisma = (url: string, poolMax?: number): PrismaClient =>
  new PrismaClient({ adapter: new PrismaPg({ connectionString: url, ...(poolMax ? { max: poolMax } : {}) }) });
