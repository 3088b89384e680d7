import { isCoordinator } from '../domain/rules.ts';
import { contactsCard } from '../lark/cards/contacts.ts';
import { escapeMarkdown, type Card } from '../lark/cards/elements.ts';
import { noticeCard } from '../lark/cards/notice.ts';
import { contactsPhrasesFor } from '../notifications/contacts-phrases.ts';
import type { BotUser } from './auth.ts';
import type { BotContext } from './context.ts';

/**
 * 联系人 ORG / contacts ORG: the organisation named (by id, else by its full name) and who there is
 * reachable how. Coordinators and the organisation's own people may look; others are refused.
 */
export const answerContactsCommand = async (ctx: BotContext, user: BotUser, typed: string): Promise<Card> => {
  const c = contactsPhrasesFor(user.language);
  const organisation = await ctx.prisma.organisation.findFirst({
    where: { OR: [{ id: typed }, { name: { equals: typed, mode: 'insensitive' } }] },
    select: { id: true, name: true },
    orderBy: { id: 'asc' },
  });
  if (!organisation) return noticeCard(c.title(typed), c.noSuchOrganisation(escapeMarkdown(typed)), 'grey');
  const coordinator = isCoordinator(user.actor);
  if (!coordinator && user.actor.organisationId !== organisation.id) return noticeCard(c.title(organisation.name), c.notYours, 'orange');
  const people = await ctx.prisma.person.findMany({
    where: { organisationId: organisation.id },
    select: { name: true, role: true, larkOpenId: true, email: true, channel: true },
    orderBy: [{ role: 'asc' }, { name: 'asc' }],
  });
  return contactsCard(organisation.name, people, { coordinator }, user.language);
};
