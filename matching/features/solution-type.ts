/**
 * What kind of solution a text asks for or offers: finding a problem (检测, 识别, 预警 …)
 * or acting on it (去除, 替代, 材料, 工艺 …). A demand that wants a contaminant removed is
 * not solved by a method that only measures it, and a demand that wants faults found early
 * is not solved by a new material: the classic near miss of keyword matching.
 */
export type SolutionType = 'sensing' | 'intervention' | 'both' | 'unknown';

const SENSING_WORDS = [
  '检测',
  '监测',
  '识别',
  '诊断',
  '预警',
  '感知',
  '巡检',
  '筛查',
  '评价',
  '评估',
  '预测',
  '辨识',
  '判别',
  '测量',
  '预报',
  '溯源',
  '追溯',
  '估计',
  '检出',
  '监控',
  '报警',
  '读取',
  '发现',
  '判断',
  '掌握',
  '定位',
  '分析',
  '挑出',
  '找出',
  '认出',
  '看出',
  '查出',
  '分选',
  '分拣',
  '摸清',
  '判定',
];
const INTERVENTION_WORDS = [
  '去除',
  '降解',
  '替代',
  '治疗',
  '制剂',
  '配方',
  '合成',
  '制备',
  '材料',
  '涂层',
  '回收',
  '处理',
  '处置',
  '改性',
  '修复',
  '防治',
  '防控',
  '抑制',
  '控制',
  '调控',
  '降低',
  '减少',
  '改进',
  '改造',
  '工艺',
  '装备',
  '生产线',
  '成形',
  '清洗',
  '补偿',
  '优化',
  '防护',
  '更换',
  '节能',
  '减排',
  '再生',
  '消除',
  '策略',
  '改良',
  '治理',
  '分离',
  '提纯',
  '纯化',
  '防止',
  '避免',
  '延长',
];

/** The sentences of a demand that say what it wants, not what is going wrong. */
const ASK = /希望|寻求|求购|要求|需要|期望|拟|急需|亟需|想(?:要|找|让|用|在|从|改|拿|买|把|提前|办法)/;

function classify(text: string): SolutionType {
  const sensing = SENSING_WORDS.some((word) => text.includes(word));
  const intervention = INTERVENTION_WORDS.some((word) => text.includes(word));
  if (sensing && intervention) return 'both';
  if (sensing) return 'sensing';
  return intervention ? 'intervention' : 'unknown';
}

/** The kind of solution a demand asks for, read from its ask sentences (希望…, 要求…). */
export function demandedSolution(description: string): SolutionType {
  const ask = description.split(/[。；;！!？?\n]/).filter((sentence) => ASK.test(sentence));
  return ask.length > 0 ? classify(ask.join('。')) : 'unknown';
}

/** The kind of solution an achievement offers, read from its title (where releases name the deliverable). */
export function offeredSolution(title: string): SolutionType {
  return classify(title);
}

/** True when one side is purely about finding the problem and the other purely about acting on it. */
export function solutionMismatch(demanded: SolutionType, offered: SolutionType): boolean {
  return (demanded === 'sensing' && offered === 'intervention') || (demanded === 'intervention' && offered === 'sensing');
}
