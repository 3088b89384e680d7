import { eventPhrasesFor } from '../notifications/event-phrases.ts';
import { noticeCard } from '../lark/cards/notice.ts';
import { signFormCard } from '../lark/cards/event-sign.ts';
import type { Card } from '../lark/cards/elements.ts';
import type { BotUser } from './auth.ts';
import type { Command } from './commands.ts';
import type { BotContext } from './context.ts';
import { eventToCoordinate } from './event-access.ts';
import { addPair } from './event-dockings.ts';
import { todayInShanghai } from './event-sign-form.ts';
import { dockingsPageCard } from './event-views.ts';

export type EventCommand = Extract<Command, { name: 'dockings' | 'add_docking' | 'sign' }>;

/** 对接清单 / 添加对接 / 签约: the docking list's page, a pair added and the page holding it, or the signing form. */
export const answerEventCommand = async (ctx: BotContext, user: BotUser, command: EventCommand): Promise<Card> => {
  const target = await eventToCoordinate(ctx, user, command.event);
  if (!target.ok) return noticeCard(command.event, target.message, 'grey');
  const { event } = target;
  switch (command.name) {
    case 'dockings':
      return dockingsPageCard(ctx, user, event, command.page);
    case 'add_docking': {
      const done = await addPair(ctx, user, target, command);
      if (!done.ok) return noticeCard(eventPhrasesFor(user.language).dockingsTitle(event.id), done.message, 'orange');
      return dockingsPageCard(ctx, user, event, done.page, { notice: done.notice });
    }
    case 'sign':
      return signFormCard(event, user.language, { today: todayInShanghai() });
  }
};
