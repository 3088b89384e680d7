/**
 * A decision made on a form (a Lark card, a web page): the clicked variant's values, its subject
 * and the fields as typed, turned into the decision's payload and checked with the registry's
 * schema, so a wrong field is named on the form before anything reaches the workflow. Who decides
 * is always the person acting, never a field.
 */
import type { UpdateDefinition } from '@temporalio/common';
import { z } from 'zod';
import type { Actor } from '../domain/actor.ts';
import { variantIn, type DecisionVariant, type FormField } from '../domain/decision-forms.ts';
import type { Spec } from '../domain/payload-spec.ts';
import type { Language } from '../notifications/content.ts';
import { describeProblems } from '../notifications/refusal-words.ts';
import type { AnyDecision } from '../workflows/decisions/index.ts';
import type { PartnershipStatus } from '../workflows/state.ts';
import { listField, textField, type FormFields } from './form-values.ts';
import { toZod } from './payload-zod.ts';
import { MILESTONE_KIND_WORDS, SIDE_WORDS } from './typed-words.ts';

/** "1,200,000", "1200000元", "120万" or "120 万元" as yuan; anything else is kept for the schema to name. */
export const parseAmount = (text: string | undefined): number | string | undefined => {
  if (text === undefined) return undefined;
  const match = /^([\d,，.]+)\s*(万)?\s*(元|cny|yuan)?$/i.exec(text.replace(/\s+/g, ''));
  if (!match) return text;
  const number = Number(match[1]!.replace(/[,，]/g, ''));
  if (!Number.isFinite(number)) return text;
  return match[2] ? Math.round(number * 10_000 * 100) / 100 : number;
};

/**
 * Milestones typed one per line: title | a kind (交付, 付款, 入企服务, 服务报告 or in English) | due date | university/高校
 * or enterprise/企业 | amount (optional). Unknown words are kept so that the schema names them.
 */
export const parseMilestoneLines = (text: string | undefined): unknown[] =>
  (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [title = '', kind = '', due = '', responsible = '', amount] = line.split(/\s*[|｜]\s*/);
      const amountCny = parseAmount(amount?.trim() || undefined);
      return {
        title,
        kind: MILESTONE_KIND_WORDS[kind.toLowerCase()] ?? kind,
        due,
        responsible: SIDE_WORDS[responsible.toLowerCase()] ?? responsible,
        ...(amountCny === undefined ? {} : { amountCny }),
      };
    });

/** A field's name on a form. */
export const fieldName = (field: FormField): string => field.name ?? field.key;

/** A field's value as typed, read the way its kind is written. */
const readField = (field: FormField, fields: FormFields): unknown => {
  const name = fieldName(field);
  switch (field.kind) {
    case 'text':
    case 'longText':
    case 'choice':
      return textField(fields, name);
    case 'amount':
      return parseAmount(textField(fields, name));
    case 'date':
      // A date picker answers "2026-11-20 +0800"; people type "2026-11-20".
      return textField(fields, name)?.slice(0, 10);
    case 'choices':
      return listField(fields, name);
    case 'milestoneLines':
      return parseMilestoneLines(textField(fields, name));
  }
};

/** The variant a button stands for: the one whose values it carries (a decision with one variant has it always). */
export const variantOf = (decision: AnyDecision, values: Readonly<Record<string, unknown>>): DecisionVariant | undefined => variantIn(decision.form, values);

/** What a decision is about, from a button's values: its subject (a candidate, a milestone) or else the variant it sets. */
export const subjectOf = (decision: AnyDecision, values: Readonly<Record<string, unknown>>): string => {
  const { subject } = decision.form;
  if (subject) {
    const value = values[subject.key];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  }
  return Object.values(variantOf(decision, values)?.set ?? {}).join(':');
};

/** The payload a form submission stands for: the variant's values, the subject, and the variant's fields as typed. */
export const payloadFromForm = (
  decision: AnyDecision,
  values: Readonly<Record<string, unknown>>,
  fields: FormFields,
  actor: Actor,
): Record<string, unknown> => {
  const variant = variantOf(decision, values);
  const payload: Record<string, unknown> = { actor, ...variant?.set };
  const { subject } = decision.form;
  if (subject) payload[subject.key] = values[subject.key];
  for (const field of variant?.fields ?? []) {
    const value = readField(field, fields);
    if (value !== undefined) payload[field.key] = value;
  }
  return payload;
};

/** A decision ready to send: the update and its payload, already checked against the workflow's own schema. */
export type PreparedDecision =
  | { readonly ok: true; readonly update: UpdateDefinition<PartnershipStatus, [unknown]>; readonly payload: unknown }
  | { readonly ok: false; readonly problems: readonly string[] };

const LOCALE_ERRORS = { zh: z.locales.zhCN().localeError, en: z.locales.en().localeError } as const;

const SCHEMAS = new Map<string, z.ZodType>();
/** The decision's payload spec as zod, built once. */
const schemaOf = (decision: AnyDecision): z.ZodType => {
  const known = SCHEMAS.get(decision.name);
  if (known) return known;
  const schema = toZod(decision.payload);
  SCHEMAS.set(decision.name, schema);
  return schema;
};

/**
 * Checks a payload with the decision's schema, in the person's language where zod has the words;
 * each problem names its field as the form labels it (or by its key, for JSON typed on the CLI).
 */
export const prepareDecision = (decision: AnyDecision, payload: unknown, language: Language, naming: 'keys' | 'labels' = 'labels'): PreparedDecision => {
  const parsed = schemaOf(decision).safeParse(payload, { error: LOCALE_ERRORS[language] });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
      message: issue.message,
    }));
    return { ok: false, problems: describeProblems(problems, language, naming) };
  }
  const update: UpdateDefinition<PartnershipStatus, [unknown]> = decision.update;
  return { ok: true, update, payload };
};

/** The longest text a field's payload key takes, as the decision's payload spec says (forms offer that much). */
export const maxLengthOf = (decision: AnyDecision, key: string): number | undefined => {
  const fields: Readonly<Record<string, Spec>> = decision.payload.fields;
  const field = fields[key];
  return field?.kind === 'text' ? field.max : undefined;
};
