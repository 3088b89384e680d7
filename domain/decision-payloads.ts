/**
 * Pieces several decisions' payloads share (each decision's own spec is in its record in
 * workflows/decisions/), as plain specs (domain/payload-spec.ts).
 */
import { due, list, number, object, oneOf, optional, text, type ValueOf } from './payload-spec.ts';
import { MILESTONE_KINDS, SIDES } from './vocabulary.ts';

/** A reason or comment people write. */
export const Reason = text(2000);
/** An amount in CNY. */
export const Amount = number({ max: 1e12 });

/** A calendar date (due on that day, Asia/Shanghai) or an exact ISO-8601 instant with offset. */
export const Due = due('expected a date (2026-12-31) or an ISO instant with offset (2026-12-31T09:00:00+08:00)');

export const MilestonePlanSpec = object({ title: text(200), kind: oneOf(MILESTONE_KINDS), due: Due, responsible: oneOf(SIDES), amountCny: optional(Amount) });

export type MilestonePlan = ValueOf<typeof MilestonePlanSpec>;

/** The university experts (their directory ids) a 技术服务 or 技术咨询 contract places in the enterprise. */
export const ExpertsSpec = optional(list(text(200), { min: 1, max: 50, minMessage: 'name at least one expert, or leave experts out' }));

/** A contract's milestones, as registered with the contract or planned after a signing on site. */
export const MilestonePlansSpec = list(MilestonePlanSpec, { min: 1, max: 50, minMessage: 'a contract needs at least one milestone' });
