import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeMilestoneUpdate, reviewUpdate, selectCandidatesUpdate } from '../workflows/messages.ts';
import { agreeTerms, approve, eventually, registerContract, sleep, toNegotiation, ttoFor } from './support/drive.ts';
import { createHarness, FAST_POLICY, ROLL_WEAR_DEMAND, type Harness } from './support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness(import.meta.url);
  await h.startWorker();
});
afterAll(async () => {
  await h?.close();
});

type Row = { seq: number; template: string; recipient: string; milestone: unknown };

/** The partnership's outbox, as "template → recipient/channel" rows with the event seq each came from. */
const outbox = async (reference: string, templates: readonly string[]): Promise<Row[]> => {
  const rows = await h.prisma.notification.findMany({ where: { partnership: { reference }, template: { in: [...templates] } } });
  return rows
    .map((n) => ({
      seq: Number(n.idempotencyKey.split('/')[1]),
      template: n.template,
      recipient: `${n.recipientId}/${n.channel}`,
      milestone: (n.payload as { milestone?: unknown }).milestone,
    }))
    .sort((a, b) => a.seq - b.seq || (a.recipient < b.recipient ? -1 : a.recipient > b.recipient ? 1 : 0));
};

const until = (reference: string, template: string, timeoutMs = 20_000) =>
  eventually(`${reference}: ${template}`, async () => ((await outbox(reference, [template])).length > 0 ? true : undefined), timeoutMs);

