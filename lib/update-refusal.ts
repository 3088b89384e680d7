import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { REFUSAL_TYPES, type RefusalType } from '../domain/refusals.ts';

export interface Refusal {
  readonly type: RefusalType;
  readonly message: string;
}

/** The workflow's reason for refusing a decision, or null when the error is something else. */
export const refusalOf = (error: unknown): Refusal | null => {
  if (!(error instanceof WorkflowUpdateFailedError)) return null;
  const cause = error.cause;
  if (cause instanceof ApplicationFailure && REFUSAL_TYPES.includes(cause.type as RefusalType)) {
    return { type: cause.type as RefusalType, message: cause.message };
  }
  return null;
};
