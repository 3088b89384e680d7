import { WorkflowNotFoundError } from '@temporalio/client';
import { z } from 'zod';
import { payloadFromForm, prepareDecision, subjectOf } from '../app/decision-fields.ts';
import { submitPartnership } from '../app/intake.ts';
import { executeUpdate } from '../app/execute-update.ts';
import { refusalOf } from '../lib/update-refusal.ts';
import { ValidationError } from '../lib/validation.ts';
import type { Language } from '../notifications/content.ts';
import { describeRefusal } from '../notifications/refusal-words.ts';
import { decisionNamed, type AnyDecision } from '../workflows/decisions/index.ts';
import { workflowIdFor } from '../domain/reference.ts';
import type { partnership } from '../workflows/index.ts';
import type { PartnershipStatus } from '../workflows/state.ts';
import { ActionValueSchema, isDecision, type ActionValue, type DecisionValue } from '../lark/cards/action-value.ts';
import { registrationHelp, type BotUser } from './auth.ts';
import { toast, withCard, type CardActionAnswer } from './card-answer.ts';
import { answerEventClick } from './event-actions.ts';
import { correctionCard } from '../lark/cards/correction.ts';
import { decidedCard, decisionDone } from '../lark/cards/decided.ts';
import { actionOfName, fieldsOf } from '../lark/cards/elements.ts';
import { LATE_UPDATE_AFTER_ANSWER_MS } from '../lark/limits.ts';
import { intakeFormCard, submittedCard } from '../lark/cards/intake-form.ts';
import { matchCard } from '../lark/cards/match.ts';
import { statusCard } from '../lark/cards/status.ts';
import { recordCard } from '../lark/cards/record.ts';
import { recordedFor } from './recorded-for.ts';
import type { BotContext } from './context.ts';
import { parseSubmissionForm } from './submission-form.ts';
import type { Card } from '../lark/cards/elements.ts';
import { submittableOrganisations } from './organisations.ts';
import { replaceCardLater } from '../lark/replies.ts';
import { phrasesFor } from '../notifications/bot-phrases.ts';
import { enterpriseCategoryOf, queryStatus } from './queries.ts';
import { settleWithin, type Settled } from './budget.ts';
import { timeStep } from './server-timing.ts';
import { secondsToWait } from './rate-limit.ts';

/** `card.action.trigger` (schema 2.0) as the SDK's EventDispatcher hands it over (header and event merged). */
export const CardActionEventSchema = z.object({
  event_id: z.string().min(1),
  /** The card's update token (event.token overrides header.token when merged): valid 30 min, two updates. */
  token: z.string().optional(),
  operator: z.object({ open_id: z.string().min(1) }),
  action: z.object({
    /** A button's callback value; a form's submit button may come without one (its action is in `name`). */
    value: z.unknown().optional(),
    form_value: z.record(z.string(), z.unknown()).optional(),
    tag: z.string().optional(),
    name: z.string().optional(),
  }),
  context: z.object({ open_message_id: z.string().optional(), open_chat_id: z.string().optional() }).optional(),
});
export type CardActionEvent = z.infer<typeof CardActionEventSchema>;

/** Where a click came from, to update its card later, once its callback has been answered. */
interface Origin {
  readonly eventId: string;
  /** Settles once the callback's answer has reached Lark: a delayed update sent earlier fails or is undone. */
  readonly answered: Promise<void>;
  readonly token?: string | undefined;
  readonly messageId?: string | undefined;
}

/**
 * One update id per decision on one drawing of one card: a double click, or Lark redelivering
 * the callback, reaches the workflow once; the same card drawn again after the state changed
 * (a new `seq`) is a new decision.
 */
export const updateIdFor = (decision: AnyDecision, value: DecisionValue, origin: Origin): string =>
  ['lark', origin.messageId ?? origin.eventId, value.ref, value.d, subjectOf(decision, value), value.seq ?? ''].join(':');

const describeFailure = (ctx: BotContext, error: unknown, reference: string, language: Language): string => {
  const p = phrasesFor(language);
  const refusal = refusalOf(error);
  if (refusal) return p.refused(describeRefusal(refusal, language));
  if (error instanceof WorkflowNotFoundError) return p.noSuchPartnership(reference);
  ctx.log(`bot: a decision on ${reference} failed: ${(error as Error).message}`);
  return p.failedTryAgain;
};

/** The answer once the update settled: the decided card, or the refusal as a toast over the unchanged card. */
const answerDecision = (ctx: BotContext, outcome: Settled<PartnershipStatus> & { done: true }, value: DecisionValue, user: BotUser): CardActionAnswer => {
  if ('value' in outcome) return withCard(toast('success', decisionDone(value, user.language)), decidedCard(outcome.value, value, user.language));
  return toast('error', describeFailure(ctx, outcome.error, value.ref, user.language));
};

