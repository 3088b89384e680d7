import { createHash } from 'node:crypto';
import type { Template } from '../workflows/events.ts';

export type Language = 'zh' | 'en';

/** A templated message kind: every lifecycle template, plus what the delivery side composes itself. */
export type MessageTemplate = Template | 'reminder_batch' | 'weekly_digest' | 'programme_summary' | 'delivery_failed';

export interface Fact {
  readonly label: string;
  readonly value: string;
}

/** One calendar entry to attach (`.ics`): a deadline or a milestone due time. */
export interface CalendarEntry {
  /** Stable per partnership and subject, e.g. `P-2026-000123-milestone-1@qxwq`. */
  readonly uid: string;
  readonly summary: string;
  readonly description: string;
  /** Epoch milliseconds. */
  readonly startsAt: number;
  /** Rises each time the entry is sent again with another date (the event seq works). */
  readonly sequence: number;
  readonly status: 'confirmed' | 'cancelled';
}

/**
 * What a notification says, independent of the channel: email renders it as HTML and text, the
 * Lark bot as a card. Written once per template and language in notifications/templates.ts.
 */
export interface NotificationContent {
  /** The email subject; always carries the partnership's reference number. */
  readonly subject: string;
  /** The card header and the email's heading. */
  readonly title: string;
  /** Header colour on Lark, accent in email. */
  readonly tone: 'info' | 'action' | 'warning' | 'success' | 'danger';
  /** Paragraphs of plain text. */
  readonly paragraphs: readonly string[];
  /** Label / value pairs (reference, parties, deadline…). */
  readonly facts: readonly Fact[];
  /** A bulleted list, e.g. the matching reasons. */
  readonly bullets: readonly string[];
  /** A heading shown just above the bullets ("匹配理由" / "Why it matches"), when they need one. */
  readonly bulletsHeading?: string;
  readonly calendar: readonly CalendarEntry[];
  /**
   * Calendar entries this message ends, as UID prefixes (a whole partnership on an ending, one
   * milestone when it is done). Their dates are not in the payload: email delivery cancels
   * whichever of them the recipient still has open, from its record of what it sent.
   */
  readonly calendarCancels?: readonly string[];
}

/** One notification row as delivery sees it. */
export interface OutgoingItem {
  readonly template: MessageTemplate;
  /** The outbox payload: reference, title, stage and the template's own variables. */
  readonly payload: Readonly<Record<string, unknown>>;
}

export interface Recipient {
  readonly id: string;
  readonly name: string;
  readonly email: string | null;
  readonly larkOpenId: string | null;
  readonly language: Language;
}

/**
 * One message to send on one channel: a single notification, or several (reminders due in the
 * same hour for one person) combined. `key` is stable across retries: the Lark `uuid` and the
 * email Message-ID come from it, so a retried send is recognised as the same message.
 */
export interface OutgoingMessage {
  readonly key: string;
  readonly recipient: Recipient;
  readonly items: readonly OutgoingItem[];
}

/** A short, stable name for a message key: Lark's `uuid` (at most 50 characters) and the email Message-ID's local part. */
export const messageKeyHash = (key: string): string => createHash('sha256').update(key).digest('hex').slice(0, 32);

/** A channel's transport; throws on failure so that the activity is retried. */
export interface ChannelSender {
  send(message: OutgoingMessage): Promise<{ messageId: string }>;
  /**
   * True while sending a message again replaces it rather than repeating it (a file in the outbox
   * folder named by its key): a retry cannot duplicate it, so no acceptance journal is kept.
   */
  readonly replacesOnResend?: boolean;
  /** Closes what the transport keeps open (pooled connections), once nothing more will be sent. */
  close?(): void;
}

/** Runs a call to a mail server or Lark when the channel's rate allows; by default at once. */
export type Pace = <T>(call: () => Promise<T>) => Promise<T>;
export const unpaced: Pace = (call) => call();
