import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { completeMilestoneUpdate, respondToProposalUpdate, reviewUpdate, reviseUpdate, selectCandidatesUpdate, withdrawUpdate } from '../workflows/messages.ts';
import { agreeTerms, approve, registerContract, toNegotiation, ttoFor } from './support/drive.ts';
import { loadHistory, showHistory } from './support/histories.ts';
import { createHarness, FAST_POLICY, PET_FOOD_DEMAND, ROLL_WEAR_DEMAND, type Harness } from './support/harness.ts';

/**
 * The committed history of one completed partnership. Recorded with
 * `RECORD_HISTORY_FIXTURE=1 npx vitest run test/replay.test.ts`; re-record it only when a change
 * to the workflow is meant to be incompatible with running workflows (and then version it).
 */
const FIXTURE = new URL('./fixtures/histories/partnership-completed.json', import.meta.url);

let h: Harness;
beforeAll(async () => {
  h = await createHarness(import.meta.url);
  await h.startWorker();
});
afterAll(async () => {
  await h?.close();
});

const replay = (history: unknown, workflowId: string): Promise<void> =>
  Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, history, workflowId);

describe('the workflow code replays the histories it wrote', () => {
  it('replays completed, rejected, unmatched, revised, lapsed-timer, declined-then-withdrawn and held-then-recorded partnerships', async () => {
    const coord = await h.actor('coord');
    const references: Record<string, string> = {};

    references.completed = await h.submit({ ...ROLL_WEAR_DEMAND, title: '回放测试：完成' });
    const { tto } = await toNegotiation(h, references.completed);
    await agreeTerms(h, references.completed, tto);
    await registerContract(h, references.completed);
    await h
      .handle(references.completed)
      .executeUpdate(completeMilestoneUpdate, { args: [{ actor: await h.actor(tto), milestone: 1, evidenceUrl: 'https://docs.example.cn/a.pdf' }] });

    references.rejected = await h.submit(
      { ...ROLL_WEAR_DEMAND, title: '回放测试：驳回' },
      {
        // A review that waits long enough for its reminder timer to fire first.
        policy: { ...FAST_POLICY, decisionReminderAfter: '1s' },
      },
    );
    await h.waitFor(references.rejected, (s) => s.history.some((e) => e.type === 'reminder'), 15_000);
    await h.handle(references.rejected).executeUpdate(reviewUpdate, { args: [{ actor: coord, decision: 'reject', comment: '不属于本计划支持范围' }] });

    references.unmatched = await h.submit({ ...PET_FOOD_DEMAND, title: '回放测试：未匹配' }, { as: 'contact-petfood' });
    await h.waitFor(references.unmatched, (s) => s.stage === 'review');
    await h.handle(references.unmatched).executeUpdate(reviewUpdate, { args: [{ actor: coord, decision: 'approve' }] });

    references.revised = await h.submit({ ...ROLL_WEAR_DEMAND, title: '回放测试：补充材料' });
    await h.waitFor(references.revised, (s) => s.stage === 'review');
    await h.handle(references.revised).executeUpdate(reviewUpdate, { args: [{ actor: coord, decision: 'request_changes', comment: '请补充预算' }] });
    await h.handle(references.revised).executeUpdate(reviseUpdate, { args: [{ actor: await h.actor('contact-steel'), note: '预算200万元' }] });
    await h.handle(references.revised).executeUpdate(reviewUpdate, { args: [{ actor: coord, decision: 'reject', comment: '预算不足' }] });

    references.declined = await h.submit({ ...ROLL_WEAR_DEMAND, title: '回放测试：婉拒后再选' });
    const offered = await approve(h, references.declined);
    const [first, second] = offered.candidates;
    const declined = h.handle(references.declined);
    await declined.executeUpdate(selectCandidatesUpdate, { args: [{ actor: coord, candidateIds: [first!.id] }] });
    await declined.executeUpdate(respondToProposalUpdate, {
      args: [{ actor: await h.actor(ttoFor(first!)), candidateId: first!.id, decision: 'decline', category: 'budget' }],
    });
    await declined.executeUpdate(selectCandidatesUpdate, { args: [{ actor: coord, candidateIds: [second!.id] }] });
    await declined.executeUpdate(withdrawUpdate, { args: [{ actor: await h.actor('contact-steel'), reason: '企业内部调整' }] });

    // A proposal held while its office had no address, sent once it had one, and answered by phone through a coordinator.
    references.held = await h.submit({ ...ROLL_WEAR_DEMAND, title: '回放测试：暂缓与代录' }, { policy: { ...FAST_POLICY, contactRecheckEvery: '1s' } });
    const heldOffer = await approve(h, references.held);
    const heldCandidate = heldOffer.candidates[0]!;
    const heldTto = ttoFor(heldCandidate);
    const address = await h.prisma.person.findUniqueOrThrow({ where: { id: heldTto }, select: { email: true, larkOpenId: true } });
    await h.prisma.person.update({ where: { id: heldTto }, data: { email: null, larkOpenId: null } });
    const held = h.handle(references.held);
    await held.executeUpdate(selectCandidatesUpdate, { args: [{ actor: coord, candidateIds: [heldCandidate.id] }] });
    await h.waitFor(references.held, (s) => s.proposals.some((p) => p.held !== undefined));
    await h.prisma.person.update({ where: { id: heldTto }, data: address });
    await h.waitFor(references.held, (s) => s.history.some((e) => e.type === 'proposal_resent'));
    await held.executeUpdate(respondToProposalUpdate, {
      args: [{ actor: coord, onBehalfOf: await h.actor(heldTto), candidateId: heldCandidate.id, decision: 'decline', category: 'timing' }],
    });
    await held.executeUpdate(withdrawUpdate, { args: [{ actor: await h.actor('contact-steel'), reason: '企业内部调整' }] });

    const outcomes = await Promise.all(Object.values(references).map((ref) => h.handle(ref).result()));
    expect(outcomes.map((o) => o.stage)).toEqual(['completed', 'rejected', 'unmatched', 'rejected', 'withdrawn', 'withdrawn']);

    for (const [path, ref] of Object.entries(references)) {
      const handle = h.handle(ref);
      const history = await handle.fetchHistory();
      expect(history.events?.length, path).toBeGreaterThan(10);
      await expect(replay(history, handle.workflowId), path).resolves.toBeUndefined();
      if (path === 'completed' && process.env.RECORD_HISTORY_FIXTURE === '1') {
        await mkdir(new URL('.', FIXTURE), { recursive: true });
        await writeFile(FIXTURE, await showHistory(inject('temporalAddress'), handle.workflowId));
      }
    }
  });

  it('replays the committed history of a completed partnership', async () => {
    const history = loadHistory(JSON.parse(await readFile(FIXTURE, 'utf8')));
    const events = history.events ?? [];
    // The fixture really is a whole lifecycle: started, seven accepted decisions, completed.
    expect(events[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name).toBe('partnership');
    expect(events.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length).toBe(7);
    expect(events.at(-1)?.workflowExecutionCompletedEventAttributes).toBeTruthy();
    await expect(replay(history, 'partnership-fixture')).resolves.toBeUndefined();
  });
});
