import * as lark from '@larksuiteoapi/node-sdk';
import { onCardAction } from './card-actions.ts';
import { onMessage } from './chat.ts';
import type { BotContext } from './context.ts';

const describe = (item: unknown): string => (typeof item === 'string' ? item : item instanceof Error ? item.message : typeof item);

/**
 * The SDK's logger for the bot: warnings and errors only, one line each, through the bot's log.
 * Objects are not printed (an axios error holds the request, and with it the app secret), and
 * the secrets given are masked in what is.
 */
export const sdkLogger = (log: (line: string) => void, secrets: readonly (string | undefined)[] = []): lark.Logger => {
  const mask = (line: string) =>
    secrets.reduce<string>((text, secret) => (secret ? text.replaceAll(secret, '***') : text), line).replace(/Bearer\s+\S+/g, 'Bearer ***');
  const write =
    (level: string) =>
    (...message: unknown[]) =>
      log(mask(`lark sdk ${level}: ${message.flat().map(describe).join(' ')}`));
  return { error: write('error'), warn: write('warn'), info: () => undefined, debug: () => undefined, trace: () => undefined };
};

/**
 * The SDK's EventDispatcher with the bot's handlers: chat messages and card callbacks (schema
 * 2.0 card callbacks are events too). The webhook server calls it after its own verification; the
 * long connection (WSClient) calls it directly, so both modes share every handler.
 */
export const createDispatcher = (ctx: BotContext): lark.EventDispatcher =>
  new lark.EventDispatcher({ loggerLevel: lark.LoggerLevel.warn, logger: sdkLogger(ctx.log) }).register<{
    'card.action.trigger': (data: unknown) => Promise<unknown>;
  }>({
    'im.message.receive_v1': (data) => onMessage(ctx, data),
    'card.action.trigger': (data) => onCardAction(ctx, data),
  });