describe('timers remind, escalate and expire', () => {
  it('reminds the coordinators of a waiting review, then escalates to the managers, once each', async () => {
    const ref = await h.submit(
      { ...ROLL_WEAR_DEMAND, title: '提醒测试：审核超时' },
      {
        policy: { ...FAST_POLICY, decisionReminderAfter: '1s', decisionEscalateAfter: '2s' },
      },
    );
    await until(ref, 'decision_escalated');
    // Past both timers, with nothing left to fire for the review.
    await sleep(1500);
    const status = await h.status(ref);
    expect(status.stage).toBe('review');
    expect(status.nextTimers.filter((t) => t.key.startsWith('review:'))).toEqual([]);

    const rows = await outbox(ref, ['review_reminder', 'decision_escalated']);
    expect(rows.map((r) => `${r.template} → ${r.recipient}`)).toEqual([
      'review_reminder → coord/email',
      'review_reminder → coord/lark',
      'decision_escalated → manager/email',
    ]);
    expect(rows[0]!.seq).toBeLessThan(rows[2]!.seq);
    const events = await h.prisma.partnershipEvent.findMany({
      where: { partnership: { reference: ref }, type: { in: ['reminder', 'escalation'] } },
      orderBy: { seq: 'asc' },
    });
    expect(events.map((e) => [e.type, (e.payload as { data: { timer: string } }).data.timer])).toEqual([
      ['reminder', 'review:remind'],
      ['escalation', 'review:escalate'],
    ]);

    // Late is still allowed: the review goes through, and no review timer returns.
    const late = await h.handle(ref).executeUpdate(reviewUpdate, { args: [{ actor: await h.actor('coord'), decision: 'reject', comment: '超时后仍可审核' }] });
    expect(late.stage).toBe('rejected');
  });

  it('lets an unanswered proposal lapse, tells the coordinators, and offers the remaining candidates', async () => {
    const ref = await h.submit(
      { ...ROLL_WEAR_DEMAND, title: '提醒测试：提案过期' },
      {
        policy: { ...FAST_POLICY, proposalDeadline: '3s', proposalReminderBefore: '2s' },
      },
    );
    const offered = await approve(h, ref);
    expect(offered.candidates.length).toBeGreaterThanOrEqual(2);
    const best = offered.candidates[0]!;
    await h.handle(ref).executeUpdate(selectCandidatesUpdate, { args: [{ actor: await h.actor('coord'), candidateIds: [best.id] }] });

    const after = await h.waitFor(ref, (s) => s.proposals.some((p) => p.candidateId === best.id && p.status === 'expired'), 20_000);
    expect(after.stage).toBe('matchmaking');
    expect(after.awaiting).toEqual([{ action: 'select_candidates', role: 'coordinator', organisation: null }]);
    expect(after.candidates.map((c) => c.id)).not.toContain(best.id);
    expect(after.candidates.length).toBe(offered.candidates.length - 1);

    await eventually(
      'the lapse recorded',
      async () =>
        (await h.prisma.matchProposal.findFirst({ where: { partnership: { reference: ref }, candidateId: best.id, status: 'expired' } })) ?? undefined,
    );
    const proposal = await h.prisma.matchProposal.findFirstOrThrow({ where: { partnership: { reference: ref }, candidateId: best.id } });
    expect(proposal).toMatchObject({ status: 'expired', declineCategory: 'timing' });

    const tto = ttoFor(best);
    const reminders = await outbox(ref, ['proposal_reminder']);
    expect(reminders.map((r) => r.recipient.split('/')[0])).toEqual(reminders.map(() => tto));
    expect(new Set(reminders.map((r) => r.seq)).size).toBe(1);

    const told = await h.prisma.notification.findMany({ where: { partnership: { reference: ref }, template: 'proposal_declined' } });
    expect(told.map((n) => `${n.recipientId}/${n.channel}`).sort()).toEqual(['coord/email', 'coord/lark']);
    expect(told.every((n) => (n.payload as { category: string }).category === 'timing')).toBe(true);
    expect(told.every((n) => (n.payload as { counterpart: string }).counterpart === best.counterpart.name)).toBe(true);

    // Offering again is news for the coordinators: a second candidates_ready, counting what is left.
    const ready = await eventually('the second offer', async () => {
      const rows = await h.prisma.notification.findMany({ where: { partnership: { reference: ref }, template: 'candidates_ready', channel: 'email' } });
      return rows.length === 2 ? rows : undefined;
    });
    expect(ready.map((n) => (n.payload as { count: number }).count).sort()).toEqual([offered.candidates.length - 1, offered.candidates.length].sort());
  });

  it('reminds before, on and after a milestone’s due time, in that order, and not for a finished milestone', async () => {
    const ref = await h.submit(
      { ...ROLL_WEAR_DEMAND, title: '提醒测试：履约节点' },
      {
        policy: { ...FAST_POLICY, milestoneReminderOffsets: ['2s'], milestoneEscalateAfter: '2s' },
      },
    );
    const { tto } = await toNegotiation(h, ref);
    await agreeTerms(h, ref, tto);
    await h.waitFor(ref, (s) => s.stage === 'contracting');
    const due = new Date(Date.now() + 5000).toISOString();
    const contracted = await registerContract(h, ref, [
      { title: '技术资料交付', kind: 'deliverable', due, responsible: 'university' },
      { title: '首期许可费', kind: 'payment', due, responsible: 'enterprise' },
    ]);
    expect(contracted.milestones.map((m) => m.dueAt)).toEqual([due, due]);
    // The enterprise pays at once: its milestone's timers stop.
    await h.handle(ref).executeUpdate(completeMilestoneUpdate, {
      args: [{ actor: await h.actor('contact-steel'), milestone: 2, evidenceUrl: 'https://pay.example.cn/receipt/1' }],
    });

    await until(ref, 'milestone_overdue');
    await sleep(1000);
    const milestoneTemplates = ['milestone_due_soon', 'milestone_due_today', 'milestone_overdue'];
    const rows = await outbox(ref, milestoneTemplates);
    expect(rows.every((r) => r.milestone === 1)).toBe(true);

    const university = `${tto}/${tto === 'tto-dut' ? 'lark' : 'email'}`;
    expect(rows.map((r) => `${r.template} → ${r.recipient}`)).toEqual([
      `milestone_due_soon → ${university}`,
      `milestone_due_today → ${university}`,
      ...[university, 'coord/email', 'coord/lark', 'manager/email'].sort().map((to) => `milestone_overdue → ${to}`),
    ]);
    const seqs = [...new Set(rows.map((r) => r.seq))];
    expect(seqs).toHaveLength(3);
    // Only the repeat of the overdue reminder is left, until the milestone is done.
    const status = await h.status(ref);
    expect(status.nextTimers.map((t) => t.key)).toEqual(['milestone:1:late']);

    const done = await h
      .handle(ref)
      .executeUpdate(completeMilestoneUpdate, { args: [{ actor: await h.actor(tto), milestone: 1, evidenceUrl: 'https://docs.example.cn/late.pdf' }] });
    expect(done.stage).toBe('completed');
    await h.handle(ref).result();
    expect(await outbox(ref, milestoneTemplates)).toHaveLength(rows.length);
  });
});
