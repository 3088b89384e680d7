import type { ActivityInterceptorsFactory } from '@temporalio/worker';

/** Heartbeats per heartbeat timeout: two may be lost or late and the attempt still lives. */
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
      context.heartbeat();
      const beating = setInterval(() => context.heartbeat(), timeoutMs / HEARTBEATS_PER_TIMEOUT);
      try {
        return await next(input);
      } finally {
        clearInterval(beating);
      }
    },
  },
});
