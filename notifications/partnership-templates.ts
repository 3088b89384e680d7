import type { Template } from '../workflows/events.ts';
import { calendarScope, calendarUid } from './calendar-ids.ts';
import type { CalendarEntry, Fact, NotificationContent } from './content.ts';
import type { ContractMilestone, Payload } from './payloads.ts';
import { count, type Wording } from './wording.ts';
import { DECISION_WORDS } from './decision-words.ts';
import { ENTERPRISE_CATEGORY_NAMES } from '../domain/enterprise.ts';

/** A template's own part of a message; templates.ts adds the subject, the title and the shared facts. */
export interface Parts {
  /** What happened, in a few words: the subject and the title put it before the partnership's title. */
  readonly headline: string;
  readonly tone: NotificationContent['tone'];
  readonly paragraphs: readonly string[];
  readonly facts?: readonly Fact[];
  readonly bullets?: readonly string[];
  readonly bulletsHeading?: string;
  readonly calendar?: readonly CalendarEntry[];
  readonly calendarCancels?: readonly string[];
  /** The deadline or due time the message is about (ISO), listed beside it in a combined reminder. */
  readonly deadline?: string;
}

type Renderers = { readonly [T in Template]: (p: Payload<T>, w: Wording) => Parts };

const confirmed = (uid: string, summary: string, description: string, at: string, sequence: number): CalendarEntry => ({
  uid,
  summary,
  description,
  startsAt: Date.parse(at),
  sequence,
  status: 'confirmed',
});

const fact = (label: string, value: string): Fact => ({ label, value });

const proposalEntry = (p: Payload<'match_proposed' | 'proposal_reminder'>, w: Wording): CalendarEntry =>
  confirmed(
    calendarUid.proposal(p.reference, p.candidateId),
    w.say(`【${p.reference}】答复匹配提议截止`, `[${p.reference}] Match proposal: answer due`),
    `${p.title}${p.candidateTitle ? ` — ${p.candidateTitle}` : ''}`,
    p.deadline,
    p.seq,
  );

const negotiationEntry = (p: Payload<'proposal_accepted' | 'negotiation_reminder'>, w: Wording): CalendarEntry =>
  confirmed(calendarUid.negotiation(p.reference), w.say(`【${p.reference}】洽谈截止`, `[${p.reference}] Negotiation deadline`), p.title, p.deadline, p.seq);

const milestoneName = (seq: number, title: string, w: Wording): string => w.say(`里程碑 ${seq}${w.quote(title)}`, `milestone ${seq} ${w.quote(title)}`);

const milestoneEntry = (reference: string, title: string, seq: number, milestoneTitle: string, due: string, sequence: number, w: Wording): CalendarEntry =>
  confirmed(
    calendarUid.milestone(reference, seq),
    w.say(`【${reference}】里程碑 ${seq}${w.quote(milestoneTitle)}到期`, `[${reference}] Milestone ${seq} ${w.quote(milestoneTitle)} due`),
    title,
    due,
    sequence,
  );

/** A contract's milestones as bullets, each with its kind, party, amount and due time, and as calendar entries. */
const milestoneList = (
  reference: string,
  title: string,
  milestones: readonly ContractMilestone[],
  sequence: number,
  w: Wording,
): Pick<Parts, 'bullets' | 'bulletsHeading' | 'calendar'> => ({
  bullets: milestones.map((m) => {
    const detail = [m.kind && w.words.milestoneKind[m.kind], m.responsible && w.words.side[m.responsible], m.amountCny !== undefined && w.amount(m.amountCny)]
      .filter((part): part is string => typeof part === 'string')
      .join(w.say('，', ', '));
    const name = w.say(`里程碑 ${m.seq}${w.quote(m.title)}`, `Milestone ${m.seq} ${w.quote(m.title)}`);
    return `${name}${detail ? w.say(`（${detail}）`, ` (${detail})`) : ''}${w.words.colon}${w.say('到期', 'due')} ${w.when(m.due)}`;
  }),
  ...(milestones.length > 0 ? { bulletsHeading: w.say('里程碑', 'Milestones') } : {}),
  calendar: milestones.map((m) => milestoneEntry(reference, title, m.seq, m.title, m.due, sequence, w)),
});

