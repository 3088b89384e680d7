import type { Channel } from '../generated/prisma/enums.ts';
import type { Language } from './content.ts';

/** What the 联系人 / contacts command says. */
interface ContactsPhrases {
  readonly title: (organisation: string) => string;
  readonly person: (fields: { name: string; role: string; lark: boolean; email: string | null; channel: string }) => string;
  readonly channel: Readonly<Record<Channel, string>>;
  readonly nobodyReachable: (organisation: string) => string;
  readonly more: (count: number) => string;
  readonly noSuchOrganisation: (typed: string) => string;
  readonly notYours: string;
}

const zh: ContactsPhrases = {
  title: (organisation) => `联系人 · ${organisation}`,
  person: ({ name, role, lark, email, channel }) => `**${name}** · ${role} · 飞书：${lark ? '是' : '否'} · 邮箱：${email ?? '无'} · 接收方式：${channel}`,
  channel: { lark: '飞书', email: '邮件', both: '飞书和邮件' },
  nobodyReachable: (organisation) => `${organisation} 目前没有可以联系的人：名录中没有此单位人员的飞书账号或邮箱。`,
  more: (count) => `另有 ${count} 人未显示。`,
  noSuchOrganisation: (typed) => `没有找到单位“${typed}”，请用单位全称或编号。`,
  notYours: '只有项目协调员和本单位人员可以查看单位的联系人。',
};

const en: ContactsPhrases = {
  title: (organisation) => `Contacts · ${organisation}`,
  person: ({ name, role, lark, email, channel }) =>
    `**${name}** · ${role} · Lark: ${lark ? 'yes' : 'no'} · email: ${email ?? 'none'} · notified by: ${channel}`,
  channel: { lark: 'Lark', email: 'email', both: 'Lark and email' },
  nobodyReachable: (organisation) => `Nobody at ${organisation} can be reached: the directory has no Lark account or email for its people.`,
  more: (count) => `${count} more not shown.`,
  noSuchOrganisation: (typed) => `There is no organisation "${typed}"; use its full name or id.`,
  notYours: "Only programme coordinators and the organisation's own people may see its contacts.",
};

const CONTACTS_PHRASES: Readonly<Record<Language, ContactsPhrases>> = { zh, en };

export const contactsPhrasesFor = (language: Language): ContactsPhrases => CONTACTS_PHRASES[language];
