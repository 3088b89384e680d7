import type { Actor } from '../../domain/actor.ts';
import { isCoordinator, mayWithdraw, sideOf } from '../../domain/rules.ts';
import { isEnding } from '../../domain/vocabulary.ts';
import { DECISIONS, decisionNamed, withdraw, type AnyDecision } from '../../workflows/decisions/index.ts';
import { isRecordable } from '../../workflows/decisions/on-behalf.ts';
import type { Awaiting, PartnershipStatus } from '../../workflows/state.ts';
import type { BotUser } from '../../bots/auth.ts';
import type { DecisionValue } from './action-value.ts';
import { selectableCandidates } from './candidates.ts';
import { decisionSection, type DecisionContext } from './decision-form.ts';
import { divider, type Element } from './elements.ts';
import type { Prefill } from './prefill.ts';

/** How many candidates a coordinator may propose at once, unless the policy says otherwise. */
export const DEFAULT_MAX_PROPOSALS = 3;

/**
 * Whether an awaited action is this person's: `own` when it waits for them (their role, their
 * organisation: what 待办 lists), `allowed` when they may also take it (a coordinator acting for
 * a party, a party registering the contract or planning its milestones: what a status card offers). The workflow's
 * validators make the final call and refuse anything else with their reason.
 */
export const concerns = (status: PartnershipStatus, awaiting: Awaiting, actor: Actor, scope: 'own' | 'allowed'): boolean => {
  if (actor.role === 'manager') return false;
  if (isCoordinator(actor)) return scope === 'own' ? awaiting.role === 'coordinator' : awaiting.action !== 'respond_to_proposal';
  if (awaiting.action === 'revise' && status.submittedBy.personId === actor.personId) return true;
  if (awaiting.action === 'register_contract' || awaiting.action === 'plan_milestones') return scope === 'allowed' && sideOf(status, actor) !== null;
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

/** What a decision's section needs to know of the partnership, the person and the subject. */
const contextFor = (
  decision: AnyDecision,
  status: PartnershipStatus,
  user: BotUser,
  subject: string | number | undefined,
  options: SectionOptions,
): DecisionContext => {
  const candidate = typeof subject === 'string' ? status.candidates.find((c) => c.id === subject) : undefined;
  const proposal = typeof subject === 'string' ? status.proposals.findLast((p) => p.candidateId === subject) : undefined;
  const milestone = typeof subject === 'number' ? status.milestones.find((m) => m.seq === subject) : undefined;
  return {
    reference: status.reference,
    subject,
    who: { actor: user.actor, view: status },
    maxProposals: options.maxProposals ?? DEFAULT_MAX_PROPOSALS,
    candidates: selectableCandidates(status),
    current: { title: status.title, summary: status.summary },
    ...(decision.form.subject?.key === 'candidateId'
      ? { counterpart: proposal?.counterpart.name ?? candidate?.counterpart.name, proposed: { title: candidate?.title, reasons: candidate?.reasons } }
      : {}),
    ...(milestone ? { milestone: { seq: milestone.seq, title: milestone.title, dueAt: milestone.dueAt } } : {}),
    ...(options.prefill ? { prefill: options.prefill } : {}),
  };
};

export interface SectionOptions {
  readonly maxProposals?: number;
  readonly prefill?: Prefill;
}

/** The section of the decision a button stands for, with what was typed so far when it is shown again. */
export const sectionFor = (value: DecisionValue, status: PartnershipStatus, user: BotUser, options: SectionOptions = {}): Element[] => {
  const decision = decisionNamed(value.d);
  if (!decision) return [];
  const key = decision.form.subject?.key;
  return decisionSection(decision, contextFor(decision, status, user, key === undefined ? undefined : value[key], options), user.language);
};

/** The decisions that answer an awaited action, each with its section. */
const sectionsFor = (awaiting: Awaiting, status: PartnershipStatus, user: BotUser, options: SectionOptions): Element[][] =>
  DECISIONS.filter((decision) => decision.answers === awaiting.action).map((decision) => {
    const subject = decision.form.subject?.kind === 'number' ? Number(awaiting.subject) : awaiting.subject;
    return decisionSection(decision, contextFor(decision, status, user, subject, options), user.language);
  });

/**
 * The decisions this person can take on the partnership now (`own`: those waiting for them;
 * `allowed`: all they may take), each with its buttons or form; with `withdraw`, also the
 * withdrawal (for a party, the submitter or a coordinator). Managers get none.
 */
export const decisionSections = (
  status: PartnershipStatus,
  user: BotUser,
  options: { scope?: 'own' | 'allowed'; withdraw?: boolean } & SectionOptions = {},
): Element[] => {
  const sections = awaitedFrom(status, user, options.scope).flatMap((a) => sectionsFor(a, status, user, options));
  const { actor } = user;
  if (options.withdraw === true && !user.readOnly && !isEnding(status.stage) && mayWithdraw(status, actor)) {
    sections.push(decisionSection(withdraw, contextFor(withdraw, status, user, undefined, options), user.language));
  }
  return sections.flatMap((section, index) => (index === 0 ? section : [divider(), ...section]));
};

/**
 * For a coordinator: the answers awaited from a party's office (a proposal, terms, a milestone),
 * each as a section that records the answer the office gave by phone or on site.
 */
export const recordSections = (status: PartnershipStatus, user: BotUser, options: SectionOptions = {}): Element[] => {
  if (user.readOnly || !isCoordinator(user.actor)) return [];
  const seen = new Set<string>();
  const sections = status.awaiting.flatMap((awaiting) => {
    const { organisation } = awaiting;
    const key = `${awaiting.action}:${awaiting.subject ?? ''}:${organisation?.id ?? ''}`;
    if (awaiting.role === 'coordinator' || organisation === null || seen.has(key)) return [];
    seen.add(key);
    return DECISIONS.filter((decision) => decision.answers === awaiting.action && isRecordable(decision)).map((decision) => {
      const subject = decision.form.subject?.kind === 'number' ? Number(awaiting.subject) : awaiting.subject;
      return decisionSection(decision, { ...contextFor(decision, status, user, subject, options), onBehalfOf: organisation }, user.language);
    });
  });
  return sections.flatMap((section, index) => (index === 0 ? section : [divider(), ...section]));
};
