import type { Actor, Side, Stage } from './vocabulary.ts';
import { isEnding, roleOfSide, submittingSide } from './vocabulary.ts';
import type { Lifecycle } from '../workflows/lifecycle.ts';
import { refuse } from './refusals.ts';

const STAGE_NAMES: Record<Stage, string> = {
  intake: 'intake (待补充材料)',
  review: 'review (审核中)',
  matchmaking: 'matchmaking (匹配中)',
  negotiation: 'negotiation (洽谈中)',
  contracting: 'contracting (签约中)',
  milestones: 'milestones (履约中)',
  completed: 'completed (已完成)',
  rejected: 'rejected (未通过)',
  unmatched: 'unmatched (未匹配)',
  withdrawn: 'withdrawn (已撤回)',
};

export const stageName = (stage: Stage): string => STAGE_NAMES[stage];

export const requireStage = (life: Lifecycle, decision: string, ...stages: Stage[]): void => {
  const { stage } = life.state;
  if (stages.includes(stage)) return;
  refuse(
    'WrongStage',
    isEnding(stage)
      ? `${life.input.reference} has ended as ${stageName(stage)}; no further decisions are taken`
      : `${life.input.reference} is in ${stageName(stage)}; "${decision}" is taken in ${stages.map(stageName).join(' or ')}`,
  );
};

export const requireCoordinator = (life: Lifecycle, actor: Actor, decision: string): void => {
  if (actor.role === 'coordinator') return;
  refuse('NotAuthorised', `only a programme coordinator can ${decision} (${actor.name} is ${actor.role})`);
};

/** The side an actor speaks for in this partnership, if any: the TTO of its university or the contact of its enterprise. */
export const sideOf = (life: Lifecycle, actor: Actor): Side | null => {
  const { university, enterprise } = life.state;
  if (actor.role === roleOfSide('university') && university && actor.organisationId === university.id) return 'university';
  if (actor.role === roleOfSide('enterprise') && enterprise && actor.organisationId === enterprise.id) return 'enterprise';
  return null;
};

/** A coordinator, or someone speaking for one of the two parties. */
export const requirePartyOrCoordinator = (life: Lifecycle, actor: Actor, decision: string): Side | 'coordinator' => {
  if (actor.role === 'coordinator') return 'coordinator';
  const side = sideOf(life, actor);
  if (side) return side;
  return refuse(
    'NotAuthorised',
    `${actor.name} does not act for either party of ${life.input.reference}, so cannot ${decision}`,
  );
};

/** The submitter, a colleague of the submitting organisation, or a coordinator. */
export const requireSubmitterOrCoordinator = (life: Lifecycle, actor: Actor, decision: string): void => {
  if (actor.role === 'coordinator' || actor.personId === life.input.submittedBy.personId) return;
  if (sideOf(life, actor) === submittingSide(life.input.kind)) return;
  refuse('NotAuthorised', `only the submitter's organisation or a coordinator can ${decision}`);
};
