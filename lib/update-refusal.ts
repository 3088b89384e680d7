import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { isRefusalCode, isRefusalType, type Refusal } from '../domain/refusals.ts';

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The code and parameters a refusal's failure details carry (domain/refusals.ts `refuse`). */
const isRefusalDetail = (value: unknown): value is Pick<Refusal, 'code' | 'params'> => isRecord(value) && isRefusalCode(value.code) && isRecord(value.params);

/** The workflow's reason for refusing a decision, or null when the error is something else. */
export const refusalOf = (error: unknown): Refusal | null => {
  if (!(error instanceof WorkflowUpdateFailedError)) return null;
  const cause = error.cause;
  if (!(cause instanceof ApplicationFailure) || !isRefusalType(cause.type)) return null;
  const detail: unknown = cause.details?.[0];
  return isRefusalDetail(detail) ? { type: cause.type, code: detail.code, params: detail.params } : null;
};
