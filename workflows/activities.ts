import type { createActivities, createDeliveryActivities } from '../activities/index.ts';

/** Every activity a workflow may call, as types only: workflows never import activity code. */
export type Activities = ReturnType<typeof createActivities> & ReturnType<typeof createDeliveryActivities>;
