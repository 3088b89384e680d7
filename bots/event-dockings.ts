import type { Actor } from '../domain/actor.ts';
import type { DockingEdit } from '../domain/event.ts';
import { executeUpdate } from '../app/execute-update.ts';
import { dockingPageOf } from '../app/events/dockings.ts';
import { runEventStep } from '../app/events/handle.ts';
import { findRelease } from '../app/events/releases.ts';
import { DOCKINGS_PAGE_SIZE } from '../lark/cards/event-dockings.ts';
import { eventPhrasesFor } from '../notifications/event-phrases.ts';
import { editDockingsUpdate } from '../workflows/event-messages.ts';
import type { BotUser } from './auth.ts';
import type { BotContext } from './context.ts';
import { describeEventFailure, type CoordinatedEvent } from './event-access.ts';

type Outcome<T> = ({ readonly ok: true; readonly notice: string } & T) | { readonly ok: false; readonly message: string };
type Pair = Pick<DockingEdit, 'demandId' | 'achievementId'>;

/** The event's edit step, as `event strike|add` sends it: recorded in its history with who asked. */
const editPair = (target: CoordinatedEvent, actor: Actor, edit: DockingEdit) =>
  runEventStep(executeUpdate(target.handle, editDockingsUpdate, { args: [{ actor, edits: [edit] }] }));

const statusOf = (ctx: BotContext, target: CoordinatedEvent, pair: Pair) =>
  ctx.prisma.docking.findUnique({ where: { eventId_demandId_achievementId: { eventId: target.event.id, ...pair } }, select: { status: true } });

/**
 * 划掉 / 恢复 on the docking card: a pair of this event's list struck, or kept again. A pair the
 * list does not hold is refused here, so a button's value cannot add pairs.
 */
export const strikeOrRestore = async (
  ctx: BotContext,
  user: BotUser,
  target: CoordinatedEvent,
  pair: Pair,
  choice: 'strike' | 'keep',
): Promise<Outcome<object>> => {
  const p = eventPhrasesFor(user.language);
  const before = await statusOf(ctx, target, pair);
  if (!before) return { ok: false, message: p.notOnList };
  try {
    await editPair(target, user.actor, { ...pair, choice });
  } catch (error) {
    return { ok: false, message: describeEventFailure(ctx, error, user.language) };
  }
  const after = await statusOf(ctx, target, pair);
  const say = after?.status === before.status ? p.unchanged : choice === 'strike' ? p.struck : p.restored;
  return { ok: true, notice: say(pair.demandId, pair.achievementId) };
};

/**
 * 添加对接: a pair by the ids or release numbers people type, added to the list (or a struck one
 * kept again); an unknown one is named and nothing is sent. Answers with the page now holding it.
 */
export const addPair = async (
  ctx: BotContext,
  user: BotUser,
  target: CoordinatedEvent,
  given: { readonly demand: string; readonly achievement: string },
): Promise<Outcome<{ readonly page: number }>> => {
  const p = eventPhrasesFor(user.language);
  const [demand, achievement] = await Promise.all([findRelease(ctx.prisma, 'demand', given.demand), findRelease(ctx.prisma, 'achievement', given.achievement)]);
  if (!demand) return { ok: false, message: p.unknownRelease('demand', given.demand) };
  if (!achievement) return { ok: false, message: p.unknownRelease('achievement', given.achievement) };
  const pair = { demandId: demand.id, achievementId: achievement.id };
  const before = await statusOf(ctx, target, pair);
  try {
    await editPair(target, user.actor, { ...pair, choice: 'keep' });
  } catch (error) {
    return { ok: false, message: describeEventFailure(ctx, error, user.language) };
  }
  const page = (await dockingPageOf(ctx.prisma, target.event.id, pair, DOCKINGS_PAGE_SIZE)) ?? 1;
  const notice = before && before.status !== 'struck' ? p.unchanged(pair.demandId, pair.achievementId) : p.added(pair.demandId, pair.achievementId, page);
  return { ok: true, notice, page };
};
