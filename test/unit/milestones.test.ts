import { describe, expect, it } from 'vitest';
import { fireTimer } from '../../workflows/fired-timers.ts';
import { dueInstant } from '../../workflows/milestones.ts';
import { statusOf } from '../../workflows/status.ts';
import * as t from '../../workflows/transitions.ts';
import { contactSteel, contracting, coord, DAY, iso, local, NEU, shanghai, STEEL, told, ttoNeu, type World } from './builder.ts';

const coordinators = { role: 'coordinator' };
const org = (id: string) => ({ organisationId: id });

const DELIVERY = { title: '技术资料交付', kind: 'deliverable' as const, due: '2027-01-15', responsible: 'university' as const };
const PAYMENT = { title: '首期许可费', kind: 'payment' as const, due: '2026-12-14', responsible: 'enterprise' as const, amountCny: 600_000 };

/** Contract registered on Thursday 2026-12-10 15:00: the delivery due Friday 2027-01-15, the payment Monday 2026-12-14. */
const registered = (): World => {
  const w = contracting();
  w.now = shanghai('2026-12-10T15:00');
  w.drain();
  t.registerContract(w.life, coord, { type: 'licensing', amountCny: 1_200_000, signedOn: '2026-11-20', milestones: [DELIVERY, PAYMENT] });
  return w;
};

describe('registering the contract', () => {
  it('a calendar date is due at 09:00 Asia/Shanghai; an instant with an offset is taken as given', () => {
    expect(iso(dueInstant('2027-01-15'))).toBe('2027-01-15T01:00:00.000Z');
    expect(iso(dueInstant('2027-02-01T15:30:00+08:00'))).toBe('2027-02-01T07:30:00.000Z');
  });

  it('moves to milestones and tells coordinators and both parties, with each milestone’s due time for their calendars', () => {
    const w = registered();
    const [event] = w.drain();
    expect(told(event)).toEqual({
      type: 'contract_registered',
      stage: 'milestones',
      notify: [{ template: 'contract_registered', to: [coordinators, org(NEU.id), org(STEEL.id)] }],
    });
    expect(event!.notify[0]!.data).toEqual({
      type: 'licensing',
      amountCny: 1_200_000,
      signedOn: '2026-11-20',
      milestones: [
        { seq: 1, title: '技术资料交付', due: '2027-01-15T01:00:00.000Z', kind: 'deliverable', responsible: 'university' },
        { seq: 2, title: '首期许可费', due: '2026-12-14T01:00:00.000Z', kind: 'payment', responsible: 'enterprise', amountCny: 600_000 },
      ],
    });
    expect(event).toMatchObject({ university: NEU, enterprise: STEEL });
    const status = statusOf(w.life);
    expect(status.contract).toEqual({ type: 'licensing', amountCny: 1_200_000, signedOn: '2026-11-20', registeredBy: coord.name });
    expect(status.awaiting).toEqual([
      { action: 'complete_milestone', role: 'tto_officer', organisation: NEU, subject: '1', deadline: '2027-01-15T01:00:00.000Z' },
      { action: 'complete_milestone', role: 'enterprise_contact', organisation: STEEL, subject: '2', deadline: '2026-12-14T01:00:00.000Z' },
    ]);
  });

  it('reminds at each policy offset still ahead, on the due day, while overdue and then escalates, all in working time', () => {
    const w = registered();
    expect(w.timers()).toEqual({
      // The payment: 30 and 7 days before are past; one day before is Sunday, pushed onto the due time itself: dropped.
      'milestone:2:due': '2026-12-14 09:00',
      'milestone:1:before:2592000000': '2026-12-16 09:00',
      'milestone:2:late': '2026-12-16 09:00',
      'milestone:2:overdue': '2026-12-17 09:00',
      'milestone:1:before:604800000': '2027-01-08 09:00',
      'milestone:1:before:86400000': '2027-01-14 09:00',
      'milestone:1:due': '2027-01-15 09:00',
      // Two days after a Friday is Sunday: Monday morning, with the escalation.
      'milestone:1:late': '2027-01-18 09:00',
      'milestone:1:overdue': '2027-01-18 09:00',
    });
  });

  it('follows the policy’s own reminder offsets and overdue timings', () => {
    const w = contracting({ policy: { milestoneReminderOffsets: ['14 days'], milestoneOverdueRepeatEvery: '1 day', milestoneEscalateAfter: '5 days' } });
    w.now = shanghai('2026-12-10T15:00');
    t.registerContract(w.life, coord, { type: 'service', amountCny: 80_000, signedOn: '2026-12-10', milestones: [{ ...DELIVERY, due: '2027-01-13' }] });
    expect(w.timers()).toEqual({
      'milestone:1:before:1209600000': '2026-12-30 09:00',
      'milestone:1:due': '2027-01-13 09:00',
      'milestone:1:late': '2027-01-14 09:00',
      'milestone:1:overdue': '2027-01-18 09:00',
    });
  });
});

