import { MockActivityEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActivities } from '../activities/index.ts';
import type { Candidate, PartnershipEvent } from '../workflows/events.ts';
import { completeMilestoneUpdate, concludeNegotiationUpdate, proposeTermsUpdate, reviewUpdate, selectCandidatesUpdate } from '../workflows/messages.ts';
import { agreeTerms, eventually, outboxOf, registerContract, sleep, toNegotiation } from './support/drive.ts';
import { createHarness, ROLL_WEAR_DEMAND, type Harness } from './support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness(import.meta.url);
  await h.startWorker();
});
afterAll(async () => {
  await h?.close();
});

/** Everything the database holds for a partnership, in a form two runs can be compared by. */
const footprint = async (reference: string) => {
  const row = await h.prisma.partnership.findUniqueOrThrow({
    where: { reference },
    include: { events: { orderBy: { seq: 'asc' } }, proposals: true, rounds: true, notifications: true, contract: { include: { milestones: true } } },
  });
  return {
    row,
    events: row.events.map((e) => `${e.seq}:${e.type}`),
    outbox: await outboxOf(h, reference),
    keys: row.notifications.map((n) => n.idempotencyKey),
  };
};

const counts = async () => ({
  events: await h.prisma.partnershipEvent.count(),
  notifications: await h.prisma.notification.count(),
  proposals: await h.prisma.matchProposal.count(),
});

