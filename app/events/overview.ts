import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { EventReport } from '../../domain/event.ts';
import type { PrismaClient } from '../../lib/prisma.ts';
import { eventStatusQuery } from '../../workflows/event-messages.ts';
import type { EventStatus } from '../../workflows/event-state.ts';
import type { dockingEvent } from '../../workflows/index.ts';
import { composeEventReport } from './report.ts';

export interface EventOverview {
  readonly status: EventStatus;
  readonly report: EventReport;
}

/** What the bot shows for an event: its workflow's status and the report as the database has it now; null for no such event. */
export const eventOverview = async (prisma: PrismaClient, client: Client, eventId: string): Promise<EventOverview | null> => {
  const row = await prisma.event.findUnique({ where: { id: eventId }, select: { workflowId: true } });
  if (!row) return null;
  try {
    const [status, report] = await Promise.all([
      client.workflow.getHandle<typeof dockingEvent>(row.workflowId).query(eventStatusQuery),
      composeEventReport(prisma, eventId),
    ]);
    return { status, report };
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return null;
    throw error;
  }
};
