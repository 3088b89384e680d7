import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language, MessageTemplate } from '../../notifications/content.ts';
import { renderContent } from '../../notifications/templates.ts';
import { TEMPLATES } from '../../workflows/events.ts';
import { createEmailWorld, EMAIL_FROM, message, recipient, type EmailWorld } from '../support/smtp.ts';

const REFERENCE = 'P-2026-000123';
const TITLE = '精轧机工作辊磨损快';
const DEADLINE = '2026-12-03T01:00:00.000Z';
const DEADLINE_ZH = '2026年12月3日 09:00';
const DEADLINE_EN = '3 Dec 2026, 09:00 (UTC+8)';
const DUE = '2027-01-15T01:00:00.000Z';
const partnership = (stage: string, data: Record<string, unknown> = {}) => ({ reference: REFERENCE, title: TITLE, stage, seq: 42, ...data });

interface Case {
  readonly template: MessageTemplate;
  readonly payload: Record<string, unknown>;
  /** The subject must contain the first line; the text and HTML parts every line. */
  readonly zh: readonly string[];
  readonly en: readonly string[];
}

const CASES: readonly Case[] = [
  {
    template: 'intake_received',
    payload: partnership('intake'),
    zh: ['已收到您的提交', `参考编号为 ${REFERENCE}`, '当前阶段：提交'],
    en: ['Submission received', `registered under reference ${REFERENCE}`, 'Stage: Intake'],
  },
  {
    template: 'review_requested',
    payload: partnership('review'),
    zh: ['待审核', '批准、退回修改或拒绝'],
    en: ['Review requested', 'approve it, request changes or reject it'],
  },
  { template: 'review_reminder', payload: partnership('review'), zh: ['审核提醒', '仍在等待审核'], en: ['Review reminder', 'still waiting for a review'] },
  {
    template: 'decision_escalated',
    payload: partnership('matchmaking', { action: 'select_candidates' }),
    zh: ['事项已升级', '“选择候选”已超过时限'],
    en: ['Escalated', 'to select candidates for'],
  },
  {
    template: 'changes_requested',
    payload: partnership('intake', { comment: '请补充预算明细' }),
    zh: ['需要修改', '意见：请补充预算明细'],
    en: ['Changes requested', 'Comment: 请补充预算明细'],
  },
  {
    template: 'revision_reminder',
    payload: partnership('intake'),
    zh: ['修改提醒', '仍在等待您的修改'],
    en: ['Revision reminder', 'still waiting for your revision'],
  },
  {
    template: 'rejected',
    payload: partnership('rejected', { comment: '不属于本计划支持范围' }),
    zh: ['未通过审核', '意见：不属于本计划支持范围', '当前阶段：未通过'],
    en: ['Not approved', 'Comment: 不属于本计划支持范围'],
  },
  {
    template: 'candidates_ready',
    payload: partnership('matchmaking', { count: 4 }),
    zh: ['候选已就绪', '找到 4 个候选'],
    en: ['Candidates ready', 'found 4 candidates'],
  },
  {
    template: 'selection_reminder',
    payload: partnership('matchmaking'),
    zh: ['选择候选提醒', '仍在等待您选择'],
    en: ['Reminder: choose candidates', 'still waiting for your choice'],
  },
  {
    template: 'match_proposed',
    payload: partnership('matchmaking', {
      candidateId: 'A012',
      candidateTitle: '碳化钨耐磨涂层',
      reasons: ['概念匹配：磨损→碳化钨', '合作方式：许可'],
      deadline: DEADLINE,
    }),
    zh: [
      '匹配提议',
      '推荐成果/需求：碳化钨耐磨涂层 (A012)',
      `截止时间：${DEADLINE_ZH}`,
      `请在 ${DEADLINE_ZH} 前接受或拒绝`,
      '匹配理由：',
      '- 概念匹配：磨损→碳化钨',
    ],
    en: ['Match proposal', 'Proposed match: 碳化钨耐磨涂层 (A012)', `Deadline: ${DEADLINE_EN}`, 'Why it matches:', '- 合作方式：许可'],
  },
  {
    template: 'proposal_reminder',
    payload: partnership('matchmaking', { candidateId: 'A012', deadline: DEADLINE }),
    zh: ['匹配提议即将截止', `请在 ${DEADLINE_ZH} 前答复`],
    en: ['Match proposal closing soon', `before ${DEADLINE_EN}`],
  },
  {
    template: 'proposal_withdrawn',
    payload: partnership('negotiation'),
    zh: ['匹配提议已撤回', '无需再答复'],
    en: ['Match proposal withdrawn', 'no answer is needed'],
  },
  {
    template: 'proposal_accepted',
    payload: partnership('negotiation', { counterpart: '东北大学', deadline: DEADLINE }),
    zh: ['匹配提议已接受', '东北大学 接受了', `洽谈截止时间为 ${DEADLINE_ZH}`],
    en: ['Match accepted', '东北大学 accepted', `until ${DEADLINE_EN}`],
  },
  {
    template: 'proposal_declined',
    payload: partnership('matchmaking', { counterpart: '东北大学', category: 'budget', reason: '今年预算已用完' }),
    zh: ['匹配提议被拒绝', '东北大学 拒绝了', '（预算不足）', '原因：今年预算已用完'],
    en: ['Match declined', '东北大学 declined', '(budget)', 'Reason: 今年预算已用完'],
  },
  {
    template: 'unmatched',
    payload: partnership('unmatched', { reason: '没有合适的高校成果' }),
    zh: ['未能匹配', '原因：没有合适的高校成果'],
    en: ['No match found', 'Reason: 没有合适的高校成果'],
  },
  {
    template: 'terms_proposed',
    payload: partnership('negotiation', { round: 2, terms: '许可费分两期支付', amountCny: 1_200_000 }),
    zh: ['新的洽谈条款', '第 2 轮洽谈', '条款：许可费分两期支付', '金额：120 万元'],
    en: ['New terms proposed', 'Round 2 of the negotiation', 'Terms: 许可费分两期支付', 'Amount: CNY 1,200,000'],
  },
  {
    template: 'negotiation_agreed',
    payload: partnership('contracting', { round: 3 }),
    zh: ['洽谈达成一致', '按第 3 轮条款达成一致'],
    en: ['Terms agreed', 'terms of round 3'],
  },
  {
    template: 'negotiation_reminder',
    payload: partnership('negotiation', { deadline: DEADLINE }),
    zh: ['洽谈即将截止', `将于 ${DEADLINE_ZH} 截止`],
    en: ['Negotiation deadline approaching', `closes on ${DEADLINE_EN}`],
  },
  {
    template: 'negotiation_overdue',
    payload: partnership('negotiation', { deadline: DEADLINE }),
    zh: ['洽谈已超期', `已超过截止时间（${DEADLINE_ZH}）`],
    en: ['Negotiation overdue', `passed its deadline (${DEADLINE_EN})`],
  },
  {
    template: 'negotiation_failed',
    payload: partnership('matchmaking', { reason: '价格分歧', next: 'rematch' }),
    zh: ['洽谈未成', '将重新匹配合作方', '原因：价格分歧'],
    en: ['Negotiation failed', 'a new partner will be sought', 'Reason: 价格分歧'],
  },
  {
    template: 'contract_registered',
    payload: partnership('milestones', {
      type: 'licensing',
      amountCny: 1_200_000,
      signedOn: '2026-11-20',
      milestones: [
        { seq: 1, title: '交付样机', kind: 'deliverable', due: DUE, responsible: 'university' },
        { seq: 2, title: '首期付款', kind: 'payment', due: '2027-02-01T01:00:00.000Z', responsible: 'enterprise', amountCny: 600_000 },
      ],
    }),
    zh: [
      '合同已登记',
      '合同类型：技术许可',
      '金额：120 万元',
      '签订日期：2026年11月20日',
      '共 2 个里程碑',
      '- 里程碑 1「交付样机」（交付，高校）：到期 2027年1月15日 09:00',
    ],
    en: [
      'Contract registered',
      'Contract type: Technology licensing (技术许可)',
      'Amount: CNY 1,200,000',
      'Signed on: 20 Nov 2026',
      '- Milestone 2 “首期付款” (payment, enterprise, CNY 600,000): due 1 Feb 2027, 09:00 (UTC+8)',
    ],
  },
  {
    template: 'milestones_planned',
    payload: partnership('milestones', {
      milestones: [
        { seq: 1, title: '交付样机', kind: 'deliverable', due: DUE, responsible: 'university' },
        { seq: 2, title: '首期付款', kind: 'payment', due: '2027-02-01T01:00:00.000Z', responsible: 'enterprise', amountCny: 600_000 },
      ],
    }),
    zh: ['里程碑已规划', '已规划 2 个里程碑', '- 里程碑 1「交付样机」（交付，高校）：到期 2027年1月15日 09:00'],
    en: ['Milestones planned', 'now has 2 milestones', '- Milestone 2 “首期付款” (payment, enterprise, CNY 600,000): due 1 Feb 2027, 09:00 (UTC+8)'],
  },
  {
    template: 'milestone_due_soon',
    payload: partnership('milestones', { milestone: 1, milestoneTitle: '交付样机', due: DUE }),
    zh: ['里程碑即将到期', '里程碑 1「交付样机」将于 2027年1月15日 09:00 到期'],
    en: ['Milestone due soon', 'Milestone 1 “交付样机” of', 'due on 15 Jan 2027, 09:00 (UTC+8)'],
  },
  {
    template: 'milestone_due_today',
    payload: partnership('milestones', { milestone: 1, milestoneTitle: '交付样机', due: DUE }),
    zh: ['里程碑今日到期', '今天到期（2027年1月15日 09:00）'],
    en: ['Milestone due today', 'is due today (15 Jan 2027, 09:00 (UTC+8))'],
  },
  {
    template: 'milestone_overdue',
    payload: partnership('milestones', { milestone: 1, milestoneTitle: '交付样机', due: DUE, escalated: 'yes' }),
    zh: ['里程碑已逾期', '已于 2027年1月15日 09:00 到期，仍未完成', '此事项已上报管理人员'],
    en: ['Milestone overdue', 'was due on 15 Jan 2027, 09:00 (UTC+8)', 'escalated to the managers'],
  },
  {
    template: 'milestone_done',
    payload: partnership('milestones', { milestone: 1, milestoneTitle: '交付样机', evidenceUrl: 'https://example.cn/evidence/1.pdf' }),
    zh: ['里程碑已完成', '完成凭证：https://example.cn/evidence/1.pdf'],
    en: ['Milestone completed', 'Evidence: https://example.cn/evidence/1.pdf'],
  },
  {
    template: 'completed',
    payload: partnership('completed', { reason: 'all milestones done' }),
    zh: ['合作已完成', '全部里程碑均已完成', '当前阶段：已完成'],
    en: ['Partnership completed', 'Every milestone', 'Stage: Completed'],
  },
  {
    template: 'withdrawn',
    payload: partnership('withdrawn', { reason: '企业战略调整' }),
    zh: ['合作已撤回', '原因：企业战略调整'],
    en: ['Partnership withdrawn', 'Reason: 企业战略调整'],
  },
  {
    template: 'answer_recorded',
    payload: partnership('matchmaking', { recordedBy: '李敏', decision: 'respond', variant: 'decline', subject: 'A012', category: 'budget' }),
    zh: ['您的答复已代为记录', '项目协调员 李敏 按您的答复', '记录：婉拒了对接（预算不足）', '如与您的答复不符'],
    en: [
      'Your answer was recorded for you',
      'Programme coordinator 李敏 recorded your answer',
      'you declined the match (budget)',
      'If this is not what you said',
    ],
  },
  {
    template: 'counterpart_unreachable',
    payload: partnership('matchmaking', { counterpart: '东北大学', candidateId: 'A012', candidateTitle: '高铬铸铁轧辊堆焊修复', missing: 'nobody' }),
    zh: ['对接邀请无法送达，暂缓发出', '给 东北大学 的对接邀请（高铬铸铁轧辊堆焊修复）暂缓发出：名录中没有该单位的对接人', '邀请不会因此过期'],
    en: ['Proposal held: nobody to reach', 'the directory names nobody who speaks for it', 'It does not lapse meanwhile'],
  },
  {
    template: 'weekly_digest',
    payload: {
      weekOf: '2026-11-30',
      pending: [{ reference: REFERENCE, title: TITLE, action: 'respond_to_proposal', deadline: DEADLINE }],
      due: [{ reference: 'P-2026-000124', title: '猫粮适口性差', milestone: 2, milestoneTitle: '中试报告', due: '2026-11-28T01:00:00.000Z', overdue: true }],
    },
    zh: [
      '[每周摘要] 2026年11月30日当周：1 项待办，1 个里程碑到期',
      `- ${REFERENCE}「${TITLE}」：待您答复匹配提议（截止 ${DEADLINE_ZH}）`,
      '- P-2026-000124「猫粮适口性差」：里程碑 2「中试报告」已逾期（到期时间 2026年11月28日 09:00）',
      '已逾期：1',
    ],
    en: [
      '[Weekly digest] Week of 30 Nov 2026: 1 item to do, 1 milestone due',
      `${REFERENCE} “${TITLE}”: to do: answer the match proposal (by ${DEADLINE_EN})`,
      'P-2026-000124 “猫粮适口性差”: milestone 2 “中试报告” overdue',
    ],
  },
  {
    template: 'programme_summary',
    payload: {
      weekOf: '2026-11-30',
      byStage: { review: 2, negotiation: 3, milestones: 1, completed: 4 },
      dockings: 12,
      contracts: 5,
      amountCny: 8_650_000,
      overdueMilestones: [{ reference: 'P-2026-000124', title: '猫粮适口性差', milestoneTitle: '中试报告', due: '2026-11-28T01:00:00.000Z' }],
    },
    zh: [
      '[项目周报] 2026年11月30日当周：对接 12 次，签约 5 份，逾期里程碑 1 个',
      '洽谈：3',
      '匹配：0',
      '合同总额：865 万元',
      '- P-2026-000124「猫粮适口性差」：「中试报告」应于 2026年11月28日 09:00 完成',
    ],
    en: [
      '[Programme summary] Week of 30 Nov 2026: 12 dockings, 5 contracts, 1 overdue milestone',
      'Negotiation: 3',
      'Contract value: CNY 8,650,000',
      'Overdue milestones:',
    ],
  },
];

