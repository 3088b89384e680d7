import { createDecipheriv, createHash, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** The app's secrets from the Lark developer console (事件与回调 → 加密策略). */
export interface LarkSecrets {
  readonly verificationToken?: string | undefined;
  readonly encryptKey?: string | undefined;
}

/** The request as received: header values by lower-case name, and the body exactly as sent. */
export interface LarkDelivery {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly rawBody: string;
}

export type Verification =
  | {
      readonly ok: true;
      readonly body: Record<string, unknown>;
      readonly challenge: string | null;
      /** The timestamp and nonce the signature covered; null when nothing was signed (no encrypt key, or the console's URL check). */
      readonly signed: { readonly timestamp: string; readonly nonce: string } | null;
    }
  | { readonly ok: false; readonly status: 400 | 401; readonly reason: string };

const JsonObject = z.record(z.string(), z.unknown());
const Encrypted = z.object({ encrypt: z.string().min(1) });
/** Where Lark puts the verification token: `header.token` (schema 2.0) or `token` (v1, url_verification). */
const TokenCarrier = z.object({
  token: z.string().optional(),
  header: z.object({ token: z.string().optional() }).optional(),
  type: z.string().optional(),
  challenge: z.string().optional(),
});

const header = (headers: LarkDelivery['headers'], name: string): string | undefined => {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
};

const sameText = (a: string, b: string): boolean => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

/** Lark's signature: sha256 of timestamp + nonce + encrypt key + the raw body, in hex. */
export const larkSignature = (timestamp: string, nonce: string, encryptKey: string, rawBody: string): string =>
  createHash('sha256')
    .update(timestamp + nonce + encryptKey + rawBody)
    .digest('hex');

/** Decrypts an `encrypt` field: AES-256-CBC, key sha256(encrypt key), the IV the first 16 bytes. */
export const decryptLarkPayload = (encryptKey: string, encrypted: string): string => {
  const key = createHash('sha256').update(encryptKey).digest();
  const bytes = Buffer.from(encrypted, 'base64');
  if (bytes.length < 32) throw new Error('the encrypted payload is too short');
  const decipher = createDecipheriv('aes-256-cbc', key, bytes.subarray(0, 16));
  return Buffer.concat([decipher.update(bytes.subarray(16)), decipher.final()]).toString('utf8');
};

/** Lark's events and callbacks nest a few levels; a body nested deeper is refused before it is parsed. */
export const MAX_JSON_DEPTH = 64;

/** Whether JSON text opens more than `limit` arrays or objects inside one another (strings skipped); one pass, no recursion. */
export const nestedDeeperThan = (text: string, limit: number): boolean => {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i += 1; // a backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return false;
};

const parseObject = (text: string): Record<string, unknown> | null => {
  try {
    const parsed = JsonObject.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

const refuse = (status: 400 | 401, reason: string): Verification => ({ ok: false, status, reason });

/**
 * Checks a webhook delivery the way Lark specifies, before anything acts on it: the signature
 * when an encrypt key is set (the SDK's own adapters answer 200 even when it is wrong), the
 * decryption of an `encrypt` body, and the verification token, and that the JSON is not nested
 * absurdly deep. Returns the plain event and the signed timestamp and nonce (the caller refuses
 * a stale or replayed one: bots/replay-guard.ts), or why it is refused. A `url_verification`
 * request answers with its challenge.
 */
export const verifyDelivery = (secrets: LarkSecrets, delivery: LarkDelivery): Verification => {
  if (nestedDeeperThan(delivery.rawBody, MAX_JSON_DEPTH)) return refuse(400, `the body is nested more than ${MAX_JSON_DEPTH} levels deep`);
  const outer = parseObject(delivery.rawBody);
  if (!outer) return refuse(400, 'the body is not a JSON object');

  let body = outer;
  const encrypted = Encrypted.safeParse(outer);
  if (encrypted.success) {
    if (!secrets.encryptKey) return refuse(401, 'an encrypted delivery, but no LARK_ENCRYPT_KEY is configured');
    let plain: string;
    try {
      plain = decryptLarkPayload(secrets.encryptKey, encrypted.data.encrypt);
    } catch {
      return refuse(401, 'the encrypted payload does not decrypt with the configured encrypt key');
    }
    if (nestedDeeperThan(plain, MAX_JSON_DEPTH)) return refuse(400, `the decrypted payload is nested more than ${MAX_JSON_DEPTH} levels deep`);
    const inner = parseObject(plain);
    if (!inner) return refuse(401, 'the decrypted payload is not a JSON object');
    body = inner;
  }

  const carrier = TokenCarrier.safeParse(body);
  const fields = carrier.success ? carrier.data : {};
  const isChallenge = fields.type === 'url_verification';

  let signed: { timestamp: string; nonce: string } | null = null;
  if (secrets.encryptKey) {
    const timestamp = header(delivery.headers, 'x-lark-request-timestamp');
    const nonce = header(delivery.headers, 'x-lark-request-nonce');
    const signature = header(delivery.headers, 'x-lark-signature');
    // The console's URL check is not signed; decrypting it with our key already proves the sender.
    const unsignedChallenge = isChallenge && encrypted.success && signature === undefined;
    if (!unsignedChallenge) {
      if (!timestamp || !nonce || !signature) return refuse(401, 'the signature headers are missing');
      if (!sameText(larkSignature(timestamp, nonce, secrets.encryptKey, delivery.rawBody), signature)) {
        return refuse(401, 'the signature does not match');
      }
      signed = { timestamp, nonce };
    }
  }

  if (secrets.verificationToken) {
    const token = fields.header?.token ?? fields.token;
    if (token === undefined || !sameText(token, secrets.verificationToken)) return refuse(401, 'the verification token does not match');
  }

  return { ok: true, body, challenge: isChallenge ? (fields.challenge ?? '') : null, signed };
};
