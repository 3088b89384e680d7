import { createHash } from 'node:crypto';
import type { SignRequest } from '../../domain/event.ts';
import type { Transaction } from '../../lib/prisma.ts';
import type { OpenIdLookup } from '../../lark/contacts.ts';
import type { KnownOrganisation } from '../validate.ts';

/** A signing as the event's sign step takes it, but for who registers it. */
export type SigningRequest = Omit<SignRequest, 'actor'>;

/** Registers a signing at the event through its workflow's sign step, as `event sign` does. */
export type Signer = (eventId: string, request: SigningRequest) => Promise<{ readonly reference: string }>;

/** What every writer gets: the transaction, the organisations by name, and who and what the releases belong to. */
export interface WriteContext {
  readonly tx: Transaction;
  /** By their name as compared; the organisations writer adds what it creates, for the kinds written after it. */
  readonly organisations: Map<string, KnownOrganisation>;
  readonly eventId: string | null;
  readonly actorId: string | null;
  /** Registers signings; the import checks it is there before writing any. */
  readonly sign: Signer | null;
  /** Finds people's Lark open_ids once the import committed; null when no Lark app is configured. */
  readonly lookUp: OpenIdLookup | null;
  /** Counts rows as they are dealt with, written or found unchanged. */
  readonly progress: (rows: number) => void;
}

/** Records created or changed, by a writer of one sheet kind. */
export type Writer<R> = (records: readonly R[], context: WriteContext) => Promise<number>;

/** An id that the same key always gives, so that importing a row twice finds the record it made. */
export const stableId = (prefix: string, ...key: readonly string[]): string =>
  `${prefix}-${createHash('sha256').update(JSON.stringify(key)).digest('hex').slice(0, 20)}`;

/** Rows per createMany: well under PostgreSQL's 65,535 bind parameters, and often enough to report progress. */
export const BATCH = 500;

export const inBatches = async <T>(items: readonly T[], write: (batch: T[]) => Promise<unknown>, progress: (rows: number) => void): Promise<void> => {
  for (let start = 0; start < items.length; start += BATCH) {
    const batch = items.slice(start, start + BATCH);
    await write(batch);
    progress(batch.length);
  }
};

type Plain = string | number | boolean | null | readonly string[];

/** Whether the stored values already say what `next` says (only the keys of `next` are compared). */
export const unchanged = <D extends Record<string, Plain>>(stored: Readonly<Record<keyof D, Plain | undefined>>, next: D): boolean =>
  Object.entries(next).every(([key, value]) => {
    const current = stored[key] ?? null;
    if (Array.isArray(value) && Array.isArray(current)) return value.length === current.length && value.every((item, index) => item === current[index]);
    return current === value;
  });
