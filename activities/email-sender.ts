import nodemailer, { type NodemailerError, type SendMailOptions, type Transporter } from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import { outboxDirOf, type Config } from '../lib/config.ts';
import type { PrismaClient } from '../lib/prisma.ts';
import { createCalendarBook } from '../notifications/calendar-book.ts';
import {
  messageKeyHash,
  unpaced,
  type CalendarEntry,
  type ChannelSender,
  type NotificationContent,
  type OutgoingMessage,
  type Pace,
} from '../notifications/content.ts';
import { renderEmail } from '../notifications/email-render.ts';
import { permanentDeliveryFailure } from '../domain/failures.ts';
import { createLog } from '../lib/log.ts';
import { icsMethod, renderIcs, type CalendarPerson } from '../notifications/ics.ts';
import { renderMessageContent } from '../notifications/templates.ts';
import { actionLinksFor } from '../web/action-links.ts';
import { createOutboxFolder } from './outbox-folder.ts';
import { persistently } from './persistently.ts';

export interface EmailSenderDependencies {
  readonly config: Config;
  readonly prisma: PrismaClient;
  /** Where the outbox file paths are logged; the service's masked log unless told. */
  readonly log?: (line: string) => void;
  /** Holds each SMTP call to the channel's rate. */
  readonly pace?: Pace;
}

/** Where email goes: an SMTP server, or `.eml` files in the outbox folder when none is configured. */
type Transport =
  | { readonly kind: 'smtp'; readonly mailer: Transporter }
  | { readonly kind: 'files'; readonly mailer: Transporter; readonly folder: ReturnType<typeof createOutboxFolder> };

/**
 * Pooled: a few connections kept open and reused, so a message costs one SMTP transaction, not a new
 * session. Every wait on the server is bounded well inside the delivery activity's 1-minute attempt
 * (nodemailer waits up to 10 minutes on an idle socket by default): an attempt that outlived its
 * timeout would still be sending when Temporal starts the retry, and the message would go twice.
 */
const SMTP_OPTIONS = { pool: true, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 } as const;

const createTransport = (config: Config): Transport => {
  if (config.SMTP_URL) return { kind: 'smtp', mailer: nodemailer.createTransport({ url: config.SMTP_URL, ...SMTP_OPTIONS }) };
  if (config.SMTP_HOST) {
    return {
      kind: 'smtp',
      mailer: nodemailer.createTransport({
        ...SMTP_OPTIONS,
        host: config.SMTP_HOST,
        port: config.SMTP_PORT ?? (config.SMTP_SECURE ? 465 : 587),
        secure: config.SMTP_SECURE,
        ...(config.SMTP_USER ? { auth: { user: config.SMTP_USER, pass: config.SMTP_PASSWORD ?? '' } } : {}),
      }),
    };
  }
  return {
    kind: 'files',
    mailer: nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }),
    folder: createOutboxFolder(outboxDirOf(config)),
  };
};

const senderOf = (from: string): CalendarPerson => {
  const [first] = addressparser(from, { flatten: true });
  if (!first?.address || !first.address.includes('@')) throw new TypeError(`EMAIL_FROM: expected "Name <address@domain>" or an address, got "${from}"`);
  return { name: first.name || first.address, email: first.address };
};

/** The same message key always gives the same Message-ID, so a retried send is recognisably the same mail. */
const messageIdFor = (key: string, domain: string): { id: string; hash: string } => {
  const hash = messageKeyHash(key);
  return { id: `<${hash}@${domain}>`, hash };
};

const contentOf = (message: OutgoingMessage): NotificationContent => {
  try {
    return renderMessageContent(message.items, message.recipient.language);
  } catch (error) {
    // A payload that cannot be rendered now never will be: retrying would only repeat the failure.
    throw permanentDeliveryFailure(`message ${message.key}: ${(error as Error).message}`, { cause: error });
  }
};

