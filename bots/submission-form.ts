import type { z } from 'zod';
import { SubmissionSchema, type Submission } from '../app/intake.ts';
import type { Language } from '../notifications/content.ts';
import type { PartnershipKind } from '../domain/vocabulary.ts';
import { parseAmount } from '../app/decision-fields.ts';
import type { OrganisationChoice } from '../lark/cards/intake-form.ts';
import { listField, textField, type FormFields } from '../app/form-values.ts';
import { phrasesFor } from '../notifications/bot-phrases.ts';

/** "冶金、材料, 表面工程" → ['冶金', '材料', '表面工程']. */
const splitList = (value: string | undefined): string[] =>
  (value ?? '')
    .split(/[,，、;；\n]+/)
    .map((v) => v.trim())
    .filter(Boolean);

const labels = (language: Language): Record<string, string> => {
  const p = phrasesFor(language);
  return {
    enterprise: p.enterprise,
    university: p.university,
    title: p.fieldTitle,
    description: p.fieldDescription,
    summary: p.fieldSummary,
    fields: p.fieldFields,
    keywords: p.fieldKeywords,
    budgetWan: p.fieldBudget,
    cooperationModes: p.fieldModes,
    maturity: p.fieldMaturity,
    region: p.fieldRegion,
    industry: p.fieldIndustry,
  };
};

const describe = (issues: readonly z.core.$ZodIssue[], language: Language): string[] => {
  const names = labels(language);
  return issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    return field ? `${names[field] ?? field}: ${issue.message}` : issue.message;
  });
};

export type ParsedSubmission = { readonly ok: true; readonly submission: Submission } | { readonly ok: false; readonly problems: readonly string[] };

/**
 * The intake form's fields as a submission, checked with the same schema the intake uses, so
 * each wrong field is named in the form. An empty region is the organisation's own.
 */
export const parseSubmissionForm = (
  kind: PartnershipKind,
  fields: FormFields,
  organisations: readonly OrganisationChoice[],
  language: Language,
): ParsedSubmission => {
  const organisation = textField(fields, 'organisation');
  const region = textField(fields, 'region') ?? organisations.find((o) => o.name === organisation)?.region;
  const industry = textField(fields, 'industry');
  const shared = {
    title: textField(fields, 'title'),
    fields: splitList(textField(fields, 'fields')),
    cooperationModes: listField(fields, 'cooperationModes'),
    region,
    ...(industry ? { industry } : {}),
  };
  const raw =
    kind === 'demand'
      ? { kind, enterprise: organisation, description: textField(fields, 'description'), budgetWan: parseAmount(textField(fields, 'budgetWan')), ...shared }
      : {
          kind,
          university: organisation,
          summary: textField(fields, 'summary'),
          keywords: splitList(textField(fields, 'keywords')),
          maturity: Number(textField(fields, 'maturity')),
          ...shared,
        };
  const parsed = SubmissionSchema.safeParse(raw);
  return parsed.success ? { ok: true, submission: raw as Submission } : { ok: false, problems: describe(parsed.error.issues, language) };
};
