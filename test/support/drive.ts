import type { WorkflowHandle } from '@temporalio/client';
import type { Candidate } from '../../workflows/events.ts';
import type { partnership } from '../../workflows/index.ts';
import {
  concludeNegotiationUpdate,
  proposeTermsUpdate,
  registerContractUpdate,
  respondToProposalUpdate,
  reviewUpdate,
  selectCandidatesUpdate,
} from '../../workflows/messages.ts';
import type { PartnershipStatus } from '../../workflows/state.ts';
import type { Harness } from './harness.ts';

/** The tech-transfer office of each fixture university. */
export const TTO_OF: Readonly<Record<string, string>> = { 'u-neu': 'tto-neu', 'u-dut': 'tto-dut', 'u-jiangnan': 'tto-jiangnan' };

export const ttoFor = (candidate: Candidate): string => {
  const tto = TTO_OF[candidate.counterpart.id];
  if (!tto) throw new Error(`no fixture TTO for ${candidate.counterpart.id}`);
  return tto;
};

/** Polls until `check` returns a value other than undefined; for database rows written by activities. */
export const eventually = async <T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export const partnershipId = async (h: Harness, reference: string): Promise<string> =>
  (await h.prisma.partnership.findUniqueOrThrow({ where: { reference }, select: { id: true } })).id;

/** Review → approved, and waits for the candidates the coordinator picks from. */
export const approve = async (h: Harness, reference: string): Promise<PartnershipStatus> => {
  await h.waitFor(reference, (s) => s.stage === 'review');
  await h.handle(reference).executeUpdate(reviewUpdate, { args: [{ actor: await h.actor('coord'), decision: 'approve' }] });
  return h.waitFor(reference, (s) => s.awaiting.some((a) => a.action === 'select_candidates'));
};

/** Proposes one candidate (the best unless named) and has its TTO accept: the partnership is in negotiation. */
export const toNegotiation = async (h: Harness, reference: string, candidateId?: string): Promise<{ candidate: Candidate; tto: string }> => {
  const offered = await approve(h, reference);
  const candidate = candidateId === undefined ? offered.candidates[0] : offered.candidates.find((c) => c.id === candidateId);
  if (!candidate) throw new Error(`${reference}: candidate ${candidateId ?? '(best)'} was not offered`);
  const handle = h.handle(reference);
  await handle.executeUpdate(selectCandidatesUpdate, { args: [{ actor: await h.actor('coord'), candidateIds: [candidate.id] }] });
  const tto = ttoFor(candidate);
  await handle.executeUpdate(respondToProposalUpdate, { args: [{ actor: await h.actor(tto), candidateId: candidate.id, decision: 'accept' }] });
  return { candidate, tto };
};

/** One round of terms from the enterprise, agreed by the TTO: the partnership awaits its contract. */
export const agreeTerms = async (h: Harness, reference: string, tto: string): Promise<void> => {
  const handle = h.handle(reference);
  await handle.executeUpdate(proposeTermsUpdate, {
    args: [{ actor: await h.actor('contact-steel'), terms: '许可使用三年，首期付款后技术服务', amountCny: 1_200_000 }],
  });
  await handle.executeUpdate(concludeNegotiationUpdate, { args: [{ actor: await h.actor(tto), outcome: 'agreed' }] });
};

/** Registers a licensing contract with the given milestones (by default one far-off deliverable of the university). */
export const registerContract = async (
  h: Harness,
  reference: string,
  milestones: { title: string; kind: 'deliverable' | 'payment'; due: string; responsible: 'university' | 'enterprise' }[] = [
    { title: '技术资料交付', kind: 'deliverable', due: '2027-01-15', responsible: 'university' },
  ],
): Promise<PartnershipStatus> =>
  h.handle(reference).executeUpdate(registerContractUpdate, {
    args: [{ actor: await h.actor('coord'), type: 'licensing', amountCny: 1_200_000, signedOn: '2026-11-20', milestones }],
  });

export type PartnershipHandle = WorkflowHandle<typeof partnership>;

/** The wire names of the updates the server accepted into the workflow's history, in order. */
export const acceptedUpdates = async (handle: PartnershipHandle): Promise<string[]> => {
  const history = await handle.fetchHistory();
  return (history.events ?? []).flatMap((event) => {
    const accepted = event.workflowExecutionUpdateAcceptedEventAttributes;
    return accepted ? [accepted.acceptedRequest?.input?.name ?? '?'] : [];
  });
};

/** A person-readable multiset of outbox rows: "template → recipient/channel", sorted. */
export const outboxOf = async (h: Harness, reference: string): Promise<string[]> => {
  const rows = await h.prisma.notification.findMany({ where: { partnership: { reference } }, select: { template: true, recipientId: true, channel: true } });
  return rows.map((n) => `${n.template} → ${n.recipientId}/${n.channel}`).sort();
};
