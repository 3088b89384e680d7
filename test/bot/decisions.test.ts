import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationCard } from '../../lark/cards/notification.ts';
import { messageUuid, sendCard } from '../../lark/messages.ts';
import { createLarkClient } from '../../lark/client.ts';
import { renderContent } from '../../notifications/templates.ts';
import { acceptedUpdates, agreeTerms, approve, toNegotiation } from '../support/drive.ts';
import { ROLL_WEAR_DEMAND } from '../support/harness.ts';
import { createBotWorld, partnershipInReview, toastOf, OPEN_IDS, TTO_OPEN_ID, type BotWorld } from './support/bot-world.ts';
import { buttonsOf, cardText } from './support/cards.ts';

let w: BotWorld;
beforeAll(async () => {
  w = await createBotWorld(import.meta.url);
});
afterAll(async () => {
  await w?.close();
});

const inReview = (): Promise<string> => partnershipInReview(w, 'decisions');
const toast = toastOf;

describe('review', () => {
  it('approves from the status card, which then shows who decided what and when, its buttons disabled', async () => {
    const reference = await inReview();
    const { message } = await w.say(OPEN_IDS.coord, `进度 ${reference}`);
    const answer = await w.click(OPEN_IDS.coord, message, '通过');
    expect(toast(answer)).toEqual({ type: 'success', content: '通过了审核' });
    expect((await w.h.status(reference)).stage).not.toBe('review');
    const card = w.cardOf(message);
    expect(cardText(card)).toMatch(/\*\*李敏\*\* 于 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2} 通过了审核/);
    expect(buttonsOf(card).every((b) => b.disabled)).toBe(true);
  });

  it('needs a reason to reject, names the field, and rejects once it has one', async () => {
    const reference = await inReview();
    const { message } = await w.say(OPEN_IDS.coord, `进度 ${reference}`);
    const missing = await w.click(OPEN_IDS.coord, message, '驳回');
    expect(toast(missing).type).toBe('error');
    expect(cardText(w.cardOf(message))).toContain('意见: a reason is required to reject or request changes');
    expect((await w.h.status(reference)).stage).toBe('review');

    await w.click(OPEN_IDS.coord, message, '驳回', { fill: { comment: '与本计划支持方向不符' } });
    const status = await w.h.status(reference);
    expect(status.stage).toBe('rejected');
    expect(status.outcome?.reason).toBe('与本计划支持方向不符');
  });

  it('sends a submission back for changes; the submitter revises it from 待办 and it is reviewed again', async () => {
    const reference = await inReview();
    const { message } = await w.say(OPEN_IDS.coord, `进度 ${reference}`);
    await w.click(OPEN_IDS.coord, message, '退回修改', { fill: { comment: '请补充轧辊材质和现有工艺参数' } });
    expect((await w.h.status(reference)).stage).toBe('intake');

    await w.settled(reference);
    const pending = await w.say(OPEN_IDS.steel, '待办');
    expect(cardText(pending.card)).toContain(reference);
    await w.click(OPEN_IDS.steel, pending.message, '提交修改', { ref: reference, fill: { note: '补充了轧辊材质（高铬铸铁）和轧制速度' } });
    const revised = await w.h.status(reference);
    expect(revised.stage).toBe('review');
    expect(revised.history.some((h) => h.note.includes('高铬铸铁'))).toBe(true);
  });

  it("refuses someone of the wrong role with the workflow's reason and changes nothing", async () => {
    const reference = await inReview();
    const { message } = await w.say(OPEN_IDS.coord, `进度 ${reference}`);
    const before = w.cardOf(message);
    const answer = await w.click(OPEN_IDS.ttoDut, message, '通过');
    expect(toast(answer)).toEqual({ type: 'error', content: '未执行：只有项目协调员可以审核提交（孙婷 是技术转移中心）' });
    expect(answer.body.card).toBeUndefined();
    expect(w.cardOf(message)).toEqual(before);
    expect((await w.h.status(reference)).stage).toBe('review');
    expect(await acceptedUpdates(w.h.handle(reference))).toEqual([]);
  });

  it('takes a double click as one decision', async () => {
    const reference = await inReview();
    const { message } = await w.say(OPEN_IDS.coord, `进度 ${reference}`);
    const [first, second] = await Promise.all([w.click(OPEN_IDS.coord, message, '通过'), w.click(OPEN_IDS.coord, message, '通过')]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(await acceptedUpdates(w.h.handle(reference))).toEqual(['review']);
    expect(toast(first).type).toBe('success');
    expect(toast(second).type).toBe('success');
  });

  it('answers "处理中" when the update outlasts the budget, then updates the card with the callback token', async () => {
    const reference = await inReview();
    const hasty = await w.startBot({ budgetMs: 0 });
    const { message } = await w.say(OPEN_IDS.coord, `进度 ${reference}`);
    const answer = await w.click(OPEN_IDS.coord, message, '通过', { bot: hasty });
    expect(toast(answer)).toMatchObject({ type: 'info', content: '处理中，完成后会更新此卡片…' });
    expect(answer.body.card).toBeUndefined();
    await hasty.idle();
    expect(w.lark.requests.some((r) => r.route === 'cardUpdate' && r.status === 200)).toBe(true);
    expect(cardText(w.cardOf(message))).toContain('通过了审核');
    expect((await w.h.status(reference)).stage).not.toBe('review');
  });
});

