/**
 * Who may do what, as pure predicates: the workflow's validators and the cards that offer a
 * decision both ask these, so a card never offers what the workflow would refuse for who you are.
 */
import type { Actor, Party } from './actor.ts';
import { roleOfSide, soughtSide, submittingSide, type PartnershipKind, type Side } from './vocabulary.ts';

/** What the rules need to know of a partnership: its kind, its parties so far, and who submitted it. */
export interface PartiesView {
  readonly kind: PartnershipKind;
  readonly university: Party | null;
  readonly enterprise: Party | null;
  readonly submittedBy: { readonly personId: string };
}

export const isCoordinator = (actor: Actor): boolean => actor.role === 'coordinator';

/** The party an actor speaks for in this partnership, if any: the TTO of its university or the contact of its enterprise. */
export const sideOf = (view: PartiesView, actor: Actor): Side | null => {
  const { university, enterprise } = view;
  if (actor.role === roleOfSide('university') && university && actor.organisationId === university.id) return 'university';
  if (actor.role === roleOfSide('enterprise') && enterprise && actor.organisationId === enterprise.id) return 'enterprise';
  return null;
};

/** A coordinator, or the party an actor speaks for; null for anyone else. */
export const speaksFor = (view: PartiesView, actor: Actor): Side | 'coordinator' | null => (isCoordinator(actor) ? 'coordinator' : sideOf(view, actor));

/** The submitter, a colleague who speaks for the submitting organisation, or a coordinator. */
export const speaksForSubmission = (view: PartiesView, actor: Actor): boolean =>
  isCoordinator(actor) || actor.personId === view.submittedBy.personId || sideOf(view, actor) === submittingSide(view.kind);

/** Anyone with a stake: a coordinator, either party, or the submitter. */
export const mayWithdraw = (view: PartiesView, actor: Actor): boolean => speaksFor(view, actor) !== null || speaksForSubmission(view, actor);

/** Terms are agreed by the party that did not propose the latest round, or by a coordinator; never before a round exists. */
export const mayAgree = (view: PartiesView & { readonly rounds: readonly { readonly side: Side | 'coordinator' }[] }, actor: Actor): boolean => {
  const last = view.rounds.at(-1);
  if (!last) return false;
  const side = speaksFor(view, actor);
  return side === 'coordinator' || (side !== null && side !== last.side);
};

/** A proposal is answered by the office that speaks for the proposed organisation. */
export const mayAnswerProposal = (kind: PartnershipKind, counterpart: Party, actor: Actor): boolean =>
  actor.role === roleOfSide(soughtSide(kind)) && actor.organisationId === counterpart.id;

/** A milestone is marked done by the party responsible for it, or by a coordinator. */
export const mayCompleteMilestone = (view: PartiesView, responsible: Side, actor: Actor): boolean =>
  isCoordinator(actor) || sideOf(view, actor) === responsible;

/** Who submits for an organisation of a kind: a coordinator, or the organisation's own TTO or contact. */
export const maySubmitFor = (kind: PartnershipKind, organisationId: string, actor: Actor): boolean =>
  isCoordinator(actor) || (actor.role === roleOfSide(submittingSide(kind)) && actor.organisationId === organisationId);
