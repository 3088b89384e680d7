/**
 * One email delivery in a process of its own, so a test can kill it at a chosen moment.
 * Env: DATABASE_URL, SMTP_URL, KEY, and JOURNAL_DIR unless it runs without the acceptance journal.
 */
import { createAcceptanceJournal } from '../../activities/acceptance-journal.ts';
import { createDeliver } from '../../activities/delivery.ts';
import { createEmailSender } from '../../activities/email-sender.ts';
import { loadConfig } from '../../lib/config.ts';
import { createPrisma } from '../../lib/prisma.ts';
import { EMAIL_FROM } from './smtp.ts';

const { DATABASE_URL, SMTP_URL, KEY, JOURNAL_DIR } = process.env;
if (!DATABASE_URL || !SMTP_URL || !KEY) throw new Error('DATABASE_URL, SMTP_URL and KEY are needed');
const config = loadConfig({ SMTP_URL, EMAIL_FROM, DATA_DIR: JOURNAL_DIR ?? '/nonexistent' });
const prisma = createPrisma(DATABASE_URL, 1);
const deliver = createDeliver(
  prisma,
  'email',
  createEmailSender({ config, prisma, log: () => undefined }),
  JOURNAL_DIR ? createAcceptanceJournal(JOURNAL_DIR, 'email') : undefined,
);
await deliver({ key: KEY });
process.exit(0);
