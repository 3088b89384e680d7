/** Lark and email sends run on their own task queues, rate-limited there for every worker at once. */
export const deliveryTaskQueue = (taskQueue: string, channel: 'lark' | 'email'): string => `${taskQueue}-${channel}`;
