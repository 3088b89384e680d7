import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestScheduleId, ensureSchedules, reminderScheduleId } from '../lib/schedules.ts';
import { dispatchReminders, weekOf } from '../workflows/scheduled.ts';
import { completeMilestoneUpdate } from '../workflows/messages.ts';
import { agreeTerms, approve, eventually, registerContract, sleep, toNegotiation, ttoFor } from './support/drive.ts';
import { selectCandidatesUpdate } from '../workflows/messages.ts';
import { COORD_EMAIL, createHarnessWithChannels, STEEL_EMAIL, type HarnessWithChannels } from './support/channels.ts';
import { FAST_POLICY, ROLL_WEAR_DEMAND, type Harness } from './support/harness.ts';
import type { LarkOpenApi } from './support/lark-open-api.ts';
import type { LoopbackSmtp } from './support/smtp.ts';

const STEEL_OPEN_ID = 'ou_0000000000000000000000000000e003';
const COORD_OPEN_ID = 'ou_0000000000000000000000000000c001';

let h: Harness;
let smtp: LoopbackSmtp;
let lark: LarkOpenApi;
let channels: HarnessWithChannels | undefined;

beforeAll(async () => {
  ({ h, smtp, lark } = channels = await createHarnessWithChannels(import.meta.url));
});
afterAll(() => channels?.close());

const mailsAbout = (address: string, reference: string) => smtp.to(address).filter((mail) => mail.parsed.subject?.includes(reference));
const cardsAbout = (openId: string, reference: string) => lark.deliveredTo(openId).filter((m) => JSON.stringify(lark.contentOf(m)).includes(reference));
const sent = async (reference: string, template: string) =>
  h.prisma.notification.findMany({ where: { partnership: { reference }, template }, orderBy: { idempotencyKey: 'asc' } });
const allSent = (reference: string, template: string) =>
  eventually(`${reference}: ${template} sent`, async () => {
    const rows = await sent(reference, template);
    return rows.length > 0 && rows.every((row) => row.status === 'sent') ? rows : undefined;
  });

describe('each step reaches each person once, on the channels they chose', () => {
  it('sends the submitter an email and a Lark card, and the coordinators their review request', async () => {
    const ref = await h.submit({ ...ROLL_WEAR_DEMAND, title: '送达测试：受理回执' });
    const receipts = await allSent(ref, 'intake_received');
    await allSent(ref, 'review_requested');

    expect(receipts.map((row) => row.channel).sort()).toEqual(['email', 'lark']);
    expect(receipts.every((row) => row.messageId)).toBe(true);
    const [mail, ...moreMails] = mailsAbout(STEEL_EMAIL, ref);
    expect(moreMails).toEqual([]);
    expect(mail!.parsed.messageId).toBe(receipts.find((row) => row.channel === 'email')!.messageId);
    expect(cardsAbout(STEEL_OPEN_ID, ref)).toHaveLength(1);
    expect(mailsAbout(COORD_EMAIL, ref)).toHaveLength(1);
    expect(cardsAbout(COORD_OPEN_ID, ref)).toHaveLength(1);
  });

  it('keeps retrying while the mail server refuses, then delivers exactly once', async () => {
    smtp.deferred.add(STEEL_EMAIL);
    const ref = await h.submit({ ...ROLL_WEAR_DEMAND, title: '送达测试：邮件服务器暂时拒收' });
    const refused = await eventually('two refused attempts', async () => {
      const row = (await sent(ref, 'intake_received')).find((n) => n.channel === 'email');
      return row && row.attempts >= 2 ? row : undefined;
    });
    expect(refused.status).toBe('pending');
    expect(refused.lastError).toContain('try again later');
    expect(mailsAbout(STEEL_EMAIL, ref)).toEqual([]);

    smtp.deferred.delete(STEEL_EMAIL);
    const [email] = (await allSent(ref, 'intake_received')).filter((n) => n.channel === 'email');
    expect(email!.attempts).toBeGreaterThanOrEqual(3);
    await sleep(1500);
    expect(mailsAbout(STEEL_EMAIL, ref)).toHaveLength(1);
  });

  it('waits out a Lark rate limit and still delivers the card once', async () => {
    lark.failNext('send', { status: 429, times: 2, headers: { 'x-ogw-ratelimit-limit': '50', 'x-ogw-ratelimit-reset': '1' } });
    const ref = await h.submit({ ...ROLL_WEAR_DEMAND, title: '送达测试：飞书限流' });
    const rows = await allSent(ref, 'intake_received');
    expect(rows.find((n) => n.channel === 'lark')!.attempts).toBeGreaterThanOrEqual(1);
    await allSent(ref, 'review_requested');
    expect(cardsAbout(STEEL_OPEN_ID, ref)).toHaveLength(1);
    expect(cardsAbout(COORD_OPEN_ID, ref)).toHaveLength(1);
  });

  it('marks a message failed, without retrying, when the mail server refuses the address for good', async () => {
    smtp.refuse.add(STEEL_EMAIL);
    try {
      const ref = await h.submit({ ...ROLL_WEAR_DEMAND, title: '送达测试：邮箱不存在' });
      const email = await eventually('the refusal recorded', async () => {
        const row = (await sent(ref, 'intake_received')).find((n) => n.channel === 'email');
        return row?.status === 'failed' ? row : undefined;
      });
      expect(email.attempts).toBe(1);
      expect(email.lastError).toContain('mailbox unavailable');
      // The other channel is unaffected.
      await allSent(ref, 'review_requested');
      expect(cardsAbout(STEEL_OPEN_ID, ref)).toHaveLength(1);
    } finally {
      smtp.refuse.delete(STEEL_EMAIL);
    }
  });
});