/** After "处理中": the decided card, or the decision drawn again with the refusal, in place of the clicked card. */
const finishLater = async (
  ctx: BotContext,
  work: Promise<PartnershipStatus>,
  value: DecisionValue,
  user: BotUser,
  fields: Record<string, unknown>,
  origin: Origin,
): Promise<void> => {
  if (!ctx.lark) return;
  let card: Card;
  try {
    card = decidedCard(await work, value, user.language);
  } catch (error) {
    const status = await queryStatus(ctx.client, value.ref).catch(() => null);
    if (!status) return;
    const message = describeFailure(ctx, error, value.ref, user.language);
    card = correctionCard(status, value, user, message, [], { prefill: fields, maxProposals: ctx.maxProposals });
  }
  await replaceAfterAnswer(ctx, origin, card);
};

/** Replaces the clicked card once the callback's answer is out (Lark applies a delayed update only after it). */
const replaceAfterAnswer = async (ctx: BotContext, origin: Origin, card: Card): Promise<void> => {
  if (!ctx.lark) return;
  await origin.answered;
  await replaceCardLater(ctx.lark, origin, card);
};

/** How long is left of the callback's budget. */
const remaining = (deadline: number): number => Math.max(0, deadline - Date.now());

const decide = async (
  ctx: BotContext,
  user: BotUser,
  value: DecisionValue,
  fields: Record<string, unknown>,
  origin: Origin,
  deadline: number,
): Promise<CardActionAnswer> => {
  const p = phrasesFor(user.language);
  const decision = decisionNamed(value.d);
  if (!decision) return toast('error', p.failedTryAgain);
  const recorded = await recordedFor(ctx.prisma, value);
  if (recorded.nobody) return toast('error', p.recordNobody(recorded.nobody));
  const prepared = prepareDecision(decision, { ...payloadFromForm(decision, value, fields, user.actor), ...recorded.payload }, user.language);
  if (!prepared.ok) {
    const answer = toast('error', `${p.fixFields} ${prepared.problems.join('; ')}`);
    const status = await queryStatus(ctx.client, value.ref).catch(() => null);
    return status
      ? withCard(answer, correctionCard(status, value, user, p.fixFields, prepared.problems, { prefill: fields, maxProposals: ctx.maxProposals }))
      : answer;
  }
  const handle = ctx.client.workflow.getHandle<typeof partnership>(workflowIdFor(value.ref));
  const work = timeStep('update', () => executeUpdate(handle, prepared.update, { args: [prepared.payload], updateId: updateIdFor(decision, value, origin) }));
  const outcome = await settleWithin(work, remaining(deadline));
  if (outcome.done) return answerDecision(ctx, outcome, value, user);
  ctx.background(
    finishLater(ctx, work, value, user, fields, origin).catch((error: unknown) =>
      ctx.log(`bot: updating the card of ${value.ref} failed: ${(error as Error).message}`),
    ),
  );
  return toast('info', p.processing);
};

const show = async (ctx: BotContext, user: BotUser, value: Extract<ActionValue, { d: 'show' }>): Promise<CardActionAnswer> => {
  try {
    const status = await queryStatus(ctx.client, value.ref);
    const options = { maxProposals: ctx.maxProposals };
    const view =
      value.view === 'match'
        ? matchCard(status, user, options)
        : value.view === 'record'
          ? recordCard(status, user, options)
          : statusCard(status, user, { ...options, enterpriseCategory: await enterpriseCategoryOf(ctx.prisma, status) });
    return withCard({}, view);
  } catch (error) {
    return toast('error', describeFailure(ctx, error, value.ref, user.language));
  }
};

const submit = async (
  ctx: BotContext,
  user: BotUser,
  value: Extract<ActionValue, { d: 'submit' }>,
  fields: Record<string, unknown>,
  origin: Origin,
  deadline: number,
): Promise<CardActionAnswer> => {
  const p = phrasesFor(user.language);
  const organisations = await submittableOrganisations(ctx.prisma, user, value.kind);
  const redraw = (problems: readonly string[]) =>
    withCard(toast('error', `${p.fixFields} ${problems.join('; ')}`), intakeFormCard(value.kind, user, organisations, { prefill: fields, problems }));
  const parsed = parseSubmissionForm(value.kind, fields, organisations, user.language);
  if (!parsed.ok) return redraw(parsed.problems);
  const work = submitPartnership({ prisma: ctx.prisma, client: ctx.client, taskQueue: ctx.taskQueue, policy: ctx.policy }, user.actor, parsed.submission, {
    source: 'form',
  });
  const outcome = await settleWithin(work, remaining(deadline));
  if (!outcome.done) {
    const later = work.then((submitted) =>
      replaceAfterAnswer(ctx, origin, submittedCard(submitted.reference, parsed.submission.title, submitted.created, user)),
    );
    ctx.background(later.catch((error: unknown) => ctx.log(`bot: a submission failed after its callback was answered: ${(error as Error).message}`)));
    return toast('info', p.processing);
  }
  if ('error' in outcome) {
    if (outcome.error instanceof ValidationError) return redraw([outcome.error.message.replace(/^form: /, '')]);
    ctx.log(`bot: a submission failed: ${(outcome.error as Error).message}`);
    return toast('error', p.failedTryAgain);
  }
  return withCard(
    toast('success', p.submitted(outcome.value.reference).replaceAll('**', '')),
    submittedCard(outcome.value.reference, parsed.submission.title, outcome.value.created, user),
  );
};

