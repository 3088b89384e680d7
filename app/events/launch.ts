import type { WorkflowHandle } from '@temporalio/client';
import type { Actor } from '../../domain/actor.ts';
import { dockingSubmissionKey } from '../../domain/event.ts';
import type { PrismaClient } from '../../lib/prisma.ts';
import { launchDockingsUpdate } from '../../workflows/event-messages.ts';
import type { EventStatus } from '../../workflows/event-state.ts';
import type { dockingEvent } from '../../workflows/index.ts';
import { executeUpdate } from '../execute-update.ts';
import { runEventStep } from './handle.ts';

/** What a launch would take now: demands with pairs neither struck nor launched, and those pairs. */
export const launchPreview = async (prisma: PrismaClient, eventId: string): Promise<{ demands: number; pairs: number }> => {
  const open = await prisma.docking.groupBy({ by: ['demandId'], where: { eventId, status: { in: ['listed', 'added'] } }, _count: { _all: true } });
  return { demands: open.length, pairs: open.reduce((sum, row) => sum + row._count._all, 0) };
};

const launchedPartnerships = (prisma: PrismaClient, eventId: string): Promise<number> =>
  prisma.partnership.count({ where: { eventId, submissionKey: { startsWith: dockingSubmissionKey(eventId, '') } } });

export interface LaunchOutcome {
  readonly status: EventStatus;
  /** Partnerships the launch created. */
  readonly started: number;
  /** Demands launched again whose partnership was already there (a pair added or restored after an earlier launch). */
  readonly existing: number;
}

/** The event's launch step (the `launchDockings` update, as `event launch` sends it), with what it started counted. */
export const launchDockings = async (
  prisma: PrismaClient,
  handle: WorkflowHandle<typeof dockingEvent>,
  eventId: string,
  actor: Actor,
): Promise<LaunchOutcome> => {
  const [preview, before] = await Promise.all([launchPreview(prisma, eventId), launchedPartnerships(prisma, eventId)]);
  const status = await runEventStep(executeUpdate(handle, launchDockingsUpdate, { args: [{ actor }] }));
  const started = (await launchedPartnerships(prisma, eventId)) - before;
  return { status, started, existing: Math.max(0, preview.demands - started) };
};
