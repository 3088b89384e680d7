import { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import type { Actor } from '../domain/actor.ts';
import type { DockingEdit, EventFigures, EventReport } from '../domain/event.ts';
import type { PrismaClient } from '../lib/prisma.ts';
import { eventFigures } from '../app/events/figures.ts';
import { composeEventReport } from '../app/events/report.ts';
import { buildDockingList, type DockingListBuilt } from './docking-list.ts';
import { editDockings, type DockingsEdited } from './docking-edits.ts';
import { launchDockingBatch, type LaunchBatchInput, type LaunchedBatch } from './launch-dockings.ts';
import { registerSigning, type SigningInput, type SigningRegistered } from './signing.ts';

export interface EventActivityDependencies {
  readonly prisma: PrismaClient;
  /** Launches and signings start and update partnership workflows. */
  readonly client?: Client;
}

/** Each step's own result, and the event's figures after it, for the workflow's status. */
type WithFigures<T> = T & { readonly figures: EventFigures };

/** The docking event's steps; each returns the event's figures as they stand after it. */
export const createEventActivities = ({ prisma, client }: EventActivityDependencies) => {
  const figures = (eventId: string) => eventFigures(prisma, eventId);
  /** Partnerships start on the queue this activity runs on: the worker's main queue. */
  const starting = () => {
    if (!client) throw new Error('launching partnerships needs a Temporal client in the activities’ dependencies');
    return { prisma, client, taskQueue: Context.current().info.taskQueue };
  };
  return {
    async buildDockingList(input: { eventId: string }): Promise<WithFigures<DockingListBuilt>> {
      const built = await buildDockingList(prisma, input.eventId);
      return { ...built, figures: await figures(input.eventId) };
    },
    async editDockings(input: { eventId: string; actor: Actor; edits: readonly DockingEdit[] }): Promise<WithFigures<DockingsEdited>> {
      const edited = await editDockings(prisma, input.eventId, input.actor.personId, input.edits);
      return { ...edited, figures: await figures(input.eventId) };
    },
    async launchDockingBatch(input: LaunchBatchInput): Promise<WithFigures<LaunchedBatch>> {
      const batch = await launchDockingBatch(starting(), input);
      return { ...batch, figures: await figures(input.eventId) };
    },
    async registerSigning(input: SigningInput): Promise<WithFigures<SigningRegistered>> {
      const signed = await registerSigning(starting(), input);
      return { ...signed, figures: await figures(input.eventId) };
    },
    async composeEventReport(input: { eventId: string }): Promise<{ report: EventReport; figures: EventFigures }> {
      const [report, now] = await Promise.all([composeEventReport(prisma, input.eventId), figures(input.eventId)]);
      return { report, figures: now };
    },
  };
};
