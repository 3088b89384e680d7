import { isCoordinator } from '../domain/rules.ts';
import { noticeCard } from '../lark/cards/notice.ts';
import { escapeMarkdown as e, type Card } from '../lark/cards/elements.ts';
import { importPhrasesFor } from '../notifications/import-phrases.ts';
import type { BotUser } from './auth.ts';
import type { BotContext } from './context.ts';

/** How long a chosen event is remembered: long enough to correct a file and send it again. */
export const IMPORT_EVENT_TTL_MS = 30 * 60 * 1000;

export interface ChosenEvent {
  readonly id: string;
  /** As the cards show it: name and code. */
  readonly label: string;
}

/** Each bot's choices, by open_id, in its own memory: a restarted bot forgets them, and the person chooses again. */
const choices = new WeakMap<BotContext, Map<string, ChosenEvent & { readonly until: number }>>();

const choicesOf = (ctx: BotContext): Map<string, ChosenEvent & { readonly until: number }> => {
  const known = choices.get(ctx) ?? new Map<string, ChosenEvent & { readonly until: number }>();
  choices.set(ctx, known);
  return known;
};

/** The event this person chose for their imports, while it is remembered. */
export const chosenImportEvent = (ctx: BotContext, openId: string): ChosenEvent | null => {
  const known = choicesOf(ctx);
  const chosen = known.get(openId);
  if (chosen && chosen.until > Date.now()) return { id: chosen.id, label: chosen.label };
  known.delete(openId);
  return null;
};

const MINUTES = IMPORT_EVENT_TTL_MS / 60_000;

/**
 * 导入 EVENT-ID / import EVENT-ID: remembers that event for this coordinator's next files (when it
 * exists; the code is matched without regard to case). 导入 alone says how importing works and which
 * event is chosen.
 */
export const answerImportCommand = async (ctx: BotContext, user: BotUser, eventId: string | undefined): Promise<Card> => {
  const p = importPhrasesFor(user.language);
  if (!isCoordinator(user.actor)) return noticeCard(p.bulkImportTitle, p.onlyCoordinators, 'grey');
  if (eventId === undefined) {
    const chosen = chosenImportEvent(ctx, user.openId);
    return noticeCard(p.bulkImportTitle, [p.importHelp, chosen ? p.eventChosen(e(chosen.label), MINUTES) : p.noEventChosen].join('\n\n'));
  }
  const event = await ctx.prisma.event.findFirst({ where: { id: { equals: eventId, mode: 'insensitive' } }, select: { id: true, name: true } });
  if (!event) return noticeCard(p.bulkImportTitle, p.noSuchEvent(e(eventId)), 'orange');
  const chosen = { id: event.id, label: p.eventLabel(event.name, event.id) };
  choicesOf(ctx).set(user.openId, { ...chosen, until: Date.now() + IMPORT_EVENT_TTL_MS });
  return noticeCard(p.bulkImportTitle, p.eventChosen(e(chosen.label), MINUTES), 'green');
};
