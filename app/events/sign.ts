import type { Client } from '@temporalio/client';
import type { Actor } from '../../domain/actor.ts';
import type { SignRequest } from '../../domain/event.ts';
import type { PrismaClient } from '../../lib/prisma.ts';
import type { Signer } from '../../releases/writers/index.ts';
import { registerSigningUpdate } from '../../workflows/event-messages.ts';
import { executeUpdate } from '../execute-update.ts';
import { eventHandle, runEventStep } from './handle.ts';

/** Registers a contract signed on site through the event workflow's sign step; a refusal by the event's data is told as its reason. */
export const signOnSite = async (prisma: PrismaClient, client: Client, eventId: string, request: SignRequest) =>
  runEventStep(executeUpdate(await eventHandle(prisma, client, eventId), registerSigningUpdate, { args: [request] }));

/** The release import's way to register its signings sheet: each row as `actor` signing on site. */
export const importSigner =
  (prisma: PrismaClient, client: Client, actor: Actor): Signer =>
  (eventId, request) =>
    signOnSite(prisma, client, eventId, { actor, ...request });
