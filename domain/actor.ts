import { nullable, object, oneOf, optional, text, type ValueOf } from './payload-spec.ts';
import { ROLES } from './vocabulary.ts';

const Id = text(200);

/** Who makes a decision: resolved from our directory by the bot or CLI, never typed by a user. */
export const ActorSpec = object({ personId: Id, name: text(200), role: oneOf(ROLES), organisationId: nullable(Id) });
export type Actor = ValueOf<typeof ActorSpec>;

/**
 * A party's person whose answer, given by phone or on site, a coordinator records: resolved from
 * the directory like the actor. The decision is checked and made as theirs, recorded by the coordinator.
 */
export const OnBehalfSpec = optional(ActorSpec);

export const PartySpec = object({ id: Id, name: text(500) });
export type Party = ValueOf<typeof PartySpec>;
