import type { UpdateDefinition } from '@temporalio/common';
import type { z } from 'zod';
import type { Language } from '../notifications/content.ts';
import {
  CandidateSelectionSchema,
  ContractRegistrationSchema,
  MilestoneCompletionSchema,
  NegotiationOutcomeSchema,
  ProposalResponseSchema,
  ReviewDecisionSchema,
  RevisionSchema,
  TermsProposalSchema,
  WithdrawalSchema,
} from '../workflows/decisions.ts';
import type { Actor } from '../domain/vocabulary.ts';
import * as messages from '../workflows/messages.ts';
import type { PartnershipStatus } from '../workflows/state.ts';
import type { DecisionValue } from '../lark/cards/action-value.ts';
import { WORDS } from '../notifications/words.ts';
import { listField, textField, type FormFields } from './form-fields.ts';
import { phrasesFor } from '../notifications/bot-phrases.ts';
import { MILESTONE_KIND_WORDS, SIDE_WORDS } from './vocabulary.ts';

/** A decision ready to send: the update and its payload, already checked against the workflow's own schema. */
export type PreparedDecision =
  | { readonly ok: true; readonly update: UpdateDefinition<PartnershipStatus, [unknown]>; readonly payload: unknown }
  | { readonly ok: false; readonly problems: readonly string[] };

/** "1,200,000", "1200000元", "120万" or "120 万元" as yuan; anything else is kept for the schema to name. */
export const parseAmount = (text: string | undefined): number | string | undefined => {
  if (text === undefined) return undefined;
  const match = /^([\d,，.]+)\s*(万)?\s*(元|cny|yuan)?$/i.exec(text.replace(/\s+/g, ''));
  if (!match) return text;
  const number = Number(match[1]!.replace(/[,，]/g, ''));
  if (!Number.isFinite(number)) return text;
  return match[2] ? Math.round(number * 10_000 * 100) / 100 : number;
};

/** A date picker answers "2026-11-20 +0800"; people type "2026-11-20". */
const dateField = (fields: FormFields, name: string): string | undefined => textField(fields, name)?.slice(0, 10);

/**
 * Milestones typed one per line: title | deliverable/交付 or payment/付款 | due date | university/高校
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


const FIELD_LABELS = (language: Language): Record<string, string> => {
  const p = phrasesFor(language);
  const w = WORDS[language].label;
  return {
    comment: w.comment,
    note: p.note,
    title: p.fieldTitle,
    summary: p.fieldSummary,
    candidateIds: p.candidates,
    category: p.declineCategory,
    reason: w.reason,
    terms: w.terms,
    amountCny: p.amountCny,
    next: p.next,
    type: w.contractType,
    signedOn: w.signedOn,
    milestones: p.milestones,
    evidenceUrl: p.evidenceUrl,
  };
};

/** Each problem with the field named as the form labels it: "履约节点 第 2 行 · due: expected a date…". */
export const describeProblems = (issues: readonly z.core.$ZodIssue[], language: Language): string[] => {
  const labels = FIELD_LABELS(language);
  const p = phrasesFor(language);
  return issues.map((issue) => {
    const [field, index, ...rest] = issue.path.map(String);
    if (field === undefined) return issue.message;
    const label = labels[field] ?? field;
    const where = field === 'milestones' && index !== undefined ? `${label} ${p.line(Number(index) + 1)}${rest.length ? ` · ${rest.join('.')}` : ''}` : label;
    return `${where}: ${issue.message}`;
  });
};

const check = <S extends z.ZodType>(
  update: UpdateDefinition<PartnershipStatus, [z.input<S>]>,
  schema: S,
  payload: Record<string, unknown>,
  language: Language,
): PreparedDecision => {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) return { ok: false, problems: describeProblems(parsed.error.issues, language) };
  return { ok: true, update: update as unknown as UpdateDefinition<PartnershipStatus, [unknown]>, payload };
};

/**
 * Turns a click (the button's value and the form's fields) into the workflow update it stands
 * for, checked with the same zod schema the workflow uses, so a wrong field is named in the card
 * before anything is sent. Who decides is always the clicking person, never a form field.
 */
export const prepareDecision = (value: DecisionValue, fields: FormFields, actor: Actor, language: Language): PreparedDecision => {
  const optional = (name: string) => {
    const text = textField(fields, name);
    return text === undefined ? {} : { [name]: text };
  };
  switch (value.d) {
    case 'review':
      return check(messages.reviewUpdate, ReviewDecisionSchema, { actor, decision: value.decision, ...optional('comment') }, language);
    case 'revise':
      return check(messages.reviseUpdate, RevisionSchema, { actor, ...optional('title'), ...optional('summary'), note: textField(fields, 'note') }, language);
    case 'select':
      return check(messages.selectCandidatesUpdate, CandidateSelectionSchema, { actor, candidateIds: listField(fields, 'candidates') }, language);
    case 'respond':
      return check(
        messages.respondToProposalUpdate,
        ProposalResponseSchema,
        { actor, candidateId: value.candidateId, decision: value.decision, ...(value.decision === 'decline' ? { ...optional('category'), ...optional('reason') } : {}) },
        language,
      );
    case 'terms': {
      const amountCny = parseAmount(textField(fields, 'amount'));
      return check(messages.proposeTermsUpdate, TermsProposalSchema, { actor, terms: textField(fields, 'terms'), ...(amountCny === undefined ? {} : { amountCny }) }, language);
    }
    case 'conclude':
      return check(
        messages.concludeNegotiationUpdate,
        NegotiationOutcomeSchema,
        { actor, outcome: value.outcome, ...(value.outcome === 'failed' ? { ...optional('next'), ...optional('reason') } : {}) },
        language,
      );
    case 'contract':
      return check(
        messages.registerContractUpdate,
        ContractRegistrationSchema,
        {
          actor,
          type: textField(fields, 'type'),
          amountCny: parseAmount(textField(fields, 'amount')),
          signedOn: dateField(fields, 'signedOn'),
          milestones: parseMilestoneLines(textField(fields, 'milestones')),
        },
        language,
      );
    case 'milestone':
      return check(messages.completeMilestoneUpdate, MilestoneCompletionSchema, { actor, milestone: value.milestone, evidenceUrl: textField(fields, 'evidenceUrl') }, language);
    case 'withdraw':
      return check(messages.withdrawUpdate, WithdrawalSchema, { actor, reason: textField(fields, 'reason') }, language);
  }
};