/** A click's action: the callback value, an object or a JSON string of one (cards of JSON 1.0 send strings), else a submit button's name. */
const valueOf = (action: CardActionEvent['action']): unknown => {
  if (typeof action.value !== 'string') return action.value ?? actionOfName(action.name);
  try {
    return JSON.parse(action.value) as unknown;
  } catch {
    return action.value;
  }
};

/**
 * A callback is answered, not retried on Feishu's event schedule, and what it does is keyed
 * already: a decision by its Temporal update id (durable in the workflow), a submission by its
 * submission key, a view changes nothing. So a repeated callback (a double click, a resend after a
 * lost answer) needs no event-id look-up on the busy database: it reaches the workflow once and
 * gets the same answer again, which is what Lark should show.
 */
const answerClick = async (ctx: BotContext, event: CardActionEvent, origin: Origin, deadline: number): Promise<CardActionAnswer> => {
  const user = await ctx.identify(event.operator.open_id);
  if (!user) return toast('error', registrationHelp(event.operator.open_id));
  const value = ActionValueSchema.safeParse(valueOf(event.action));
  if (!value.success) return toast('error', phrasesFor(user.language).failedTryAgain);
  const fields = fieldsOf(event.action.form_value);
  if (value.data.d === 'show') return show(ctx, user, value.data);
  if (value.data.d === 'submit') return submit(ctx, user, value.data, fields, origin, deadline);
  if (value.data.d === 'event') return answerEventClick(ctx, user, value.data, fields, (card) => replaceAfterAnswer(ctx, origin, card));
  if (isDecision(value.data)) return decide(ctx, user, value.data, fields, origin, deadline);
  return {};
};

/** "处理中" in both languages: when the budget runs out, the person may not be known yet. */
const processing = (): CardActionAnswer => ({
  toast: { type: 'info', content: phrasesFor('zh').processing, i18n: { zh_cn: phrasesFor('zh').processing, en_us: phrasesFor('en').processing } },
});

/**
 * A click over the person's limit: nothing is done. The toast is the callback's own answer and
 * sends no message, so every refused click gets it; in both languages if the person is not known.
 */
const tooMany = async (ctx: BotContext, openId: string, retryAfterMs: number, deadline: number): Promise<CardActionAnswer> => {
  const say = (language: Language): string => phrasesFor(language).tooManyRequests(secondsToWait(retryAfterMs));
  const known = await settleWithin(ctx.identify(openId), remaining(deadline));
  const user = known.done && 'value' in known ? known.value : null;
  if (user) return toast('warning', say(user.language));
  return { toast: { type: 'warning', content: say('zh'), i18n: { zh_cn: say('zh'), en_us: say('en') } } };
};

/**
 * Answers a card click or form submission within the budget, whatever is slow (the database,
 * Temporal): the person from their open_id, the button's value (bots/action-value.ts), the
 * form's fields; then a decision becomes its Temporal update, a submission starts a partnership,
 * a "show" draws another card, a docking event's button acts on the event (bots/event-actions.ts). Past the budget the answer is "处理中", and the card the work
 * ends with replaces the clicked one later, through the callback's token.
 */
export const onCardAction = async (ctx: BotContext, data: unknown): Promise<CardActionAnswer> => {
  const deadline = Date.now() + ctx.budgetMs;
  const parsed = CardActionEventSchema.safeParse(data);
  if (!parsed.success) return toast('error', 'unrecognised card callback');
  const event = parsed.data;
  const admission = ctx.limiter.take(event.operator.open_id);
  if (!admission.ok) {
    if (admission.notify)
      ctx.log(`bot: ${event.operator.open_id} is over the limit of messages and clicks; refusing for ${secondsToWait(admission.retryAfterMs)} s`);
    return tooMany(ctx, event.operator.open_id, admission.retryAfterMs, deadline);
  }
  let answered = (): void => undefined;
  const origin: Origin = {
    eventId: event.event_id,
    token: event.token,
    messageId: event.context?.open_message_id,
    answered: new Promise<void>((resolve) => {
      answered = resolve;
    }),
  };
  try {
    const work = answerClick(ctx, event, origin, deadline);
    const outcome = await settleWithin(work, remaining(deadline));
    if (outcome.done) {
      if ('value' in outcome) return outcome.value;
      ctx.log(`bot: a card callback failed: ${(outcome.error as Error).message}`);
      return toast('error', phrasesFor('zh').failedTryAgain);
    }
    ctx.background(work.then((answer) => (answer.card ? replaceAfterAnswer(ctx, origin, answer.card.data) : undefined)));
    return processing();
  } finally {
    // The answer is written as soon as this returns; Lark documents the order, not a gap, so leave it time to arrive.
    setTimeout(answered, LATE_UPDATE_AFTER_ANSWER_MS);
  }
};
