/**
 * A decision as a card section, drawn from its record in the registry (workflows/decisions/):
 * the prompt, what the decision is about, and for each way of making it (its variants) a button,
 * or a form with its fields and submit buttons. Variants with the same fields share one form.
 */
import { fieldName, maxLengthOf } from '../../app/decision-fields.ts';
import type { Actor } from '../../domain/actor.ts';
import type { DecisionVariant, DecisionView, FormField } from '../../domain/decision-forms.ts';
import type { Language } from '../../notifications/content.ts';
import { DECISION_WORDS, type PromptContext } from '../../notifications/decision-words.ts';
import { phrasesFor } from '../../notifications/bot-phrases.ts';
import type { AnyDecision } from '../../workflows/decisions/index.ts';
import type { Candidate } from '../../workflows/events.ts';
import type { DecisionValue } from './action-value.ts';
import { candidateList } from './candidates.ts';
import {
  button,
  buttonRow,
  datePicker,
  escapeMarkdown as e,
  form,
  formScope,
  input,
  markdown,
  multiSelect,
  select,
  submitButton,
  type Element,
  type FormScope,
} from './elements.ts';
import { list, text, type Prefill } from './prefill.ts';

/** One line of text in a card input: Lark's inputs take at most 1000 characters; longer texts get several inputs. */
const ONE_LINE_MAX = 1000;
/** A choice's label is kept short enough to read in a drop-down. */
const OPTION_LABEL_MAX = 100;

/** What the section shows and offers: the partnership as far as the card knows it, and the person it is for. */
export interface DecisionContext extends PromptContext {
  readonly reference: string;
  /** The subject of the decision (a candidate id, a milestone's number), when it has one. */
  readonly subject?: string | number | undefined;
  /** The person and the partnership, to offer a variant only to whom it is open (agreeing to terms). */
  readonly who?: { readonly actor: Actor; readonly view: DecisionView } | undefined;
  /** Without `who`: offer the variants that depend on the person anyway (a notification to the party that may agree). */
  readonly offerConditional?: boolean;
  /** The candidates still open to propose, for a choice among them. */
  readonly candidates?: readonly Candidate[];
  /** The proposal being answered: what was proposed, and why it matches. */
  readonly proposed?: { readonly title?: string | undefined; readonly reasons?: readonly string[] | undefined };
  /** The partnership's current title and summary, where a form starts from them. */
  readonly current?: { readonly title?: string | undefined; readonly summary?: string | undefined };
  /** What the person typed before, when the section is shown again with an error. */
  readonly prefill?: Prefill;
  /** A coordinator records this organisation's answer (given by phone, on site): its buttons carry `for`. */
  readonly onBehalfOf?: { readonly id: string; readonly name: string } | undefined;
}

const offered = (variant: DecisionVariant, context: DecisionContext): boolean => {
  if (!variant.offeredTo) return true;
  return context.who ? variant.offeredTo(context.who.view, context.who.actor) : context.offerConditional === true;
};

/** The value a variant's button carries back: the decision, the variant's values and the subject. */
export const decisionValue = (
  decision: AnyDecision,
  variant: DecisionVariant,
  context: Pick<DecisionContext, 'reference' | 'subject' | 'onBehalfOf'>,
): DecisionValue => ({
  v: 1,
  d: decision.name,
  ref: context.reference,
  ...variant.set,
  ...(decision.form.subject && context.subject !== undefined ? { [decision.form.subject.key]: context.subject } : {}),
  ...(context.onBehalfOf ? { for: context.onBehalfOf.id } : {}),
});

const fieldElement = (decision: AnyDecision, field: FormField, scope: FormScope, context: DecisionContext, language: Language): Element => {
  const words = DECISION_WORDS[language];
  const name = fieldName(field);
  const label = words.fields[field.key] ?? field.key;
  const prefill = context.prefill ?? {};
  const required = field.required ?? false;
  const choices = (values: readonly string[]) => values.map((value) => ({ value, label: words.choices[field.key]?.[value] ?? value }));
  switch (field.kind) {
    case 'choice':
      return select(scope, name, label, choices(Array.isArray(field.choices) ? field.choices : []), { required, initial: text(prefill, name) });
    case 'choices': {
      const open = context.candidates ?? [];
      const options = open.map((c, index) => ({ value: c.id, label: `${index + 1}. ${c.counterpart.name} — ${c.title}`.slice(0, OPTION_LABEL_MAX) }));
      return multiSelect(scope, name, label, field.choices === 'candidates' ? options : choices(field.choices ?? []), {
        required,
        initial: list(prefill, name),
      });
    }
    case 'date':
      return datePicker(scope, name, label, { required, initial: text(prefill, name)?.slice(0, 10) });
    default: {
      const multiline = field.kind === 'longText' || field.kind === 'milestoneLines';
      const max = field.maxLength ?? maxLengthOf(decision, field.key) ?? ONE_LINE_MAX;
      const placeholder = words.hints[field.key] ?? field.hint;
      return input(scope, name, label, {
        required,
        multiline,
        maxLength: multiline ? max : Math.min(max, ONE_LINE_MAX),
        initial: text(prefill, name) ?? (field.current ? context.current?.[field.current] : undefined),
        ...(placeholder ? { placeholder } : {}),
      });
    }
  }
};

/** What the decision is about, above its forms: the proposal's title and reasons, or the candidates to choose from. */
const about = (decision: AnyDecision, context: DecisionContext, language: Language): Element[] => {
  if (decision.form.variants.some((v) => v.fields.some((f) => f.choices === 'candidates'))) return [candidateList(context.candidates ?? [], language)];
  const { proposed } = context;
  if (!proposed) return [];
  const lines = [...(proposed.title ? [`**${e(proposed.title)}**`] : []), ...(proposed.reasons ?? []).map((reason) => `· ${e(reason)}`)];
  return lines.length > 0 ? [markdown(lines.join('\n'))] : [];
};

/** The decision's section of a card, in the person's language. */
export const decisionSection = (decision: AnyDecision, context: DecisionContext, language: Language): Element[] => {
  const words = DECISION_WORDS[language].decisions[decision.name];
  const variants = decision.form.variants.filter((variant) => offered(variant, context));
  const groups = new Map<string, DecisionVariant[]>();
  for (const variant of variants) {
    const key = variant.fields.map((f) => f.key).join(',');
    groups.set(key, [...(groups.get(key) ?? []), variant]);
  }
  const label = (variant: DecisionVariant) => words.buttons[variant.id] ?? variant.id;
  const forWhom = context.onBehalfOf ? `**${e(phrasesFor(language).recordFor(context.onBehalfOf.name))}**　` : '';
  const elements: Element[] = [markdown(`${forWhom}${e(words.prompt(context))}`), ...about(decision, context, language)];
  for (const [key, group] of groups) {
    if (key === '') {
      elements.push(...group.map((variant) => button(label(variant), decisionValue(decision, variant, context), variant.style ?? 'default')));
      continue;
    }
    const scope = formScope(context.reference, decision.name, context.subject ?? '', key);
    const submits = group.map((variant) =>
      submitButton(scope, variant.id, label(variant), decisionValue(decision, variant, context), variant.style ?? 'primary'),
    );
    elements.push(
      form(scope, [
        ...group[0]!.fields.map((field) => fieldElement(decision, field, scope, context, language)),
        submits.length > 1 ? buttonRow(submits) : submits[0]!,
      ]),
    );
  }
  return elements;
};
