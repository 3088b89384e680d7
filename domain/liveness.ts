/**
 * How long an activity may go without a heartbeat before Temporal tries it again elsewhere. Every
 * activity heartbeats while it runs (lib/activity-heartbeat.ts), so a worker that died mid-attempt
 * is noticed after this, not after the attempt's whole start-to-close timeout (a minute for a send,
 * ten for an event's batch). It leaves room for a busy event loop: the SDK sends a heartbeat at most
 * every 80% of it, so a heartbeat may be late by a few seconds without the attempt being given up.
 */
export const HEARTBEAT_TIMEOUT = '20 seconds';
