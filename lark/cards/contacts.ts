import type { Channel } from '../../generated/prisma/enums.ts';
import type { Role } from '../../domain/vocabulary.ts';
import type { Language } from '../../notifications/content.ts';
import { phrasesFor } from '../../notifications/bot-phrases.ts';
import { contactsPhrasesFor } from '../../notifications/contacts-phrases.ts';
import { card } from './card.ts';
import { clip, escapeMarkdown as e, markdown, type Card } from './elements.ts';

/** Someone at the organisation, as the directory has them. */
export interface Contact {
  readonly name: string;
  readonly role: Role;
  readonly larkOpenId: string | null;
  readonly email: string | null;
  readonly channel: Channel;
}

/** People a card lists; the rest are counted. Each line stays under 400 bytes, so 60 keep well within 30 KB. */
export const CONTACTS_SHOWN = 60;
const NAME_SHOWN = 60;
const EMAIL_SHOWN = 100;

/** l***@edu.cn: the first character of the local part, the domain whole. */
export const maskEmail = (email: string): string => {
  const at = email.lastIndexOf('@');
  return at <= 0 ? '***' : `${email[0]}***${email.slice(at)}`;
};

/**
 * 联系人 ORG: who at an organisation is reachable, and how. Emails are shown whole to coordinators
 * only. An organisation nobody there can be reached at is said so plainly.
 */
export const contactsCard = (organisation: string, contacts: readonly Contact[], viewer: { readonly coordinator: boolean }, language: Language): Card => {
  const c = contactsPhrasesFor(language);
  const p = phrasesFor(language);
  const title = c.title(clip(organisation, NAME_SHOWN));
  const reachable = contacts.filter((contact) => contact.larkOpenId !== null || contact.email !== null);
  if (reachable.length === 0) return card(title, 'grey', [markdown(e(c.nobodyReachable(clip(organisation, NAME_SHOWN))))]);
  const lines = contacts.slice(0, CONTACTS_SHOWN).map((contact) =>
    c.person({
      name: e(clip(contact.name, NAME_SHOWN)),
      role: p.role[contact.role],
      lark: contact.larkOpenId !== null,
      email: contact.email === null ? null : e(clip(viewer.coordinator ? contact.email : maskEmail(contact.email), EMAIL_SHOWN)),
      channel: c.channel[contact.channel],
    }),
  );
  if (contacts.length > CONTACTS_SHOWN) lines.push(c.more(contacts.length - CONTACTS_SHOWN));
  return card(title, 'blue', [markdown(lines.join('\n'))]);
};
