import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acceptedUpdates } from '../support/drive.ts';
import { createBotWorld, OPEN_IDS, TTO_OPEN_ID, type BotWorld } from './support/bot-world.ts';
import { cardText } from './support/cards.ts';

let w: BotWorld;
beforeAll(async () => {
  w = await createBotWorld(import.meta.url);
});
afterAll(async () => {
  await w?.close();
});

describe('a partnership run entirely from chat', () => {
  it('goes from 新需求 to completed through messages and card clicks only, on the real Temporal server', async () => {
    // The enterprise contact submits a demand with the form.
    const form = await w.say(OPEN_IDS.steel, '新需求');
    await w.click(OPEN_IDS.steel, form.message, '提交', {
      fill: {
        title: '精轧机工作辊磨损快、换辊频繁',
        description: '我厂热连轧精轧机组工作辊表面磨损快，常出现剥落，每班换辊两次以上，停机损失大，希望找到提高轧辊耐磨性或修复的技术。',
        fields: '冶金',
        budgetWan: '200',
        cooperationModes: ['许可', '技术服务'],
      },
    });
    const reference = /P-\d{4}-\d{6}/.exec(cardText(w.cardOf(form.message)))?.[0];
    expect(reference).toBeDefined();
    const ref = reference!;
    await w.h.waitFor(ref, (s) => s.stage === 'review');

    // The coordinator approves it from 待办.
    await w.settled(ref);
    const review = await w.say(OPEN_IDS.coord, '待办');
    await w.click(OPEN_IDS.coord, review.message, '通过', { ref });

    // The matching engine proposes candidates; the coordinator picks the best from 匹配.
    await w.h.waitFor(ref, (s) => s.awaiting.some((a) => a.action === 'select_candidates'));
    const match = await w.say(OPEN_IDS.coord, `匹配 ${ref}`);
    const best = (await w.h.status(ref)).candidates[0]!;
    expect(cardText(match.card)).toContain(best.counterpart.name);
    await w.click(OPEN_IDS.coord, match.message, '发出对接邀请', { fill: { candidates: [best.id] } });

    // The university's tech-transfer office accepts from its 待办.
    const tto = TTO_OPEN_ID[best.counterpart.id]!;
    await w.settled(ref);
    const proposal = await w.say(tto, '待办');
    await w.click(tto, proposal.message, '接受', { ref });

    // The enterprise proposes terms; the university agrees.
    await w.settled(ref);
    const terms = await w.say(OPEN_IDS.steel, '待办');
    await w.click(OPEN_IDS.steel, terms.message, '提出条款', { ref, fill: { terms: '许可使用三年，首期付款后提供技术服务', amount: '1200000' } });
    await w.settled(ref);
    const agree = await w.say(tto, '待办');
    await w.click(tto, agree.message, '同意最近一轮条款', { ref });

    // The coordinator registers the contract with two milestones.
    await w.settled(ref);
    const contract = await w.say(OPEN_IDS.coord, '待办');
    await w.click(OPEN_IDS.coord, contract.message, '登记合同', {
      ref,
      fill: {
        type: 'licensing',
        amount: '120万',
        signedOn: '2026-11-20 +0800',
        milestones: '技术资料交付 | 交付 | 2027-01-15 | 高校\n首期许可费 | 付款 | 2027-02-01 | 企业 | 600000',
      },
    });

    // Each side marks its milestone done with the evidence.
    await w.settled(ref);
    const delivery = await w.say(tto, '待办');
    await w.click(tto, delivery.message, '标记完成', { ref, fill: { evidenceUrl: 'https://docs.example.cn/delivery.pdf' } });
    await w.settled(ref);
    const payment = await w.say(OPEN_IDS.steel, '待办');
    await w.click(OPEN_IDS.steel, payment.message, '标记完成', { ref, fill: { evidenceUrl: 'https://pay.example.cn/receipt/1' } });

    const status = await w.say(OPEN_IDS.coord, `进度 ${ref}`);
    expect(cardText(status.card)).toContain('**当前阶段**：已完成 — all milestones done');
    expect(await w.h.handle(ref).result()).toEqual({ reference: ref, stage: 'completed', reason: 'all milestones done' });
    expect(await acceptedUpdates(w.h.handle(ref))).toEqual([
      'review',
      'selectCandidates',
      'respondToProposal',
      'proposeTerms',
      'concludeNegotiation',
      'registerContract',
      'completeMilestone',
      'completeMilestone',
    ]);
    const row = await w.h.prisma.partnership.findUniqueOrThrow({ where: { reference: ref }, include: { contract: true } });
    expect(row.stage).toBe('completed');
    expect(Number(row.contract?.amountCny)).toBe(1_200_000);
    const waiting = await w.say(OPEN_IDS.coord, '待办');
    expect(cardText(waiting.card)).not.toContain(ref);
  });
});