describe('matchmaking', () => {
  it('proposes the candidates a coordinator picks, with their reasons shown', async () => {
    const reference = await inReview();
    const offered = await approve(w.h, reference);
    const { message, card } = await w.say(OPEN_IDS.coord, `匹配 ${reference}`);
    const best = offered.candidates[0]!;
    expect(cardText(card)).toContain(best.reasons[0]!);
    await w.click(OPEN_IDS.coord, message, '发出对接邀请', { fill: { candidates: [best.id] } });
    const status = await w.h.status(reference);
    expect(status.proposals.map((p) => [p.candidateId, p.status])).toEqual([[best.id, 'proposed']]);
  });

  it('lets the proposed university decline with a category, then accept another', async () => {
    const reference = await inReview();
    const offered = await approve(w.h, reference);
    const [first, second] = offered.candidates;
    const picks = await w.say(OPEN_IDS.coord, `匹配 ${reference}`);
    await w.click(OPEN_IDS.coord, picks.message, '发出对接邀请', { fill: { candidates: [first!.id] } });

    const tto = TTO_OPEN_ID[first!.counterpart.id]!;
    await w.settled(reference);
    const pending = await w.say(tto, '待办');
    await w.click(tto, pending.message, '婉拒', { ref: reference, fill: { category: 'budget', reason: '今年经费已排满' } });
    const declined = await w.h.waitFor(reference, (s) => s.awaiting.some((a) => a.action === 'select_candidates'));
    expect(declined.proposals[0]).toMatchObject({ candidateId: first!.id, status: 'declined', category: 'budget', reason: '今年经费已排满' });
    if (!second) return;

    const again = await w.say(OPEN_IDS.coord, `匹配 ${reference}`);
    await w.click(OPEN_IDS.coord, again.message, '发出对接邀请', { fill: { candidates: [second.id] } });
    const secondTto = TTO_OPEN_ID[second.counterpart.id]!;
    await w.settled(reference);
    const theirs = await w.say(secondTto, '待办');
    await w.click(secondTto, theirs.message, '接受', { ref: reference });
    const accepted = await w.h.status(reference);
    expect(accepted.stage).toBe('negotiation');
    expect(accepted.university).toEqual(second.counterpart);
  });

  it("records a university's phone decline from the coordinator's status card: made in the office's name, marked as recorded, the office told", async () => {
    const reference = await inReview();
    const offered = await approve(w.h, reference);
    const best = offered.candidates[0]!;
    const picks = await w.say(OPEN_IDS.coord, `匹配 ${reference}`);
    await w.click(OPEN_IDS.coord, picks.message, '发出对接邀请', { fill: { candidates: [best.id] } });
    await w.settled(reference);

    const { message } = await w.say(OPEN_IDS.coord, `进度 ${reference}`);
    await w.click(OPEN_IDS.coord, message, '代为记录答复');
    expect(cardText(w.cardOf(message))).toContain(`代 ${best.counterpart.name} 记录`);
    const answer = await w.click(OPEN_IDS.coord, message, '婉拒', { fill: { category: 'timing', reason: '电话答复：明年再议' } });
    expect(toast(answer).type).toBe('success');
    const status = await w.h.status(reference);
    expect(status.proposals[0]).toMatchObject({ candidateId: best.id, status: 'declined', category: 'timing' });
    const entry = status.history.find((h) => h.type === 'proposal_declined')!;
    expect(entry.recordedBy).toBe('李敏');
    expect(cardText(w.cardOf(message))).toContain(`${entry.by}（李敏 代为记录）`);
    await w.settled(reference);
    const told = await w.h.prisma.notification.findFirst({ where: { partnership: { reference }, template: 'answer_recorded' }, include: { recipient: true } });
    expect(told?.recipient?.organisationId).toBe(best.counterpart.id);

    // The office itself, or a manager, gets no record card.
    const tto = TTO_OPEN_ID[best.counterpart.id]!;
    const theirs = await w.say(tto, `进度 ${reference}`);
    expect(buttonsOf(theirs.card).map((b) => b.value.view)).not.toContain('record');
  });

  it('refuses a decline without its category, naming the field', async () => {
    const reference = await inReview();
    const offered = await approve(w.h, reference);
    const best = offered.candidates[0]!;
    const picks = await w.say(OPEN_IDS.coord, `匹配 ${reference}`);
    await w.click(OPEN_IDS.coord, picks.message, '发出对接邀请', { fill: { candidates: [best.id] } });
    const tto = TTO_OPEN_ID[best.counterpart.id]!;
    await w.settled(reference);
    const pending = await w.say(tto, '待办');
    const answer = await w.click(tto, pending.message, '婉拒', { ref: reference });
    expect(toast(answer).content).toContain('婉拒原因: a decline needs a category');
    expect((await w.h.status(reference)).proposals[0]?.status).toBe('proposed');
  });
});

