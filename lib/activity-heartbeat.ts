import type { ActivityInterceptorsFactory } from '@temporalio/worker';

/** A heartbeat every third of the timeout, so that one held up by a busy event loop still arrives in time. */
const HEARTBEATS_PER_TIMEOUT = 3;

/**
 * Heartbeats for the whole of every activity that asked for heartbeats (a `heartbeatTimeout`), so
 * the server notices a dead worker within that timeout. The activities themselves do one bounded
 * piece of work each and know nothing of it.
 */
export const heartbeatWhileRunning: ActivityInterceptorsFactory = (context) => ({
  inbound: {
    async execute(input, next) {
      const timeoutMs = context.info.heartbeatTimeoutMs;
      if (!timeoutMs) return next(input);
      // The first after a third of the timeout: the many activities that take milliseconds send none.
      const beating = setInterval(() => context.heartbeat(), timeoutMs / HEARTBEATS_PER_TIMEOUT);
      try {
        return await next(input);
      } finally {
        clearInterval(beating);
      }
    },
  },
});
