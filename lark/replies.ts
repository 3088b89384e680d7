import { setTimeout as sleep } from 'node:timers/promises';
import type * as lark from '@larksuiteoapi/node-sdk';
import { LarkError, messageUuid, patchCard, replyCard, replyText, updateCardLater } from './messages.ts';
import type { Card } from './cards/elements.ts';

const ATTEMPTS = 4;
const FIRST_BACKOFF_MS = 500;

/**
 * Retries a Lark call the way an activity would be retried: after Lark's rate-limit reset when it
 * gave one, else with doubling backoff, and never a refusal or an invalid request. The bot's
 * replies are not activities (they answer a person, now), so the few retries happen here.
 */
export const withRetries = async <T>(run: () => Promise<T>): Promise<T> => {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      const failure = error instanceof LarkError ? error : null;
      if (attempt >= ATTEMPTS || (failure && !failure.transient)) throw error;
      const delay = failure?.retryAfterMs ?? FIRST_BACKOFF_MS * 2 ** (attempt - 1);
      await sleep(delay);
    }
  }
};

/** Replies to a person's message with a card; `key` (the event id) makes a repeated reply the same message. */
export const replyWithCard = (client: lark.Client, messageId: string, card: Card, key: string): Promise<string> =>
  withRetries(() => replyCard(client, { messageId, card, uuid: messageUuid(`reply:${key}`) }));

export const replyWithText = (client: lark.Client, messageId: string, text: string, key: string): Promise<string> =>
  withRetries(() => replyText(client, { messageId, text, uuid: messageUuid(`reply:${key}`) }));

/** Replaces a clicked card after its callback was answered: with the callback's token, else by message id. */
export const replaceCardLater = (client: lark.Client, target: { token?: string | undefined; messageId?: string | undefined }, card: Card): Promise<void> => {
  if (target.token) return withRetries(() => updateCardLater(client, target.token!, card));
  if (target.messageId) return withRetries(() => patchCard(client, target.messageId!, card));
  return Promise.reject(new Error('neither a callback token nor a message id to update the card with'));
};
