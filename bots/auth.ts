import type { PrismaClient } from '../lib/prisma.ts';
import type { Language } from '../notifications/content.ts';
import type { Actor } from '../domain/actor.ts';
import { phrasesFor } from '../notifications/bot-phrases.ts';

/** The person behind a Lark user, as every decision and reply needs them. */
export interface BotUser {
  readonly openId: string;
  readonly actor: Actor;
  readonly language: Language;
  /** Managers read everything and decide nothing: the bot offers them no decision buttons. */
  readonly readOnly: boolean;
}

/**
 * Maps a Lark open_id to the person in the directory, or null when nobody has it. What each
 * person may decide is the workflow validators' call (role and organisation); the bot only
 * leaves out buttons that a manager would have refused anyway.
 */
export const identify = async (prisma: PrismaClient, openId: string): Promise<BotUser | null> => {
  const person = await prisma.person.findUnique({ where: { larkOpenId: openId } });
  if (!person) return null;
  return {
    openId,
    actor: { personId: person.id, name: person.name, role: person.role, organisationId: person.organisationId },
    language: person.language,
    readOnly: person.role === 'manager',
  };
};

/** How long a person's directory entry is reused; a change made with the CLI reaches the bot within this. */
export const IDENTITY_TTL_MS = 60_000;

/**
 * `identify` with the people found kept for a minute: each click would otherwise cost a query on
 * the database the worker is busy with. Unknown open_ids are asked again each time, so someone
 * just registered is recognised at once.
 */
export const cachedIdentify = (prisma: PrismaClient, ttlMs = IDENTITY_TTL_MS): ((openId: string) => Promise<BotUser | null>) => {
  const known = new Map<string, { user: BotUser; until: number }>();
  return async (openId) => {
    const hit = known.get(openId);
    if (hit && hit.until > Date.now()) return hit.user;
    const user = await identify(prisma, openId);
    if (user) known.set(openId, { user, until: Date.now() + ttlMs });
    else known.delete(openId);
    return user;
  };
};

/** What an unknown user is told, in both languages since we do not know theirs. */
export const registrationHelp = (openId: string): string => `${phrasesFor('zh').notRegistered(openId)}\n\n${phrasesFor('en').notRegistered(openId)}`;
