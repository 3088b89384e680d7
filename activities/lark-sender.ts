import path from 'node:path';
import type * as lark from '@larksuiteoapi/node-sdk';
import { messageUuid, sendCard } from '../lark/messages.ts';
import { notificationCard } from '../lark/cards/notification.ts';
import { outboxDirOf, type Config } from '../lib/config.ts';
import { unpaced, type ChannelSender, type NotificationContent, type OutgoingMessage, type Pace } from '../notifications/content.ts';
import { renderMessageContent } from '../notifications/templates.ts';
import { permanentDeliveryFailure } from '../domain/failures.ts';
import { createLog } from '../lib/log.ts';
import { larkActivityFailure } from './lark-failures.ts';
import { createOutboxFolder } from './outbox-folder.ts';

export interface LarkSenderDependencies {
  readonly config: Config;
  /** `null` when no Lark app is configured: cards are then written to the outbox folder. */
  readonly client: lark.Client | null;
  /** Where the outbox file paths are logged; the service's masked log unless told. */
  readonly log?: (line: string) => void;
  /** Holds each call to Lark to the channel's rate. */
  readonly pace?: Pace;
}

/** Rendering is pure, so a payload it cannot render never will: that is permanent, not retried. */
const contentOf = (message: OutgoingMessage): NotificationContent => {
  try {
    return renderMessageContent(message.items, message.recipient.language);
  } catch (error) {
    throw permanentDeliveryFailure(`cannot render Lark message ${message.key}: ${(error as Error).message}`, { cause: error });
  }
};

/** Where cards go when no app is configured: `<EMAIL_OUTBOX_DIR or DATA_DIR/outbox>/lark/`. */
export const larkOutboxDir = (config: Config): string => path.join(outboxDirOf(config), 'lark');

/**
 * The Lark transport: renders the message in the recipient's language as a card and sends it to
 * their open_id, with a `uuid` from the message key so that a retried send is delivered once.
 * Rate limits, 5xx and network failures throw retryable failures (a 429 carries Lark's reset as
 * the next retry delay); a recipient without an open_id, or one Lark refuses, is a permanent
 * delivery failure (see `larkActivityFailure`). Without an app, the card is written as JSON to the
 * outbox folder instead.
 */
export const createLarkSender = ({ config, client, log = createLog({ secrets: config }).info, pace = unpaced }: LarkSenderDependencies): ChannelSender => {
  const folder = createOutboxFolder(larkOutboxDir(config));
  return {
    replacesOnResend: client === null,
    async send(message) {
      const { recipient } = message;
      if (!recipient.larkOpenId) {
        throw permanentDeliveryFailure(`${recipient.name} (${recipient.id}) has no Lark open_id`);
      }
      const card = notificationCard(contentOf(message), { items: message.items, language: recipient.language });
      const uuid = messageUuid(message.key);
      if (client) {
        try {
          return { messageId: await pace(() => sendCard(client, { receiveId: recipient.larkOpenId!, card, uuid })) };
        } catch (error) {
          throw larkActivityFailure(error);
        }
      }

      const request = { receive_id_type: 'open_id', receive_id: recipient.larkOpenId, recipient: recipient.name, msg_type: 'interactive', uuid, card };
      const file = await folder.write(`${uuid}.json`, `${JSON.stringify(request, null, 2)}\n`);
      log(`lark: no app configured (LARK_APP_ID); the card for ${recipient.name} is in ${file}`);
      return { messageId: `file:${file}` };
    },
  };
};
