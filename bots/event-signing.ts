import { signOnSite } from '../app/events/sign.ts';
import type { FormFields } from '../app/form-values.ts';
import { signedCard, signFormCard } from '../lark/cards/event-sign.ts';
import { phrasesFor } from '../notifications/bot-phrases.ts';
import { eventPhrasesFor } from '../notifications/event-phrases.ts';
import type { BotUser } from './auth.ts';
import { toast, withCard, type CardActionAnswer } from './card-answer.ts';
import type { BotContext } from './context.ts';
import { describeEventFailure, type CoordinatedEvent } from './event-access.ts';
import { parseSignForm, todayInShanghai } from './event-sign-form.ts';

/**
 * The signing form submitted: registered through the event's signing step, as `event sign` sends
 * it, and answered with the contract; a problem or a refusal shows the form again, as typed.
 */
export const signFromForm = async (ctx: BotContext, user: BotUser, target: CoordinatedEvent, fields: FormFields): Promise<CardActionAnswer> => {
  const again = (problems: readonly string[]) =>
    withCard(
      toast('error', `${phrasesFor(user.language).fixFields} ${problems.join('; ')}`),
      signFormCard(target.event, user.language, { today: todayInShanghai(), prefill: fields, problems }),
    );
  const parsed = await parseSignForm(ctx.prisma, fields, user.language);
  if (!parsed.ok) return again(parsed.problems);
  const { request, subjectTitle, counterpart } = parsed.signing;
  try {
    const signed = await signOnSite(ctx.prisma, ctx.client, target.event.id, { actor: user.actor, ...request });
    const card = signedCard(target.event, { reference: signed.reference, subjectTitle, counterpart, ...request }, user.language);
    return withCard(toast('success', eventPhrasesFor(user.language).signedTitle), card);
  } catch (error) {
    return again([describeEventFailure(ctx, error, user.language)]);
  }
};
