/**
 * The registry: every decision a person can make on a partnership. The workflow registers an
 * update for each; clients import the update definitions from here (or messages.ts); the CLI's
 * `decide` names, the bot's cards and forms, and their payload checks come from these records.
 */
import { conclude } from './conclude.ts';
import { contract } from './contract.ts';
import { milestone } from './milestone.ts';
import { isRecordable } from './on-behalf.ts';
import { planMilestones } from './plan-milestones.ts';
import { respond } from './respond.ts';
import { review } from './review.ts';
import { revise } from './revise.ts';
import { select } from './select.ts';
import { terms } from './terms.ts';
import { withdraw } from './withdraw.ts';

export { conclude, contract, milestone, planMilestones, respond, review, revise, select, terms, withdraw };

/** In the order a partnership meets them; cards list sections in this order. */
export const DECISIONS = [review, revise, select, respond, terms, conclude, contract, planMilestones, milestone, withdraw] as const;
export type AnyDecision = (typeof DECISIONS)[number];
export type DecisionName = AnyDecision['name'];

export const DECISION_NAMES = DECISIONS.map((d) => d.name);

/** The decisions a coordinator may record for a party's person (by phone, on site). */
export const RECORDABLE = DECISIONS.filter(isRecordable).map((d) => d.name);

export const decisionNamed = (name: string): AnyDecision | undefined => DECISIONS.find((d) => d.name === name);
