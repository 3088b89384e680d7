import { z } from 'zod';
import { REFERENCE_PATTERN } from '../../domain/reference.ts';
import { PARTNERSHIP_KINDS } from '../../domain/vocabulary.ts';
import { DECISION_NAMES } from '../../workflows/decisions/index.ts';

/** P-2026-000123, as people may type it (lower case, spaces around). */
export const ReferenceSchema = z.string().trim().toUpperCase().regex(REFERENCE_PATTERN, 'expected a reference number such as P-2026-000123');

const Ref = {
  v: z.literal(1),
  ref: ReferenceSchema,
  /** The partnership's last history seq when the card was drawn: a decision is about that state. */
  seq: z.number().int().nonnegative().optional(),
};

/**
 * A decision's button: the decision (`d`, its name in the registry), the values its variant sets
 * (`decision: 'approve'`, `outcome: 'agreed'`) and its subject (`candidateId`, `milestone`). The
 * registry's payload schema checks them, with the form's fields, before anything is sent.
 */
const DecisionValueSchema = z.object({ ...Ref, d: z.enum(DECISION_NAMES) }).catchall(z.union([z.string().max(200), z.number()]));

/**
 * What a card button carries back, defined once: every card builder writes it and every callback
 * is parsed with it. `v` versions the format, so cards already sent keep working when it grows.
 * Form fields arrive separately, in the callback's `form_value`.
 */
export const ActionValueSchema = z.union([
  DecisionValueSchema,
  /** Opens another card in place (no decision): the status, or the candidates to choose from. */
  z.object({ ...Ref, d: z.literal('show'), view: z.enum(['status', 'match']) }),
  /** The intake form (新需求 / 新成果). */
  z.object({ v: z.literal(1), d: z.literal('submit'), kind: z.enum(PARTNERSHIP_KINDS) }),
]);
export type ActionValue = z.infer<typeof ActionValueSchema>;
export type DecisionValue = z.infer<typeof DecisionValueSchema>;

/** The values that become a workflow update. */
export const isDecision = (value: ActionValue): value is DecisionValue => value.d !== 'show' && value.d !== 'submit';
