import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, PET_FOOD_DEMAND, recorded, refused, ROLL_WEAR_DEMAND, type Harness } from './support/harness.ts';
import { SEARCH_ATTRIBUTES } from '../workflows/search-attributes.ts';
import {
  completeMilestoneUpdate,
  concludeNegotiationUpdate,
  proposeTermsUpdate,
  registerContractUpdate,
  respondToProposalUpdate,
  reviewUpdate,
  reviseUpdate,
  selectCandidatesUpdate,
} from '../workflows/messages.ts';
import { workflowIdFor } from '../domain/reference.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness(import.meta.url);
  await h.startWorker();
});
afterAll(async () => {
  await h?.close();
});

const ttoOf = { 'u-neu': 'tto-neu', 'u-dut': 'tto-dut', 'u-jiangnan': 'tto-jiangnan' } as Record<string, string>;

describe('a partnership on the real Temporal server', () => {
  it('runs from intake to completion and records every step once', async () => {
    const ref = await h.submit(ROLL_WEAR_DEMAND);
    expect(ref).toMatch(/^P-\d{4}-\d{6}$/);
    const handle = h.handle(ref);
    const coord = await h.actor('coord');

    expect((await h.waitFor(ref, (s) => s.stage === 'review')).awaiting).toEqual([{ action: 'review', role: 'coordinator', organisation: null }]);
    await handle.executeUpdate(reviewUpdate, { args: [{ actor: coord, decision: 'approve' }] });

    const matching = await h.waitFor(ref, (s) => s.awaiting.some((a) => a.action === 'select_candidates'));
    expect(matching.candidates.length).toBeGreaterThan(0);
    const best = matching.candidates[0]!;
    expect(best.reasons.length).toBeGreaterThan(0);
    await handle.executeUpdate(selectCandidatesUpdate, { args: [{ actor: coord, candidateIds: [best.id] }] });

    const tto = await h.actor(ttoOf[best.counterpart.id]!);
    const accepted = await handle.executeUpdate(respondToProposalUpdate, { args: [{ actor: tto, candidateId: best.id, decision: 'accept' }] });
    expect(accepted.stage).toBe('negotiation');
    expect(accepted.university).toEqual(best.counterpart);

    const contact = await h.actor('contact-steel');
    await handle.executeUpdate(proposeTermsUpdate, { args: [{ actor: contact, terms: '许可使用三年，首期付款后技术服务', amountCny: 1_200_000 }] });
    await handle.executeUpdate(concludeNegotiationUpdate, { args: [{ actor: tto, outcome: 'agreed' }] });
    const contracted = await handle.executeUpdate(registerContractUpdate, {
      args: [
        {
          actor: coord,
          type: 'licensing',
          amountCny: 1_200_000,
          signedOn: '2026-11-20',
          milestones: [
            { title: '技术资料交付', kind: 'deliverable', due: '2027-01-15', responsible: 'university' },
            { title: '首期许可费', kind: 'payment', due: '2027-02-01', responsible: 'enterprise', amountCny: 600_000 },
          ],
        },
      ],
    });
    expect(contracted.stage).toBe('milestones');
    expect(contracted.milestones.map((m) => m.dueAt)).toEqual(['2027-01-15T01:00:00.000Z', '2027-02-01T01:00:00.000Z']);

    await handle.executeUpdate(completeMilestoneUpdate, { args: [{ actor: tto, milestone: 1, evidenceUrl: 'https://docs.example.cn/delivery.pdf' }] });
    const done = await handle.executeUpdate(completeMilestoneUpdate, {
      args: [{ actor: contact, milestone: 2, evidenceUrl: 'https://pay.example.cn/receipt/1' }],
    });
    expect(done.stage).toBe('completed');
    expect(await handle.result()).toEqual({ reference: ref, stage: 'completed', reason: 'all milestones done' });

    const row = await h.prisma.partnership.findUniqueOrThrow({
      where: { reference: ref },
      include: { events: { orderBy: { seq: 'asc' } }, proposals: true, rounds: true, contract: { include: { milestones: { orderBy: { seq: 'asc' } } } } },
    });
    expect(row.stage).toBe('completed');
    expect(row.universityId).toBe(best.counterpart.id);
    expect(row.events.map((e) => e.seq)).toEqual(row.events.map((_, i) => i + 1));
    expect(row.events.map((e) => e.type)).toEqual([
      'intake_received',
      'review_requested',
      'reviewed',
      'candidates_found',
      'candidates_selected',
      'proposal_accepted',
      'terms_proposed',
      'negotiation_agreed',
      'contract_registered',
      'milestone_done',
      'milestone_done',
      'completed',
    ]);
    expect(row.proposals.find((p) => p.candidateId === best.id)?.status).toBe('accepted');
    expect(row.rounds).toHaveLength(1);
    expect(row.contract?.type).toBe('licensing');
    expect(Number(row.contract?.amountCny)).toBe(1_200_000);
    expect(row.contract?.milestones.map((m) => [m.status, m.evidenceUrl])).toEqual([
      ['done', 'https://docs.example.cn/delivery.pdf'],
      ['done', 'https://pay.example.cn/receipt/1'],
    ]);

    const outbox = await h.prisma.notification.findMany({ where: { partnershipId: row.id } });
    const templatesFor = (person: string) =>
      outbox
        .filter((n) => n.recipientId === person)
        .map((n) => `${n.template}:${n.channel}`)
        .sort();
    // The submitter prefers both channels; the intake receipt reaches them on each, once.
    expect(templatesFor('contact-steel').filter((t) => t.startsWith('intake_received'))).toEqual(['intake_received:email', 'intake_received:lark']);
    expect(templatesFor('coord')).toContain('review_requested:lark');
    expect(templatesFor(ttoOf[best.counterpart.id]!).some((t) => t.startsWith('match_proposed'))).toBe(true);
    expect(new Set(outbox.map((n) => n.idempotencyKey)).size).toBe(outbox.length);

    const description = await h.client.workflow.getHandle(workflowIdFor(ref)).describe();
    const ours = new Set(SEARCH_ATTRIBUTES.map((key) => key.name));
    expect(
      description.typedSearchAttributes
        .getAll()
        .filter((p) => ours.has(p.key.name))
        .map((p) => [p.key.name, p.value])
        .sort(),
    ).toEqual([
      ['ContractAmount', 1_200_000],
      ['ContractType', 'licensing'],
      ['Enterprise', '鞍山华冶板材有限公司'],
      ['EnterpriseCategory', 'leading'],
      ['Industry', '冶金'],
      ['Overdue', false],
      ['Region', '辽宁省'],
      ['Stage', 'completed'],
      ['University', best.counterpart.name],
    ]);
    expect(await description.staticSummary()).toContain(ref);
  });

  it('ends as rejected with the reason, and tells the submitter', async () => {
    const ref = await h.submit({ ...ROLL_WEAR_DEMAND, title: '轧辊寿命短（重复提交测试）' });
    await h.waitFor(ref, (s) => s.stage === 'review');
    await h.handle(ref).executeUpdate(reviewUpdate, { args: [{ actor: await h.actor('coord'), decision: 'reject', comment: '不属于本计划支持范围' }] });
    expect(await h.handle(ref).result()).toMatchObject({ stage: 'rejected', reason: '不属于本计划支持范围' });
    const row = await h.prisma.partnership.findUniqueOrThrow({ where: { reference: ref } });
    expect(row.stage).toBe('rejected');
    const told = await h.prisma.notification.findMany({ where: { partnershipId: row.id, template: 'rejected' } });
    expect(told.map((n) => n.recipientId)).toEqual(['contact-steel', 'contact-steel']);
    expect(told.every((n) => (n.payload as { comment: string }).comment === '不属于本计划支持范围')).toBe(true);
  });

  it('loops back to the submitter when changes are requested, then reviews the revision', async () => {
    const ref = await h.submit({ ...ROLL_WEAR_DEMAND, title: '轧辊问题' });
    const coord = await h.actor('coord');
    await h.waitFor(ref, (s) => s.stage === 'review');
    const back = await h
      .handle(ref)
      .executeUpdate(reviewUpdate, { args: [{ actor: coord, decision: 'request_changes', comment: '请补充产线规格与预算说明' }] });
    expect(back.stage).toBe('intake');
    expect(back.awaiting).toEqual([{ action: 'revise', role: 'enterprise_contact', organisation: { id: 'e-steel', name: '鞍山华冶板材有限公司' } }]);

    const revised = await h.handle(ref).executeUpdate(reviseUpdate, {
      args: [{ actor: await h.actor('contact-steel'), title: '1780产线精轧工作辊磨损快', note: '已补充规格：1780热连轧，预算200万元' }],
    });
    expect(revised.stage).toBe('review');
    expect(revised.title).toBe('1780产线精轧工作辊磨损快');
    await h.handle(ref).executeUpdate(reviewUpdate, { args: [{ actor: coord, decision: 'approve' }] });
    await h.waitFor(ref, (s) => s.stage === 'matchmaking' && s.candidates.length > 0);
    const row = await h.prisma.partnership.findUniqueOrThrow({ where: { reference: ref }, include: { demand: true } });
    expect(row.title).toBe('1780产线精轧工作辊磨损快');
    expect(row.demand?.title).toBe('1780产线精轧工作辊磨损快');
    await recorded(h, ref, 6);
    const reviews = await h.prisma.partnershipEvent.findMany({ where: { partnershipId: row.id, type: 'review_requested' } });
    expect(reviews).toHaveLength(2);
  });

  it('proposes the next candidate after a decline, never the declined one again', async () => {
    const ref = await h.submit({ ...ROLL_WEAR_DEMAND, title: '工作辊剥落（婉拒测试）' });
    const coord = await h.actor('coord');
    await h.waitFor(ref, (s) => s.stage === 'review');
    await h.handle(ref).executeUpdate(reviewUpdate, { args: [{ actor: coord, decision: 'approve' }] });
    const offered = await h.waitFor(ref, (s) => s.awaiting.some((a) => a.action === 'select_candidates'));
    expect(offered.candidates.length).toBeGreaterThanOrEqual(2);
    const [first, second] = offered.candidates;

    await h.handle(ref).executeUpdate(selectCandidatesUpdate, { args: [{ actor: coord, candidateIds: [first!.id] }] });
    const declined = await h.handle(ref).executeUpdate(respondToProposalUpdate, {
      args: [{ actor: await h.actor(ttoOf[first!.counterpart.id]!), candidateId: first!.id, decision: 'decline', category: 'budget' }],
    });
    expect(declined.stage).toBe('matchmaking');
    expect(declined.awaiting).toEqual([{ action: 'select_candidates', role: 'coordinator', organisation: null }]);
    expect(declined.candidates.map((c) => c.id)).not.toContain(first!.id);

    const again = await refused(h.handle(ref).executeUpdate(selectCandidatesUpdate, { args: [{ actor: coord, candidateIds: [first!.id] }] }));
    expect(again).toEqual({ type: 'InvalidDecision', message: `candidateIds: ${first!.id} is not one of the current candidates` });

    await h.handle(ref).executeUpdate(selectCandidatesUpdate, { args: [{ actor: coord, candidateIds: [second!.id] }] });
    const accepted = await h.handle(ref).executeUpdate(respondToProposalUpdate, {
      args: [{ actor: await h.actor(ttoOf[second!.counterpart.id]!), candidateId: second!.id, decision: 'accept' }],
    });
    expect(accepted.stage).toBe('negotiation');
    const row = await h.prisma.partnership.findUniqueOrThrow({ where: { reference: ref }, include: { proposals: true } });
    await recorded(h, ref, 9);
    const proposals = await h.prisma.matchProposal.findMany({ where: { partnershipId: row.id } });
    expect(proposals.find((p) => p.candidateId === first!.id)).toMatchObject({ status: 'declined', declineCategory: 'budget' });
    expect(proposals.find((p) => p.candidateId === second!.id)?.status).toBe('accepted');
  });

  it('closes as unmatched when nothing in the pool fits', async () => {
    const ref = await h.submit(PET_FOOD_DEMAND, { as: 'contact-petfood' });
    await h.waitFor(ref, (s) => s.stage === 'review');
    await h.handle(ref).executeUpdate(reviewUpdate, { args: [{ actor: await h.actor('coord'), decision: 'approve' }] });
    expect(await h.handle(ref).result()).toEqual({ reference: ref, stage: 'unmatched', reason: 'no suitable candidate was found' });
    const row = await h.prisma.partnership.findUniqueOrThrow({ where: { reference: ref } });
    expect(row.stage).toBe('unmatched');
    const told = await h.prisma.notification.findMany({ where: { partnershipId: row.id, template: 'unmatched' } });
    expect(new Set(told.map((n) => n.recipientId))).toEqual(new Set(['contact-petfood', 'coord']));
  });
});
