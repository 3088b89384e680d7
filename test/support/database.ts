import { createScratchDatabase, type ScratchDatabase } from '../../lib/scratch-database.ts';

export type TestDatabase = ScratchDatabase;

/**
 * A fresh, migrated database for one test file: a new database on the server named by
 * DATABASE_URL, or else an in-memory PGlite served on a loopback port.
 */
export const createTestDatabase = (): Promise<TestDatabase> => createScratchDatabase(process.env.DATABASE_URL, 'qxwq_test');
