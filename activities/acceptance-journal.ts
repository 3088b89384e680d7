import { mkdirSync, writeFileSync } from 'node:fs';
import { readFile, unlink } from 'node:fs/promises';
import path from 'node:path';
import { createLog } from '../lib/log.ts';
import { messageKeyHash } from '../notifications/content.ts';

/**
 * Messages a server accepted whose acceptance the database has not recorded yet, one small file
 * each, written synchronously the moment the server answers. Recording a send in the database waits
 * for a connection and a commit, half a second on a busy worker; a worker killed in between used to
 * leave the message pending, and its retry sent it again. The file is in the kernel's hands before
 * the next statement runs, so it survives the process, and the retry finds it and records the send
 * instead of repeating it. It does not survive the machine losing power, and a retry on another
 * machine does not see it: both fall back to sending again, with the same Message-ID / uuid.
 */
export interface AcceptanceJournal {
  /** The server accepted `rows` of `key` as `messageId`. Synchronous on purpose; a journal that cannot be written is passed over, as if there were none. */
  accepted(key: string, rows: readonly string[], messageId: string): void;
  /** The message id an earlier attempt was given for exactly these rows, or null. */
  find(key: string, rows: readonly string[]): Promise<string | null>;
  /** The database has recorded it; the entry is no longer needed. */
  settle(key: string): Promise<void>;
}

interface Entry {
  readonly rows: readonly string[];
  readonly messageId: string;
}

/** What a worker's log says when a retry finds a send there; the fault suite counts these lines. */
export const JOURNAL_HIT = 'recorded from the acceptance journal, not sent again';

export const createAcceptanceJournal = (dir: string, channel: string, log: (line: string) => void = createLog().info): AcceptanceJournal => {
  let made = false;
  const fileOf = (key: string): string => path.join(dir, `${channel}-${messageKeyHash(key)}.json`);
  return {
    accepted(key, rows, messageId) {
      try {
        if (!made) {
          mkdirSync(dir, { recursive: true });
          made = true;
        }
        writeFileSync(fileOf(key), JSON.stringify({ rows, messageId } satisfies Entry));
      } catch {
        made = false;
      }
    },
    async find(key, rows) {
      let text: string;
      try {
        text = await readFile(fileOf(key), 'utf8');
      } catch {
        return null;
      }
      try {
        const entry = JSON.parse(text) as Partial<Entry>;
        // The rows' ids are random per outbox row: an entry left from another database never matches.
        const same = Array.isArray(entry.rows) && entry.rows.length === rows.length && entry.rows.every((id, i) => id === rows[i]);
        if (!same || typeof entry.messageId !== 'string') return null;
        log(`delivery: ${channel} message ${messageKeyHash(key)} was accepted before its worker stopped: ${JOURNAL_HIT}`);
        return entry.messageId;
      } catch {
        return null;
      }
    },
    async settle(key) {
      await unlink(fileOf(key)).catch(() => undefined);
    },
  };
};
