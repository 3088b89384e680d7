import { loadLabelledDataset } from '../../matching/eval/dataset.ts';
import type { Achievement, Demand } from '../../matching/index.ts';

/** An achievement with sensible defaults; tests override what they are about. */
export function achievement(overrides: Partial<Achievement> & Pick<Achievement, 'id'>): Achievement {
  return {
    university: '示例大学',
    title: '高铬铸铁耐磨材料成分设计与热处理技术',
    summary: '研究高铬铸铁过流件的成分设计与热处理工艺，提高硬度与韧性，耐磨寿命提高2倍以上，已在多家选矿厂应用。',
    fields: ['新材料'],
    keywords: ['高铬铸铁', '耐磨材料', '热处理'],
    maturity: 8,
    cooperationModes: ['转让', '许可', '技术服务'],
    region: '辽宁省',
    ...overrides,
  };
}

/**
 * Achievement text naming the default demand's own parts (渣浆泵叶轮, 护板): a match that stays
 * confident among the dev pool's pump and wear results, for tests about what happens to plausible candidates.
 */
export const PUMP_PARTS_TEXT: Pick<Achievement, 'title' | 'keywords'> = {
  title: '渣浆泵叶轮与护板高铬铸铁耐磨材料及热处理技术',
  keywords: ['渣浆泵', '叶轮', '高铬铸铁', '耐磨材料'],
};

/** A demand with sensible defaults, written in production language. */
export function demand(overrides: Partial<Demand> & Pick<Demand, 'id'>): Demand {
  return {
    enterprise: '示例矿业设备有限公司',
    title: '渣浆泵叶轮被矿浆冲刷磨损严重，两个月就要更换',
    description: '客户现场矿浆浓度高、颗粒硬，泵的叶轮和护板磨损很快，停机更换损失大，希望延长使用寿命。',
    fields: ['新材料', '矿山机械'],
    budgetWan: 80,
    cooperationModes: ['转让', '许可', '技术服务'],
    region: '辽宁省',
    ...overrides,
  };
}

/** A few unrelated achievements: company for the items under test in a small pool. */
export const UNRELATED: readonly Achievement[] = [
  achievement({
    id: 'BG1',
    title: '奶牛发情行为多模态识别模型',
    summary: '利用颈环加速度与反刍声学信号识别奶牛发情，提高受胎率。',
    fields: ['现代农业'],
    keywords: ['发情监测', '行为识别'],
  }),
  achievement({
    id: 'BG2',
    title: '钠离子电池层状氧化物正极材料',
    summary: '低温性能优良的钠离子电池正极材料规模化制备，零下20℃容量保持率90%。',
    fields: ['新能源', '储能'],
    keywords: ['钠离子电池', '低温性能'],
  }),
  achievement({
    id: 'BG3',
    title: '工业产品表面缺陷小样本深度学习检测方法',
    summary: '基于少样本学习的机器视觉缺陷检测，检出率98%。',
    fields: ['人工智能'],
    keywords: ['缺陷检测', '机器视觉'],
  }),
];

/**
 * The dev pool's achievements, as realistic company for twins under test: absolute
 * scores (idf, saturation) are calibrated for pools of hundreds of items.
 */
export const DEV_ACHIEVEMENTS: readonly Achievement[] = loadLabelledDataset().achievements;

/** Everything ranked, so twins can be compared wherever they land. */
export const ALL = { top: Number.MAX_SAFE_INTEGER } as const;
