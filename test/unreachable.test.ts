import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatchReminders, weeklyDigest } from '../workflows/scheduled.ts';
import { resendFailed } from '../scripts/cli/resend-command.ts';
import { renderContent } from '../notifications/templates.ts';
import { PAYLOAD_SCHEMAS } from '../notifications/payloads.ts';
import { selectCandidatesUpdate } from '../workflows/messages.ts';
import { approve, eventually, sleep, ttoFor } from './support/drive.ts';
import { COORD_EMAIL, createHarnessWithChannels, STEEL_EMAIL, type HarnessWithChannels } from './support/channels.ts';
import { FAST_POLICY, ROLL_WEAR_DEMAND, type Harness } from './support/harness.ts';
import type { LoopbackSmtp } from './support/smtp.ts';

let h: Harness;
let smtp: LoopbackSmtp;
let channels: HarnessWithChannels | undefined;

beforeAll(async () => {
  ({ h, smtp } = channels = await createHarnessWithChannels(import.meta.url));
});
afterAll(() => channels?.close());

const dispatch = (id: string) =>
  h.client.workflow.execute(dispatchReminders, { taskQueue: h.taskQueue, workflowId: `dispatch-${id}`, args: [{ settleMs: 0 }] });

describe('nobody unreachable in silence', () => {
  it('alerts the coordinators once when a message fails for good, and sends it again after the fix', async () => {
    smtp.refuse.add(STEEL_EMAIL);
    const ref = await h.submit({ ...ROLL_WEAR_DEMAND, title: '可达性测试：邮箱被拒收' });
    const failed = await eventually('the refusal recorded', async () => {
      const row = await h.prisma.notification.findFirst({ where: { partnership: { reference: ref }, template: 'intake_received', channel: 'email' } });
      return row?.status === 'failed' ? row : undefined;
    });
    const alerts = await h.prisma.notification.findMany({ where: { template: 'delivery_failed', idempotencyKey: { startsWith: `alert/${failed.id}/` } } });
    expect(alerts.length).toBeGreaterThan(0);
    expect(alerts[0]!.payload).toMatchObject({ reference: ref, channel: 'email', notificationId: failed.id });

    await dispatch(`alert-${ref}`);
    const alert = await eventually('the alert mailed', () =>
      Promise.resolve(smtp.to(COORD_EMAIL).find((mail) => mail.parsed.subject?.includes(ref) && mail.parsed.text?.includes(`resend ${failed.id}`))),
    );
    expect(alert.parsed.text).toContain('mailbox unavailable');

    smtp.refuse.delete(STEEL_EMAIL);
    expect(await resendFailed(h.prisma, failed.id)).toBe(1);
    await dispatch(`resend-${ref}`);
    await eventually('the message sent again', async () =>
      (await h.prisma.notification.findUniqueOrThrow({ where: { id: failed.id } })).status === 'sent' ? true : undefined,
    );
    expect(smtp.to(STEEL_EMAIL).filter((mail) => mail.parsed.subject?.includes(ref))).toHaveLength(1);
    // Resent, it raises no second alert.
    expect(await h.prisma.notification.count({ where: { idempotencyKey: { startsWith: `alert/${failed.id}/` } } })).toBe(alerts.length);
  });

  it('holds a proposal to an office nobody can be reached at, tells the coordinators, never lets it lapse, and sends it once someone can be reached', async () => {
    const policy = { ...FAST_POLICY, proposalDeadline: '3s', proposalReminderBefore: '1s', contactRecheckEvery: '1s' };
    const reference = await h.submit({ ...ROLL_WEAR_DEMAND, title: '可达性测试：对接人无联系方式' }, { policy });
    const offered = await approve(h, reference);
    const candidate = offered.candidates[0]!;
    const tto = ttoFor(candidate);
    const saved = await h.prisma.person.findUniqueOrThrow({ where: { id: tto }, select: { email: true, larkOpenId: true } });
    await h.prisma.person.update({ where: { id: tto }, data: { email: null, larkOpenId: null } });

    await h.handle(reference).executeUpdate(selectCandidatesUpdate, { args: [{ actor: await h.actor('coord'), candidateIds: [candidate.id] }] });
    const held = await h.waitFor(reference, (s) => s.proposals.some((p) => p.candidateId === candidate.id && p.held === 'no_address'));
    // The coordinators may choose another candidate meanwhile.
    expect(held.awaiting.map((a) => a.action)).toContain('select_candidates');
    const alert = await eventually(
      'the coordinators told',
      async () =>
        (await h.prisma.notification.findFirst({
          where: { partnership: { reference }, template: 'counterpart_unreachable', recipient: { role: 'coordinator' } },
        })) ?? undefined,
    );
    const content = renderContent({ template: 'counterpart_unreachable', payload: alert.payload as Record<string, unknown> }, 'zh');
    expect(content.paragraphs.join('')).toContain(`给 ${candidate.counterpart.name} 的对接邀请`);
    expect(content.paragraphs.join('')).toContain('既没有飞书账号也没有邮箱');

    // Twice the proposal's deadline later it has neither lapsed nor reached anyone.
    await sleep(6_000);
    const waiting = await h.status(reference);
    expect(waiting.proposals.find((p) => p.candidateId === candidate.id)).toMatchObject({ status: 'proposed', held: 'no_address' });
    expect(waiting.history.map((e) => e.type)).not.toContain('proposal_expired');
    expect(await h.prisma.notification.count({ where: { partnership: { reference }, template: 'match_proposed' } })).toBe(0);

    await h.prisma.person.update({ where: { id: tto }, data: saved });
    const sent = await h.waitFor(reference, (s) => s.history.some((e) => e.type === 'proposal_resent'));
    expect(sent.proposals.find((p) => p.candidateId === candidate.id)?.held).toBeUndefined();
    await eventually(
      'the proposal sent to the office',
      async () => (await h.prisma.notification.findFirst({ where: { partnership: { reference }, template: 'match_proposed', recipientId: tto } })) ?? undefined,
    );
  });

  it('lists organisations with nobody reachable and people with no address in the programme summary', async () => {
    await h.prisma.organisation.create({ data: { id: 'org-unreachable-u', kind: 'university', name: '无人可联系大学', region: '辽宁' } });
    await h.prisma.person.create({ data: { id: 'p-unreachable-tto', name: '无地址老师', role: 'tto_officer', organisationId: 'org-unreachable-u' } });
    await h.client.workflow.execute(weeklyDigest, { taskQueue: h.taskQueue, workflowId: `digest-unreachable-${Date.now()}`, args: [{}] });
    const summary = await h.prisma.notification.findFirstOrThrow({ where: { template: 'programme_summary' } });
    const { unreachable } = PAYLOAD_SCHEMAS.programme_summary.parse(summary.payload);
    expect(unreachable.organisations).toContainEqual({ name: '无人可联系大学', kind: 'university' });
    expect(unreachable.people).toContainEqual({ name: '无地址老师', organisation: '无人可联系大学' });
    const content = renderContent({ template: 'programme_summary', payload: summary.payload as Record<string, unknown> }, 'en');
    expect(content.bullets).toContain('无人可联系大学 has no tech-transfer officer with a Lark account or email');
  });
});
