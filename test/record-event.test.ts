import { ApplicationFailure } from '@temporalio/activity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecordEvent } from '../activities/record-event.ts';
import { INVALID_EVENT } from '../domain/failures.ts';
import { createPrisma, type PrismaClient } from '../lib/prisma.ts';
import type { PartnershipEvent } from '../workflows/events.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';

let db: TestDatabase;
let prisma: PrismaClient;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = createPrisma(db.url, 2);
});
afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

describe('recording an event', () => {
  it('refuses for good an event of a partnership that does not exist, and writes nothing', async () => {
    const recordEvent = createRecordEvent(prisma);
    const event = {
      seq: 1,
      type: 'withdrawn',
      stage: 'withdrawn',
      at: Date.parse('2026-11-20T08:00:00Z'),
      data: { reason: '测试' },
      notify: [],
    } as unknown as PartnershipEvent;
    const refused = await recordEvent({ partnershipId: 'no-such-partnership', reference: 'P-2026-999999', title: '不存在', event }).catch(
      (error: unknown) => error,
    );

    expect(refused).toBeInstanceOf(ApplicationFailure);
    expect(refused).toMatchObject({ type: INVALID_EVENT, nonRetryable: true });
    expect((refused as Error).message).toContain('no-such-partnership');
    expect(await prisma.partnershipEvent.count()).toBe(0);
  });
});
