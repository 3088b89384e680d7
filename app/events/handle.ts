import { WorkflowUpdateFailedError, type Client, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { EVENT_REQUEST_REFUSED, eventWorkflowId } from '../../domain/event.ts';
import type { PrismaClient } from '../../lib/prisma.ts';
import { ValidationError } from '../../lib/validation.ts';
import type { dockingEvent } from '../../workflows/index.ts';

/** The event's workflow, once its row is known to exist. */
export const eventHandle = async (prisma: PrismaClient, client: Client, eventId: string): Promise<WorkflowHandle<typeof dockingEvent>> => {
  const event = await prisma.event.findUnique({ where: { id: eventId }, select: { workflowId: true } });
  if (!event) throw new ValidationError(`no event ${eventId} (create it with \`event create\`)`);
  return client.workflow.getHandle<typeof dockingEvent>(event.workflowId ?? eventWorkflowId(eventId));
};

/** An organisation of the directory by id or by name, or null. */
export const findOrganisation = (prisma: PrismaClient, kind: 'university' | 'enterprise', who: string): Promise<{ id: string; name: string } | null> =>
  prisma.organisation.findFirst({ where: { kind, OR: [{ id: who }, { name: who }] }, select: { id: true, name: true } });

/** An organisation of the directory by id or by name. */
export const organisationNamed = async (prisma: PrismaClient, kind: 'university' | 'enterprise', who: string): Promise<string> => {
  const found = await findOrganisation(prisma, kind, who);
  if (!found) throw new ValidationError(`no ${kind} "${who}" in the directory (give its id or name)`);
  return found.id;
};

/** An event step, its refusal by the event's data (an unknown demand…) turned into the reason a person reads. */
export const runEventStep = async <T>(step: Promise<T>): Promise<T> => {
  try {
    return await step;
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type === EVENT_REQUEST_REFUSED) {
      throw new ValidationError(error.cause.message);
    }
    throw error;
  }
};
