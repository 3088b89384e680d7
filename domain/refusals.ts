import { ApplicationFailure } from '@temporalio/workflow';
import type { z } from 'zod';
import { describeIssues } from '../lib/validation.ts';

/** Why a decision was refused; the bot and CLI show the message, keyed by the type. */
export type RefusalType = 'InvalidDecision' | 'WrongStage' | 'NotAuthorised' | 'NotAllowedNow';
export const REFUSAL_TYPES: readonly RefusalType[] = ['InvalidDecision', 'WrongStage', 'NotAuthorised', 'NotAllowedNow'];

export const refuse = (type: RefusalType, message: string): never => {
  throw ApplicationFailure.create({ type, message, nonRetryable: true });
};

/** Parses a decision, or refuses it naming every field that is wrong. */
export const parseDecision = <S extends z.ZodType>(schema: S, payload: unknown): z.output<S> => {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  return refuse('InvalidDecision', describeIssues(parsed.error.issues));
};
