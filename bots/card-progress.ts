import type * as lark from '@larksuiteoapi/node-sdk';
import type { Card } from '../lark/cards/elements.ts';
import { patchCard } from '../lark/messages.ts';
import { withRetries } from '../lark/replies.ts';

/** Lark limits how often one message may be updated, and a person reads no faster than this. */
export const PROGRESS_EVERY_MS = 1_000;

export interface CardProgress {
  /** Shows a new state: at once when the card has not been updated for `everyMs`, else when that time is up. */
  show(card: Card): void;
  /** Shows the last state, after any update on its way (a state still waiting is dropped), retrying as every reply does. */
  finish(card: Card): Promise<void>;
}

/**
 * Updates one of the bot's cards as long work goes on, at most once per `everyMs`. A state
 * waiting for its turn is replaced by a newer one; a failed update is only logged, since the next
 * one or `finish` supersedes it.
 */
export const cardProgress = (client: lark.Client, messageId: string, log: (line: string) => void, everyMs = PROGRESS_EVERY_MS): CardProgress => {
  let shownAt = Date.now();
  let waiting: Card | null = null;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<void> | null = null;

  const sendWaiting = (): void => {
    timer = null;
    const card = waiting;
    waiting = null;
    if (!card) return;
    shownAt = Date.now();
    inFlight = patchCard(client, messageId, card)
      .catch((error: unknown) => log(`bot: updating card ${messageId} failed: ${(error as Error).message}`))
      .finally(() => {
        inFlight = null;
        if (waiting) schedule();
      });
  };
  const schedule = (): void => {
    if (timer || inFlight) return;
    timer = setTimeout(sendWaiting, Math.max(0, shownAt + everyMs - Date.now()));
  };

  return {
    show(card) {
      waiting = card;
      schedule();
    },
    async finish(card) {
      if (timer) clearTimeout(timer);
      timer = null;
      waiting = null;
      await inFlight;
      await withRetries(() => patchCard(client, messageId, card));
    },
  };
};
