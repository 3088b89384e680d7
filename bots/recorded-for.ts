import { SPEAKER_ROLES } from '../domain/vocabulary.ts';
import type { Actor } from '../domain/actor.ts';
import type { PrismaClient } from '../lib/prisma.ts';
import type { DecisionValue } from '../lark/cards/action-value.ts';

/** What a button's `for` adds to the decision: the person it is recorded for, or the organisation that has nobody to record for. */
export type RecordedFor = { readonly payload: { onBehalfOf?: Actor }; readonly nobody?: undefined } | { readonly payload?: undefined; readonly nobody: string };

/**
 * The person a coordinator records an answer for, from the organisation a record card's button
 * names: someone who speaks for it, one who can be told first. Who may record, and for whom, is
 * the workflow's check; this only names the person.
 */
export const recordedFor = async (prisma: PrismaClient, value: DecisionValue): Promise<RecordedFor> => {
  const organisationId = value['for'];
  if (typeof organisationId !== 'string') return { payload: {} };
  const people = await prisma.person.findMany({
    where: { organisationId, role: { in: [...SPEAKER_ROLES] } },
    select: { id: true, name: true, role: true, organisationId: true, larkOpenId: true, email: true },
    orderBy: { name: 'asc' },
  });
  const person = people.find((p) => p.larkOpenId !== null || p.email !== null) ?? people[0];
  if (!person) {
    const organisation = await prisma.organisation.findUnique({ where: { id: organisationId }, select: { name: true } });
    return { nobody: organisation?.name ?? organisationId };
  }
  return { payload: { onBehalfOf: { personId: person.id, name: person.name, role: person.role, organisationId: person.organisationId } } };
};
