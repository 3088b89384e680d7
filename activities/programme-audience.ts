import { concernsCoordinator } from '../app/programmes/coordinators.ts';
import { listProgrammes } from '../app/programmes/store.ts';
import type { Transaction } from '../lib/prisma.ts';
import type { Audience, PartnershipEvent } from '../workflows/events.ts';

const isCoordinators = (audience: Audience): boolean => 'role' in audience && audience.role === 'coordinator';

/**
 * The event with "the coordinators" narrowed to those of the partnership's programme (and the
 * programmes above it) and those who coordinate none, the way their lists are scoped: a coordinator
 * of 辽宁 is not reminded of 江苏's partnerships.
 */
export const scopeCoordinators = async (tx: Transaction, partnershipId: string, event: PartnershipEvent): Promise<PartnershipEvent> => {
  if (!event.notify.some((spec) => spec.to.some(isCoordinators))) return event;
  const row = await tx.partnership.findUnique({ where: { id: partnershipId }, select: { programmeId: true } });
  if (!row?.programmeId) return event;
  const [programmes, coordinators] = await Promise.all([
    listProgrammes(tx),
    tx.person.findMany({ where: { role: 'coordinator' }, select: { id: true }, orderBy: { id: 'asc' } }),
  ]);
  const concerned: Audience[] = coordinators
    .filter((person) => concernsCoordinator(programmes, row.programmeId, person.id))
    .map((person) => ({ personId: person.id }));
  return {
    ...event,
    notify: event.notify.map((spec) => ({ ...spec, to: spec.to.flatMap((audience) => (isCoordinators(audience) ? concerned : [audience])) })),
  };
};