/** Waits until the next `slotMs` window has just begun, so timers set now fall well inside it. */
const startOfWindow = async (slotMs: number): Promise<void> => {
  const into = Date.now() % slotMs;
  if (into > 1500) await sleep(slotMs - into + 300);
};

describe('reminders keep to their slot and arrive together', () => {
  it('sends one person the reminders of one slot as one message, and only when the dispatcher runs', async () => {
    const slotMs = 10_000;
    const policy = { ...FAST_POLICY, decisionReminderAfter: '1s', reminderSlot: '10s' };
    await startOfWindow(slotMs);
    const [first, second] = await Promise.all([
      h.submit({ ...ROLL_WEAR_DEMAND, title: '合并提醒测试：第一项' }, { policy }),
      h.submit({ ...ROLL_WEAR_DEMAND, title: '合并提醒测试：第二项' }, { policy }),
    ]);
    for (const ref of [first, second]) {
      const [remind] = (await h.status(ref)).nextTimers.filter((t) => t.key === 'review:remind');
      expect(Date.parse(remind!.at) % slotMs).toBe(0);
    }
    const reminders = await eventually('both reminders queued', async () => {
      const rows = await h.prisma.notification.findMany({
        where: { template: 'review_reminder', recipientId: 'coord', partnership: { reference: { in: [first, second] } } },
      });
      return rows.length === 4 ? rows : undefined;
    });
    expect(new Set(reminders.map((r) => r.deliverAfter?.getTime()))).toEqual(new Set([reminders[0]!.deliverAfter!.getTime()]));
    expect(reminders.every((r) => r.status === 'pending' && r.batchKey === null)).toBe(true);

    const result = await h.client.workflow.execute(dispatchReminders, { taskQueue: h.taskQueue, workflowId: `dispatch-${first}`, args: [{ settleMs: 0 }] });
    expect(result.messages).toBeGreaterThanOrEqual(2);
    const combinedMail = smtp.to(COORD_EMAIL).filter((m) => m.parsed.subject?.includes(first) || m.parsed.subject?.includes(second));
    const reminderMails = combinedMail.filter((m) => (m.parsed.text ?? '').includes(first) && (m.parsed.text ?? '').includes(second));
    expect(reminderMails).toHaveLength(1);
    const reminderCards = lark.deliveredTo(COORD_OPEN_ID).filter((m) => {
      const text = JSON.stringify(lark.contentOf(m));
      return text.includes(first) && text.includes(second);
    });
    expect(reminderCards).toHaveLength(1);
    const after = await h.prisma.notification.findMany({ where: { id: { in: reminders.map((r) => r.id) } } });
    expect(after.every((r) => r.status === 'sent')).toBe(true);
    expect(new Set(after.filter((r) => r.channel === 'email').map((r) => r.batchKey)).size).toBe(1);

    // A second dispatch finds nothing new to send.
    const again = await h.client.workflow.execute(dispatchReminders, {
      taskQueue: h.taskQueue,
      workflowId: `dispatch-again-${first}`,
      args: [{ settleMs: 0 }],
    });
    expect(again.messages).toBe(0);
    expect(smtp.to(COORD_EMAIL).filter((m) => (m.parsed.text ?? '').includes(first) && (m.parsed.text ?? '').includes(second))).toHaveLength(1);
  });

  it('holds a reminder until the next working morning when today is not a working day', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const ref = await h.submit(
      { ...ROLL_WEAR_DEMAND, title: '工作时间测试：今天放假' },
      {
        policy: { ...FAST_POLICY, decisionReminderAfter: '1s', workingTime: { start: '09:00', end: '18:00', days: [1, 2, 3, 4, 5, 6, 7], holidays: [today] } },
      },
    );
    const [remind] = (await h.status(ref)).nextTimers.filter((t) => t.key === 'review:remind');
    const local = new Date(Date.parse(remind!.at) + 8 * 3_600_000).toISOString();
    expect(local.slice(0, 10) > today).toBe(true);
    expect(local.slice(11, 16)).toBe('09:00');
  });

  it('repeats an overdue milestone to its owner, then escalates to the owner’s manager and the coordinators', async () => {
    await h.prisma.person.create({ data: { id: 'dean', name: '周院长', role: 'manager', email: 'dean@neu.example.cn', channel: 'email' } });
    await h.prisma.person.updateMany({ where: { id: { in: ['tto-neu', 'tto-dut'] } }, data: { managerId: 'dean' } });
    const ref = await h.submit(
      { ...ROLL_WEAR_DEMAND, title: '逾期测试：重复提醒与上报' },
      {
        policy: { ...FAST_POLICY, milestoneReminderOffsets: [], milestoneOverdueRepeatEvery: '1s', milestoneEscalateAfter: '3500ms' },
      },
    );
    const { tto } = await toNegotiation(h, ref);
    await agreeTerms(h, ref, tto);
    await h.waitFor(ref, (s) => s.stage === 'contracting');
    await registerContract(h, ref, [{ title: '样辊交付', kind: 'deliverable', due: new Date(Date.now() + 1000).toISOString(), responsible: 'university' }]);

    const overdue = await eventually(
      'the escalation',
      async () => {
        const rows = await h.prisma.notification.findMany({ where: { partnership: { reference: ref }, template: 'milestone_overdue' } });
        return rows.some((r) => (r.payload as { escalated?: string }).escalated === 'yes') ? rows : undefined;
      },
      30_000,
    );
    const repeats = overdue.filter((r) => (r.payload as { escalated?: string }).escalated === 'no');
    expect(new Set(repeats.map((r) => r.recipientId))).toEqual(new Set([tto]));
    expect(new Set(repeats.map((r) => r.idempotencyKey.split('/')[1])).size).toBeGreaterThanOrEqual(2);
    const escalated = overdue.filter((r) => (r.payload as { escalated?: string }).escalated === 'yes').map((r) => r.recipientId);
    expect(new Set(escalated)).toEqual(new Set([tto, 'dean', 'coord']));

    const done = await h
      .handle(ref)
      .executeUpdate(completeMilestoneUpdate, { args: [{ actor: await h.actor(tto), milestone: 1, evidenceUrl: 'https://docs.example.cn/rolls.pdf' }] });
    expect(done.stage).toBe('completed');
    expect(done.nextTimers).toEqual([]);
  });
});

