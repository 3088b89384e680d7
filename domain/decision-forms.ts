/**
 * What a person fills in to make a decision, as data: the bot draws its card forms from it, and
 * (later) web pages their forms; the values that come back are turned into the decision's payload
 * by app/decision-fields.ts. Labels and prompts are wording, keyed by the decision and field.
 */
import type { Actor } from './actor.ts';
import type { PartiesView } from './rules.ts';
import type { Side } from './vocabulary.ts';

/**
 * How a field is filled in and read back: one line or several of text, an amount (people type
 * "120万"), a date, one or several choices, or contract milestones one per line.
 */
export type FieldKind = 'text' | 'longText' | 'amount' | 'date' | 'choice' | 'choices' | 'milestoneLines';

export interface FormField {
  /** The payload key the field fills. */
  readonly key: string;
  /** Its name on a form, where that differs from the key. */
  readonly name?: string;
  readonly kind: FieldKind;
  readonly required?: boolean;
  /** The values a choice offers (their labels are wording), or `candidates`: the partnership's open candidates. */
  readonly choices?: readonly string[] | 'candidates';
  /** Starts from the partnership's current value (a revision starts from the text as it is). */
  readonly current?: 'title' | 'summary';
  /** A literal hint shown in the empty field (`https://`, `1200000`), when no wording is needed. */
  readonly hint?: string;
  /** The longest text, for a field the payload schema does not bound as one text (milestones, one per line). */
  readonly maxLength?: number;
}

/** A contract's milestones, one per line, for MilestonePlansSpec (domain/decision-payloads.ts). */
export const milestonesField: FormField = { key: 'milestones', kind: 'milestoneLines', required: true, maxLength: 5000 };

/** What a decision's view of the partnership needs for the rules that decide what to offer. */
export interface DecisionView extends PartiesView {
  readonly rounds: readonly { readonly side: Side | 'coordinator' }[];
}

/**
 * One way of making the decision: a button that sets some payload values (approve, reject…) and
 * the fields that go with it. Variants with the same fields share one form.
 */
export interface DecisionVariant {
  readonly id: string;
  readonly set: Readonly<Record<string, string>>;
  readonly fields: readonly FormField[];
  readonly style?: 'primary' | 'default' | 'danger';
  /** Offered only to whom this holds (the workflow refuses anyone else all the same). */
  readonly offeredTo?: (view: DecisionView, actor: Actor) => boolean;
}

export interface DecisionForm {
  /** The payload key naming what the decision is about (a candidate, a milestone), from the awaited action. */
  readonly subject?: { readonly key: string; readonly kind: 'text' | 'number' };
  readonly variants: readonly DecisionVariant[];
}

/** The variant a set of values stands for: the one whose values they carry (a form with one variant has it always). */
export const variantIn = (form: DecisionForm, values: Readonly<Record<string, unknown>>): DecisionVariant | undefined =>
  form.variants.find((variant) => Object.entries(variant.set).every(([key, value]) => values[key] === value));
