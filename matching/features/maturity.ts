import type { CooperationMode } from '../schema.ts';

/** Demand wording that asks for a result already running in production (TRL 8). */
const PRODUCTION_READY = /直接投产|成熟生产线|工程实例|工程案例|连续运行.{0,4}以上|量产|批量供货|取得.{0,6}(?:注册|证书|批文)/;
/** Demand wording that rules out lab-stage results (TRL 7). */
const PILOT_PROVEN = /中试以上|中试验证|实验室阶段.{0,6}不|不考虑.{0,6}实验室/;

/**
 * The technology readiness (TRL) a demand needs from an achievement. An enterprise
 * buying, licensing or hiring a service needs something proven in a relevant
 * environment (TRL 6); one willing to co-develop (合作开发) can take a lab result
 * (TRL 4). A demand that asks for a production line or engineering references needs
 * TRL 8 (7 if it would still co-develop); one that rules out lab results needs TRL 7.
 */
export function requiredMaturity(demandModes: readonly CooperationMode[], demandText: string): number {
  const coDevelops = demandModes.includes('合作开发');
  if (PRODUCTION_READY.test(demandText)) return coDevelops ? 7 : 8;
  if (PILOT_PROVEN.test(demandText)) return 7;
  return coDevelops ? 4 : 6;
}

/** A requirement raised after a too_early decline, capped at TRL 9. */
export function raisedMaturity(required: number, raisedBy: number): number {
  return Math.min(9, required + raisedBy);
}
