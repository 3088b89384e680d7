import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma, type PrismaClient } from '../lib/prisma.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
});

const preparedOnThisConnection = async (prisma: PrismaClient): Promise<number> => {
  const [row] = await prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM pg_prepared_statements`;
  return row!.count;
};

describe('statements the database client runs again and again', () => {
  it('are prepared once per connection on a PostgreSQL server, and never on PGlite, whose connections share one session', async () => {
    const prisma = createPrisma(db.url, 1);
    try {
      for (let i = 0; i < 3; i++) await prisma.organisation.findMany({ where: { kind: 'university' }, take: 1 });
      await preparedOnThisConnection(prisma);
      const prepared = await preparedOnThisConnection(prisma);
      if (db.kind === 'server') expect(prepared).toBeGreaterThanOrEqual(2);
      else expect(prepared).toBe(0);
    } finally {
      await prisma.$disconnect();
    }
  });

  it('run side by side on several connections without one connection’s statement getting in another’s way', async () => {
    const prisma = createPrisma(db.url, 4);
    try {
      const answers = await Promise.all(
        Array.from({ length: 40 }, (_, i) => prisma.$queryRaw<{ n: number }[]>`SELECT ${i}::int AS n`.then((rows) => rows[0]!.n)),
      );
      expect(answers).toEqual(Array.from({ length: 40 }, (_, i) => i));
    } finally {
      await prisma.$disconnect();
    }
  });
});
