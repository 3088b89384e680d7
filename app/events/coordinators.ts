import type { Actor } from '../../domain/actor.ts';
import { isCoordinator } from '../../domain/rules.ts';
import type { PrismaClient } from '../../lib/prisma.ts';

export interface EventRecord {
  readonly id: string;
  readonly name: string;
  readonly workflowId: string;
  readonly coordinatorIds: readonly string[];
}

/** An event by its code as people type it (in any case), or null. */
export const findEvent = (prisma: PrismaClient, code: string): Promise<EventRecord | null> =>
  prisma.event.findFirst({ where: { id: { equals: code, mode: 'insensitive' } }, select: { id: true, name: true, workflowId: true, coordinatorIds: true } });

/**
 * Who may change an event's docking list, launch it and register its signings: a programme
 * coordinator, and when the event names its coordinators, one of those. (The event's workflow
 * checks the role again.)
 */
export const coordinatesEvent = (event: Pick<EventRecord, 'coordinatorIds'>, actor: Actor): boolean =>
  isCoordinator(actor) && (event.coordinatorIds.length === 0 || event.coordinatorIds.includes(actor.personId));
