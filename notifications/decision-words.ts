/**
 * What each decision is called, asks and did, in Chinese and English: the cards' prompts, button
 * labels and field labels, the record a decision leaves, and how refusals name it. Keyed by the
 * registry (workflows/decisions/), so a decision without its wording fails the typecheck.
 */
import type { DecisionName } from '../workflows/decisions/index.ts';
import type { Language } from './content.ts';
import { formatTime } from './format.ts';
import { WORDS } from './words.ts';

/** What a prompt may mention: the partnership's limits and the subject of the decision. */
export interface PromptContext {
  readonly maxProposals: number;
  /** The organisation a proposal was made to. */
  readonly counterpart?: string | undefined;
  readonly milestone?: { readonly seq: number; readonly title: string; readonly dueAt?: string | undefined } | undefined;
}

export interface DecisionWording {
  /** The decision as something to do: "review a submission" / "审核提交". */
  readonly action: string;
  /** The line above its buttons and fields. */
  prompt(context: PromptContext): string;
  /** Button labels, by variant. */
  readonly buttons: Readonly<Record<string, string>>;
  /** What it did, by variant, for the card that records it: "通过了审核" / "approved the submission"; some name their subject. */
  readonly done: Readonly<Record<string, string | ((subject: string) => string)>>;
}

export interface DecisionWords {
  readonly decisions: { readonly [N in DecisionName]: DecisionWording };
  /** Field labels, by payload key. */
  readonly fields: Readonly<Record<string, string>>;
  /** Hints shown in empty fields, by payload key, where a format needs showing. */
  readonly hints: Readonly<Record<string, string>>;
  /** The labels of a choice's values, by payload key. */
  readonly choices: Readonly<Record<string, Readonly<Record<string, string>>>>;
}

const due = (language: Language, context: PromptContext): string =>
  context.milestone?.dueAt ? `（${WORDS[language].label.due} ${formatTime(context.milestone.dueAt, language)}）` : '';

const zh: DecisionWords = {
  decisions: {
    review: {
      action: '审核提交',
      prompt: () => '请审核这份申请。驳回或退回修改时请写明原因。',
      buttons: { approve: '通过', changes: '退回修改', reject: '驳回' },
      done: { approve: '通过了审核', changes: '退回修改', reject: '驳回了申请' },
    },
    revise: {
      action: '修改提交',
      prompt: () => '协调员要求修改，请补充后重新提交审核。',
      buttons: { revise: '提交修改' },
      done: { revise: '提交了修改' },
    },
    select: {
      action: '选择候选',
      prompt: ({ maxProposals }) => `请选择要推荐的候选（最多 ${maxProposals} 个），对方将收到对接邀请。`,
      buttons: { select: '发出对接邀请' },
      done: { select: '发出了对接邀请' },
    },
    respond: {
      action: '答复对接邀请',
      prompt: ({ counterpart }) => `${counterpart ? `${counterpart}：` : ''}是否接受这项对接？婉拒时请选择原因。`,
      buttons: { accept: '接受', decline: '婉拒' },
      done: { accept: '接受了对接', decline: '婉拒了对接' },
    },
    terms: {
      action: '提出洽谈条款',
      prompt: () => '洽谈条款：可以提出新条款，或同意对方最近一轮条款。',
      buttons: { terms: '提出条款' },
      done: { terms: '提出了条款' },
    },
    conclude: {
      action: '结束洽谈',
      prompt: () => '结束洽谈：',
      buttons: { agree: '同意最近一轮条款', fail: '洽谈失败' },
      done: { agree: '同意了条款', fail: '记录洽谈失败' },
    },
    contract: {
      action: '登记合同',
      prompt: () => '登记合同。节点每行一个：名称 | 交付/付款/入企服务/服务报告 | 到期日 | 高校/企业 | 金额（可省略）',
      buttons: { contract: '登记合同' },
      done: { contract: '登记了合同' },
    },
    planMilestones: {
      action: '规划履约节点',
      prompt: () => '合同已现场签约，请规划履约节点。每行一个：名称 | 交付/付款/入企服务/服务报告 | 到期日 | 高校/企业 | 金额（可省略）',
      buttons: { plan: '确定履约节点' },
      done: { plan: '规划了履约节点' },
    },
    milestone: {
      action: '完成履约节点',
      prompt: (context) => `节点 ${context.milestone?.seq ?? ''}：${context.milestone?.title ?? ''}${due('zh', context)}`,
      buttons: { done: '标记完成' },
      done: { done: (seq) => `完成了节点 ${seq}` },
    },
    withdraw: {
      action: '撤回项目',
      prompt: () => '撤回后项目结束，所有未决邀请一并撤回。',
      buttons: { withdraw: '撤回项目' },
      done: { withdraw: '撤回了项目' },
    },
  },
  fields: {
    comment: WORDS.zh.label.comment,
    title: '标题',
    summary: '简介',
    note: '修改说明',
    candidateIds: '候选',
    category: '婉拒原因',
    reason: WORDS.zh.label.reason,
    terms: WORDS.zh.label.terms,
    amountCny: '金额（元）',
    next: '下一步',
    type: WORDS.zh.label.contractType,
    signedOn: WORDS.zh.label.signedOn,
    milestones: '履约节点',
    evidenceUrl: '完成凭证链接',
    receivedCny: '实际到账金额（付款节点）',
  },
  hints: {
    milestones: '技术资料交付 | 交付 | 2027-01-15 | 高校\n首期付款 | 付款 | 2027-02-01 | 企业 | 600000',
  },
  choices: {
    category: WORDS.zh.declineCategory,
    next: { rematch: '重新匹配', close: '关闭项目' },
    type: WORDS.zh.contractType,
  },
};

