import type { CooperationMode } from '../schema.ts';

/**
 * Demand wording that asks for a result already running in production (TRL 8): direct
 * production, a line to buy, references in production, volume supply, or a product that
 * already holds its registration (医疗器械注册证, 兽药批文, 农药登记 …).
 */
const PRODUCTION_READY = new RegExp(
  [
    '(?:直接|马上|立即|立刻|即可|尽快)(?:投产|开工|量产|上线|投入生产|投入使用)',
    '成熟(?:的)?(?:生产线|产线|工艺包|成套)',
    '(?:整条|一条|成套)(?:的)?(?:成熟)?(?:生产线|产线)',
    '工程(?:实例|案例|业绩|应用案例)',
    '连续运行.{0,4}以上',
    '量产|批量供货|批量生产|规模化生产',
    '(?:取得|拿到|获得|已有|具备|持有).{0,6}(?:注册证?|证书|批文|批准文号|登记证?|许可证|资质)',
    '(?:别的|其他|其它)(?:厂|企业|单位|地方).{0,6}(?:用过|用了|应用过|在用|跑过|运行过)',
  ].join('|'),
);
/** Demand wording that rules out lab-stage results (TRL 7). */
const PILOT_PROVEN = /中试|工业试验|工业性试验|放大(?:验证|试验)|比实验室大|实验室.{0,12}(?:不考虑|不要|不行|不予考虑)|(?:不考虑|不要|不接受).{0,8}实验室/;

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
