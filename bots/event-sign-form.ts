import { z } from 'zod';
import { parseAmount } from '../app/decision-fields.ts';
import { findOrganisation } from '../app/events/handle.ts';
import { findRelease } from '../app/events/releases.ts';
import { textField, type FormFields } from '../app/form-values.ts';
import type { SignRequest } from '../domain/event.ts';
import { CONTRACT_TYPES } from '../domain/vocabulary.ts';
import type { PrismaClient } from '../lib/prisma.ts';
import type { Language } from '../notifications/content.ts';
import { eventPhrasesFor } from '../notifications/event-phrases.ts';

/** Asia/Shanghai is UTC+8 all year, so plain arithmetic gives its calendar date. */
export const todayInShanghai = (now = Date.now()): string => new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((day) => !Number.isNaN(Date.parse(day)));

/** The signing form's fields as the callback carries them (texts, the date picker's "2026-12-10 +0800"). */
const SignFieldsSchema = z.object({
  kind: z.enum(['demand', 'achievement']),
  subject: z.string().max(200),
  university: z.string().max(200).optional(),
  enterprise: z.string().max(200).optional(),
  type: z.enum(CONTRACT_TYPES),
  amount: z.preprocess((value) => parseAmount(typeof value === 'string' ? value : undefined), z.number().positive().max(1e12)),
  signedOn: z.preprocess((value) => (typeof value === 'string' ? value.slice(0, 10) : value), Day),
});
type Field = keyof z.input<typeof SignFieldsSchema>;
const FIELDS = Object.keys(SignFieldsSchema.shape) as Field[];

export interface ParsedSigning {
  readonly request: Omit<SignRequest, 'actor'>;
  readonly subjectTitle: string;
  readonly counterpart: string;
}

/**
 * The signing form read into the request `event sign` sends: the demand or achievement by id or
 * release number, its own organisation taken from it when left empty, the counterpart by id or
 * name. Every problem is named in the person's language.
 */
export const parseSignForm = async (
  prisma: PrismaClient,
  fields: FormFields,
  language: Language,
): Promise<{ readonly ok: true; readonly signing: ParsedSigning } | { readonly ok: false; readonly problems: readonly string[] }> => {
  const p = eventPhrasesFor(language);
  const parsed = SignFieldsSchema.safeParse(Object.fromEntries(FIELDS.map((field) => [field, textField(fields, field)])));
  if (!parsed.success) {
    const wrong = new Set(parsed.error.issues.map((issue) => issue.path[0]));
    return { ok: false, problems: FIELDS.filter((field) => wrong.has(field)).map((field) => p.fieldHint[field]) };
  }
  const form = parsed.data;
  const [own, other] = form.kind === 'demand' ? (['enterprise', 'university'] as const) : (['university', 'enterprise'] as const);
  const [subject, ownGiven, otherGiven] = await Promise.all([
    findRelease(prisma, form.kind, form.subject),
    form[own] === undefined ? null : findOrganisation(prisma, own, form[own]),
    form[other] === undefined ? null : findOrganisation(prisma, other, form[other]),
  ]);
  const problems: string[] = [];
  if (!subject) problems.push(p.unknownRelease(form.kind, form.subject));
  if (form[own] !== undefined && !ownGiven) problems.push(p.noOrganisation(own, form[own]));
  if (subject && ownGiven && ownGiven.id !== subject.owner.id) problems.push(p.notOwner(form.kind, subject.id, subject.owner.name));
  if (form[other] === undefined) problems.push(p.fieldHint[other]);
  else if (!otherGiven) problems.push(p.noOrganisation(other, form[other]));
  if (!subject || !otherGiven || problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    signing: {
      request: {
        subject: { kind: form.kind, id: subject.id },
        universityId: form.kind === 'demand' ? otherGiven.id : subject.owner.id,
        enterpriseId: form.kind === 'demand' ? subject.owner.id : otherGiven.id,
        type: form.type,
        amountCny: form.amount,
        signedOn: form.signedOn,
      },
      subjectTitle: subject.title,
      counterpart: otherGiven.name,
    },
  };
};
