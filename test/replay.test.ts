import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  completeMilestoneUpdate,
  registerContractUpdate,
  respondToProposalUpdate,
  reviewUpdate,
  reviseUpdate,
  selectCandidatesUpdate,
  withdrawUpdate,
} from '../workflows/messages.ts';
import { agreeTerms, approve, registerContract, toNegotiation, ttoFor } from './support/drive.ts';
import { eventHandle } from '../app/events/handle.ts';
import { registerSigningUpdate } from '../workflows/event-messages.ts';
import { createTestEvent } from './events/support.ts';
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

  it('replays an expert service with visits and a report, and an achievement signed on site with an enterprise (its category published)', async () => {
    const coord = await h.actor('coord');
    await h.prisma.person.create({
      data: { id: 'exp-replay', name: '周强', role: 'expert', organisationId: 'u-neu', fields: ['冶金'], email: 'zhouqiang@neu.example.cn' },
    });
    const service = await h.submit({ ...ROLL_WEAR_DEMAND, title: '回放测试：专家入企' });
    const { tto } = await toNegotiation(h, service);
    await agreeTerms(h, service, tto);
    const handle = h.handle(service);
    await handle.executeUpdate(registerContractUpdate, {
      args: [
        {
          actor: coord,
          type: 'service',
          amountCny: 200_000,
          signedOn: '2026-11-20',
          experts: ['exp-replay'],
          milestones: [
            { title: '入企服务', kind: 'visit', due: '2027-01-15', responsible: 'university' },
            { title: '服务报告', kind: 'report', due: '2027-02-15', responsible: 'university' },
          ],
        },
      ],
    });
    for (const milestone of [1, 2]) {
      await handle.executeUpdate(completeMilestoneUpdate, { args: [{ actor: await h.actor(tto), milestone, evidenceUrl: 'https://docs.example.cn/r.pdf' }] });
    }
    expect((await handle.result()).stage).toBe('completed');

    // An achievement's enterprise becomes known when it signs on site: the category is published then.
    await createTestEvent(h, 'LN-REPLAY');
    const { reference } = await eventHandle(h.prisma, h.client, 'LN-REPLAY').then((event) =>
      event.executeUpdate(registerSigningUpdate, {
        args: [
          {
            actor: coord,
            subject: { kind: 'achievement', id: 'T-A1' },
            universityId: 'u-neu',
            enterpriseId: 'e-steel',
            type: 'service',
            amountCny: 150_000,
            signedOn: '2026-12-10',
          },
        ],
      }),
    );
    await h.waitFor(reference, (s) => s.stage === 'milestones');
    await h.handle(reference).executeUpdate(withdrawUpdate, { args: [{ actor: coord, reason: '回放测试结束' }] });
    await h.handle(reference).result();

    for (const ref of [service, reference]) {
      const history = await h.handle(ref).fetchHistory();
      await expect(replay(history, h.handle(ref).workflowId), ref).resolves.toBeUndefined();
    }
    const signed = await h.handle(reference).fetchHistory();
    const upserted = signed.events?.flatMap((e) => Object.keys(e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields ?? {}));
    expect(upserted).toContain('EnterpriseCategory');
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
