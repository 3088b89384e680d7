import { z } from 'zod';
import { EVENT_ID_PATTERN } from '../../domain/event.ts';
import { REFERENCE_PATTERN } from '../../domain/reference.ts';
import { PARTNERSHIP_KINDS } from '../../domain/vocabulary.ts';
import { DECISION_NAMES } from '../../workflows/decisions/index.ts';

/** P-2026-000123, as people may type it (lower case, spaces around). */
export const ReferenceSchema = z.string().trim().toUpperCase().regex(REFERENCE_PATTERN, 'expected a reference number such as P-2026-000123');

/** A docking event's code, as people type it: LN-2026-03. */
export const EventCodeSchema = z.string().trim().regex(EVENT_ID_PATTERN, 'expected an event code such as LN-2026-03');

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

const Event = { v: z.literal(1), d: z.literal('event'), event: EventCodeSchema };
const Page = z.number().int().min(1).max(100_000);
const Pair = { demand: z.string().min(1).max(200), achievement: z.string().min(1).max(200) };

/**
 * A docking event's buttons and forms. Each names the event it acts on; the bot checks that the
 * clicker coordinates that event and the event's workflow checks the role, so a value copied from
 * another card can only do what its clicker may do anyway.
 */
const EventValueSchema = z.discriminatedUnion('op', [
  /** The event's card again. */
  z.object({ ...Event, op: z.literal('overview') }),
  /** A page of the docking list. */
  z.object({ ...Event, op: z.literal('dockings'), page: Page }),
  /** Strike or restore a pair, then show its page again. */
  z.object({ ...Event, op: z.literal('strike'), page: Page, ...Pair }),
  z.object({ ...Event, op: z.literal('restore'), page: Page, ...Pair }),
  /** The form adding a pair (its ids are the form's fields). */
  z.object({ ...Event, op: z.literal('add'), page: Page }),
  /** Launch asks first; `launch_confirmed` launches. */
  z.object({ ...Event, op: z.literal('launch') }),
  z.object({ ...Event, op: z.literal('launch_confirmed') }),
  /** The signing form, and its submission. */
  z.object({ ...Event, op: z.literal('sign_form') }),
  z.object({ ...Event, op: z.literal('sign') }),
]);
export type EventValue = z.infer<typeof EventValueSchema>;

/**
 * What a card button carries back, defined once: every card builder writes it and every callback
 * is parsed with it. `v` versions the format, so cards already sent keep working when it grows.
 * Form fields arrive separately, in the callback's `form_value`.
 */
export const ActionValueSchema = z.union([
  DecisionValueSchema,
  /** Opens another card in place (no decision): the status, the candidates to choose from, or (coordinators) the answers to record for a party. */
  z.object({ ...Ref, d: z.literal('show'), view: z.enum(['status', 'match', 'record']) }),
  /** The intake form (新需求 / 新成果). */
  z.object({ v: z.literal(1), d: z.literal('submit'), kind: z.enum(PARTNERSHIP_KINDS) }),
  EventValueSchema,
]);
export type ActionValue = z.infer<typeof ActionValueSchema>;
export type DecisionValue = z.infer<typeof DecisionValueSchema>;

/** The values that become a workflow update. */
export const isDecision = (value: ActionValue): value is DecisionValue => value.d !== 'show' && value.d !== 'submit' && value.d !== 'event';
