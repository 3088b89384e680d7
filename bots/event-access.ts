import type { WorkflowHandle } from '@temporalio/client';
import { coordinatesEvent, findEvent, type EventRecord } from '../app/events/coordinators.ts';
import { refusalOf } from '../lib/update-refusal.ts';
import { ValidationError } from '../lib/validation.ts';
import type { Language } from '../notifications/content.ts';
import { phrasesFor } from '../notifications/bot-phrases.ts';
import { eventPhrasesFor } from '../notifications/event-phrases.ts';
import { describeRefusal } from '../notifications/refusal-words.ts';
import type { dockingEvent } from '../workflows/index.ts';
import type { BotUser } from './auth.ts';
import type { BotContext } from './context.ts';

export interface CoordinatedEvent {
  readonly event: EventRecord;
  readonly handle: WorkflowHandle<typeof dockingEvent>;
}

/**
 * The event a person acts on, by the code a command or a card value names, when they coordinate
 * it; otherwise the sentence that tells them why not, in their language.
 */
export const eventToCoordinate = async (
  ctx: BotContext,
  user: BotUser,
  code: string,
): Promise<({ readonly ok: true } & CoordinatedEvent) | { readonly ok: false; readonly message: string }> => {
  const p = eventPhrasesFor(user.language);
  const event = await findEvent(ctx.prisma, code);
  if (!event) return { ok: false, message: p.noSuchEvent(code) };
  if (!coordinatesEvent(event, user.actor)) return { ok: false, message: p.onlyCoordinators(p.eventLabel(event.name, event.id)) };
  return { ok: true, event, handle: ctx.client.workflow.getHandle<typeof dockingEvent>(event.workflowId) };
};

/** Why an event step did not happen: the workflow's refusal or the event data's, in the person's language where it has words. */
export const describeEventFailure = (ctx: BotContext, error: unknown, language: Language): string => {
  const p = phrasesFor(language);
  const refusal = refusalOf(error);
  if (refusal) return p.refused(describeRefusal(refusal, language));
  if (error instanceof ValidationError) return p.refused(error.message);
  ctx.log(`bot: an event step failed: ${(error as Error).message}`);
  return p.failedTryAgain;
};