describe('the weekly digest', () => {
  it('is scheduled for Monday mornings in Shanghai, and sends one digest per person with something open', async () => {
    const settings = { ...h.config, TEMPORAL_TASK_QUEUE: h.taskQueue };
    await ensureSchedules(h.client, settings);
    await ensureSchedules(h.client, settings); // every worker does this at start-up; the second changes nothing
    const digest = h.client.schedule.getHandle(digestScheduleId(h.taskQueue));
    try {
      const described = await digest.describe();
      expect(described.spec.timezone).toBe('Asia/Shanghai');
      expect(described.spec.calendars?.[0]).toMatchObject({ dayOfWeek: [{ start: 'MONDAY', end: 'MONDAY', step: 1 }], hour: [{ start: 9, end: 9, step: 1 }] });
      expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: 'weeklyDigest', taskQueue: h.taskQueue });
      const reminders = await h.client.schedule.getHandle(reminderScheduleId(h.taskQueue)).describe();
      expect(reminders.action).toMatchObject({ workflowType: 'dispatchReminders' });

      // A proposal waits for a university's answer: its tech-transfer office has something open.
      const ref = await h.submit({ ...ROLL_WEAR_DEMAND, title: '周报测试：待答复的对接' });
      const offered = await approve(h, ref);
      const candidate = offered.candidates[0]!;
      await h.handle(ref).executeUpdate(selectCandidatesUpdate, { args: [{ actor: await h.actor('coord'), candidateIds: [candidate.id] }] });
      const tto = ttoFor(candidate);

      // The proposal is recorded by an activity after the selection returns; the digest reads that record.
      await eventually('the proposal recorded', async () =>
        (await h.prisma.matchProposal.count({ where: { partnership: { reference: ref }, status: 'proposed' } })) > 0 ? true : undefined,
      );
      const week = weekOf(Date.now());
      const digests = async () =>
        h.prisma.notification.findMany({ where: { idempotencyKey: { startsWith: `digest/${week}/` } }, orderBy: { idempotencyKey: 'asc' } });
      await digest.trigger();
      const first = await eventually('the digests sent', async () => {
        const rows = await digests();
        return rows.length > 0 && rows.every((r) => r.status === 'sent') ? rows : undefined;
      });
      const byPerson = (id: string) => first.filter((r) => r.recipientId === id);
      expect(byPerson(tto).map((r) => r.template)).toEqual(byPerson(tto).map(() => 'weekly_digest'));
      expect(byPerson(tto).length).toBeGreaterThanOrEqual(1);
      expect((byPerson(tto)[0]!.payload as { pending: { reference: string; action: string }[] }).pending).toContainEqual(
        expect.objectContaining({ reference: ref, action: 'respond_to_proposal' }),
      );
      expect(byPerson('manager').map((r) => `${r.template}/${r.channel}`)).toEqual(['programme_summary/email']);
      expect(byPerson('contact-petfood')).toEqual([]); // nothing open, no digest
      const summaryMail = smtp.to('wangjg@edu-ln.example.cn').filter((m) => m.parsed.subject?.includes('[项目周报]'));
      expect(summaryMail).toHaveLength(1);

      // Triggered again in the same week: nobody hears twice.
      await digest.trigger();
      await sleep(3000);
      expect((await digests()).map((r) => r.id)).toEqual(first.map((r) => r.id));
      expect(smtp.to('wangjg@edu-ln.example.cn').filter((m) => m.parsed.subject?.includes('[项目周报]'))).toHaveLength(1);
    } finally {
      await digest.delete();
      await h.client.schedule.getHandle(reminderScheduleId(h.taskQueue)).delete();
    }
  });
});

// Last in the file: the person stays unreachable on this Lark server afterwards.
describe('a Lark refusal', () => {
  it('marks the card failed without retrying, as a mail server’s refusal is, and leaves the email alone', async () => {
    lark.makeUnreachable(STEEL_OPEN_ID);
    const ref = await h.submit({ ...ROLL_WEAR_DEMAND, title: '送达测试：飞书不可达' });
    const card = await eventually('the refusal recorded', async () => {
      const row = (await sent(ref, 'intake_received')).find((n) => n.channel === 'lark');
      return row?.status === 'failed' ? row : undefined;
    });
    expect(card.attempts).toBe(1);
    expect(card.lastError).toContain('230013');
    await eventually('the email sent', async () => {
      const row = (await sent(ref, 'intake_received')).find((n) => n.channel === 'email');
      return row?.status === 'sent' ? row : undefined;
    });
  });
});
