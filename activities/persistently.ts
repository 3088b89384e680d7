/**
 * Pauses between tries of a write that follows a send the server accepted: the database restarting or
 * a dropped connection, about 12 s in all, so that the attempt ends inside its minute. Failing the
 * attempt instead would send the message again.
 */
export const AFTER_SEND_PAUSES_MS: readonly number[] = [250, 500, 1_000, 2_000, 3_000, 5_000];

/** Runs `write` until it succeeds, pausing between tries; the last failure is thrown. */
export const persistently = async <T>(write: () => Promise<T>, pauses: readonly number[] = AFTER_SEND_PAUSES_MS): Promise<T> => {
  for (const pause of pauses) {
    try {
      return await write();
    } catch {
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
  return write();
};
