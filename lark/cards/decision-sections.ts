import type { Actor } from '../../domain/vocabulary.ts';
import { isEnding } from '../../domain/vocabulary.ts';
import type { Awaiting, PartnershipStatus } from '../../workflows/state.ts';
import type { DecisionValue } from './action-value.ts';
import type { BotUser } from '../../bots/auth.ts';
import { candidatesSection } from './candidates.ts';
import { contractSection } from './contract.ts';
import { divider, type Element } from './elements.ts';
import { milestoneSection } from './milestone.ts';
import { negotiationSection } from './negotiation.ts';
import type { Prefill } from './prefill.ts';
import { proposalSection } from './proposal.ts';
import { reviewSection } from './review.ts';
import { reviseSection } from './revise.ts';
import { withdrawSection } from './withdraw.ts';

/** How many candidates a coordinator may propose at once, unless the policy says otherwise. */
export const DEFAULT_MAX_PROPOSALS = 3;

const partySide = (status: PartnershipStatus, actor: Actor): 'university' | 'enterprise' | null => {
  if (actor.role === 'tto_officer' && status.university && status.university.id === actor.organisationId) return 'university';
  if (actor.role === 'enterprise_contact' && status.enterprise && status.enterprise.id === actor.organisationId) return 'enterprise';
  return null;
};

/**
 * Whether an awaited action is this person's: `own` when it waits for them (their role, their
 * organisation: what 待办 lists), `allowed` when they may also take it (a coordinator acting for
 * a party, a party registering the contract: what a status card offers). The workflow's
 * validators make the final call and refuse anything else with their reason.
 */
export const concerns = (status: PartnershipStatus, awaiting: Awaiting, actor: Actor, scope: 'own' | 'allowed'): boolean => {
  if (actor.role === 'manager') return false;
  if (actor.role === 'coordinator') return scope === 'own' ? awaiting.role === 'coordinator' : awaiting.action !== 'respond_to_proposal';
  if (awaiting.action === 'revise' && status.submittedBy.personId === actor.personId) return true;
  if (awaiting.action === 'register_contract') return scope === 'allowed' && partySide(status, actor) !== null;
  return awaiting.role === actor.role && awaiting.organisation !== null && awaiting.organisation.id === actor.organisationId;
};

/** The actions awaited from this person (see `concerns`), one per action and subject. */
export const awaitedFrom = (status: PartnershipStatus, user: BotUser, scope: 'own' | 'allowed' = 'own'): Awaiting[] => {
  if (user.readOnly) return [];
  const seen = new Set<string>();
  return status.awaiting.filter((a) => {
    const key = `${a.action}:${a.subject ?? ''}`;
    if (seen.has(key) || !concerns(status, a, user.actor, scope)) return false;
    seen.add(key);
    return true;
  });
};

const canAgree = (status: PartnershipStatus, actor: Actor): boolean => {
  const last = status.rounds.at(-1);
  if (!last) return false;
  return actor.role === 'coordinator' || last.side !== partySide(status, actor);
};

/** The card section for one kind of decision, with what was typed so far when it is shown again. */
export const sectionFor = (value: DecisionValue, status: PartnershipStatus, user: BotUser, options: { maxProposals?: number; prefill?: Prefill } = {}): Element[] => {
  const { language } = user;
  const prefill = options.prefill ?? {};
  switch (value.d) {
    case 'review':
      return reviewSection(status.reference, language, prefill);
    case 'revise':
      return reviseSection(status, language, prefill);
    case 'select':
      return candidatesSection(status, language, options.maxProposals ?? DEFAULT_MAX_PROPOSALS, prefill);
    case 'respond': {
      const candidate = status.candidates.find((c) => c.id === value.candidateId);
      const proposal = status.proposals.find((p) => p.candidateId === value.candidateId);
      return proposalSection(
        {
          reference: status.reference,
          candidateId: value.candidateId,
          counterpart: proposal?.counterpart.name ?? candidate?.counterpart.name ?? value.candidateId,
          candidateTitle: candidate?.title,
          reasons: candidate?.reasons,
        },
        language,
        prefill,
      );
    }
    case 'terms':
    case 'conclude':
      return negotiationSection(status.reference, language, { canAgree: canAgree(status, user.actor) }, prefill);
    case 'contract':
      return contractSection(status.reference, language, prefill);
    case 'milestone': {
      const milestone = status.milestones.find((m) => m.seq === value.milestone);
      return milestoneSection({ reference: status.reference, seq: value.milestone, title: milestone?.title ?? '', dueAt: milestone?.dueAt }, language, prefill);
    }
    case 'withdraw':
      return withdrawSection(status.reference, language, prefill);
  }
};

const valueFor = (awaiting: Awaiting, reference: string): DecisionValue => {
  const ref = reference;
  switch (awaiting.action) {
    case 'review':
      return { v: 1, d: 'review', ref, decision: 'approve' };
    case 'revise':
      return { v: 1, d: 'revise', ref };
    case 'select_candidates':
      return { v: 1, d: 'select', ref };
    case 'respond_to_proposal':
      return { v: 1, d: 'respond', ref, candidateId: awaiting.subject ?? '', decision: 'accept' };
    case 'negotiate':
      return { v: 1, d: 'terms', ref };
    case 'register_contract':
      return { v: 1, d: 'contract', ref };
    case 'complete_milestone':
      return { v: 1, d: 'milestone', ref, milestone: Number(awaiting.subject) };
  }
};

/**
 * The decisions this person can take on the partnership now (`own`: those waiting for them;
 * `allowed`: all they may take), each with its buttons or form; with `withdraw`, also the
 * withdrawal (for a party, the submitter or a coordinator). Managers get none.
 */
export const decisionSections = (
  status: PartnershipStatus,
  user: BotUser,
  options: { scope?: 'own' | 'allowed'; withdraw?: boolean; maxProposals?: number } = {},
): Element[] => {
  const sections = awaitedFrom(status, user, options.scope).map((a) => sectionFor(valueFor(a, status.reference), status, user, options));
  const { actor } = user;
  const mayWithdraw =
    options.withdraw === true &&
    !user.readOnly &&
    !isEnding(status.stage) &&
    (actor.role === 'coordinator' || partySide(status, actor) !== null || status.submittedBy.personId === actor.personId);
  if (mayWithdraw) sections.push(withdrawSection(status.reference, user.language));
  return sections.flatMap((section, index) => (index === 0 ? section : [divider(), ...section]));
};
