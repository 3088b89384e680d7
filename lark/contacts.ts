import { setTimeout as sleep } from 'node:timers/promises';
import type * as lark from '@larksuiteoapi/node-sdk';
import { z } from 'zod';
import { LarkError, larkErrorOf } from './messages.ts';
import { withRetries } from './replies.ts';

/**
 * contact/v3/users/batch_get_id takes at most 50 emails and 50 mobiles a call (open.feishu.cn,
 * reference/contact-v3/user/batch_get_id); more is refused with 99992402.
 */
export const CONTACT_LOOKUP_MAX = 50;
/** Lark allows the route 50 calls a second and 1000 a minute: one call every 60 ms keeps to both. */
const PACE_MS = 60;

/** Someone to find in the tenant, by email, mobile or both. */
export interface ContactQuery {
  readonly email?: string | undefined;
  readonly mobile?: string | undefined;
}

/** The open_ids found, by email (lower-case) and by mobile as asked. */
export interface ContactMatches {
  readonly byEmail: ReadonlyMap<string, string>;
  readonly byMobile: ReadonlyMap<string, string>;
}

/** Finds people's open_ids in the tenant; a failed call throws a LarkError. */
export type OpenIdLookup = (people: readonly ContactQuery[]) => Promise<ContactMatches>;

const AnswerSchema = z.object({
  code: z.number().optional(),
  msg: z.string().optional(),
  data: z
    .object({
      user_list: z.array(z.object({ user_id: z.string().min(1).optional(), email: z.string().optional(), mobile: z.string().optional() })).optional(),
    })
    .optional(),
});

const distinct = (values: readonly (string | undefined)[]): string[] => [...new Set(values.filter((value): value is string => Boolean(value)))];

/** Slices of at most CONTACT_LOOKUP_MAX emails and as many mobiles, one per call. */
export const lookupBatches = (people: readonly ContactQuery[]): { emails: string[]; mobiles: string[] }[] => {
  const emails = distinct(people.map((person) => person.email?.toLowerCase()));
  const mobiles = distinct(people.map((person) => person.mobile));
  const calls = Math.ceil(Math.max(emails.length, mobiles.length) / CONTACT_LOOKUP_MAX);
  return Array.from({ length: calls }, (_, index) => {
    const slice = (values: string[]) => values.slice(index * CONTACT_LOOKUP_MAX, (index + 1) * CONTACT_LOOKUP_MAX);
    return { emails: slice(emails), mobiles: slice(mobiles) };
  });
};

const lookUpBatch = async (client: lark.Client, batch: { emails: string[]; mobiles: string[] }): Promise<z.infer<typeof AnswerSchema>> => {
  const operation = `look up ${batch.emails.length} emails and ${batch.mobiles.length} mobiles in the contacts`;
  let answer: unknown;
  try {
    answer = await client.contact.v3.user.batchGetId({ params: { user_id_type: 'open_id' }, data: batch });
  } catch (error) {
    throw await larkErrorOf(client, operation, error);
  }
  const parsed = AnswerSchema.safeParse(answer);
  if (!parsed.success) throw new LarkError('unavailable', `Lark: could not ${operation}: the answer is not the documented one`);
  if (parsed.data.code !== undefined && parsed.data.code !== 0) throw await larkErrorOf(client, operation, parsed.data);
  return parsed.data;
};

/**
 * Finds the open_ids of people in the tenant by email and mobile (contact/v3/users/batch_get_id,
 * scope contact:user.id:readonly), 50 of each a call, paced, waiting out Lark's rate limit.
 * Someone outside the tenant or the app's visibility is simply not in the matches.
 */
export const findOpenIds = async (client: lark.Client, people: readonly ContactQuery[]): Promise<ContactMatches> => {
  const byEmail = new Map<string, string>();
  const byMobile = new Map<string, string>();
  for (const [index, batch] of lookupBatches(people).entries()) {
    if (index > 0) await sleep(PACE_MS);
    const answer = await withRetries(() => lookUpBatch(client, batch));
    for (const user of answer.data?.user_list ?? []) {
      if (!user.user_id) continue;
      if (user.email) byEmail.set(user.email.toLowerCase(), user.user_id);
      if (user.mobile) byMobile.set(user.mobile, user.user_id);
    }
  }
  return { byEmail, byMobile };
};

/** The lookup through one client, as the import takes it. */
export const openIdLookup =
  (client: lark.Client): OpenIdLookup =>
  (people) =>
    findOpenIds(client, people);
