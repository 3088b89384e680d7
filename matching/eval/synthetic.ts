import { CONCEPT_MAP } from '../concepts/index.ts';
import { COOPERATION_MODES, type Achievement, type Demand } from '../schema.ts';

/** mulberry32: a tiny seeded generator, so synthetic pools and random splits are the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REGIONS = ['北京市', '辽宁省', '江苏省', '上海市', '山东省', '四川省', '陕西省', '湖北省', '广东省', '浙江省'];
const RESEARCH_FILLER = '针对该类问题建立机理模型并开展工艺试验，完成中试验证，关键指标较现有方案提升30%以上，可在同类产线推广应用。';
const PRODUCTION_FILLER = '我公司现有生产线多条，该问题长期影响产品质量和交付，造成较大经济损失，希望引进成熟可靠的解决办法，投入产出比合理。';

/**
 * A synthetic pool of the size of a national release event (1,500 achievements,
 * 1,100 demands by default), written from the concept map's terms so that texts,
 * fields and modes look like real releases: for the speed benchmark, not for quality.
 */
export function syntheticPool(achievementCount = 1500, demandCount = 1100, seed = 2026) {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const some = <T>(items: readonly T[], count: number): T[] =>
    Array.from({ length: count }, () => pick(items)).filter((item, i, all) => all.indexOf(item) === i);
  const industries = CONCEPT_MAP.industries;

  const achievements: Achievement[] = Array.from({ length: achievementCount }, (_, i) => {
    const industry = pick(industries);
    const concept = pick(industry.concepts);
    const methods = some(concept.methods, 4);
    return {
      id: `SA${String(i + 1).padStart(4, '0')}`,
      university: `大学${(i % 97) + 1}`,
      title: `${methods.slice(0, 2).join('与')}${concept.label}技术`,
      summary: `针对${some(concept.symptoms, 2).join('、')}等问题，研究${methods.join('、')}。${RESEARCH_FILLER}`,
      fields: some(industry.fields, 2),
      keywords: methods,
      maturity: 3 + Math.floor(random() * 7),
      cooperationModes: some(COOPERATION_MODES, 3),
      region: pick(REGIONS),
    };
  });
  const demands: Demand[] = Array.from({ length: demandCount }, (_, i) => {
    const industry = pick(industries);
    const concept = pick(industry.concepts);
    const symptoms = some(concept.symptoms, 3);
    return {
      id: `SD${String(i + 1).padStart(4, '0')}`,
      enterprise: `企业${(i % 389) + 1}`,
      title: `${symptoms[0]}问题亟待解决`,
      description: `${PRODUCTION_FILLER}主要表现为${symptoms.join('、')}。`,
      fields: some(industry.fields, 2),
      budgetWan: 20 + Math.floor(random() * 500),
      cooperationModes: some(COOPERATION_MODES, 2),
      region: pick(REGIONS),
    };
  });
  return { achievements, demands };
}
