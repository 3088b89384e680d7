import type { Language } from '../../notifications/content.ts';
import type { Stage } from '../../domain/vocabulary.ts';
import { ENTERPRISE_CATEGORY_NAMES, type EnterpriseCategory } from '../../domain/enterprise.ts';
import type { PartnershipStatus } from '../../workflows/state.ts';
import type { BotUser } from '../../bots/auth.ts';
import { formatAmount } from '../../notifications/format.ts';
import { WORDS } from '../../notifications/words.ts';
import { actedBy, formatTime } from '../../notifications/format.ts';
import { phrasesFor } from '../../notifications/bot-phrases.ts';
import { decisionSections, recordSections } from './decision-sections.ts';
import { card } from './card.ts';
import { button, divider, escapeMarkdown as e, markdown, type Colour, type Element } from './elements.ts';
import { stampVersion } from './version.ts';

const STAGE_COLOURS: Record<Stage, Colour> = {
  intake: 'yellow',
  review: 'orange',
  matchmaking: 'blue',
  negotiation: 'indigo',
  contracting: 'purple',
  milestones: 'turquoise',
  completed: 'green',
  rejected: 'red',
  unmatched: 'grey',
  withdrawn: 'grey',
};

export const stageColour = (stage: Stage): Colour => STAGE_COLOURS[stage];

/** "P-2026-000123 · 精轧机工作辊磨损快" */
export const headline = (status: Pick<PartnershipStatus, 'reference' | 'title'>): string => `${status.reference} · ${status.title}`;

/** Who is awaited for what, and by when: one line each. */
export const awaitingLines = (status: PartnershipStatus, language: Language): string[] => {
  const w = WORDS[language];
  const p = phrasesFor(language);
  return status.awaiting.map((a) => {
    const who = a.organisation?.name ?? p.role[a.role];
    const subject = a.action === 'complete_milestone' && a.subject ? ` #${a.subject}` : '';
    return `${e(who)}${w.colon}${w.action[a.action]}${subject}${a.deadline ? `（${w.label.deadline} ${formatTime(a.deadline, language)}）` : ''}`;
  });
};

/** The enterprise as cards name it: with its category (龙头企业, 专精特新企业…) when the directory gives one. */
export const enterpriseLabel = (name: string, category: EnterpriseCategory | undefined, language: Language): string =>
  category ? `${e(name)}${language === 'zh' ? `（${ENTERPRISE_CATEGORY_NAMES[category].zh}）` : ` (${ENTERPRISE_CATEGORY_NAMES[category].en})`}` : e(name);

/** The facts a person needs about a partnership: stage, parties, deadlines, candidates, terms, contract, last decisions. */
export const statusElements = (
  status: PartnershipStatus,
  language: Language,
  detail: 'full' | 'brief' = 'full',
  enterpriseCategory?: EnterpriseCategory,
): Element[] => {
  const p = phrasesFor(language);
  const w = WORDS[language];
  const enterprise = status.enterprise ? enterpriseLabel(status.enterprise.name, enterpriseCategory, language) : e(p.none);
  const facts = [
    `**${w.label.stage}**：${w.stage[status.stage]}${status.outcome ? ` — ${e(status.outcome.reason)}` : ''}`,
    `**${p.enterprise}**：${enterprise}　**${p.university}**：${e(status.university?.name ?? p.none)}`,
    `**${p.region}**：${e(status.region)}　**${p.industry}**：${e(status.industry)}　**${p.submittedBy}**：${e(status.submittedBy.name)}`,
  ];
  const awaiting = awaitingLines(status, language);
  if (awaiting.length > 0) facts.push(`**${p.awaiting}**：\n${awaiting.map((line) => `- ${line}`).join('\n')}`);
  const elements: Element[] = [markdown(facts.join('\n'))];
  if (detail === 'brief') return elements;

  const sections: string[] = [];
  if (status.proposals.length > 0) {
    sections.push(
      `**${p.proposals}**\n${status.proposals
        .map(
          (proposal) =>
            `- ${e(proposal.counterpart.name)}：${proposal.status}${proposal.category ? `（${w.declineCategory[proposal.category]}）` : ''}${proposal.decidedBy ? ` · ${e(proposal.decidedBy)}` : ''}`,
        )
        .join('\n')}`,
    );
  }
  if (status.rounds.length > 0) {
    sections.push(
      `**${p.rounds}**\n${status.rounds
        .slice(-3)
        .map((r) => `- #${r.round} ${e(r.by)}：${e(r.terms)}${r.amountCny !== undefined ? `（${formatAmount(r.amountCny, language)}）` : ''}`)
        .join('\n')}`,
    );
  }
  if (status.contract) {
    const c = status.contract;
    sections.push(
      `**${p.contract}**：${w.contractType[c.type]} · ${formatAmount(c.amountCny, language)} · ${w.label.signedOn} ${c.signedOn} · ${e(c.registeredBy)}`,
    );
  }
  if (status.milestones.length > 0) {
    sections.push(
      `**${p.milestones}**\n${status.milestones
        .map(
          (m) =>
            `- ${m.done ? '✅' : '⬜'} ${m.seq}. ${e(m.title)}（${w.milestoneKind[m.kind]}，${w.side[m.responsible]}）${w.label.due} ${formatTime(m.dueAt, language)}`,
        )
        .join('\n')}`,
    );
  }
  if (status.history.length > 0) {
    sections.push(
      `**${p.recentDecisions}**\n${status.history
        .slice(-5)
        .map((h) => `- ${formatTime(h.at, language)} ${e(actedBy(h, language))}${w.colon}${e(h.note)}`)
        .join('\n')}`,
    );
  }
  if (sections.length > 0) elements.push(markdown(sections.join('\n\n')));
  return elements;
};

/** 进度 / status: the partnership, then the decisions this person can take now (and withdrawal). */
export const statusCard = (
  status: PartnershipStatus,
  user: BotUser,
  options: { maxProposals?: number; enterpriseCategory?: EnterpriseCategory | undefined } = {},
): Record<string, unknown> => {
  const decisions = stampVersion(decisionSections(status, user, { ...options, scope: 'allowed', withdraw: true }), status);
  const recording = recordSections(status, user).length > 0;
  return card(headline(status), stageColour(status.stage), [
    ...statusElements(status, user.language, 'full', options.enterpriseCategory),
    ...(decisions.length > 0 ? [divider(), ...decisions] : []),
    ...(recording ? [divider(), button(phrasesFor(user.language).recordButton, { v: 1, d: 'show', ref: status.reference, view: 'record' })] : []),
  ]);
};