const reasonFacts = (reason: string | undefined, w: Wording): Fact[] => (reason ? [fact(w.words.label.reason, reason)] : []);

export const PARTNERSHIP_TEMPLATES: Renderers = {
  intake_received: (p, w) => ({
    headline: w.say('已收到您的提交', 'Submission received'),
    tone: 'info',
    paragraphs: [
      w.say(
        `您提交的${w.quote(p.title)}已登记，参考编号为 ${p.reference}。协调员审核后会通知您结果。`,
        `Your submission ${w.quote(p.title)} is registered under reference ${p.reference}. A coordinator will review it and let you know the outcome.`,
      ),
    ],
  }),

  review_requested: (p, w) => ({
    headline: w.say('待审核', 'Review requested'),
    tone: 'action',
    paragraphs: [
      w.say(
        `${w.quote(p.title)}等待审核：请批准、退回修改或拒绝。`,
        `${w.quote(p.title)} is waiting for your review: approve it, request changes or reject it.`,
      ),
    ],
  }),

  review_reminder: (p, w) => ({
    headline: w.say('审核提醒', 'Review reminder'),
    tone: 'warning',
    paragraphs: [w.say(`${w.quote(p.title)}仍在等待审核，请尽快处理。`, `${w.quote(p.title)} is still waiting for a review.`)],
  }),

  decision_escalated: (p, w) => ({
    headline: w.say('事项已升级', 'Escalated'),
    tone: 'danger',
    paragraphs: [
      w.say(
        `${w.quote(p.title)}的“${w.words.action[p.action]}”已超过时限仍未完成，现提请您关注。`,
        `Nobody has managed to ${w.words.action[p.action]} for ${w.quote(p.title)} in the time allowed, so it is escalated to you.`,
      ),
    ],
  }),

  changes_requested: (p, w) => ({
    headline: w.say('需要修改', 'Changes requested'),
    tone: 'action',
    paragraphs: [w.say(`协调员请您修改${w.quote(p.title)}后重新提交。`, `A coordinator asks you to revise ${w.quote(p.title)} and submit it again.`)],
    facts: [fact(w.words.label.comment, p.comment)],
  }),

  revision_reminder: (p, w) => ({
    headline: w.say('修改提醒', 'Revision reminder'),
    tone: 'warning',
    paragraphs: [w.say(`${w.quote(p.title)}仍在等待您的修改。`, `${w.quote(p.title)} is still waiting for your revision.`)],
  }),

  rejected: (p, w) => ({
    headline: w.say('未通过审核', 'Not approved'),
    tone: 'danger',
    paragraphs: [w.say(`很遗憾，${w.quote(p.title)}未通过审核。`, `We are sorry: ${w.quote(p.title)} was not approved.`)],
    facts: p.comment ? [fact(w.words.label.comment, p.comment)] : [],
    calendarCancels: [calendarScope.partnership(p.reference)],
  }),

  candidates_ready: (p, w) => ({
    headline: w.say('候选已就绪', 'Candidates ready'),
    tone: 'action',
    paragraphs: [
      w.say(
        `匹配引擎为${w.quote(p.title)}找到 ${p.count} 个候选，请选择要推荐的对象。`,
        `The matching engine found ${count(p.count, 'candidate')} for ${w.quote(p.title)}; please choose whom to propose.`,
      ),
    ],
  }),

  selection_reminder: (p, w) => ({
    headline: w.say('选择候选提醒', 'Reminder: choose candidates'),
    tone: 'warning',
    paragraphs: [w.say(`${w.quote(p.title)}的候选仍在等待您选择。`, `The candidates for ${w.quote(p.title)} are still waiting for your choice.`)],
  }),

  match_proposed: (p, w) => ({
    headline: w.say('匹配提议', 'Match proposal'),
    tone: 'action',
    paragraphs: [
      w.say(
        `协调员推荐贵方的${w.quote(p.candidateTitle)}与${w.quote(p.title)}合作。请在 ${w.when(p.deadline)} 前接受或拒绝，逾期视为拒绝。`,
        `A coordinator proposes your ${w.quote(p.candidateTitle)} for ${w.quote(p.title)}. Please accept or decline before ${w.when(p.deadline)}; without an answer it counts as declined.`,
      ),
    ],
    facts: [fact(w.words.label.candidate, `${p.candidateTitle} (${p.candidateId})`), fact(w.words.label.deadline, w.when(p.deadline))],
    bullets: p.reasons,
    bulletsHeading: w.words.label.whyMatched,
    calendar: [proposalEntry(p, w)],
    deadline: p.deadline,
  }),

  proposal_reminder: (p, w) => ({
    headline: w.say('匹配提议即将截止', 'Match proposal closing soon'),
    tone: 'warning',
    paragraphs: [
      w.say(
        `请在 ${w.when(p.deadline)} 前答复关于${w.quote(p.title)}的匹配提议，逾期视为拒绝。`,
        `Please answer the match proposal for ${w.quote(p.title)} before ${w.when(p.deadline)}; without an answer it counts as declined.`,
      ),
    ],
    facts: [
      fact(w.words.label.candidate, p.candidateTitle ? `${p.candidateTitle} (${p.candidateId})` : p.candidateId),
      fact(w.words.label.deadline, w.when(p.deadline)),
    ],
    calendar: [proposalEntry(p, w)],
    deadline: p.deadline,
  }),

  proposal_withdrawn: (p, w) => ({
    headline: w.say('匹配提议已撤回', 'Match proposal withdrawn'),
    tone: 'info',
    paragraphs: [
      w.say(`关于${w.quote(p.title)}的匹配提议已撤回，无需再答复。`, `The match proposal for ${w.quote(p.title)} is withdrawn; no answer is needed.`),
    ],
    calendarCancels: [calendarScope.proposals(p.reference)],
  }),

  proposal_accepted: (p, w) => ({
    headline: w.say('匹配提议已接受', 'Match accepted'),
    tone: 'success',
    paragraphs: [
      w.say(
        `${p.counterpart} 接受了${w.quote(p.title)}的匹配提议，双方进入洽谈阶段，洽谈截止时间为 ${w.when(p.deadline)}。`,
        `${p.counterpart} accepted the match for ${w.quote(p.title)}. The parties now negotiate the terms, until ${w.when(p.deadline)}.`,
      ),
    ],
    facts: [
      fact(w.words.label.counterpart, p.counterpart),
      ...(p.counterpartCategory ? [fact(w.say('企业类别', 'Enterprise category'), ENTERPRISE_CATEGORY_NAMES[p.counterpartCategory][w.language])] : []),
      fact(w.words.label.deadline, w.when(p.deadline)),
    ],
    calendar: [negotiationEntry(p, w)],
    calendarCancels: [calendarScope.proposals(p.reference)],
    deadline: p.deadline,
  }),

  proposal_declined: (p, w) => ({
    headline: w.say('匹配提议被拒绝', 'Match declined'),
    tone: 'warning',
    paragraphs: [
      w.say(
        `${p.counterpart} 拒绝了${w.quote(p.title)}的匹配提议（${w.words.declineCategory[p.category]}）。`,
        `${p.counterpart} declined the match for ${w.quote(p.title)} (${w.words.declineCategory[p.category]}).`,
      ),
    ],
    facts: [fact(w.words.label.counterpart, p.counterpart), ...reasonFacts(p.reason, w)],
  }),

  unmatched: (p, w) => ({
    headline: w.say('未能匹配', 'No match found'),
    tone: 'warning',
    paragraphs: [w.say(`${w.quote(p.title)}未能找到合适的合作方，已关闭。`, `No partner could be found for ${w.quote(p.title)}; the partnership is closed.`)],
    facts: reasonFacts(p.reason, w),
    calendarCancels: [calendarScope.partnership(p.reference)],
  }),

  terms_proposed: (p, w) => ({
    headline: w.say('新的洽谈条款', 'New terms proposed'),
    tone: 'action',
    paragraphs: [
      w.say(
        `${w.quote(p.title)}第 ${p.round} 轮洽谈提出了新条款，请查看并回应。`,
        `Round ${p.round} of the negotiation on ${w.quote(p.title)} proposes new terms; please review them.`,
      ),
      `${w.words.label.terms}${w.words.colon}${p.terms}`,
    ],
    facts: [fact(w.words.label.round, String(p.round)), ...(p.amountCny === undefined ? [] : [fact(w.words.label.amount, w.amount(p.amountCny))])],
  }),

  negotiation_agreed: (p, w) => ({
    headline: w.say('洽谈达成一致', 'Terms agreed'),
    tone: 'success',
    paragraphs: [
      w.say(
        `${w.quote(p.title)}的洽谈已按第 ${p.round} 轮条款达成一致，请登记合同。`,
        `The parties agreed the terms of round ${p.round} for ${w.quote(p.title)}; the contract can now be registered.`,
      ),
    ],
    calendarCancels: [calendarScope.negotiation(p.reference)],
  }),

  negotiation_reminder: (p, w) => ({
    headline: w.say('洽谈即将截止', 'Negotiation deadline approaching'),
    tone: 'warning',
    paragraphs: [
      w.say(
        `${w.quote(p.title)}的洽谈将于 ${w.when(p.deadline)} 截止，请在此之前达成一致或结束洽谈。`,
        `The negotiation on ${w.quote(p.title)} closes on ${w.when(p.deadline)}; please agree or conclude before then.`,
      ),
    ],
    facts: [fact(w.words.label.deadline, w.when(p.deadline))],
    calendar: [negotiationEntry(p, w)],
    deadline: p.deadline,
  }),

  negotiation_overdue: (p, w) => ({
    headline: w.say('洽谈已超期', 'Negotiation overdue'),
    tone: 'danger',
    paragraphs: [
      w.say(
        `${w.quote(p.title)}的洽谈已超过截止时间（${w.when(p.deadline)}），仍未结束。`,
        `The negotiation on ${w.quote(p.title)} passed its deadline (${w.when(p.deadline)}) without a conclusion.`,
      ),
    ],
    facts: [fact(w.words.label.deadline, w.when(p.deadline))],
    deadline: p.deadline,
  }),

  negotiation_failed: (p, w) => ({
    headline: w.say('洽谈未成', 'Negotiation failed'),
    tone: 'warning',
    paragraphs: [
      p.next === 'rematch'
        ? w.say(`${w.quote(p.title)}的洽谈未能达成一致，将重新匹配合作方。`, `The negotiation on ${w.quote(p.title)} failed; a new partner will be sought.`)
        : w.say(`${w.quote(p.title)}的洽谈未能达成一致，合作已关闭。`, `The negotiation on ${w.quote(p.title)} failed and the partnership is closed.`),
    ],
    facts: reasonFacts(p.reason, w),
    calendarCancels: [calendarScope.negotiation(p.reference)],
  }),

  contract_registered: (p, w) => {
    const milestones = typeof p.milestones === 'number' ? [] : p.milestones;
    const total = typeof p.milestones === 'number' ? p.milestones : p.milestones.length;
    return {
      headline: w.say('合同已登记', 'Contract registered'),
      tone: 'success',
      paragraphs: [
        total === 0
          ? w.say(
              `${w.quote(p.title)}的合同已登记，里程碑待规划。`,
              `The contract for ${w.quote(p.title)} is registered; its milestones are still to be planned.`,
            )
          : w.say(
              `${w.quote(p.title)}的合同已登记，共 ${total} 个里程碑。系统会在每个里程碑到期前提醒负责方。`,
              `The contract for ${w.quote(p.title)} is registered with ${count(total, 'milestone')}. The responsible party is reminded before each one falls due.`,
            ),
      ],
      facts: [
        fact(w.words.label.contractType, w.words.contractType[p.type]),
        fact(w.words.label.amount, w.amount(p.amountCny)),
        ...(p.signedOn ? [fact(w.words.label.signedOn, w.when(p.signedOn))] : []),
      ],
      ...milestoneList(p.reference, p.title, milestones, p.seq, w),
    };
  },

  milestones_planned: (p, w) => ({
    headline: w.say('里程碑已规划', 'Milestones planned'),
    tone: 'success',
    paragraphs: [
      w.say(
        `${w.quote(p.title)}的合同已规划 ${p.milestones.length} 个里程碑。系统会在每个里程碑到期前提醒负责方。`,
        `The contract for ${w.quote(p.title)} now has ${count(p.milestones.length, 'milestone')}. The responsible party is reminded before each one falls due.`,
      ),
    ],
    ...milestoneList(p.reference, p.title, p.milestones, p.seq, w),
  }),

  milestone_due_soon: (p, w) => ({
    headline: w.say('里程碑即将到期', 'Milestone due soon'),
    tone: 'warning',
    paragraphs: [
      w.say(
        `${w.quote(p.title)}的${milestoneName(p.milestone, p.milestoneTitle, w)}将于 ${w.when(p.due)} 到期，请按时完成并提交完成凭证。`,
        `${capitalise(milestoneName(p.milestone, p.milestoneTitle, w))} of ${w.quote(p.title)} is due on ${w.when(p.due)}; please complete it and record the evidence.`,
      ),
    ],
    facts: [fact(w.words.label.milestone, `${p.milestone} ${p.milestoneTitle}`), fact(w.words.label.due, w.when(p.due))],
    calendar: [milestoneEntry(p.reference, p.title, p.milestone, p.milestoneTitle, p.due, p.seq, w)],
    deadline: p.due,
  }),

  milestone_due_today: (p, w) => ({
    headline: w.say('里程碑今日到期', 'Milestone due today'),
    tone: 'action',
    paragraphs: [
      w.say(
        `${w.quote(p.title)}的${milestoneName(p.milestone, p.milestoneTitle, w)}今天到期（${w.when(p.due)}），完成后请提交完成凭证。`,
        `${capitalise(milestoneName(p.milestone, p.milestoneTitle, w))} of ${w.quote(p.title)} is due today (${w.when(p.due)}); please record the evidence once it is done.`,
      ),
    ],
    facts: [fact(w.words.label.milestone, `${p.milestone} ${p.milestoneTitle}`), fact(w.words.label.due, w.when(p.due))],
    calendar: [milestoneEntry(p.reference, p.title, p.milestone, p.milestoneTitle, p.due, p.seq, w)],
    deadline: p.due,
  }),

  milestone_overdue: (p, w) => ({
    headline: w.say('里程碑已逾期', 'Milestone overdue'),
    tone: 'danger',
    paragraphs: [
      w.say(
        `${w.quote(p.title)}的${milestoneName(p.milestone, p.milestoneTitle, w)}已于 ${w.when(p.due)} 到期，仍未完成。`,
        `${capitalise(milestoneName(p.milestone, p.milestoneTitle, w))} of ${w.quote(p.title)} was due on ${w.when(p.due)} and is not done yet.`,
      ),
      ...(p.escalated === 'yes' ? [w.say('此事项已上报管理人员。', 'This has been escalated to the managers.')] : []),
    ],
    facts: [fact(w.words.label.milestone, `${p.milestone} ${p.milestoneTitle}`), fact(w.words.label.due, w.when(p.due))],
    deadline: p.due,
  }),

  milestone_done: (p, w) => ({
    headline: w.say('里程碑已完成', 'Milestone completed'),
    tone: 'success',
    paragraphs: [
      w.say(
        `${w.quote(p.title)}的${milestoneName(p.milestone, p.milestoneTitle, w)}已完成。`,
        `${capitalise(milestoneName(p.milestone, p.milestoneTitle, w))} of ${w.quote(p.title)} is done.`,
      ),
    ],
    facts: [fact(w.words.label.milestone, `${p.milestone} ${p.milestoneTitle}`), ...(p.evidenceUrl ? [fact(w.words.label.evidence, p.evidenceUrl)] : [])],
    calendarCancels: [calendarScope.milestone(p.reference, p.milestone)],
  }),

  completed: (p, w) => ({
    headline: w.say('合作已完成', 'Partnership completed'),
    tone: 'success',
    paragraphs: [
      w.say(
        `${w.quote(p.title)}的全部里程碑均已完成，合作圆满结束。感谢各方的投入！`,
        `Every milestone of ${w.quote(p.title)} is done and the partnership is complete. Thank you all!`,
      ),
    ],
    calendarCancels: [calendarScope.partnership(p.reference)],
  }),

  withdrawn: (p, w) => ({
    headline: w.say('合作已撤回', 'Partnership withdrawn'),
    tone: 'warning',
    paragraphs: [w.say(`${w.quote(p.title)}已撤回，后续事项均已取消。`, `${w.quote(p.title)} was withdrawn; everything still open for it is cancelled.`)],
    facts: reasonFacts(p.reason, w),
    calendarCancels: [calendarScope.partnership(p.reference)],
  }),

  answer_recorded: (p, w) => {
    const done = DECISION_WORDS[w.language].decisions[p.decision].done[p.variant] ?? p.variant;
    const what = typeof done === 'string' ? done : done(p.subject ?? '');
    const category = p.category ? `（${w.words.declineCategory[p.category]}）` : '';
    return {
      headline: w.say('您的答复已代为记录', 'Your answer was recorded for you'),
      tone: 'info',
      paragraphs: [
        w.say(
          `项目协调员 ${p.recordedBy} 按您的答复，为您在${w.quote(p.title)}中记录：${what}${category}。如与您的答复不符，请直接联系协调员。`,
          `Programme coordinator ${p.recordedBy} recorded your answer on ${w.quote(p.title)}: you ${what}${p.category ? ` (${w.words.declineCategory[p.category]})` : ''}. If this is not what you said, please contact the coordinator.`,
        ),
      ],
      facts: [fact(w.words.label.recordedBy, p.recordedBy)],
    };
  },

  counterpart_unreachable: (p, w) => ({
    headline: w.say('对接邀请无法送达，暂缓发出', 'Proposal held: nobody to reach'),
    tone: 'warning',
    paragraphs: [
      w.say(
        `${w.quote(p.title)}给 ${p.counterpart} 的对接邀请（${p.candidateTitle}）暂缓发出：${p.missing === 'nobody' ? '名录中没有该单位的对接人' : '该单位的对接人既没有飞书账号也没有邮箱'}。邀请不会因此过期；补充联系人后（「人员」表导入，或用「联系人 ${p.counterpart}」查看）将自动发出。`,
        `The proposal of ${w.quote(p.title)} to ${p.counterpart} (${p.candidateTitle}) is held: ${p.missing === 'nobody' ? 'the directory names nobody who speaks for it' : 'the people who speak for it have neither Lark nor email'}. It does not lapse meanwhile; once a contact is added (the people sheet, or see "contacts ${p.counterpart}"), it is sent by itself.`,
      ),
    ],
    facts: [fact(w.words.label.counterpart, p.counterpart)],
  }),
};

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
