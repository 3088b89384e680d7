import { ApplicationFailure } from '@temporalio/common';
import { LARK_CREDENTIALS_REJECTED, LARK_RATE_LIMITED, LARK_TOKEN_REJECTED, LARK_UNAVAILABLE, permanentDeliveryFailure } from '../domain/failures.ts';
import { LarkError } from '../lark/messages.ts';

/**
 * What a failed Lark call means to the activity that made it, the one place a LarkError becomes a
 * Temporal failure: a rate limit retries after Lark's reset (`nextRetryDelay`); an outage, a refused
 * tenant token or refused app credentials retry with the activity's backoff; a refusal or an
 * invalid request is a permanent delivery failure. Anything else is returned as it is.
 */
export const larkActivityFailure = (error: unknown): unknown => {
  if (!(error instanceof LarkError)) return error;
  switch (error.kind) {
    case 'rate_limited':
      return ApplicationFailure.create({
        message: error.message,
        type: LARK_RATE_LIMITED,
        ...(error.retryAfterMs === undefined ? {} : { nextRetryDelay: error.retryAfterMs }),
      });
    case 'unavailable':
      return ApplicationFailure.retryable(error.message, LARK_UNAVAILABLE);
    case 'token_rejected':
      return ApplicationFailure.retryable(error.message, LARK_TOKEN_REJECTED);
    case 'credentials_rejected':
      return ApplicationFailure.retryable(error.message, LARK_CREDENTIALS_REJECTED);
    case 'refused':
      return permanentDeliveryFailure(error.message, { details: [{ code: error.code ?? null, msg: error.larkMessage ?? null, status: error.status ?? null }] });
    case 'invalid_request':
      return permanentDeliveryFailure(error.message);
  }
};