const en: DecisionWords = {
  decisions: {
    review: {
      action: 'review a submission',
      prompt: () => 'Please review this submission. Give a reason to reject or to request changes.',
      buttons: { approve: 'Approve', changes: 'Request changes', reject: 'Reject' },
      done: { approve: 'approved the submission', changes: 'requested changes', reject: 'rejected the submission' },
    },
    revise: {
      action: 'revise the submission',
      prompt: () => 'A coordinator asked for changes; revise and send it back for review.',
      buttons: { revise: 'Send revision' },
      done: { revise: 'sent a revision' },
    },
    select: {
      action: 'select candidates',
      prompt: ({ maxProposals }) => `Choose the candidates to propose (at most ${maxProposals}); each is invited to connect.`,
      buttons: { select: 'Send proposals' },
      done: { select: 'sent the proposals' },
    },
    respond: {
      action: 'respond to a proposal',
      prompt: ({ counterpart }) => `${counterpart ? `${counterpart}: d` : 'D'}o you accept this match? To decline, choose a reason.`,
      buttons: { accept: 'Accept', decline: 'Decline' },
      done: { accept: 'accepted the match', decline: 'declined the match' },
    },
    terms: {
      action: 'propose terms',
      prompt: () => 'Negotiation: propose new terms, or agree to the latest round.',
      buttons: { terms: 'Propose terms' },
      done: { terms: 'proposed terms' },
    },
    conclude: {
      action: 'conclude the negotiation',
      prompt: () => 'To conclude the negotiation:',
      buttons: { agree: 'Agree to the latest terms', fail: 'Negotiation failed' },
      done: { agree: 'agreed to the terms', fail: 'recorded the negotiation as failed' },
    },
    contract: {
      action: 'register the contract',
      prompt: () =>
        'Register the contract. One milestone per line: title | deliverable/payment/visit/service report | due date | university/enterprise | amount',
      buttons: { contract: 'Register contract' },
      done: { contract: 'registered the contract' },
    },
    planMilestones: {
      action: 'plan the milestones',
      prompt: () =>
        'The contract was signed on site; plan its milestones. One per line: title | deliverable/payment/visit/service report | due date | university/enterprise | amount',
      buttons: { plan: 'Plan milestones' },
      done: { plan: 'planned the milestones' },
    },
    milestone: {
      action: 'complete a milestone',
      prompt: (context) => `Milestone ${context.milestone?.seq ?? ''}: ${context.milestone?.title ?? ''}${due('en', context)}`,
      buttons: { done: 'Mark done' },
      done: { done: (seq) => `completed milestone ${seq}` },
    },
    withdraw: {
      action: 'withdraw the partnership',
      prompt: () => 'Withdrawing ends the partnership and withdraws any open proposals.',
      buttons: { withdraw: 'Withdraw' },
      done: { withdraw: 'withdrew the partnership' },
    },
  },
  fields: {
    comment: WORDS.en.label.comment,
    title: 'Title',
    summary: 'Summary',
    note: 'What changed',
    candidateIds: 'Candidates',
    category: 'Reason for declining',
    reason: WORDS.en.label.reason,
    terms: WORDS.en.label.terms,
    amountCny: 'Amount (CNY)',
    next: 'Next',
    type: WORDS.en.label.contractType,
    signedOn: WORDS.en.label.signedOn,
    milestones: 'Milestones',
    evidenceUrl: 'Link to the evidence',
    receivedCny: 'Amount received (payment milestones)',
  },
  hints: {
    milestones: 'Docs | deliverable | 2027-01-15 | university\nFee | payment | 2027-02-01 | enterprise | 600000',
  },
  choices: {
    category: WORDS.en.declineCategory,
    next: { rematch: 'Match again', close: 'Close the partnership' },
    type: WORDS.en.contractType,
  },
};

export const DECISION_WORDS: Readonly<Record<Language, DecisionWords>> = { zh, en };
