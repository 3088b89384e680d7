import type { FormFields } from '../app/form-values.ts';
import { textField } from '../app/form-values.ts';
import type { EventValue } from '../lark/cards/action-value.ts';
import type { Card } from '../lark/cards/elements.ts';
import { signFormCard } from '../lark/cards/event-sign.ts';
import type { BotUser } from './auth.ts';
import { toast, withCard, type CardActionAnswer } from './card-answer.ts';
import type { BotContext } from './context.ts';
import { eventToCoordinate } from './event-access.ts';
import { addPair, strikeOrRestore } from './event-dockings.ts';
import { confirmLaunch, launchNow } from './event-launch.ts';
import { signFromForm } from './event-signing.ts';
import { todayInShanghai } from './event-sign-form.ts';
import { dockingsPageCard, overviewCard } from './event-views.ts';

/**
 * A docking event's button or form: only for a coordinator of the event the value names. Views
 * answer with their card; edits go through the event's workflow and answer with the page again;
 * a launch answers at once and its outcome replaces the card later (`later`).
 */
export const answerEventClick = async (
  ctx: BotContext,
  user: BotUser,
  value: EventValue,
  fields: FormFields,
  later: (card: Card) => Promise<void>,
): Promise<CardActionAnswer> => {
  const target = await eventToCoordinate(ctx, user, value.event);
  if (!target.ok) return toast('error', target.message);
  const { event } = target;
  switch (value.op) {
    case 'overview':
      return withCard({}, await overviewCard(ctx, user, event.id));
    case 'dockings':
      return withCard({}, await dockingsPageCard(ctx, user, event, value.page));
    case 'strike':
    case 'restore': {
      const pair = { demandId: value.demand, achievementId: value.achievement };
      const done = await strikeOrRestore(ctx, user, target, pair, value.op === 'strike' ? 'strike' : 'keep');
      if (!done.ok) return toast('error', done.message);
      return withCard(toast('success', done.notice), await dockingsPageCard(ctx, user, event, value.page, { notice: done.notice }));
    }
    case 'add': {
      const given = { demand: textField(fields, 'demand') ?? '', achievement: textField(fields, 'achievement') ?? '' };
      const done = await addPair(ctx, user, target, given);
      if (done.ok) return withCard(toast('success', done.notice), await dockingsPageCard(ctx, user, event, done.page, { notice: done.notice }));
      return withCard(toast('error', done.message), await dockingsPageCard(ctx, user, event, value.page, { add: { prefill: fields, problem: done.message } }));
    }
    case 'launch':
      return confirmLaunch(ctx, user, target);
    case 'launch_confirmed':
      return launchNow(ctx, user, target, later);
    case 'sign_form':
      return withCard({}, signFormCard(event, user.language, { today: todayInShanghai() }));
    case 'sign':
      return signFromForm(ctx, user, target, fields);
  }
};
