import type { PrismaClient, Transaction } from '../lib/prisma.ts';
import type { Unreachability } from '../domain/vocabulary.ts';
import type { PartnershipEvent } from '../workflows/events.ts';
import { channelsFor, resolveAudiences } from './outbox.ts';

/** An organisation a proposal is addressed to that nobody can be reached at, and why. */
export interface Unreached {
  readonly organisationId: string;
  readonly missing: Unreachability;
}

/** Who the proposals speak to, once each, in order. */
const addressed = (organisationIds: readonly string[]) => [...new Set(organisationIds)].map((organisationId) => ({ organisationId }));

const unreachedAmong = async (tx: Transaction, organisationIds: readonly string[]): Promise<Unreached[]> => {
  const audiences = addressed(organisationIds);
  if (audiences.length === 0) return [];
  const membersOf = await resolveAudiences(tx, audiences);
  return audiences.flatMap(({ organisationId }) => {
    const people = membersOf({ organisationId });
    if (people.some((person) => channelsFor(person).length > 0)) return [];
    return [{ organisationId, missing: people.length === 0 ? ('nobody' as const) : ('no_address' as const) }];
  });
};

/**
 * The organisations among the event's match proposals that nobody can be reached at: the
 * workflow holds such a proposal rather than let it lapse unheard.
 */
export const unreachedCounterparts = (tx: Transaction, event: PartnershipEvent): Promise<Unreached[]> =>
  unreachedAmong(
    tx,
    event.notify.flatMap((spec) =>
      spec.template === 'match_proposed' ? spec.to.flatMap((audience) => ('organisationId' in audience ? [audience.organisationId] : [])) : [],
    ),
  );

/** The activity a held proposal's recheck asks: which of these organisations someone can be reached at now. */
export const createReachableOrganisations = (prisma: PrismaClient) =>
  async function reachableOrganisations(input: { readonly organisationIds: readonly string[] }): Promise<string[]> {
    const unreached = new Set((await unreachedAmong(prisma, input.organisationIds)).map((u) => u.organisationId));
    return input.organisationIds.filter((id) => !unreached.has(id));
  };
