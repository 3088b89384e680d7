/** Every workflow the worker runs; this file is the worker's workflowsPath. */
export { partnership } from './partnership.ts';
export { dispatchReminders, weeklyDigest } from './scheduled.ts';
export { dockingEvent } from './event.ts';
