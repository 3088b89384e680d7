import { WorkflowNotFoundError } from '@temporalio/client';
import { z } from 'zod';
import { registrationHelp, type BotUser } from './auth.ts';
import { helpCard } from '../lark/cards/help.ts';
import { intakeFormCard } from '../lark/cards/intake-form.ts';
import { listCard } from '../lark/cards/list.ts';
import { matchCard } from '../lark/cards/match.ts';
import { noticeCard } from '../lark/cards/notice.ts';
import { pendingCard } from '../lark/cards/pending.ts';
import { statusCard } from '../lark/cards/status.ts';
import { messageText, parseCommand, type Command } from './commands.ts';
import type { BotContext } from './context.ts';
import { answerContactsCommand } from './contacts.ts';
import { claimEvent } from './event-log.ts';
import { answerEventCommand } from './event-chat.ts';
import { overviewCard } from './event-views.ts';
import { answerImportCommand } from './import-events.ts';
import { receiveImportFile, replyWithTemplate } from './import-upload.ts';
import type { Card } from '../lark/cards/elements.ts';
import { submittableOrganisations } from './organisations.ts';
import { replyWithCard, replyWithText } from '../lark/replies.ts';
import { phrasesFor } from '../notifications/bot-phrases.ts';
import { eventPhrasesFor } from '../notifications/event-phrases.ts';
import { answerStats, replyWithStats } from './stats.ts';
import { programmesCoordinatedBy } from '../app/programmes/coordinators.ts';
import { enterpriseCategoryOf, findPending, listPartnerships, queryStatus } from './queries.ts';
import { secondsToWait } from './rate-limit.ts';

/** `im.message.receive_v1` as the SDK's EventDispatcher hands it over (header and event merged). */
export const MessageEventSchema = z.object({
  event_id: z.string().min(1),
  sender: z.object({
    sender_id: z.object({ open_id: z.string().optional() }).optional(),
    sender_type: z.string(),
  }),
  message: z.object({
    message_id: z.string().min(1),
    chat_type: z.string(),
    message_type: z.string(),
    content: z.string(),
    mentions: z.array(z.unknown()).optional(),
  }),
});
export type MessageEvent = z.infer<typeof MessageEventSchema>;

/** A card shown as the first pending items; the rest are counted. */
const PENDING_SHOWN = 5;

const withStatus = async (
  ctx: BotContext,
  user: BotUser,
  reference: string,
  draw: (status: Awaited<ReturnType<typeof queryStatus>>) => Card | Promise<Card>,
): Promise<Card> => {
  try {
    return await draw(await queryStatus(ctx.client, reference));
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return noticeCard(reference, phrasesFor(user.language).noSuchPartnership(reference), 'grey');
    throw error;
  }
};

/** The card that answers a command, in the person's language (the template is answered with a file). */
export const answerCommand = async (ctx: BotContext, user: BotUser, command: Exclude<Command, { name: 'template' }>): Promise<Card> => {
  const p = phrasesFor(user.language);
  const options = { maxProposals: ctx.maxProposals };
  switch (command.name) {
    case 'help':
      return helpCard(user.language);
    case 'new': {
      const organisations = await submittableOrganisations(ctx.prisma, user, command.kind);
      if (organisations.length === 0) return noticeCard(p.helpTitle, user.readOnly ? p.managersReadOnly : p.cannotSubmit(command.kind), 'grey');
      return intakeFormCard(command.kind, user, organisations);
    }
    case 'pending': {
      if (user.readOnly) return noticeCard(p.pendingTitle(0), p.managersReadOnly, 'grey');
      const pending = await findPending(ctx.prisma, ctx.client, user);
      return pendingCard(pending.slice(0, PENDING_SHOWN), user, { ...options, more: Math.max(0, pending.length - PENDING_SHOWN) });
    }
    case 'status':
      return withStatus(ctx, user, command.reference, async (status) =>
        statusCard(status, user, { ...options, enterpriseCategory: await enterpriseCategoryOf(ctx.prisma, status) }),
      );
    case 'match':
      return withStatus(ctx, user, command.reference, (status) => matchCard(status, user, options));
    case 'list':
      // A coordinator of programmes sees their programmes' partnerships; anyone else sees all of them.
      return listCard(
        await listPartnerships(ctx.prisma, command.stage, 20, await programmesCoordinatedBy(ctx.prisma, user.actor.personId)),
        user.language,
        command.stage,
      );
    case 'stats':
      return (await answerStats(ctx, user, command)).card;
    case 'import':
      return answerImportCommand(ctx, user, command.event);
    case 'event':
      return overviewCard(ctx, user, command.event);
    case 'contacts':
      return answerContactsCommand(ctx, user, command.organisation);
    case 'dockings':
    case 'add_docking':
    case 'sign':
      return answerEventCommand(ctx, user, command);
  }
};

