import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { EventReport } from '../domain/event.ts';
import type { EditDockingsRequest, LaunchRequest, SignRequest } from '../domain/event.ts';
import type { Actor } from '../domain/actor.ts';
import type { EventStatus } from './event-state.ts';

/** What a coordinator asks of a docking event's workflow; each step is recorded in its history. */
export const buildDockingListUpdate = defineUpdate<EventStatus, [{ actor: Actor }]>('buildDockingList');
export const editDockingsUpdate = defineUpdate<EventStatus, [EditDockingsRequest]>('editDockings');
export const launchDockingsUpdate = defineUpdate<EventStatus, [LaunchRequest]>('launchDockings');
export const registerSigningUpdate = defineUpdate<{ reference: string; status: EventStatus }, [SignRequest]>('registerSigning');
export const eventReportUpdate = defineUpdate<EventReport, [{ actor: Actor }]>('eventReport');

export const eventStatusQuery = defineQuery<EventStatus>('eventStatus');
