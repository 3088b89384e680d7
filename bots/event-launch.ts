import { launchDockings, launchPreview } from '../app/events/launch.ts';
import { launchConfirmCard, launchedCard, launchingCard } from '../lark/cards/event-launch.ts';
import type { Card } from '../lark/cards/elements.ts';
import { eventPhrasesFor } from '../notifications/event-phrases.ts';
import type { BotUser } from './auth.ts';
import { toast, withCard, type CardActionAnswer } from './card-answer.ts';
import type { BotContext } from './context.ts';
import { describeEventFailure, type CoordinatedEvent } from './event-access.ts';

/** 发起对接: first what the launch would take, to confirm. */
export const confirmLaunch = async (ctx: BotContext, user: BotUser, target: CoordinatedEvent): Promise<CardActionAnswer> =>
  withCard({}, launchConfirmCard(target.event, await launchPreview(ctx.prisma, target.event.id), user.language));

/**
 * 确认发起: answered at once with a "launching" card, since 800 demands take minutes; the launch
 * runs as the event's step (`event launch`) and its outcome replaces the card through `later`.
 */
export const launchNow = async (ctx: BotContext, user: BotUser, target: CoordinatedEvent, later: (card: Card) => Promise<void>): Promise<CardActionAnswer> => {
  const { event } = target;
  const preview = await launchPreview(ctx.prisma, event.id);
  if (preview.demands === 0) return withCard({}, launchConfirmCard(event, preview, user.language));
  const outcome = launchDockings(ctx.prisma, target.handle, event.id, user.actor).then(
    (launched) => launchedCard(event, launched, user.language),
    (error: unknown) => launchedCard(event, { refusal: describeEventFailure(ctx, error, user.language) }, user.language),
  );
  ctx.background(outcome.then(later).catch((error: unknown) => ctx.log(`bot: updating the launch card of ${event.id} failed: ${(error as Error).message}`)));
  const launching = eventPhrasesFor(user.language).launching(preview.demands);
  return withCard(toast('info', launching), launchingCard(event, preview.demands, user.language));
};
