import { CONTRACT_TYPE_NAMES, type ContractType, type DeclineCategory, type MilestoneKind, type Stage } from '../domain/vocabulary.ts';
import type { Awaiting } from '../workflows/state.ts';
import type { Language } from './content.ts';

export type AwaitingAction = Awaiting['action'];

/** The words every template shares, in one language. */
export interface Phrasebook {
  readonly stage: Record<Stage, string>;
  readonly contractType: Record<ContractType, string>;
  readonly declineCategory: Record<DeclineCategory, string>;
  /** What someone is expected to do next (the status query's `awaiting` actions). */
  readonly action: Record<AwaitingAction, string>;
  readonly milestoneKind: Record<MilestoneKind, string>;
  readonly side: Record<'university' | 'enterprise', string>;
  readonly label: {
    readonly reference: string;
    readonly title: string;
    readonly stage: string;
    readonly deadline: string;
    readonly due: string;
    readonly counterpart: string;
    readonly recordedBy: string;
    readonly candidate: string;
    readonly reason: string;
    readonly comment: string;
    readonly round: string;
    readonly terms: string;
    readonly amount: string;
    readonly contractType: string;
    readonly signedOn: string;
    readonly milestone: string;
    readonly evidence: string;
    readonly whyMatched: string;
    readonly week: string;
  };
  /** Joins a label or headline to what follows: `：` in Chinese, `: ` in English. */
  readonly colon: string;
  /** Quotes a user-given title: 「…」 in Chinese, “…” in English. */
  quote(text: string): string;
}

const zh: Phrasebook = {
  stage: {
    intake: '提交',
    review: '审核',
    matchmaking: '匹配',
    negotiation: '洽谈',
    contracting: '签约',
    milestones: '履约',
    completed: '已完成',
    rejected: '未通过',
    unmatched: '未匹配',
    withdrawn: '已撤回',
  },
  contractType: CONTRACT_TYPE_NAMES,
  declineCategory: {
    too_early: '技术成熟度不足',
    unclear_benefit: '收益不明确',
    budget: '预算不足',
    timing: '时机不合适',
    other: '其他原因',
  },
  action: {
    review: '审核提交',
    revise: '修改提交',
    select_candidates: '选择候选',
    respond_to_proposal: '答复匹配提议',
    negotiate: '洽谈条款',
    register_contract: '登记合同',
    plan_milestones: '规划里程碑',
    complete_milestone: '完成里程碑',
  },
  milestoneKind: { deliverable: '交付', payment: '付款', visit: '入企服务', report: '服务报告' },
  side: { university: '高校', enterprise: '企业' },
  label: {
    reference: '参考编号',
    title: '项目',
    stage: '当前阶段',
    deadline: '截止时间',
    due: '到期时间',
    counterpart: '合作方',
    recordedBy: '记录人',
    candidate: '推荐成果/需求',
    reason: '原因',
    comment: '意见',
    round: '轮次',
    terms: '条款',
    amount: '金额',
    contractType: '合同类型',
    signedOn: '签订日期',
    milestone: '里程碑',
    evidence: '完成凭证',
    whyMatched: '匹配理由',
    week: '周次',
  },
  colon: '：',
  quote: (text) => `「${text}」`,
};

const en: Phrasebook = {
  stage: {
    intake: 'Intake',
    review: 'Review',
    matchmaking: 'Matchmaking',
    negotiation: 'Negotiation',
    contracting: 'Contracting',
    milestones: 'Milestones',
    completed: 'Completed',
    rejected: 'Rejected',
    unmatched: 'Unmatched',
    withdrawn: 'Withdrawn',
  },
  contractType: {
    development: `Technology development (${CONTRACT_TYPE_NAMES.development})`,
    transfer: `Technology transfer (${CONTRACT_TYPE_NAMES.transfer})`,
    licensing: `Technology licensing (${CONTRACT_TYPE_NAMES.licensing})`,
    consulting: `Technology consulting (${CONTRACT_TYPE_NAMES.consulting})`,
    service: `Technology service (${CONTRACT_TYPE_NAMES.service})`,
  },
  declineCategory: {
    too_early: 'the technology is not mature enough',
    unclear_benefit: 'the benefit is unclear',
    budget: 'budget',
    timing: 'timing',
    other: 'other',
  },
  action: {
    review: 'review the submission',
    revise: 'revise the submission',
    select_candidates: 'select candidates',
    respond_to_proposal: 'answer the match proposal',
    negotiate: 'negotiate the terms',
    register_contract: 'register the contract',
    plan_milestones: 'plan the milestones',
    complete_milestone: 'complete the milestone',
  },
  milestoneKind: { deliverable: 'deliverable', payment: 'payment', visit: 'visit', report: 'service report' },
  side: { university: 'university', enterprise: 'enterprise' },
  label: {
    reference: 'Reference',
    title: 'Partnership',
    stage: 'Stage',
    deadline: 'Deadline',
    due: 'Due',
    counterpart: 'Counterpart',
    recordedBy: 'Recorded by',
    candidate: 'Proposed match',
    reason: 'Reason',
    comment: 'Comment',
    round: 'Round',
    terms: 'Terms',
    amount: 'Amount',
    contractType: 'Contract type',
    signedOn: 'Signed on',
    milestone: 'Milestone',
    evidence: 'Evidence',
    whyMatched: 'Why it matches',
    week: 'Week',
  },
  colon: ': ',
  quote: (text) => `“${text}”`,
};

export const WORDS: Record<Language, Phrasebook> = { zh, en };

/** The actions a pending item can name, as a list for validation. */
export const AWAITING_ACTIONS = Object.keys(zh.action) as [AwaitingAction, ...AwaitingAction[]];
