/**
 * Why a decision was refused, in the person's language, from the code and parameters the
 * workflow refused with (domain/refusals.ts).
 */
import type { Problem, Refusal, RefusalCode, RefusalReasons } from '../domain/refusals.ts';
import type { Stage } from '../domain/vocabulary.ts';
import { decisionNamed } from '../workflows/decisions/index.ts';
import { phrasesFor } from './bot-phrases.ts';
import type { Language } from './content.ts';
import { DECISION_WORDS } from './decision-words.ts';
import { WORDS } from './words.ts';

/** How a wrong field is named: by its payload key (the CLI, where people type JSON) or by its label on a form. */
export type FieldNaming = 'keys' | 'labels';

type Say = { readonly [C in RefusalCode]: (params: RefusalReasons[C]) => string };

const LINE: Readonly<Record<Language, (n: number) => string>> = { zh: (n) => `第 ${n} 行`, en: (n) => `line ${n}` };

/** Where a problem is: `milestones[0].due` by keys; `履约节点 第 1 行 · due` by labels. */
const where = (path: readonly (string | number)[], language: Language, naming: FieldNaming): string => {
  const [field, ...rest] = path;
  if (field === undefined) return '';
  if (naming === 'keys') return rest.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}.${key}`), String(field));
  const label = typeof field === 'string' ? (DECISION_WORDS[language].fields[field] ?? field) : String(field);
  const [index, ...tail] = rest;
  const line = typeof index === 'number' ? ` ${LINE[language](index + 1)}` : index === undefined ? '' : ` · ${index}`;
  return `${label}${line}${tail.length > 0 ? ` · ${tail.join('.')}` : ''}`;
};

/** "milestones[0].due: expected a date…; signedOn: …": every problem, each with where it is. */
export const describeProblems = (problems: readonly Problem[], language: Language, naming: FieldNaming = 'keys'): string[] =>
  problems.map((problem) => {
    const place = where(problem.path, language, naming);
    return place ? `${place}: ${problem.message}` : problem.message;
  });

const action = (decision: string, language: Language): string => {
  const known = decisionNamed(decision);
  return known ? DECISION_WORDS[language].decisions[known.name].action : decision;
};

const PROPOSAL_STATUS: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  zh: { proposed: '待答复', accepted: '已接受', declined: '已婉拒', expired: '已逾期', withdrawn: '已撤回', failed: '洽谈未成' },
  en: { proposed: 'awaiting an answer', accepted: 'accepted', declined: 'declined', expired: 'expired', withdrawn: 'withdrawn', failed: 'failed' },
};

const sayings = (language: Language, naming: FieldNaming): Say => {
  const stage = (s: Stage) => (language === 'zh' ? `“${WORDS.zh.stage[s]}”` : WORDS.en.stage[s].toLowerCase());
  const field = (key: string) => where([key], language, naming);
  const { role } = phrasesFor(language);
  if (language === 'zh') {
    return {
      wrong_stage: (p) => `${p.reference} 当前处于${stage(p.stage)}阶段；“${action(p.decision, language)}”在${p.stages.map(stage).join('或')}阶段进行`,
      ended: (p) => `${p.reference} 已结束（${WORDS.zh.stage[p.stage]}），不再接受决定`,
      coordinators_only: (p) => `只有项目协调员可以${action(p.decision, language)}（${p.name} 是${role[p.role]}）`,
      not_a_party: (p) => `${p.name} 不代表 ${p.reference} 的任何一方，不能${action(p.decision, language)}`,
      submitters_only: (p) => `只有提交方或项目协调员可以${action(p.decision, language)}`,
      still_matching: () => '匹配引擎仍在寻找候选',
      proposals_open: () => '仍有对接邀请等待答复',
      candidate_twice: (p) => `${field('candidateIds')}：${p.candidateId} 重复选择`,
      too_many_candidates: (p) => `${field('candidateIds')}：一次最多推荐 ${p.max} 个候选`,
      not_a_candidate: (p) => `${field('candidateIds')}：${p.candidateId} 不在当前候选中`,
      candidate_excluded: (p) => `${field('candidateIds')}：${p.candidateId} 已婉拒或逾期未答复`,
      not_proposed: (p) => `${field('candidateId')}：没有向 ${p.candidateId} 发出过邀请`,
      proposal_settled: (p) => `给 ${p.counterpart} 的对接邀请${PROPOSAL_STATUS.zh[p.status] ?? p.status}`,
      counterpart_only: (p) => `只有 ${p.counterpart} 的${role[p.role]}可以答复这项邀请`,
      no_terms_yet: () => '还没有人提出条款；请先提出条款再同意',
      proposer_cannot_agree: () => '条款由另一方同意，提出条款的一方不能自己同意',
      no_such_milestone: (p) => `${field('milestone')}：没有节点 ${p.milestone}（1–${p.count}）`,
      milestone_done: (p) => `节点 ${p.milestone} 已经完成`,
      milestones_planned: (p) => `合同已有 ${p.count} 个节点，不能重新规划`,
      milestone_not_yours: (p) => `节点 ${p.milestone} 由${WORDS.zh.side[p.responsible]}负责，只有该方或项目协调员可以标记完成`,
      invalid: (p) => describeProblems(p.problems, language, naming).join('；'),
      records_coordinators_only: (p) => `只有项目协调员可以代他人记录答复（${p.name} 不是协调员）`,
      record_for_a_party: (p) => `只能代合作一方的人员记录答复，${p.name} 不是`,
    };
  }
  return {
    wrong_stage: (p) => `${p.reference} is in ${stage(p.stage)}; "${action(p.decision, language)}" is taken in ${p.stages.map(stage).join(' or ')}`,
    ended: (p) => `${p.reference} has ended as ${stage(p.stage)}; no further decisions are taken`,
    coordinators_only: (p) => `only a programme coordinator can ${action(p.decision, language)} (${p.name} is ${role[p.role]})`,
    not_a_party: (p) => `${p.name} does not act for either party of ${p.reference}, so cannot ${action(p.decision, language)}`,
    submitters_only: (p) => `only the submitter's organisation or a coordinator can ${action(p.decision, language)}`,
    still_matching: () => 'the matching engine is still looking for candidates',
    proposals_open: () => 'proposals are still awaiting an answer',
    candidate_twice: (p) => `${field('candidateIds')}: ${p.candidateId} is listed twice`,
    too_many_candidates: (p) => `${field('candidateIds')}: at most ${p.max} candidates can be proposed at once`,
    not_a_candidate: (p) => `${field('candidateIds')}: ${p.candidateId} is not one of the current candidates`,
    candidate_excluded: (p) => `${field('candidateIds')}: ${p.candidateId} already declined or let the proposal lapse`,
    not_proposed: (p) => `${field('candidateId')}: ${p.candidateId} was not proposed`,
    proposal_settled: (p) => `the proposal to ${p.counterpart} is already ${PROPOSAL_STATUS.en[p.status] ?? p.status}`,
    counterpart_only: (p) => `only ${p.counterpart}'s ${role[p.role]} can answer this proposal`,
    no_terms_yet: () => 'no terms have been proposed yet; propose terms before agreeing',
    proposer_cannot_agree: () => 'the other party agrees to terms, not the party that proposed them',
    no_such_milestone: (p) => `${field('milestone')}: there is no milestone ${p.milestone} (1–${p.count})`,
    milestone_done: (p) => `milestone ${p.milestone} is already done`,
    milestones_planned: (p) => `the contract already has ${p.count} milestone${p.count === 1 ? '' : 's'}; they cannot be planned again`,
    milestone_not_yours: (p) => `milestone ${p.milestone} is the ${WORDS.en.side[p.responsible]}'s; only it or a coordinator marks it done`,
    invalid: (p) => describeProblems(p.problems, language, naming).join('; '),
    records_coordinators_only: (p) => `only a programme coordinator records an answer on someone's behalf (${p.name} is not one)`,
    record_for_a_party: (p) => `answers are recorded on behalf of a party's people only; ${p.name} is not one`,
  };
};

/** The refusal in a person's language. */
export const describeRefusal = <C extends RefusalCode>(refusal: Refusal<C>, language: Language, naming: FieldNaming = 'labels'): string =>
  sayings(language, naming)[refusal.code](refusal.params);
