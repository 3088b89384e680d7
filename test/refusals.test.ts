import type { PartnershipStatus } from '../workflows/state.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  completeMilestoneUpdate,
  concludeNegotiationUpdate,
  registerContractUpdate,
  respondToProposalUpdate,
  reviewUpdate,
  selectCandidatesUpdate,
  withdrawUpdate,
} from '../workflows/messages.ts';
import { acceptedUpdates, agreeTerms, approve, registerContract, toNegotiation, TTO_OF, ttoFor } from './support/drive.ts';
import { createHarness, recorded, refused, ROLL_WEAR_DEMAND, type Harness, type RefusalText } from './support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness(import.meta.url);
  await h.startWorker();
});
afterAll(async () => {
  await h?.close();
});

/**
 * Sends an update that must be refused, and proves the refusal changed nothing: the status a
 * person sees is the same before and after, and no event reached the audit trail.
 */
const expectRefused = async (
  reference: string,
  send: () => Promise<unknown>,
  expected: RefusalText | { type: RefusalText['type']; message: RegExp },
): Promise<void> => {
  const before = await h.status(reference);
  const lastSeq = before.history.at(-1)?.seq ?? 0;
  await recorded(h, reference, lastSeq);
  const eventsBefore = await h.prisma.partnershipEvent.count({ where: { partnership: { reference } } });

  const refusal = await refused(send());
  if (expected.message instanceof RegExp) {
    expect(refusal.type).toBe(expected.type);
    expect(refusal.message).toMatch(expected.message);
  } else {
    expect(refusal).toEqual(expected);
  }

  expect(await h.status(reference)).toEqual(before);
  expect(await h.prisma.partnershipEvent.count({ where: { partnership: { reference } } })).toBe(eventsBefore);
};

