/** The error name (and Temporal failure type) of a delivery that must not be retried. */
export const PERMANENT_DELIVERY_ERROR = 'PermanentDeliveryError';

/**
 * A delivery that no retry can mend: the recipient has no address on the channel, the server
 * refused the message permanently (SMTP 5xx), or the payload cannot be rendered. Delivery marks
 * the notification failed instead of retrying; it recognises the error by its `name`.
 */
export class PermanentDeliveryError extends Error {
  override name = PERMANENT_DELIVERY_ERROR;
}