describe('negotiation and contract', () => {
  it("takes terms from one party and agreement from the other, refusing the proposer's own agreement", async () => {
    const reference = await inReview();
    const { candidate } = await toNegotiation(w.h, reference);
    const tto = TTO_OPEN_ID[candidate.counterpart.id]!;

    const steel = await w.say(OPEN_IDS.steel, `进度 ${reference}`);
    await w.click(OPEN_IDS.steel, steel.message, '提出条款', { fill: { terms: '许可使用三年，首期付款后提供技术服务', amount: '120万' } });
    expect((await w.h.status(reference)).rounds.map((r) => [r.terms, r.amountCny])).toEqual([['许可使用三年，首期付款后提供技术服务', 1_200_000]]);

    const own = await w.say(OPEN_IDS.steel, `进度 ${reference}`);
    expect(cardText(own.card)).not.toContain('同意最近一轮条款');

    // The university's card, seen by the enterprise too (a shared group chat): the proposer cannot agree to its own terms.
    const theirs = await w.say(tto, `进度 ${reference}`);
    const refused = await w.click(OPEN_IDS.steel, theirs.message, '同意最近一轮条款');
    expect(toast(refused).content).toBe('未执行：条款由另一方同意，提出条款的一方不能自己同意');
    expect((await w.h.status(reference)).stage).toBe('negotiation');
    await w.click(tto, theirs.message, '同意最近一轮条款');
    expect((await w.h.status(reference)).stage).toBe('contracting');
  });

  it('records a failed negotiation and matches again', async () => {
    const reference = await inReview();
    const { candidate } = await toNegotiation(w.h, reference);
    const { message } = await w.say(OPEN_IDS.coord, `进度 ${reference}`);
    await w.click(OPEN_IDS.coord, message, '洽谈失败', { fill: { next: 'rematch', reason: '许可费分歧过大' } });
    const status = await w.h.status(reference);
    expect(status.stage).toBe('matchmaking');
    expect(status.proposals.find((p) => p.candidateId === candidate.id)?.status).toBe('failed');
  });

  it('registers a contract from the form, naming a wrong milestone line, then marks milestones done to completion', async () => {
    const reference = await inReview();
    const { tto } = await toNegotiation(w.h, reference);
    await agreeTerms(w.h, reference, tto);
    const { message } = await w.say(OPEN_IDS.coord, `进度 ${reference}`);
    const contract = { type: 'licensing', amount: '1,200,000', signedOn: '2026-11-20 +0800' };
    const bad = await w.click(OPEN_IDS.coord, message, '登记合同', { fill: { ...contract, milestones: '技术资料交付 | 交付 | 明年一月 | 高校' } });
    expect(toast(bad).type).toBe('error');
    expect(cardText(w.cardOf(message))).toContain('履约节点 第 1 行 · due: expected a date');
    await w.click(OPEN_IDS.coord, message, '登记合同', {
      fill: { ...contract, milestones: '技术资料交付 | 交付 | 2027-01-15 | 高校\n首期许可费 | 付款 | 2027-02-01 | 企业 | 60万' },
    });
    const registered = await w.h.status(reference);
    expect(registered.stage).toBe('milestones');
    expect(registered.contract).toMatchObject({ type: 'licensing', amountCny: 1_200_000, signedOn: '2026-11-20', registeredBy: '李敏' });
    expect(registered.milestones.map((m) => [m.title, m.kind, m.responsible, m.amountCny])).toEqual([
      ['技术资料交付', 'deliverable', 'university', undefined],
      ['首期许可费', 'payment', 'enterprise', 600_000],
    ]);

    const universityTto = TTO_OPEN_ID[registered.university!.id]!;
    await w.settled(reference);
    const theirs = await w.say(universityTto, '待办');
    const badLink = await w.click(universityTto, theirs.message, '标记完成', { ref: reference, fill: { evidenceUrl: 'delivery.pdf' } });
    expect(toast(badLink).content).toContain('完成凭证链接: expected an http(s) link to the evidence');
    await w.click(universityTto, theirs.message, '标记完成', { ref: reference, fill: { evidenceUrl: 'https://docs.example.cn/delivery.pdf' } });
    await w.settled(reference);
    const mine = await w.say(OPEN_IDS.steel, '待办');
    await w.click(OPEN_IDS.steel, mine.message, '标记完成', { ref: reference, fill: { evidenceUrl: 'https://pay.example.cn/receipt/1' } });
    expect((await w.h.status(reference)).stage).toBe('completed');
  });

  it('withdraws a partnership from its status card', async () => {
    const reference = await inReview();
    const { message } = await w.say(OPEN_IDS.steel, `进度 ${reference}`);
    await w.click(OPEN_IDS.steel, message, '撤回项目', { fill: { reason: '企业已自行解决' } });
    const status = await w.h.status(reference);
    expect(status.stage).toBe('withdrawn');
    expect(cardText(w.cardOf(message))).toContain('撤回了项目');
  });
});