const respond = async (ctx: BotContext, event: MessageEvent, openId: string): Promise<void> => {
  const { message } = event;
  const lark = ctx.lark;
  if (!lark) {
    ctx.log(`bot: no Lark app configured, not answering message ${message.message_id}`);
    return;
  }
  const user = await ctx.identify(openId);
  if (!user) {
    await replyWithText(lark, message.message_id, registrationHelp(openId), event.event_id);
    return;
  }
  const received = { messageId: message.message_id, content: message.content, eventId: event.event_id };
  if (message.message_type === 'file') return receiveImportFile(ctx, lark, user, received);
  const text = messageText(message.message_type, message.content);
  const parsed = text === null ? null : parseCommand(text);
  let card: Card;
  if (parsed === null) card = helpCard(user.language);
  else if (parsed.ok) {
    if (parsed.command.name === 'template') return replyWithTemplate(lark, user, received);
    if (parsed.command.name === 'stats') return replyWithStats(ctx, lark, user, parsed.command, received);
    card = await answerCommand(ctx, user, parsed.command);
  } else if (parsed.problem === 'needs_reference')
    card = noticeCard(phrasesFor(user.language).helpTitle, phrasesFor(user.language).needsReference(parsed.keyword), 'orange');
  else if (parsed.problem === 'needs_arguments')
    card = noticeCard(phrasesFor(user.language).helpTitle, eventPhrasesFor(user.language).usage[parsed.command], 'orange');
  else card = helpCard(user.language, parsed.text);
  await replyWithCard(lark, message.message_id, card, event.event_id);
};

/** The one answer to a person over their limit, in their language (Chinese when they are unknown). */
const tellTooMany = async (ctx: BotContext, event: MessageEvent, openId: string, retryAfterMs: number): Promise<void> => {
  ctx.log(`bot: ${openId} is over the limit of messages and clicks; refusing for ${secondsToWait(retryAfterMs)} s`);
  if (!ctx.lark) return;
  const user = await ctx.identify(openId);
  const text = phrasesFor(user?.language ?? 'zh').tooManyRequests(secondsToWait(retryAfterMs));
  await replyWithText(ctx.lark, event.message.message_id, text, event.event_id);
};

/**
 * Handles a message to the bot: in a direct chat always, in a group when the bot is @-mentioned
 * (Lark only delivers those unless the app may read all group messages). A redelivered event_id
 * is dropped. The answer goes out as a reply after the delivery is acknowledged, so Lark hears
 * back at once and a slow query never makes it retry. A person over their limit (bots/rate-limit.ts)
 * gets nothing done, not even the event id written: the first such message in a while is answered
 * "too many requests", the rest are dropped silently.
 */
export const onMessage = async (ctx: BotContext, data: unknown): Promise<void> => {
  const parsed = MessageEventSchema.safeParse(data);
  if (!parsed.success) {
    ctx.log('bot: ignored a malformed im.message.receive_v1 event');
    return;
  }
  const event = parsed.data;
  const openId = event.sender.sender_id?.open_id;
  if (event.sender.sender_type !== 'user' || !openId) return;
  if (event.message.chat_type !== 'p2p' && (event.message.mentions ?? []).length === 0) return;
  const admission = ctx.limiter.take(openId);
  if (!admission.ok) {
    if (admission.notify)
      ctx.background(
        tellTooMany(ctx, event, openId, admission.retryAfterMs).catch((error: unknown) =>
          ctx.log(`bot: telling ${openId} to slow down failed: ${(error as Error).message}`),
        ),
      );
    return;
  }
  if (!(await claimEvent(ctx.prisma, event.event_id, 'im.message.receive_v1'))) return;
  ctx.background(
    respond(ctx, event, openId).catch((error: unknown) => ctx.log(`bot: answering message ${event.message.message_id} failed: ${(error as Error).message}`)),
  );
};
