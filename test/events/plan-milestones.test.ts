/**
 * A contract signed on site has no milestones: the coordinator (or either party) plans them
 * afterwards with `planMilestones`, and the partnership then runs and completes like any other.
 */
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { prepareDecision } from '../../app/decision-fields.ts';
import { executeUpdate } from '../../app/execute-update.ts';
import { awaitedFrom } from '../../lark/cards/decision-sections.ts';
import { decisionNamed, planMilestones } from '../../workflows/decisions/index.ts';
import { registerSigningUpdate } from '../../workflows/event-messages.ts';
import { completeMilestoneUpdate } from '../../workflows/messages.ts';
import { eventually, outboxOf, partnershipId } from '../support/drive.ts';
import { createHarness, refused, type Harness } from '../support/harness.ts';
import { createTestEvent, releaseDemands } from './support.ts';

const EVENT = 'LN-PLAN-01';
let h: Harness;
beforeAll(async () => {
  h = await createHarness(import.meta.url);
  await h.startWorker();
});
afterAll(async () => {
  await h?.close();
});

describe('milestones planned after a signing on site', () => {
  it('awaits the plan, schedules and announces the planned milestones, refuses outsiders and a second plan, and completes', async () => {
    const coord = await h.actor('coord');
    const event = await createTestEvent(h, EVENT);
    const demands = await releaseDemands(h.prisma, EVENT, 'PM');
    const { reference } = await event.executeUpdate(registerSigningUpdate, {
      args: [
        {
          actor: coord,
          subject: { kind: 'demand', id: demands.late },
          universityId: 'u-neu',
          enterpriseId: 'e-steel',
          type: 'service',
          amountCny: 300_000,
          signedOn: '2026-12-11',
        },
      ],
    });
    const handle = h.handle(reference);

    // Signed without milestones: the coordinator is asked to plan them, on the CLI status and the bot's 待办.
    const signed = await h.waitFor(reference, (s) => s.stage === 'milestones');
    expect(signed.milestones).toEqual([]);
    expect(signed.awaiting).toEqual([{ action: 'plan_milestones', role: 'coordinator', organisation: null }]);
    expect(awaitedFrom(signed, { openId: 'ou_coord', actor: coord, language: 'zh', readOnly: false }).map((a) => a.action)).toEqual(['plan_milestones']);

    // Someone who speaks for neither party is refused, and so is a plan without milestones.
    const outsider = await refused(
      handle.executeUpdate(planMilestones.update, {
        args: [{ actor: await h.actor('tto-dut'), milestones: [{ title: '方案', kind: 'deliverable', due: '2027-01-15', responsible: 'university' }] }],
      }),
    );
    expect(outsider.type).toBe('NotAuthorised');
    expect(outsider.message).toContain('does not act for either party');
    expect((await refused(handle.executeUpdate(planMilestones.update, { args: [{ actor: coord, milestones: [] }] }))).message).toContain(
      'a contract needs at least one milestone',
    );

    // The coordinator plans two, as `decide REF planMilestones --data '…'` sends them; the first falls due in seconds.
    const soon = new Date(Date.now() + 4_000).toISOString();
    const decision = decisionNamed('planMilestones')!;
    const prepared = prepareDecision(
      decision,
      {
        actor: coord,
        milestones: [
          { title: '工艺诊断报告', kind: 'deliverable', due: soon, responsible: 'university' },
          { title: '服务费', kind: 'payment', due: '2027-03-01', responsible: 'enterprise', amountCny: 300_000 },
        ],
      },
      'en',
      'keys',
    );
    if (!prepared.ok) throw new Error(prepared.problems.join('; '));
    const planned = await executeUpdate(handle, prepared.update, { args: [prepared.payload] });
    expect(planned.milestones.map((m) => [m.seq, m.title, m.responsible, m.done])).toEqual([
      [1, '工艺诊断报告', 'university', false],
      [2, '服务费', 'enterprise', false],
    ]);
    expect(planned.awaiting.map((a) => [a.action, a.subject])).toEqual([
      ['complete_milestone', '1'],
      ['complete_milestone', '2'],
    ]);
    // Reminders as for a registered contract's milestones: the first's before-reminder has passed, its due one has not.
    const timers = planned.nextTimers.map((t) => t.key);
    expect(timers).toEqual(expect.arrayContaining(['milestone:1:due', 'milestone:1:overdue', 'milestone:2:due', 'milestone:2:overdue']));
    expect(timers.some((key) => key.startsWith('milestone:2:before:'))).toBe(true);
    expect(timers.some((key) => key.startsWith('milestone:1:before:'))).toBe(false);

    // The plan is projected into the contract's milestones and announced to the coordinators and both parties.
    const id = await partnershipId(h, reference);
    const rows = await eventually('the planned milestones', async () => {
      const found = await h.prisma.milestone.findMany({ where: { contract: { partnershipId: id } }, orderBy: { seq: 'asc' } });
      return found.length === 2 ? found : undefined;
    });
    expect(rows.map((m) => [m.seq, m.title, m.kind, m.responsible, m.status, m.amountCny === null ? null : Number(m.amountCny)])).toEqual([
      [1, '工艺诊断报告', 'deliverable', 'university', 'open', null],
      [2, '服务费', 'payment', 'enterprise', 'open', 300_000],
    ]);
    expect(rows[0]!.dueAt.toISOString()).toBe(soon);
    const announced = (await outboxOf(h, reference)).filter((row) => row.startsWith('milestones_planned'));
    expect(announced.map((row) => row.split(' → ')[1]!.split('/')[0])).toEqual(expect.arrayContaining(['coord', 'tto-neu', 'contact-steel']));

    // A second plan is refused once the contract has milestones.
    const again = await refused(
      handle.executeUpdate(planMilestones.update, {
        args: [{ actor: coord, milestones: [{ title: '另一方案', kind: 'deliverable', due: '2027-01-15', responsible: 'university' }] }],
      }),
    );
    expect(again).toEqual({ type: 'NotAllowedNow', message: 'the contract already has 2 milestones; they cannot be planned again' });

    // The first milestone's due-day reminder reaches the university.
    await h.waitFor(reference, (s) => s.history.some((e) => e.type === 'reminder' && e.note.includes('milestone:1:due')), 20_000);
    await eventually('the due-day reminder', async () =>
      (await outboxOf(h, reference)).some((row) => row.startsWith('milestone_due_today → tto-neu')) ? true : undefined,
    );

    // Both milestones done: the partnership is completed.
    await handle.executeUpdate(completeMilestoneUpdate, {
      args: [{ actor: await h.actor('tto-neu'), milestone: 1, evidenceUrl: 'https://docs.example.cn/report.pdf' }],
    });
    await handle.executeUpdate(completeMilestoneUpdate, {
      args: [{ actor: await h.actor('contact-steel'), milestone: 2, evidenceUrl: 'https://docs.example.cn/receipt.pdf' }],
    });
    expect(await handle.result()).toMatchObject({ reference, stage: 'completed', reason: 'all milestones done' });
    const history = (await h.status(reference)).history.map((e) => e.type);
    expect(history.slice(0, 4)).toEqual(['released', 'signed_on_site', 'contract_registered', 'milestones_planned']);
    expect(history.slice(-3)).toEqual(['milestone_done', 'milestone_done', 'completed']);
    expect((await h.prisma.milestone.findMany({ where: { contract: { partnershipId: id } }, orderBy: { seq: 'asc' } })).map((m) => m.status)).toEqual([
      'done',
      'done',
    ]);

    // The workflow code replays what it wrote.
    await expect(
      Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, await handle.fetchHistory(), handle.workflowId),
    ).resolves.toBeUndefined();
  });
});
