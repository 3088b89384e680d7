import * as lark from '@larksuiteoapi/node-sdk';
import { larkSdkLogger } from '../lark/client.ts';
import { onCardAction } from './card-actions.ts';
import { onMessage } from './chat.ts';
import type { BotContext } from './context.ts';

/**
 * The SDK's EventDispatcher with the bot's handlers: chat messages and card callbacks (schema
 * 2.0 card callbacks are events too). The webhook server calls it after its own verification; the
 * long connection (WSClient) calls it directly, so both modes share every handler.
 */
export const createDispatcher = (ctx: BotContext): lark.EventDispatcher =>
  new lark.EventDispatcher({ loggerLevel: lark.LoggerLevel.warn, logger: larkSdkLogger(ctx.log) }).register<{
    'card.action.trigger': (data: unknown) => Promise<unknown>;
  }>({
    'im.message.receive_v1': (data) => onMessage(ctx, data),
    'card.action.trigger': (data) => onCardAction(ctx, data),
  });
