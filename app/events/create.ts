import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { z } from 'zod';
import type { Actor } from '../../domain/actor.ts';
import { EVENT_HOST_KINDS, EVENT_ID_PATTERN, eventWorkflowId, type EventInput } from '../../domain/event.ts';
import type { ProgrammePolicyInput } from '../../domain/policy.ts';
import type { PrismaClient } from '../../lib/prisma.ts';
import { parseInput, ValidationError } from '../../lib/validation.ts';
import { eventProgrammeId } from '../programmes/assign.ts';
import type { dockingEvent } from '../../workflows/index.ts';

const Day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((d) => !Number.isNaN(Date.parse(d)), 'not a date');

/** An event as its organisers describe it. */
export const EventDetailsSchema = z
  .object({
    id: z.string().trim().regex(EVENT_ID_PATTERN, 'expected a code such as LN-2026-03 (letters, digits, - and _)'),
    name: z.string().trim().min(1).max(200),
    startsOn: Day,
    endsOn: Day,
    place: z.string().trim().min(1).max(200),
    hostKind: z.enum(EVENT_HOST_KINDS),
    host: z.string().trim().min(1).max(200),
    programme: z.string().trim().min(1).max(200),
    coordinatorIds: z.array(z.string().trim().min(1)).min(1, 'name at least one coordinator'),
  })
  .refine((e) => e.startsOn <= e.endsOn, { path: ['endsOn'], message: 'the event cannot end before it starts' });
export type EventDetails = z.input<typeof EventDetailsSchema>;

export interface EventDependencies {
  readonly prisma: PrismaClient;
  readonly client: Client;
  readonly taskQueue: string;
  readonly policy: ProgrammePolicyInput;
}

/**
 * Creates a docking event: its row, then its workflow (`event-<id>`). Creating it again, even after
 * a crash between the two, finds the row and the same workflow; a different event under a code
 * already taken is refused.
 */
export const createEvent = async (deps: EventDependencies, creator: Actor, raw: unknown): Promise<{ id: string; workflowId: string; created: boolean }> => {
  const details = parseInput(EventDetailsSchema, raw, 'event');
  if (creator.role !== 'coordinator') throw new ValidationError('only a programme coordinator can create a docking event');
  const coordinators = await deps.prisma.person.findMany({ where: { id: { in: details.coordinatorIds } }, select: { id: true, role: true } });
  for (const id of details.coordinatorIds) {
    const person = coordinators.find((p) => p.id === id);
    if (!person) throw new ValidationError(`event: coordinators: no person "${id}" in the directory`);
    if (person.role !== 'coordinator') throw new ValidationError(`event: coordinators: ${id} is not a coordinator`);
  }
  const workflowId = eventWorkflowId(details.id);
  const data = {
    name: details.name,
    startsOn: new Date(`${details.startsOn}T00:00:00Z`),
    endsOn: new Date(`${details.endsOn}T00:00:00Z`),
    place: details.place,
    hostKind: details.hostKind,
    host: details.host,
    programme: details.programme,
    coordinatorIds: details.coordinatorIds,
  };
  const existing = await deps.prisma.event.findUnique({ where: { id: details.id } });
  if (existing && (existing.name !== details.name || existing.place !== details.place || existing.host !== details.host)) {
    throw new ValidationError(`event ${details.id} already exists as "${existing.name}" (${existing.place}); choose another code`);
  }
  if (!existing)
    await deps.prisma.event.create({
      data: { id: details.id, workflowId, createdById: creator.personId, programmeId: await eventProgrammeId(deps.prisma, details), ...data },
    });
  const input: EventInput = { ...details, createdBy: creator, policy: deps.policy };
  let created = !existing;
  try {
    await deps.client.workflow.start<typeof dockingEvent>('dockingEvent', {
      workflowId,
      taskQueue: deps.taskQueue,
      args: [input],
      staticSummary: `${details.id} · ${details.name} · ${details.startsOn}–${details.endsOn} · ${details.place}`,
      staticDetails: [
        `**${details.id}** ${details.name}`,
        `${details.programme} docking event (对接会) hosted by ${details.host} (${details.hostKind}), ${details.place}, ${details.startsOn} to ${details.endsOn}`,
        `Created by ${creator.name}; coordinators ${details.coordinatorIds.join(', ')}`,
      ].join('\n\n'),
    });
    created = true;
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
  return { id: details.id, workflowId, created };
};
