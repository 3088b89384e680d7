import type { TargetKey } from '../programmes/schema.ts';
import type { Figures } from './query.ts';

/** A figure the programme has a target for, with its name in both languages. */
export interface Measure {
  readonly key: TargetKey;
  readonly zh: string;
  readonly en: string;
  readonly money: boolean;
}

/** In the order the notice lists them: universities serving, enterprises served, experts placed, transformations, then amount and dockings. */
export const MEASURES: readonly Measure[] = [
  { key: 'universities', zh: '服务高校', en: 'Universities serving', money: false },
  { key: 'enterprises', zh: '服务企业', en: 'Enterprises served', money: false },
  { key: 'experts', zh: '入企专家', en: 'Experts placed', money: false },
  { key: 'transformations', zh: '成果转化', en: 'Transformations', money: false },
  { key: 'amountCny', zh: '合同金额', en: 'Contract amount', money: true },
  { key: 'dockings', zh: '供需对接', en: 'Dockings', money: false },
];

export const valueOf = (figures: Figures, key: TargetKey): number => (key === 'transformations' ? figures.transformations : figures[key]);

/** Progress as a percentage with one decimal, or null without a target. */
export const progress = (value: number, target: number | undefined): number | null =>
  target === undefined || target <= 0 ? null : Math.round((value / target) * 1000) / 10;

/** Split names in both languages, for sheet names and card headings. */
export const SPLIT_NAMES = {
  region: { zh: '按地区', en: 'By region', key: { zh: '地区', en: 'Region' } },
  university: { zh: '按高校', en: 'By university', key: { zh: '高校', en: 'University' } },
  industry: { zh: '按行业', en: 'By industry', key: { zh: '行业', en: 'Industry' } },
  category: { zh: '按企业类别', en: 'By enterprise category', key: { zh: '企业类别', en: 'Enterprise category' } },
  event: { zh: '按对接活动', en: 'By event', key: { zh: '对接活动', en: 'Event' } },
} as const;
