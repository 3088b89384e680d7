/**
 * The links an email carries for the decisions it asks its recipient to make. Which notices ask
 * for which awaited action comes from the decision registry (`askedIn`, `answers`), so a new
 * decision gets its link with its record.
 */
import type { Config } from '../lib/config.ts';
import { actionLinkSecretOf, publicBaseUrlOf } from '../lib/config.ts';
import type { ActionLink } from '../notifications/email-render.ts';
import type { MessageTemplate, OutgoingMessage } from '../notifications/content.ts';
import { WORDS, type AwaitingAction } from '../notifications/words.ts';
import { DECISIONS } from '../workflows/decisions/index.ts';
import { signLink } from './link-token.ts';

/** The awaited action each notice asks for, from the registry. */
const ASKS = new Map<MessageTemplate, AwaitingAction>(
  DECISIONS.flatMap(({ answers, askedIn = [] }) => (answers ? askedIn.map((template): [MessageTemplate, AwaitingAction] => [template, answers]) : [])),
);

/** The templates whose emails carry an action link. */
export const ASKING_TEMPLATES: readonly MessageTemplate[] = [...ASKS.keys()];

export type LinkSettings = Pick<Config, 'BOT_PORT' | 'ACTION_LINK_VALID_FOR'> & Partial<Pick<Config, 'PUBLIC_BASE_URL' | 'ACTION_LINK_SECRET'>>;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

/** What the decision is about, as the status names it: a candidate id, or a milestone's number. */
const subjectOf = (payload: Readonly<Record<string, unknown>>): string | undefined =>
  text(payload.candidateId) ?? (typeof payload.milestone === 'number' ? String(payload.milestone) : undefined);

/** A link lasts the set time at least, and until the deadline it is about when that is later. */
const expiryOf = (payload: Readonly<Record<string, unknown>>, settings: LinkSettings, now: number): number => {
  const about = Date.parse(text(payload.deadline) ?? text(payload.due) ?? '');
  return Math.ceil(Math.max(now + settings.ACTION_LINK_VALID_FOR, Number.isNaN(about) ? 0 : about) / 1000);
};

/** One link per awaited action the message asks its recipient for, labelled in their language. */
export const actionLinksFor = (message: OutgoingMessage, settings: LinkSettings, now = Date.now()): ActionLink[] => {
  const { secret } = actionLinkSecretOf(settings);
  const base = publicBaseUrlOf(settings);
  const words = WORDS[message.recipient.language];
  const seen = new Set<string>();
  return message.items.flatMap((item) => {
    const action = ASKS.get(item.template);
    const reference = text(item.payload.reference);
    if (!action || !reference) return [];
    const subject = subjectOf(item.payload);
    const key = `${reference}:${action}:${subject ?? ''}`;
    if (seen.has(key)) return [];
    seen.add(key);
    const token = signLink(
      { p: message.recipient.id, r: reference, a: action, ...(subject ? { s: subject } : {}), e: expiryOf(item.payload, settings, now) },
      secret,
    );
    return [{ label: `${reference}${words.colon}${words.action[action]}`, url: `${base}/act/${token}` }];
  });
};
