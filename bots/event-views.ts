import { coordinatesEvent, findEvent, type EventRecord } from '../app/events/coordinators.ts';
import { dockingRows } from '../app/events/dockings.ts';
import { eventOverview } from '../app/events/overview.ts';
import { DOCKINGS_PAGE_SIZE, dockingsCard, type DockingsView } from '../lark/cards/event-dockings.ts';
import { eventCard } from '../lark/cards/event-report.ts';
import type { Card } from '../lark/cards/elements.ts';
import type { BotUser } from './auth.ts';
import type { BotContext } from './context.ts';

/** 对接会 EVENT: the event's figures, with the buttons of those who coordinate it. */
export const overviewCard = async (ctx: BotContext, user: BotUser, code: string): Promise<Card> => {
  const event = await findEvent(ctx.prisma, code);
  const overview = event ? await eventOverview(ctx.prisma, ctx.client, event.id) : null;
  return eventCard(overview, user.language, event?.id ?? code, { coordinator: event !== null && coordinatesEvent(event, user.actor) });
};

/** A page of the event's docking list; past the last page (the list got shorter), the last. */
export const dockingsPageCard = async (
  ctx: BotContext,
  user: BotUser,
  event: EventRecord,
  page: number,
  extra: Pick<DockingsView, 'notice' | 'add'> = {},
): Promise<Card> => {
  const read = (n: number) => dockingRows(ctx.prisma, event.id, { page: n, size: DOCKINGS_PAGE_SIZE });
  const first = await read(page);
  const shown = first.page > first.pages ? await read(first.pages) : first;
  return dockingsCard({ event, page: shown, ...extra }, user.language);
};
