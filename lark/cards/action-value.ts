import { z } from 'zod';
import { PARTNERSHIP_KINDS } from '../../domain/vocabulary.ts';

/** P-2026-000123, as people may type it (lower case, spaces around). */
export const ReferenceSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^P-\d{4}-\d{6,}$/, 'expected a reference number such as P-2026-000123');

const Ref = {
  v: z.literal(1),
  ref: ReferenceSchema,
  /** The partnership's last history seq when the card was drawn: a decision is about that state. */
  seq: z.number().int().nonnegative().optional(),
};

/**
 * What a card button carries back (`behaviors[].value`), defined once: every card builder writes
 * it and every callback is parsed with it. `v` versions the format, so cards already sent keep
 * working when it grows. Form fields arrive separately, in the callback's `form_value`.
 */
export const ActionValueSchema = z.discriminatedUnion('d', [
  z.object({ ...Ref, d: z.literal('review'), decision: z.enum(['approve', 'reject', 'request_changes']) }),
  z.object({ ...Ref, d: z.literal('revise') }),
  z.object({ ...Ref, d: z.literal('select') }),
  z.object({ ...Ref, d: z.literal('respond'), candidateId: z.string().min(1).max(100), decision: z.enum(['accept', 'decline']) }),
  z.object({ ...Ref, d: z.literal('terms') }),
  z.object({ ...Ref, d: z.literal('conclude'), outcome: z.enum(['agreed', 'failed']) }),
  z.object({ ...Ref, d: z.literal('contract') }),
  z.object({ ...Ref, d: z.literal('milestone'), milestone: z.number().int().positive() }),
  z.object({ ...Ref, d: z.literal('withdraw') }),
  /** Opens another card in place (no decision): the status, or the candidates to choose from. */
  z.object({ ...Ref, d: z.literal('show'), view: z.enum(['status', 'match']) }),
  /** The intake form (新需求 / 新成果). */
  z.object({ v: z.literal(1), d: z.literal('submit'), kind: z.enum(PARTNERSHIP_KINDS) }),
]);
export type ActionValue = z.infer<typeof ActionValueSchema>;
export type DecisionValue = Exclude<ActionValue, { d: 'show' } | { d: 'submit' }>;

/** The decision kinds that become a workflow update. */
export const isDecision = (value: ActionValue): value is DecisionValue => value.d !== 'show' && value.d !== 'submit';
