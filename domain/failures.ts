import { ApplicationFailure } from '@temporalio/common';

/**
 * The Temporal failure types this service throws and its retry policies name, defined once.
 * Workflows compare them at run time (`nonRetryableErrorTypes`), so their values never change.
 */

/** recordEvent: the partnership the event belongs to does not exist; no retry can create it. */
export const INVALID_EVENT = 'InvalidEvent';
/** A partnership workflow started with input that does not parse. */
export const INVALID_INPUT = 'InvalidInput';
/** A delivery activity asked to send a message that is not in the outbox. */
export const UNKNOWN_MESSAGE = 'UnknownMessage';
/** A delivery that must not be retried (see `permanentDeliveryFailure`). */
export const PERMANENT_DELIVERY_ERROR = 'PermanentDeliveryError';

/** Retryable Lark failures: rate limited (retried after Lark's reset), 5xx / network, a refused tenant token, refused app credentials. */
export const LARK_RATE_LIMITED = 'LarkRateLimited';
export const LARK_UNAVAILABLE = 'LarkUnavailable';
export const LARK_TOKEN_REJECTED = 'LarkTokenRejected';
export const LARK_CREDENTIALS_REJECTED = 'LarkCredentialsRejected';

/**
 * A delivery that no retry can mend: the recipient has no address on the channel, the server
 * refused the message permanently (SMTP 5xx, a Lark refusal), or the payload cannot be rendered.
 * Both channels report it this way; delivery marks the notification failed instead of retrying.
 */
export const permanentDeliveryFailure = (
  message: string,
  options: { readonly cause?: unknown; readonly details?: readonly unknown[] } = {},
): ApplicationFailure =>
  ApplicationFailure.create({
    message,
    type: PERMANENT_DELIVERY_ERROR,
    nonRetryable: true,
    ...(options.cause instanceof Error ? { cause: options.cause } : {}),
    ...(options.details ? { details: [...options.details] } : {}),
  });

/** Whether an error is a permanent delivery failure (from `permanentDeliveryFailure`, or one that crossed Temporal as that type). */
export const isPermanentDeliveryFailure = (error: unknown): error is ApplicationFailure =>
  error instanceof ApplicationFailure && error.type === PERMANENT_DELIVERY_ERROR;
