/**
 * Card callbacks as Lark's documentation has them, driven through the bot's webhook against the
 * real Temporal workflow and the local Open API: a delayed card update comes only after the
 * callback's answer; a form's submit button decides from its name alone (Lark guarantees
 * `action.name`, not the value, for form buttons); a text longer than one input arrives whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATE_UPDATE_AFTER_ANSWER_MS } from '../../lark/limits.ts';
import { toNegotiation } from '../support/drive.ts';
import { createBotWorld, partnershipInReview, toastOf, OPEN_IDS, type BotWorld } from '../bot/support/bot-world.ts';
import { cardText, findButton, formValueOf } from '../bot/support/cards.ts';
import { cardActionEvent, deliveryOf, newEventId } from '../bot/support/deliveries.ts';

let w: BotWorld;
beforeAll(async () => {
  w = await createBotWorld(import.meta.url);
});
afterAll(async () => {
  await w?.close();
});

const inReview = (): Promise<string> => partnershipInReview(w, 'late-update');
const toast = toastOf;

describe('the delayed update', () => {
  it('reaches Lark only after the callback was answered "处理中", when the decision outlasts the budget', async () => {
    const reference = await inReview();
    const hasty = await w.startBot({ budgetMs: 1 });
    const { message } = await w.say(OPEN_IDS.coord, `进度 ${reference}`);
    const before = w.lark.requests.length;

    const answer = await w.click(OPEN_IDS.coord, message, '通过', { bot: hasty });
    const answeredAt = Date.now();
    expect(toast(answer)).toMatchObject({ type: 'info', content: '处理中，完成后会更新此卡片…' });
    expect(answer.body.card).toBeUndefined();
    // The decision itself is done by now or soon; its card waits for the answer to reach Lark.
    await w.h.waitFor(reference, (s) => s.stage !== 'review');

    await hasty.idle();
    const updates = w.lark.requests.slice(before).filter((r) => r.route === 'cardUpdate');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.status).toBe(200);
    expect(updates[0]!.receivedAt).toBeGreaterThanOrEqual(answeredAt);
    expect(updates[0]!.receivedAt - answeredAt).toBeGreaterThanOrEqual(LATE_UPDATE_AFTER_ANSWER_MS - 100);
    expect(cardText(w.cardOf(message))).toContain('通过了审核');
  });
});

describe('a form’s submit button', () => {
  it('decides from its name when the callback carries no value', async () => {
    const reference = await inReview();
    const { message } = await w.say(OPEN_IDS.coord, `进度 ${reference}`);
    const reject = findButton(w.cardOf(message), '驳回');
    expect(reject.button.behaviors).toBeUndefined();
    expect(reject.button.form_action_type).toBe('submit');

    const event = cardActionEvent(w.secrets, {
      operatorOpenId: OPEN_IDS.coord,
      messageId: message.messageId,
      chatId: message.chatId,
      token: w.lark.issueCardToken(message.messageId),
      value: undefined,
      name: String(reject.button.name),
      formValue: formValueOf(reject.form!, { comment: '与本计划支持方向不符' }),
      eventId: newEventId(),
    });
    // As delivered (JSON), the action has a name and form values, and no value.
    expect((JSON.parse(JSON.stringify(event)) as { event: { action: Record<string, unknown> } }).event.action).not.toHaveProperty('value');
    const answer = await w.post('/lark/cards', deliveryOf(w.secrets, event));
    expect(toast(answer)).toEqual({ type: 'success', content: '驳回了申请' });
    const status = await w.h.status(reference);
    expect(status.stage).toBe('rejected');
    expect(status.outcome?.reason).toBe('与本计划支持方向不符');
  });

  it('sends terms longer than one input takes, whole, typed across its inputs', async () => {
    const reference = await inReview();
    await toNegotiation(w.h, reference);
    const terms = Array.from({ length: 300 }, (_, index) => `第${index + 1}条：许可使用三年。`)
      .join('')
      .slice(0, 3_500);
    const { message } = await w.say(OPEN_IDS.steel, `进度 ${reference}`);
    const answer = await w.click(OPEN_IDS.steel, message, '提出条款', { fill: { terms, amount: '120万' } });
    expect(toast(answer).type).toBe('success');
    expect((await w.h.status(reference)).rounds.at(-1)?.terms).toBe(terms);
  });
});