/** A contract registration as a client might send it, well formed or not: sent by the update's wire name. */
const contract = async (milestones: unknown[], overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> => ({
  actor: await h.actor('coord'),
  type: 'licensing' as const,
  amountCny: 1_200_000,
  signedOn: '2026-11-20',
  milestones,
  ...overrides,
});

describe('refused decisions change nothing and say why', () => {
  it('in review: wrong stage, wrong role and malformed decisions', async () => {
    const ref = await h.submit({ ...ROLL_WEAR_DEMAND, title: '拒绝测试：审核阶段' });
    const handle = h.handle(ref);
    await h.waitFor(ref, (s) => s.stage === 'review');
    const coord = await h.actor('coord');

    await expectRefused(ref, () => handle.executeUpdate(selectCandidatesUpdate, { args: [{ actor: coord, candidateIds: ['T-A1'] }] }), {
      type: 'WrongStage',
      message: `${ref} is in review; "select candidates" is taken in matchmaking`,
    });
    await expectRefused(
      ref,
      async () =>
        handle.executeUpdate<PartnershipStatus, [unknown]>(registerContractUpdate.name, {
          args: [await contract([{ title: '交付', kind: 'deliverable', due: '2027-01-15', responsible: 'university' }])],
        }),
      {
        type: 'WrongStage',
        message: `${ref} is in review; "register the contract" is taken in contracting`,
      },
    );

    const tto = await h.actor('tto-neu');
    await expectRefused(ref, () => handle.executeUpdate(reviewUpdate, { args: [{ actor: tto, decision: 'approve' }] }), {
      type: 'NotAuthorised',
      message: `only a programme coordinator can review a submission (${tto.name} is tech-transfer office)`,
    });
    const manager = await h.actor('manager');
    await expectRefused(ref, () => handle.executeUpdate(reviewUpdate, { args: [{ actor: manager, decision: 'approve' }] }), {
      type: 'NotAuthorised',
      message: `only a programme coordinator can review a submission (${manager.name} is manager)`,
    });
    await expectRefused(ref, () => handle.executeUpdate(withdrawUpdate, { args: [{ actor: manager, reason: '管理层撤回' }] }), {
      type: 'NotAuthorised',
      message: "only the submitter's organisation or a coordinator can withdraw the partnership",
    });

    await expectRefused(ref, () => handle.executeUpdate(reviewUpdate, { args: [{ actor: coord, decision: 'reject' }] }), {
      type: 'InvalidDecision',
      message: 'comment: a reason is required to reject or request changes',
    });
    await expectRefused(ref, () => handle.executeUpdate(reviewUpdate, { args: [{ actor: coord, decision: 'maybe' as 'approve' }] }), {
      type: 'InvalidDecision',
      message: /^decision: .*approve.*reject.*request_changes/,
    });

    // The one decision that was allowed is the only one in the workflow's history.
    await handle.executeUpdate(reviewUpdate, { args: [{ actor: coord, decision: 'reject', comment: '不属于本计划支持范围' }] });
    expect(await handle.result()).toMatchObject({ stage: 'rejected' });
    expect(await acceptedUpdates(handle)).toEqual(['review']);
    const events = await h.prisma.partnershipEvent.findMany({ where: { partnership: { reference: ref } }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => e.type)).toEqual(['intake_received', 'review_requested', 'reviewed']);
  });

  it('in matchmaking: no empty selection, and only the proposed university answers its proposal', async () => {
    const ref = await h.submit({ ...ROLL_WEAR_DEMAND, title: '拒绝测试：匹配阶段' });
    const handle = h.handle(ref);
    const offered = await approve(h, ref);
    const coord = await h.actor('coord');

    await expectRefused(ref, () => handle.executeUpdate(selectCandidatesUpdate, { args: [{ actor: coord, candidateIds: [] }] }), {
      type: 'InvalidDecision',
      message: 'candidateIds: choose at least one candidate',
    });

    const best = offered.candidates[0]!;
    await handle.executeUpdate(selectCandidatesUpdate, { args: [{ actor: coord, candidateIds: [best.id] }] });
    await h.waitFor(ref, (s) => s.awaiting.some((a) => a.action === 'respond_to_proposal'));

    const otherUniversity = Object.keys(TTO_OF).find((id) => id !== best.counterpart.id)!;
    const outsider = await h.actor(TTO_OF[otherUniversity]!);
    await expectRefused(ref, () => handle.executeUpdate(respondToProposalUpdate, { args: [{ actor: outsider, candidateId: best.id, decision: 'accept' }] }), {
      type: 'NotAuthorised',
      message: `only ${best.counterpart.name}'s tech-transfer office can answer this proposal`,
    });
    await expectRefused(
      ref,
      async () => handle.executeUpdate(respondToProposalUpdate, { args: [{ actor: await h.actor('manager'), candidateId: best.id, decision: 'accept' }] }),
      {
        type: 'NotAuthorised',
        message: `only ${best.counterpart.name}'s tech-transfer office can answer this proposal`,
      },
    );
    await expectRefused(
      ref,
      async () =>
        handle.executeUpdate(respondToProposalUpdate, {
          args: [{ actor: await h.actor(ttoFor(best)), candidateId: best.id, decision: 'decline' }],
        }),
      {
        type: 'InvalidDecision',
        message: 'category: a decline needs a category (too_early, unclear_benefit, budget, timing, other)',
      },
    );

    const proposal = await h.prisma.matchProposal.findFirstOrThrow({ where: { partnership: { reference: ref }, candidateId: best.id } });
    expect(proposal.status).toBe('proposed');
    expect(await acceptedUpdates(handle)).toEqual(['review', 'selectCandidates']);
    await handle.executeUpdate(withdrawUpdate, { args: [{ actor: coord, reason: '测试结束' }] });
    await handle.result();
  });

  it('after a failed negotiation: the failed candidate is refused, and the others are offered afresh', async () => {
    const ref = await h.submit({ ...ROLL_WEAR_DEMAND, title: '拒绝测试：洽谈失败后重新匹配' });
    const handle = h.handle(ref);
    const { candidate, tto } = await toNegotiation(h, ref);
    const coord = await h.actor('coord');
    const back = await handle.executeUpdate(concludeNegotiationUpdate, {
      args: [{ actor: await h.actor(tto), outcome: 'failed', next: 'rematch', reason: '价格谈不拢' }],
    });
    expect(back.stage).toBe('matchmaking');
    expect(back.university).toBeNull();

    await expectRefused(ref, () => handle.executeUpdate(selectCandidatesUpdate, { args: [{ actor: coord, candidateIds: [candidate.id] }] }), {
      type: 'InvalidDecision',
      message: new RegExp(`^candidateIds: ${candidate.id} `),
    });

    try {
      // Back in matchmaking the coordinators are asked again, as after a decline: the remaining
      // candidates are offered (with their reminder timers), and the failed match is no longer "accepted".
      const offered = await h.waitFor(ref, (s) => s.awaiting.some((a) => a.action === 'select_candidates'));
      expect(offered.proposals.find((p) => p.candidateId === candidate.id)?.status).not.toBe('accepted');
      expect(offered.candidates.map((c) => c.id)).not.toContain(candidate.id);
      expect(offered.history.map((e) => e.type).slice(-2)).toEqual(['negotiation_failed', 'candidates_found']);
      expect(offered.nextTimers.map((t) => t.key)).toEqual(['selection:remind', 'selection:escalate']);
      const failedRow = () =>
        h.prisma.matchProposal.findFirst({
          where: { partnership: { reference: ref }, candidateId: candidate.id },
          select: { status: true, declineReason: true },
        });
      await expect.poll(failedRow).toEqual({ status: 'failed', declineReason: '价格谈不拢' });
    } finally {
      await handle.executeUpdate(withdrawUpdate, { args: [{ actor: coord, reason: '测试结束' }] });
    }
  });

  it('in contracting and milestones: malformed contracts, bad evidence, and the other party’s milestone', async () => {
    const ref = await h.submit({ ...ROLL_WEAR_DEMAND, title: '拒绝测试：履约阶段' });
    const handle = h.handle(ref);
    const { tto } = await toNegotiation(h, ref);
    await agreeTerms(h, ref, tto);
    await h.waitFor(ref, (s) => s.stage === 'contracting');
    const milestone = { title: '技术资料交付', kind: 'deliverable', due: '2027-01-15', responsible: 'university' };

    await expectRefused(ref, async () => handle.executeUpdate<PartnershipStatus, [unknown]>(registerContractUpdate.name, { args: [await contract([])] }), {
      type: 'InvalidDecision',
      message: 'milestones: a contract needs at least one milestone',
    });
    await expectRefused(
      ref,
      async () =>
        handle.executeUpdate<PartnershipStatus, [unknown]>(registerContractUpdate.name, { args: [await contract([milestone], { signedOn: '2026-13-45' })] }),
      {
        type: 'InvalidDecision',
        message: 'signedOn: expected the signing date as YYYY-MM-DD',
      },
    );
    await expectRefused(
      ref,
      async () =>
        handle.executeUpdate<PartnershipStatus, [unknown]>(registerContractUpdate.name, { args: [await contract([{ ...milestone, due: 'next spring' }])] }),
      {
        type: 'InvalidDecision',
        message: 'milestones[0].due: expected a date (2026-12-31) or an ISO instant with offset (2026-12-31T09:00:00+08:00)',
      },
    );
    // An instant without an offset is ambiguous (whose 09:00?), so it is refused too.
    await expectRefused(
      ref,
      async () =>
        handle.executeUpdate<PartnershipStatus, [unknown]>(registerContractUpdate.name, {
          args: [await contract([{ ...milestone, due: '2027-01-15T09:00:00' }])],
        }),
      {
        type: 'InvalidDecision',
        message: 'milestones[0].due: expected a date (2026-12-31) or an ISO instant with offset (2026-12-31T09:00:00+08:00)',
      },
    );

    await registerContract(h, ref);
    const contact = await h.actor('contact-steel');
    await expectRefused(
      ref,
      () => handle.executeUpdate(completeMilestoneUpdate, { args: [{ actor: contact, milestone: 1, evidenceUrl: 'https://docs.example.cn/a.pdf' }] }),
      {
        type: 'NotAuthorised',
        message: "milestone 1 is the university's; only it or a coordinator marks it done",
      },
    );
    const university = await h.actor(tto);
    await expectRefused(
      ref,
      () => handle.executeUpdate(completeMilestoneUpdate, { args: [{ actor: university, milestone: 1, evidenceUrl: 'ftp://docs.example.cn/a.pdf' }] }),
      {
        type: 'InvalidDecision',
        message: 'evidenceUrl: expected an http(s) link to the evidence',
      },
    );
    await expectRefused(
      ref,
      () => handle.executeUpdate(completeMilestoneUpdate, { args: [{ actor: university, milestone: 2, evidenceUrl: 'https://docs.example.cn/a.pdf' }] }),
      {
        type: 'InvalidDecision',
        message: 'milestone: there is no milestone 2 (1–1)',
      },
    );

    const done = await handle.executeUpdate(completeMilestoneUpdate, {
      args: [{ actor: university, milestone: 1, evidenceUrl: 'https://docs.example.cn/a.pdf' }],
    });
    expect(done.stage).toBe('completed');
    await handle.result();
    expect(await acceptedUpdates(handle)).toEqual([
      'review',
      'selectCandidates',
      'respondToProposal',
      'proposeTerms',
      'concludeNegotiation',
      'registerContract',
      'completeMilestone',
    ]);
    const contractRow = await h.prisma.contract.findFirstOrThrow({ where: { partnership: { reference: ref } }, include: { milestones: true } });
    expect(contractRow.milestones.map((m) => [m.seq, m.status, m.evidenceUrl])).toEqual([[1, 'done', 'https://docs.example.cn/a.pdf']]);
  });
});