const escapeForHtml = (text: string): string => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

let world: EmailWorld;
beforeAll(async () => {
  world = await createEmailWorld();
});
afterAll(async () => {
  await world?.close();
});

describe('every template, in Chinese and English, by email', () => {
  it('has a case for every lifecycle template and both digests', () => {
    expect(CASES.map((c) => c.template).sort()).toEqual([...TEMPLATES, 'weekly_digest', 'programme_summary'].sort());
  });

  const table = CASES.flatMap((c) => (['zh', 'en'] as const).map((language) => ({ ...c, language, expected: c[language] })));
  it.each(table)('$template ($language)', async ({ template, payload, language, expected }: Case & { language: Language; expected: readonly string[] }) => {
    const to = recipient(language);
    const sent = await world.sender.send(message(to, [{ template, payload }]));
    const [mail] = world.smtp.to(to.email!);
    expect(mail, 'one mail received').toBeDefined();
    const { parsed } = mail!;

    const [headline, ...body] = expected;
    expect(parsed.subject).toContain(headline);
    expect(parsed.messageId).toBe(sent.messageId);
    expect(parsed.messageId).toMatch(/^<[0-9a-f]{32}@qxwq\.example\.cn>$/);
    expect(parsed.from?.value).toEqual([{ address: 'noreply@qxwq.example.cn', name: '千校万企协同创新平台' }]);
    expect(parsed.to).toMatchObject({ value: [{ address: to.email, name: to.name }] });
    expect(EMAIL_FROM).toContain(parsed.from!.value[0]!.address);

    const text = parsed.text ?? '';
    const html = typeof parsed.html === 'string' ? parsed.html : '';
    expect(text.startsWith(language === 'zh' ? `${to.name}，您好：` : `Dear ${to.name},`)).toBe(true);
    if ('reference' in payload) {
      expect(parsed.subject?.startsWith(`[${REFERENCE}] `)).toBe(true);
      expect(text).toContain(language === 'zh' ? `参考编号：${REFERENCE}` : `Reference: ${REFERENCE}`);
    }
    for (const line of body) {
      expect(text).toContain(line);
      // The HTML part says the same, without the text part's list markers and label colons.
      for (const piece of line
        .replace(/^- /, '')
        .split(/[：:] ?/)
        .filter(Boolean))
        expect(html).toContain(escapeForHtml(piece.trim()));
    }
  });
});

