import { ApplicationFailure } from '@temporalio/activity';
import type { PrismaClient } from '../lib/prisma.ts';
import type { ChannelSender, MessageTemplate, OutgoingMessage } from '../notifications/content.ts';
import { isPermanentDeliveryFailure, UNKNOWN_MESSAGE } from '../domain/failures.ts';
import type { Delivery } from './outbox.ts';
import type { AcceptanceJournal } from './acceptance-journal.ts';
import { queueFailureAlert } from './failure-alerts.ts';
import { markRowsSent, readMessageRows } from './message-rows.ts';
import { persistently } from './persistently.ts';

export interface DeliveryResult {
  readonly messageId: string;
  /** True when an earlier attempt had already sent it. */
  readonly alreadySent: boolean;
}

/**
 * Sends one message — the outbox rows sharing `key` on one channel — unless it was already sent.
 * The key is stable across retries and becomes the Lark `uuid` / email Message-ID, and the rows are
 * marked sent in the same step, so each workflow step reaches each person once. With a journal, a
 * server's acceptance is noted before it is recorded, and a retry after a crash in between records
 * it instead of sending again.
 */
export const createDeliver = (prisma: PrismaClient, channel: Delivery['channel'], sender: ChannelSender, journal?: AcceptanceJournal) =>
  async function deliver({ key }: { key: string }): Promise<DeliveryResult> {
    const rows = await readMessageRows(prisma, key, channel);
    if (rows.length === 0) throw ApplicationFailure.nonRetryable(`no ${channel} message ${key} in the outbox`, UNKNOWN_MESSAGE);
    if (rows.every((row) => row.status === 'sent')) return { messageId: rows[0]!.messageId ?? '', alreadySent: true };

    const message: OutgoingMessage = {
      key,
      recipient: rows[0]!.recipient,
      items: rows.map((row) => ({ template: row.template as MessageTemplate, payload: row.payload as Record<string, unknown> })),
    };
    const ids = rows.map((row) => row.id);
    const accepted = await journal?.find(key, ids);
    if (accepted) {
      await markSent(prisma, ids, accepted);
      await journal?.settle(key);
      return { messageId: accepted, alreadySent: true };
    }
    let messageId: string;
    try {
      ({ messageId } = await sender.send(message));
    } catch (error) {
      // Both channels report a permanent failure as `permanentDeliveryFailure`: marked failed, not retried.
      const permanent = isPermanentDeliveryFailure(error);
      const reason = (error as Error).message;
      // The alert is queued before the rows read as failed, so whoever sees a failed message also finds its alert.
      if (permanent) await queueFailureAlert(prisma, { channel, reason, rows });
      await prisma.notification.updateMany({
        where: { id: { in: ids } },
        data: { attempts: { increment: 1 }, lastError: reason.slice(0, 2000), ...(permanent ? { status: 'failed' as const } : {}) },
      });
      throw error;
    }
    journal?.accepted(key, ids, messageId);
    await markSent(prisma, ids, messageId);
    await journal?.settle(key);
    return { messageId, alreadySent: false };
  };

/** Sent: from here a failure must not fail the attempt, whose retry would send the message again. */
const markSent = (prisma: PrismaClient, ids: readonly string[], messageId: string) => persistently(() => markRowsSent(prisma, ids, messageId));
