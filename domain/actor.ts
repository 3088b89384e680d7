import { z } from 'zod';
import { ROLES } from './vocabulary.ts';

const Id = z.string().trim().min(1);

/** Who makes a decision: resolved from our directory by the bot or CLI, never typed by a user. */
export const ActorSchema = z.object({
  personId: Id,
  name: z.string().trim().min(1),
  role: z.enum(ROLES),
  organisationId: Id.nullable(),
});
export type Actor = z.infer<typeof ActorSchema>;

export const PartySchema = z.object({ id: Id, name: z.string().trim().min(1) });
export type Party = z.infer<typeof PartySchema>;
