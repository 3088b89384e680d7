import type { PrismaClient } from '../lib/prisma.ts';

/** How far a signed delivery's X-Lark-Request-Timestamp may be from now, either way. */
export const REPLAY_WINDOW_MS = 5 * 60 * 1000;
/**
 * How long a nonce is remembered. A timestamp is accepted from 5 min before it to 5 min after, so
 * a nonce can come back signed and fresh for 10 min after it was first seen; 5 min more cover
 * clocks that differ between bot processes.
 */
export const NONCE_RETENTION_MS = 3 * REPLAY_WINDOW_MS;
/** Lark's nonces are short; a longer one is refused before it reaches the database's index. */
const MAX_NONCE_LENGTH = 200;

/** The request headers the signature covered, as verifyDelivery returns them. */
export interface SignedRequest {
  readonly timestamp: string;
  readonly nonce: string;
}

export type ReplayCheck = { readonly ok: true } | { readonly ok: false; readonly status: 401; readonly reason: string };

const refuse = (reason: string): ReplayCheck => ({ ok: false, status: 401, reason });

/** The timestamp's part of the check, without the database: null when it is fresh, else why it is refused. */
export const timestampProblem = (timestamp: string, now: Date, windowMs = REPLAY_WINDOW_MS): string | null => {
  if (!/^\d{1,15}$/.test(timestamp)) return 'the request timestamp is not a number of seconds';
  const offsetMs = Number(timestamp) * 1000 - now.getTime();
  if (Math.abs(offsetMs) > windowMs) {
    const seconds = Math.round(offsetMs / 1000);
    return `the request timestamp is stale: ${Math.abs(seconds)} s ${seconds < 0 ? 'ago' : 'ahead'}, more than ${windowMs / 1000} s from now`;
  }
  return null;
};

/**
 * Claims a nonce: true the first time it is seen, false when it was already used. One insert that
 * skips a duplicate, so two bot processes that get the same request at once cannot both accept it.
 */
export const claimNonce = async (prisma: PrismaClient, nonce: string, now = new Date()): Promise<boolean> => {
  const { count } = await prisma.larkNonce.createMany({ data: [{ nonce, receivedAt: now }], skipDuplicates: true });
  return count === 1;
};

/**
 * Refuses a replayed delivery, after its signature was checked (so only Lark can have a nonce
 * remembered): a timestamp further than 5 min from `now` either way is stale, and a nonce already
 * used within that window is a replay.
 */
export const guardReplay = async (prisma: PrismaClient, signed: SignedRequest, now: Date): Promise<ReplayCheck> => {
  const stale = timestampProblem(signed.timestamp, now);
  if (stale) return refuse(stale);
  if (signed.nonce.length > MAX_NONCE_LENGTH) return refuse(`the request nonce is longer than ${MAX_NONCE_LENGTH} characters`);
  if (!(await claimNonce(prisma, signed.nonce, now))) return refuse('the request nonce was already used: a replayed delivery');
  return { ok: true };
};

/** Forgets nonces older than the retention; returns how many were removed. */
export const pruneNonces = async (prisma: PrismaClient, now = new Date(), retentionMs = NONCE_RETENTION_MS): Promise<number> => {
  const { count } = await prisma.larkNonce.deleteMany({ where: { receivedAt: { lt: new Date(now.getTime() - retentionMs) } } });
  return count;
};
