import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workflowIdFor } from '../domain/reference.ts';
import type { partnership } from '../workflows/index.ts';
import {
  completeMilestoneUpdate,
  concludeNegotiationUpdate,
  proposeTermsUpdate,
  respondToProposalUpdate,
  reviewUpdate,
  selectCandidatesUpdate,
  statusQuery,
} from '../workflows/messages.ts';
import type { PartnershipStatus } from '../workflows/state.ts';
import { eventually, registerContract, ttoFor } from './support/drive.ts';
import { createHarness, FAST_POLICY, recorded, ROLL_WEAR_DEMAND, type Harness } from './support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness(import.meta.url);
  await h.startWorker();
});
afterAll(async () => {
  await h?.close();
});

const currentRun = async (reference: string): Promise<string> => (await h.handle(reference).describe()).runId;

/** The status the given run answered with when it closed (a closed run is queried by replaying it). */
const statusOfRun = (reference: string, runId: string): Promise<PartnershipStatus> =>
  h.client.workflow.getHandle<typeof partnership>(workflowIdFor(reference), runId).query(statusQuery);

/** Waits for the workflow to continue as new after `runId`, and returns the new run's id. */
const nextRun = (reference: string, runId: string): Promise<string> =>
  eventually(`${reference} to continue as new after ${runId}`, async () => {
    const now = await currentRun(reference);
    return now !== runId ? now : undefined;
  });

describe('continue-as-new on a short history limit', () => {
  it('carries the whole partnership into each new run and records every event once', async () => {
    const ref = await h.submit({ ...ROLL_WEAR_DEMAND, title: '续跑测试：短历史' }, { policy: { ...FAST_POLICY, historyLimit: 20 } });
    const handle = h.handle(ref);
    const coord = await h.actor('coord');
    await h.waitFor(ref, (s) => s.stage === 'review');
    const firstRun = await currentRun(ref);

    await handle.executeUpdate(reviewUpdate, { args: [{ actor: coord, decision: 'approve' }] });
    const secondRun = await nextRun(ref, firstRun);
    const closing = await statusOfRun(ref, firstRun);
    const opening = await h.waitFor(ref, (s) => s.candidates.length > 0);
    // Nothing is lost or invented between runs: stage, candidates, history, timers, who acts next.
    expect(opening).toEqual(closing);
    expect(opening.stage).toBe('matchmaking');
    expect(opening.history.map((e) => e.type)).toEqual(['intake_received', 'review_requested', 'reviewed', 'candidates_found']);

    const best = opening.candidates[0]!;
    const tto = await h.actor(ttoFor(best));
    await handle.executeUpdate(selectCandidatesUpdate, { args: [{ actor: coord, candidateIds: [best.id] }] });
    await handle.executeUpdate(respondToProposalUpdate, { args: [{ actor: tto, candidateId: best.id, decision: 'accept' }] });
    const thirdRun = await nextRun(ref, secondRun);
    const carried = await h.waitFor(ref, (s) => s.stage === 'negotiation');
    expect(carried).toEqual(await statusOfRun(ref, secondRun));
    expect(carried.proposals.map((p) => [p.candidateId, p.status])).toEqual([[best.id, 'accepted']]);
    expect(carried.university).toEqual(best.counterpart);

    const contact = await h.actor('contact-steel');
    await handle.executeUpdate(proposeTermsUpdate, { args: [{ actor: contact, terms: '许可使用三年', amountCny: 1_200_000 }] });
    await handle.executeUpdate(concludeNegotiationUpdate, { args: [{ actor: tto, outcome: 'agreed' }] });
    await registerContract(h, ref, [
      { title: '技术资料交付', kind: 'deliverable', due: '2027-01-15', responsible: 'university' },
      { title: '首期许可费', kind: 'payment', due: '2027-02-01', responsible: 'enterprise' },
    ]);
    await handle.executeUpdate(completeMilestoneUpdate, { args: [{ actor: tto, milestone: 1, evidenceUrl: 'https://docs.example.cn/a.pdf' }] });
    await handle.executeUpdate(completeMilestoneUpdate, { args: [{ actor: contact, milestone: 2, evidenceUrl: 'https://pay.example.cn/1' }] });
    expect(await handle.result()).toEqual({ reference: ref, stage: 'completed', reason: 'all milestones done' });
    const lastRun = await currentRun(ref);
    expect(new Set([firstRun, secondRun, thirdRun, lastRun]).size).toBeGreaterThanOrEqual(3);

    const finalStatus = await statusOfRun(ref, lastRun);
    const lastSeq = finalStatus.history.at(-1)!.seq;
    await recorded(h, ref, lastSeq);
    const events = await h.prisma.partnershipEvent.findMany({ where: { partnership: { reference: ref } }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: lastSeq }, (_, i) => i + 1));
    expect(events.map((e) => e.type)).toEqual([
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
    expect(finalStatus.history.map((e) => e.type)).toEqual(events.map((e) => e.type));
    const outbox = await h.prisma.notification.findMany({ where: { partnership: { reference: ref } }, select: { idempotencyKey: true, template: true } });
    expect(outbox.filter((n) => n.template === 'intake_received')).toHaveLength(2);
    expect(outbox.filter((n) => n.template === 'completed').length).toBeGreaterThan(0);
  });
});