describe('payloads from the outbox', () => {
  it('names the template and every missing or malformed field', () => {
    expect(() =>
      renderContent({ template: 'match_proposed', payload: partnership('matchmaking', { candidateId: 'A012', deadline: 'next Tuesday' }) }, 'zh'),
    ).toThrow(/^notification match_proposed payload: candidateTitle: .*; deadline: .*/);
    expect(() =>
      renderContent({ template: 'proposal_accepted', payload: { title: TITLE, counterpart: '东北大学', deadline: DEADLINE, seq: 3 } }, 'en'),
    ).toThrow(/^notification proposal_accepted payload: reference: /);
  });

  it('ignores fields it does not know and does without the optional ones', () => {
    const content = renderContent(
      {
        template: 'proposal_declined',
        payload: { reference: REFERENCE, title: TITLE, counterpart: '东北大学', category: 'timing', reason: '', future: { nested: [1, 2] } },
      },
      'en',
    );
    expect(content.subject).toBe(`[${REFERENCE}] Match declined: ${TITLE}`);
    expect(content.facts.map((fact) => fact.label)).toEqual(['Reference', 'Partnership', 'Counterpart']);
  });

  it('announces a contract whose payload only counts its milestones, without calendar entries', () => {
    const content = renderContent(
      { template: 'contract_registered', payload: partnership('milestones', { type: 'service', amountCny: 8000, milestones: 3 }) },
      'zh',
    );
    expect(content.paragraphs[0]).toContain('共 3 个里程碑');
    expect(content.facts).toContainEqual({ label: '金额', value: '8,000 元' });
    expect(content.calendar).toEqual([]);
  });
});
