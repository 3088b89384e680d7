/** `cli resend`: messages that failed for good, sent again once the directory is fixed. */
import type { Command } from 'commander';
import { z } from 'zod';
import type { PrismaClient } from '../../lib/prisma.ts';
import type { Services } from '../../lib/services.ts';
import { ValidationError } from '../../lib/validation.ts';

type WithServices = <T>(work: (services: Services) => Promise<T>) => Promise<T>;

const Target = z.string().trim().min(1, 'name a notification id or a partnership reference');

/**
 * Puts the failed rows of one notification, or of every message of one partnership, back in the
 * outbox as pending and due now: the reminder dispatcher sends them on its next run (every
 * `REMINDER_DISPATCH_EVERY`), to the addresses the directory holds then. Returns how many.
 */
export const resendFailed = async (prisma: PrismaClient, target: string): Promise<number> => {
  const parsed = Target.safeParse(target);
  if (!parsed.success) throw new ValidationError(parsed.error.issues[0]?.message ?? 'invalid target');
  const named = parsed.data;
  const { count } = await prisma.notification.updateMany({
    where: { status: 'failed', OR: [{ id: named }, { partnership: { reference: named } }] },
    data: { status: 'pending', batchKey: null, deliverAfter: new Date(), lastError: null },
  });
  return count;
};

export const registerResendCommand = (program: Command, withServices: WithServices): void => {
  program
    .command('resend')
    .description('send again the messages that failed for good (fix the contact in the directory first)')
    .argument('<notification-id|reference>', 'a failed notification (its id is in the alert) or every failed message of a partnership')
    .action(async (target: string) => {
      const count = await withServices(({ prisma }) => resendFailed(prisma, target));
      console.log(count === 0 ? `no failed message for ${target}` : `${count} message(s) queued again; the reminder dispatcher sends them on its next run`);
    });
};
