/**
 * The token of an action link: who may act, on which partnership, for which awaited action, until
 * when. `<claims>.<mac>`, both base64url; the claims hold only ids the person already sees (their
 * directory id, the reference, the candidate or milestone) and the mac is HMAC-SHA256 over them.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { AWAITING_ACTIONS } from '../notifications/words.ts';

const ClaimsSchema = z.object({
  /** The person's directory id. */
  p: z.string().min(1).max(100),
  /** The partnership's reference. */
  r: z.string().min(1).max(40),
  /** The awaited action. */
  a: z.enum(AWAITING_ACTIONS),
  /** Its subject (a candidate id, a milestone's number), when it has one. */
  s: z.string().min(1).max(100).optional(),
  /** Expiry, epoch seconds. */
  e: z.number().int().positive(),
});
export type LinkClaims = z.output<typeof ClaimsSchema>;

const mac = (secret: string, purpose: 'link' | 'csrf', text: string): Buffer => createHmac('sha256', secret).update(`${purpose}:${text}`).digest();

export const signLink = (claims: LinkClaims, secret: string): string => {
  const body = Buffer.from(JSON.stringify(ClaimsSchema.parse(claims))).toString('base64url');
  return `${body}.${mac(secret, 'link', body).toString('base64url')}`;
};

const TOKEN = /^([A-Za-z0-9_-]{1,2000})\.([A-Za-z0-9_-]{43})$/;

/** The claims of a token this server signed, or null for anything else (malformed, altered, signed with another key). */
export const verifyLink = (token: string, secret: string): LinkClaims | null => {
  const match = TOKEN.exec(token);
  if (!match) return null;
  const [, body = '', signature = ''] = match;
  const expected = mac(secret, 'link', body);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = ClaimsSchema.safeParse(JSON.parse(Buffer.from(body, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

export const isExpired = (claims: LinkClaims, now: Date): boolean => claims.e * 1000 <= now.getTime();

/** The form token a page's forms carry: bound to the link, so a post made from elsewhere is refused. */
export const csrfTokenFor = (token: string, secret: string): string => mac(secret, 'csrf', token).toString('base64url');

export const isCsrfToken = (given: string | undefined, token: string, secret: string): boolean => {
  if (!given) return false;
  const expected = Buffer.from(csrfTokenFor(token, secret));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
};