describe('milestone reminders', () => {
  it('tell the responsible party it is due, then overdue every two days, and escalate to its managers and the coordinators', () => {
    const w = registered();
    w.drain();
    const fired = w.runUntil(shanghai('2026-12-21T09:00'));
    expect(fired.map((f) => `${local(f.at)} ${f.key}`)).toEqual([
      '2026-12-14 09:00 milestone:2:due',
      '2026-12-16 09:00 milestone:1:before:2592000000',
      '2026-12-16 09:00 milestone:2:late',
      '2026-12-17 09:00 milestone:2:overdue',
      '2026-12-18 09:00 milestone:2:late',
      '2026-12-21 09:00 milestone:2:late', // two days after Friday is Sunday
    ]);
    const events = w.drain();
    const payment = { milestone: 2, milestoneTitle: '首期许可费', due: '2026-12-14T01:00:00.000Z' };
    const delivery = { milestone: 1, milestoneTitle: '技术资料交付', due: '2027-01-15T01:00:00.000Z' };
    expect(events.map((e) => ({ type: e.type, notify: e.notify }))).toEqual([
      { type: 'reminder', notify: [{ template: 'milestone_due_today', to: [org(STEEL.id)], data: payment }] },
      { type: 'reminder', notify: [{ template: 'milestone_due_soon', to: [org(NEU.id)], data: delivery }] },
      { type: 'reminder', notify: [{ template: 'milestone_overdue', to: [org(STEEL.id)], data: { ...payment, escalated: 'no' } }] },
      {
        type: 'escalation',
        notify: [{ template: 'milestone_overdue', to: [org(STEEL.id), { managersOf: STEEL.id }, coordinators], data: { ...payment, escalated: 'yes' } }],
      },
      { type: 'reminder', notify: [{ template: 'milestone_overdue', to: [org(STEEL.id)], data: { ...payment, escalated: 'no' } }] },
      { type: 'reminder', notify: [{ template: 'milestone_overdue', to: [org(STEEL.id)], data: { ...payment, escalated: 'no' } }] },
    ]);
    // Still overdue: the next repeat is waiting.
    expect(w.timers()['milestone:2:late']).toBe('2026-12-23 09:00');
  });

  it('stop for a milestone once it is done; the others go on', () => {
    const w = registered();
    w.runUntil(shanghai('2026-12-18T10:00'));
    w.drain();
    t.completeMilestone(w.life, contactSteel, 2, 'https://pay.example.cn/receipt/1');
    const [done] = w.drain();
    expect(told(done)).toEqual({
      type: 'milestone_done',
      stage: 'milestones',
      notify: [{ template: 'milestone_done', to: [coordinators, org(NEU.id), org(STEEL.id)] }],
    });
    expect(done!.notify[0]!.data).toEqual({ milestone: 2, milestoneTitle: '首期许可费', evidenceUrl: 'https://pay.example.cn/receipt/1' });
    expect(Object.keys(w.timers()).filter((k) => k.startsWith('milestone:2:'))).toEqual([]);
    expect(Object.keys(w.timers())).toEqual([
      'milestone:1:before:604800000',
      'milestone:1:before:86400000',
      'milestone:1:due',
      'milestone:1:late',
      'milestone:1:overdue',
    ]);
    expect(statusOf(w.life).awaiting.map((a) => a.subject)).toEqual(['1']);
    expect(statusOf(w.life).milestones[1]).toMatchObject({
      seq: 2,
      done: true,
      doneAt: iso(shanghai('2026-12-18T10:00')),
      evidenceUrl: 'https://pay.example.cn/receipt/1',
    });
    // A timer of a done milestone that was already taken does nothing.
    fireTimer(w.life, { key: 'milestone:2:late', at: w.now });
    expect(w.drain()).toEqual([]);
  });

  it('completing every milestone completes the partnership, tells everyone and clears all timers', () => {
    const w = registered();
    t.completeMilestone(w.life, contactSteel, 2, 'https://pay.example.cn/receipt/1');
    w.now += 10 * DAY;
    w.drain();
    t.completeMilestone(w.life, ttoNeu, 1, 'https://neu.example.cn/docs/roll');
    const events = w.drain();
    expect(events.map(told)).toEqual([
      { type: 'milestone_done', stage: 'milestones', notify: [{ template: 'milestone_done', to: [coordinators, org(NEU.id), org(STEEL.id)] }] },
      {
        type: 'completed',
        stage: 'completed',
        notify: [{ template: 'completed', to: [{ personId: 'contact-steel' }, coordinators, org(NEU.id), org(STEEL.id)] }],
      },
    ]);
    expect(events[1]!.notify[0]!.data).toEqual({ reason: 'all milestones done' });
    expect(w.life.state).toMatchObject({ stage: 'completed', timers: [], outcome: { stage: 'completed', reason: 'all milestones done' } });
    expect(statusOf(w.life).awaiting).toEqual([]);
  });
});