describe('buttons on the notifications the workflows send', () => {
  it('decides a review and answers a proposal from notification cards', async () => {
    const client = createLarkClient({ LARK_APP_ID: w.lark.appId, LARK_APP_SECRET: w.lark.appSecret, LARK_DOMAIN: w.lark.baseUrl })!;
    const send = async (openId: string, item: { template: 'review_requested' | 'match_proposed'; payload: Record<string, unknown> }) => {
      const card = notificationCard(renderContent(item, 'zh'), { items: [item], language: 'zh' });
      const messageId = await sendCard(client, { receiveId: openId, card, uuid: messageUuid(`${item.template}:${String(item.payload.reference)}`) });
      return w.lark.message(messageId)!;
    };

    const reference = await inReview();
    const review = await send(OPEN_IDS.coord, { template: 'review_requested', payload: { reference, title: ROLL_WEAR_DEMAND.title, stage: 'review' } });
    await w.click(OPEN_IDS.coord, review, '通过');
    const offered = await w.h.waitFor(reference, (s) => s.awaiting.some((a) => a.action === 'select_candidates'));
    const best = offered.candidates[0]!;
    const picks = await w.say(OPEN_IDS.coord, `匹配 ${reference}`);
    await w.click(OPEN_IDS.coord, picks.message, '发出对接邀请', { fill: { candidates: [best.id] } });
    const proposed = await w.h.status(reference);

    const tto = TTO_OPEN_ID[best.counterpart.id]!;
    const proposal = await send(tto, {
      template: 'match_proposed',
      payload: {
        reference,
        title: ROLL_WEAR_DEMAND.title,
        stage: 'matchmaking',
        seq: 6,
        candidateId: best.id,
        candidateTitle: best.title,
        reasons: [...best.reasons],
        deadline: proposed.proposals[0]!.deadline,
      },
    });
    expect(cardText(w.cardOf(proposal))).toContain(best.reasons[0]!);
    await w.click(tto, proposal, '接受');
    expect((await w.h.status(reference)).stage).toBe('negotiation');
  });

  it('offers the contract form once terms are agreed', async () => {
    const reference = await inReview();
    const { tto } = await toNegotiation(w.h, reference);
    await agreeTerms(w.h, reference, tto);
    const item = { template: 'negotiation_agreed' as const, payload: { reference, title: ROLL_WEAR_DEMAND.title, stage: 'contracting', round: 1 } };
    const card = notificationCard(renderContent(item, 'zh'), { items: [item], language: 'zh' });
    expect(buttonsOf(card).map((b) => b.value.d)).toEqual(['contract']);
  });
});