describe('a worker restart and retried activities', () => {
  it('picks a partnership up after the worker restarts, with the same records as a run without one', async () => {
    // Straight through, for the expected records.
    const straight = await h.submit({ ...ROLL_WEAR_DEMAND, title: '重启测试：对照' });
    const { candidate, tto } = await toNegotiation(h, straight);
    await agreeTerms(h, straight, tto);
    await registerContract(h, straight);
    await h
      .handle(straight)
      .executeUpdate(completeMilestoneUpdate, { args: [{ actor: await h.actor(tto), milestone: 1, evidenceUrl: 'https://docs.example.cn/a.pdf' }] });
    expect(await h.handle(straight).result()).toMatchObject({ stage: 'completed' });

    // The same steps, with the worker gone in the middle of the negotiation.
    const interrupted = await h.submit({ ...ROLL_WEAR_DEMAND, title: '重启测试：中断' });
    await toNegotiation(h, interrupted, candidate.id);
    // Stopped between two decisions, once the acceptance's messages are out.
    await eventually('the acceptance sent', async () =>
      (await h.prisma.notification.count({ where: { partnership: { reference: interrupted }, template: 'proposal_accepted', status: 'sent' } })) > 0 &&
      (await h.prisma.notification.count({ where: { partnership: { reference: interrupted }, status: 'pending', deliverAfter: null } })) === 0
        ? true
        : undefined,
    );
    await h.stopWorker();
    // A party proposes terms while no worker runs: the server holds the update until one does.
    const terms = h.handle(interrupted).executeUpdate(proposeTermsUpdate, {
      args: [{ actor: await h.actor('contact-steel'), terms: '许可使用三年，首期付款后技术服务', amountCny: 1_200_000 }],
    });
    await sleep(1000);
    await h.startWorker();
    const proposed = await terms;
    expect(proposed.rounds).toHaveLength(1);
    await h.handle(interrupted).executeUpdate(concludeNegotiationUpdate, { args: [{ actor: await h.actor(tto), outcome: 'agreed' }] });
    await registerContract(h, interrupted);
    await h
      .handle(interrupted)
      .executeUpdate(completeMilestoneUpdate, { args: [{ actor: await h.actor(tto), milestone: 1, evidenceUrl: 'https://docs.example.cn/a.pdf' }] });
    expect(await h.handle(interrupted).result()).toMatchObject({ stage: 'completed' });

    const expected = await footprint(straight);
    const actual = await footprint(interrupted);
    expect(actual.events).toEqual(expected.events);
    expect(actual.events.map((e) => Number(e.split(':')[0]))).toEqual(actual.events.map((_, i) => i + 1));
    expect(actual.outbox).toEqual(expected.outbox);
    expect(new Set(actual.keys).size).toBe(actual.keys.length);
    expect(actual.row.rounds).toHaveLength(1);
    expect(actual.row.proposals.filter((p) => p.status === 'accepted').map((p) => p.candidateId)).toEqual([candidate.id]);
  });

  it('takes a selection that reaches a restarted worker together with the candidates it was made from, instead of refusing it as still matching', async () => {
    const reference = await h.submit({ ...ROLL_WEAR_DEMAND, title: '重启测试：选择与候选同到' });
    await h.waitFor(reference, (s) => s.stage === 'review');
    await h.handle(reference).executeUpdate(reviewUpdate, { args: [{ actor: await h.actor('coord'), decision: 'approve' }] });
    // The worker stops with the matching under way: the coordinator's selection then reaches the
    // next worker in the same workflow task as the candidates, and the SDK runs updates first.
    await h.stopWorker();
    const selecting = h.handle(reference).executeUpdate(selectCandidatesUpdate, { args: [{ actor: await h.actor('coord'), candidateIds: ['T-A1'] }] });
    await sleep(500);
    await h.startWorker();
    const status = await selecting;
    expect(status.proposals.map((p) => [p.candidateId, p.status])).toEqual([['T-A1', 'proposed']]);
    expect(status.history.map((e) => e.type)).toEqual(expect.arrayContaining(['candidates_found', 'candidates_selected']));
    // The history with the waiting selection replays.
    const handle = h.handle(reference);
    await expect(
      Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, await handle.fetchHistory(), handle.workflowId),
    ).resolves.toBeUndefined();
  });

  it('records an event once however often the activity runs', async () => {
    const ref = await h.submit({ ...ROLL_WEAR_DEMAND, title: '幂等测试：活动重试' });
    await h.waitFor(ref, (s) => s.stage === 'review');
    await h.handle(ref).executeUpdate(reviewUpdate, { args: [{ actor: await h.actor('coord'), decision: 'reject', comment: '幂等测试' }] });
    await h.handle(ref).result();
    const row = await h.prisma.partnership.findUniqueOrThrow({ where: { reference: ref }, include: { events: { orderBy: { seq: 'asc' } } } });
    const { recordEvent } = createActivities({ prisma: h.prisma });
    const env = new MockActivityEnvironment({ workflowExecution: { workflowId: row.workflowId, runId: 'test' }, activityType: 'recordEvent' });

    // The rejection the workflow already recorded, delivered again as a retry would.
    const last = row.events.at(-1)!;
    expect(last.type).toBe('reviewed');
    const payload = last.payload as unknown as { data: { decision: 'reject'; comment: string }; actor: PartnershipEvent['actor'] };
    const replayed = {
      seq: last.seq,
      type: 'reviewed',
      at: last.at.getTime(),
      actor: payload.actor,
      stage: 'rejected',
      university: null,
      enterprise: { id: 'e-steel', name: '鞍山华冶板材有限公司' },
      data: payload.data,
      notify: [{ template: 'rejected', to: [{ personId: 'contact-steel' }], data: { comment: '幂等测试' } }],
    } satisfies PartnershipEvent;
    const before = await counts();
    // Nothing is written again, and the same messages are named for sending: their keys make a second send a no-op.
    expect(await env.run(recordEvent, { partnershipId: row.id, reference: ref, title: row.title, event: replayed })).toEqual({
      applied: false,
      notifications: 0,
      deliveries: [
        { key: `${ref}/${last.seq}/rejected/contact-steel/email`, channel: 'email' },
        { key: `${ref}/${last.seq}/rejected/contact-steel/lark`, channel: 'lark' },
      ],
    });
    expect(await counts()).toEqual(before);

    // A new event, run twice: written the first time, found the second.
    const candidates: Candidate[] = [
      {
        id: 'T-A1',
        title: '热轧工作辊高铬铸铁复合辊身材料与激光熔覆修复技术',
        counterpart: { id: 'u-neu', name: '东北大学' },
        score: 0.9,
        reasons: ['领域一致'],
        flags: [],
      },
      {
        id: 'T-A2',
        title: '轧辊表面超音速火焰喷涂碳化钨耐磨涂层',
        counterpart: { id: 'u-dut', name: '大连理工大学' },
        score: 0.8,
        reasons: ['领域一致'],
        flags: [],
      },
    ];
    const fresh = {
      seq: last.seq + 1,
      type: 'candidates_found',
      at: Date.now(),
      actor: null,
      stage: 'rejected',
      university: null,
      enterprise: replayed.enterprise,
      data: { candidates },
      notify: [{ template: 'candidates_ready', to: [{ role: 'coordinator' }], data: { count: candidates.length } }],
    } satisfies PartnershipEvent;
    const input = { partnershipId: row.id, reference: ref, title: row.title, event: fresh };
    const deliveries = ['email', 'lark'].map((channel) => ({ key: `${ref}/${fresh.seq}/candidates_ready/coord/${channel}`, channel }));
    expect(await env.run(recordEvent, input)).toEqual({ applied: true, notifications: 2, deliveries });
    const once = await counts();
    expect(once).toEqual({ events: before.events + 1, notifications: before.notifications + 2, proposals: before.proposals + 2 });
    expect(await env.run(recordEvent, input)).toEqual({ applied: false, notifications: 0, deliveries });
    expect(await counts()).toEqual(once);
    expect((await h.prisma.partnership.findUniqueOrThrow({ where: { id: row.id } })).lastEventSeq).toBe(fresh.seq);
  });
});
