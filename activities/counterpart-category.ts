import type { EnterpriseCategory } from '../domain/enterprise.ts';
import type { Transaction } from '../lib/prisma.ts';
import type { NotificationSpec, NotificationSpecOf, PartnershipEvent } from '../workflows/events.ts';

/**
 * The category of the enterprise an event makes the counterpart (an achievement's proposal
 * accepted, or signed on site), so the workflow can set the managers' EnterpriseCategory filter
 * once the enterprise is known; nothing for other events or a university counterpart.
 */
export const counterpartCategory = async (tx: Transaction, event: PartnershipEvent): Promise<{ enterpriseCategory?: EnterpriseCategory }> => {
  if (event.type !== 'proposal_accepted' && event.type !== 'signed_on_site') return {};
  const organisation = await tx.organisation.findUnique({ where: { id: event.data.counterpart.id }, select: { kind: true, enterpriseCategory: true } });
  return organisation?.kind === 'enterprise' && organisation.enterpriseCategory ? { enterpriseCategory: organisation.enterpriseCategory } : {};
};

const isAcceptance = (spec: NotificationSpec): spec is NotificationSpecOf<'proposal_accepted'> => spec.template === 'proposal_accepted';

/** The event with the accepting enterprise's category in its acceptance notice, where the enterprise is named. */
export const withCounterpartCategory = (event: PartnershipEvent, category: EnterpriseCategory | undefined): PartnershipEvent =>
  category === undefined
    ? event
    : {
        ...event,
        notify: event.notify.map((spec) => (isAcceptance(spec) ? { ...spec, data: { ...spec.data, counterpartCategory: category } } : spec)),
      };
