import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderContent } from '../notifications/templates.ts';
import { completeMilestoneUpdate, respondToProposalUpdate, selectCandidatesUpdate } from '../workflows/messages.ts';
import { agreeTerms, approve, eventually, registerContract, toNegotiation, TTO_OF, ttoFor } from './support/drive.ts';
import { createHarness, refused, ROLL_WEAR_DEMAND, type Harness } from './support/harness.ts';
import { runCli } from './support/cli.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness(import.meta.url);
  await h.startWorker();
});
afterAll(async () => {
  await h?.close();
});

/** The outbox row of a template to one person, once the workflow has recorded it. */
const toldRow = (reference: string, template: string, recipientId: string) =>
  eventually(`${template} to ${recipientId}`, async () => {
    const row = await h.prisma.notification.findFirst({ where: { partnership: { reference }, template, recipientId } });
    return row ?? undefined;
  });

describe('answers recorded on behalf', () => {
  it("records a TTO's decline given by phone: made as the TTO's, marked as recorded by the coordinator, and the TTO is told", async () => {
    const reference = await h.submit({ ...ROLL_WEAR_DEMAND, title: '代为记录：电话婉拒' });
    const offered = await approve(h, reference);
    const candidate = offered.candidates[0]!;
    const tto = ttoFor(candidate);
    const coord = await h.actor('coord');
    const handle = h.handle(reference);
    await handle.executeUpdate(selectCandidatesUpdate, { args: [{ actor: coord, candidateIds: [candidate.id] }] });

    const status = await handle.executeUpdate(respondToProposalUpdate, {
      args: [
        {
          actor: coord,
          onBehalfOf: await h.actor(tto),
          candidateId: candidate.id,
          decision: 'decline',
          category: 'budget',
          reason: '电话答复：今年预算已用完',
        },
      ],
    });
    const ttoName = (await h.actor(tto)).name;
    const proposal = status.proposals.find((p) => p.candidateId === candidate.id)!;
    expect(proposal).toMatchObject({ status: 'declined', category: 'budget', decidedBy: ttoName });
    expect(status.history).toContainEqual(expect.objectContaining({ type: 'answer_recorded', by: ttoName, recordedBy: coord.name }));
    expect(status.history).toContainEqual(expect.objectContaining({ type: 'proposal_declined', by: ttoName, recordedBy: coord.name }));

    const told = await toldRow(reference, 'answer_recorded', tto);
    const zh = renderContent({ template: 'answer_recorded', payload: told.payload as Record<string, unknown> }, 'zh');
    expect(zh.paragraphs.join('')).toContain(`项目协调员 ${coord.name}`);
    expect(zh.paragraphs.join('')).toContain('婉拒了对接（预算不足）');
    const audit = await eventually(
      'the audit row',
      async () => (await h.prisma.partnershipEvent.findFirst({ where: { partnership: { reference }, type: 'proposal_declined' } })) ?? undefined,
    );
    expect(audit.actorId).toBe(tto);
    expect(audit.payload).toMatchObject({ recordedBy: { personId: coord.personId } });
  });

  it('refuses a record by anyone but a coordinator, for a coordinator, or for someone who may not answer', async () => {
    const reference = await h.submit({ ...ROLL_WEAR_DEMAND, title: '代为记录：拒绝' });
    const offered = await approve(h, reference);
    const candidate = offered.candidates[0]!;
    const tto = ttoFor(candidate);
    const otherTto = Object.values(TTO_OF).find((id) => id !== tto)!;
    const coord = await h.actor('coord');
    const handle = h.handle(reference);
    await handle.executeUpdate(selectCandidatesUpdate, { args: [{ actor: coord, candidateIds: [candidate.id] }] });
    const respond = (actor: unknown, onBehalfOf: unknown) =>
      handle.executeUpdate(respondToProposalUpdate, { args: [{ actor, onBehalfOf, candidateId: candidate.id, decision: 'accept' } as never] });

    expect((await refused(respond(await h.actor(otherTto), await h.actor(tto)))).type).toBe('NotAuthorised');
    expect((await refused(respond(coord, coord))).message).toContain('is not one');
    expect((await refused(respond(coord, await h.actor(otherTto)))).message).toContain('can answer this proposal');
    expect((await h.status(reference)).proposals.find((p) => p.candidateId === candidate.id)?.status).toBe('proposed');
  });

  it('records a milestone done from the CLI with --for, and refuses --for on a decision nobody records for another', async () => {
    const reference = await h.submit({ ...ROLL_WEAR_DEMAND, title: '代为记录：节点完成' });
    const { tto } = await toNegotiation(h, reference);
    await agreeTerms(h, reference, tto);
    await registerContract(h, reference);

    const done = await runCli(h, [
      'decide',
      reference,
      'milestone',
      '--as',
      'coord',
      '--for',
      tto,
      '--data',
      '{"milestone":1,"evidenceUrl":"https://docs.example.cn/report.pdf"}',
    ]);
    expect(done.code, done.stderr).toBe(0);
    const status = await h.status(reference);
    expect(status.milestones[0]?.done).toBe(true);
    expect(status.history).toContainEqual(
      expect.objectContaining({ type: 'milestone_done', by: (await h.actor(tto)).name, recordedBy: (await h.actor('coord')).name }),
    );
    await toldRow(reference, 'answer_recorded', tto);

    const wrong = await runCli(h, ['decide', reference, 'withdraw', '--as', 'coord', '--for', tto, '--data', '{"reason":"x"}']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('--for: "withdraw" is not recorded on anyone\'s behalf');
    // The update definition is shared: a direct update without the CLI is refused as well.
    await expect(
      h.handle(reference).executeUpdate(completeMilestoneUpdate, {
        args: [{ actor: await h.actor(tto), onBehalfOf: await h.actor('coord'), milestone: 1, evidenceUrl: 'https://x.cn/a' }],
      }),
    ).rejects.toThrow();
  });
});