/** An SMTP rejection of this message or address is for good; a dropped connection or bad credentials may mend. */
const isPermanentRejection = (error: NodemailerError): boolean =>
  error.code !== 'EAUTH' && (error.permanent === true || (typeof error.responseCode === 'number' && error.responseCode >= 500 && error.responseCode !== 503));

/**
 * About 7 s of tries, enough for a database restart; shorter than a send's record (activities/persistently.ts),
 * as both follow the send inside its attempt. An entry left unrecorded is not cancelled by a later ending, and
 * an older event's late reminder may carry its date again.
 */
const CALENDAR_RECORD_PAUSES_MS = [250, 500, 1_000, 2_000, 3_000];

const calendarFileName = (entry: CalendarEntry): string => `${entry.uid.replace(/[^\w.-]+/g, '-')}.ics`;

/**
 * The email channel: renders each outgoing message in the recipient's language (HTML and text),
 * attaches one `.ics` per calendar entry it announces or cancels, and sends it by SMTP — or, with
 * no SMTP configured, writes it as an `.eml` file into EMAIL_OUTBOX_DIR and logs the path.
 * Throws a permanent delivery failure when no retry can help (no address, SMTP 5xx, bad payload);
 * any other error is a transport failure for the activity to retry.
 */
export const createEmailSender = ({ config, prisma, log = createLog({ secrets: config }).info, pace = unpaced }: EmailSenderDependencies): ChannelSender => {
  const transport = createTransport(config);
  const organizer = senderOf(config.EMAIL_FROM);
  const domain = organizer.email.split('@')[1]!;
  const calendarBook = createCalendarBook(prisma);

  const deliver = async (mail: SendMailOptions, recipient: string, hash: string): Promise<void> => {
    let info: { message?: unknown };
    try {
      info = await pace(() => transport.mailer.sendMail(mail));
    } catch (error) {
      const failure = error as NodemailerError;
      if (isPermanentRejection(failure)) {
        throw permanentDeliveryFailure(`the mail server refused the message to ${recipient}: ${failure.response ?? failure.message}`, { cause: error });
      }
      throw error;
    }
    if (transport.kind === 'files') {
      // Named by the Message-ID, so a retried send overwrites the same file.
      const file = await transport.folder.write(`${hash}.eml`, info.message as Buffer);
      log(`email to ${recipient} written to ${file}`);
    }
  };

  return {
    replacesOnResend: transport.kind === 'files',
    async send(message) {
      const { recipient } = message;
      if (!recipient.email) throw permanentDeliveryFailure(`${recipient.name} (${recipient.id}) has no email address`);
      const content = contentOf(message);
      const calendar = await calendarBook.entriesFor(recipient.id, content);
      const attendee = { name: recipient.name, email: recipient.email };
      const email = renderEmail(content, { language: recipient.language, recipientName: recipient.name, actions: actionLinksFor(message, config) });
      const messageId = messageIdFor(message.key, domain);
      await deliver(
        {
          from: { name: organizer.name, address: organizer.email },
          to: { name: recipient.name, address: recipient.email },
          subject: email.subject,
          text: email.text,
          html: email.html,
          messageId: messageId.id,
          attachments: calendar.map((entry) => ({
            filename: calendarFileName(entry),
            content: renderIcs(entry, { organizer, attendee }),
            contentType: `text/calendar; charset=utf-8; method=${icsMethod(entry)}`,
          })),
        },
        recipient.email,
        messageId.hash,
      );
      // Sent: a calendar record that cannot be written must not fail the send, whose retry would mail it again.
      await persistently(() => calendarBook.record(recipient.id, calendar), CALENDAR_RECORD_PAUSES_MS).catch((error: unknown) =>
        log(`email ${message.key} to ${recipient.email} was sent, but its calendar entries were not recorded: ${(error as Error).message}`),
      );
      return { messageId: messageId.id };
    },
    close: () => transport.mailer.close(),
  };
};
