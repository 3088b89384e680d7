import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { createEmailSender } from '../../activities/email-sender.ts';
import { loadConfig } from '../../lib/config.ts';
import { createPrisma, type PrismaClient } from '../../lib/prisma.ts';
import type { ChannelSender, Language, OutgoingItem, OutgoingMessage, Recipient } from '../../notifications/content.ts';
import { createTestDatabase } from './database.ts';

export interface ReceivedMail {
  readonly envelope: { readonly from: string; readonly to: readonly string[] };
  readonly raw: Buffer;
  readonly parsed: ParsedMail;
  /** When the server accepted it (epoch ms). */
  readonly receivedAt: number;
}

export interface LoopbackSmtp {
  /** `smtp://127.0.0.1:<port>`, for SMTP_URL. */
  readonly url: string;
  /** Every message accepted, in order, parsed back with mailparser. */
  readonly received: ReceivedMail[];
  /** Recipient addresses refused for good at RCPT TO (550). */
  readonly refuse: Set<string>;
  /** Recipient addresses refused for now at RCPT TO (451). */
  readonly deferred: Set<string>;
  /** The messages received for one address. */
  to(address: string): ReceivedMail[];
  /** Runs before each message is answered "250 accepted": the message is the server's already. */
  beforeAccepting: ((mail: ReceivedMail) => void) | null;
  /** Makes the server misbehave from now on (`null`: behave again); see `SmtpFault`. */
  setFault(fault: SmtpFault | null): Promise<void>;
  close(): Promise<void>;
}

/**
 * An outage or a slow server, for fault-injection runs:
 * - `refuse`: the port stops listening (new connections are refused) and sessions already open are
 *   answered 421 at their next MAIL FROM, which closes them;
 * - `421`: connections are accepted, then answered 421 "service not available" and closed;
 * - `slow`: every answer to MAIL FROM, RCPT TO and the end of DATA waits `delayMs` first.
 */
export type SmtpFault = { readonly kind: 'refuse' } | { readonly kind: '421' } | { readonly kind: 'slow'; readonly delayMs: number };

const smtpError = (message: string, responseCode: number): Error => Object.assign(new Error(message), { responseCode });

/** A real SMTP server (smtp-server) on a free loopback port, without TLS or authentication. */
export const startLoopbackSmtp = async (): Promise<LoopbackSmtp> => {
  const received: ReceivedMail[] = [];
  const refuse = new Set<string>();
  const deferred = new Set<string>();
  let fault: SmtpFault | null = null;
  const unavailable = () => smtpError('4.3.2 service not available, closing transmission channel', 421);
  /** Runs `answer` after the injected delay, if the server is slow now. */
  const later = (answer: () => void): void => {
    if (fault?.kind === 'slow') setTimeout(answer, fault.delayMs);
    else answer();
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onConnect(_session, callback) {
      if (fault?.kind === '421' || fault?.kind === 'refuse') return callback(unavailable());
      callback();
    },
    onMailFrom(_address, _session, callback) {
      if (fault?.kind === '421' || fault?.kind === 'refuse') return callback(unavailable());
      later(() => callback());
    },
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address)) return callback(smtpError(`5.1.1 <${address.address}>: mailbox unavailable`, 550));
      if (deferred.has(address.address)) return callback(smtpError(`4.2.0 <${address.address}>: try again later`, 451));
      later(() => callback());
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        const receivedAt = Date.now();
        simpleParser(raw)
          .then((parsed) => {
            const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
            const mail = { envelope: { from, to: session.envelope.rcptTo.map((r) => r.address) }, raw, parsed, receivedAt };
            received.push(mail);
            smtp.beforeAccepting?.(mail);
            later(() => callback());
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  // A client that goes away mid-session (a worker killed while sending) resets its connection: that
  // session's error, which smtp-server re-emits on the server, must not end the process.
  server.on('error', () => undefined);
  const { port } = server.server.address() as AddressInfo;
  const smtp: LoopbackSmtp = {
    beforeAccepting: null,
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse,
    deferred,
    to: (address) => received.filter((mail) => mail.envelope.to.includes(address)),
    async setFault(next) {
      const wasListening = server.server.listening;
      fault = next;
      if (next?.kind === 'refuse' && wasListening) {
        // Stop accepting; the callback would wait for open sessions, which the 421s close.
        server.server.close();
      } else if (next?.kind !== 'refuse' && !wasListening) {
        await new Promise<void>((resolve, reject) => {
          server.server.once('error', reject);
          server.server.listen(port, '127.0.0.1', () => {
            server.server.off('error', reject);
            resolve();
          });
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return smtp;
};

/** The `.ics` attachments of a received mail, with the method their content type names. */
export const calendarFiles = (mail: ReceivedMail): { method: string | undefined; filename: string | undefined; ics: string }[] =>
  mail.parsed.attachments
    .filter((attachment) => attachment.contentType === 'text/calendar')
    .map((attachment) => ({
      method: (attachment.headers.get('content-type') as { params?: Record<string, string> } | undefined)?.params?.method,
      filename: attachment.filename,
      ics: attachment.content.toString('utf8'),
    }));

/** One email test file's world: a migrated database, a loopback SMTP server and the real email sender on it. */
export interface EmailWorld {
  readonly smtp: LoopbackSmtp;
  readonly prisma: PrismaClient;
  readonly sender: ChannelSender;
  /** What the sender logged. */
  readonly logs: string[];
  close(): Promise<void>;
}

export const EMAIL_FROM = '千校万企协同创新平台 <noreply@qxwq.example.cn>';

export const createEmailWorld = async (): Promise<EmailWorld> => {
  const [smtp, db] = await Promise.all([startLoopbackSmtp(), createTestDatabase()]);
  const prisma = createPrisma(db.url);
  const logs: string[] = [];
  const sender = createEmailSender({ config: loadConfig({ SMTP_URL: smtp.url, EMAIL_FROM }), prisma, log: (line) => logs.push(line) });
  return {
    smtp,
    prisma,
    sender,
    logs,
    async close() {
      sender.close?.();
      await prisma.$disconnect();
      await Promise.all([smtp.close(), db.drop()]);
    },
  };
};

let people = 0;
/** A recipient with an address of their own, so each test reads only its mail. */
export const recipient = (language: Language, overrides: Partial<Recipient> = {}): Recipient => {
  people += 1;
  return {
    id: `person-${people}`,
    name: language === 'zh' ? `张华${people}` : `Alex ${people}`,
    email: `person-${people}@example.cn`,
    larkOpenId: null,
    language,
    ...overrides,
  };
};

let keys = 0;
export const message = (to: Recipient, items: OutgoingItem[], key = `test/${++keys}`): OutgoingMessage => ({ key, recipient: to, items });
