import { describe, expect, it } from 'vitest';
import * as t from '../../workflows/transitions.ts';
import { statusOf } from '../../workflows/status.ts';
import { coord, contactSteel, HOUR, local, MONDAY_0900, shanghai, STEEL, submitted, told, weekdayOf, world } from './builder.ts';

const submitter = { personId: 'contact-steel' };
const coordinators = { role: 'coordinator' };
const managers = { role: 'manager' };

describe('a submission enters review', () => {
  it('tells the submitter it was received and asks the coordinators for a review', () => {
    const w = submitted();
    const events = w.drain();
    expect(events.map(told)).toEqual([
      { type: 'intake_received', stage: 'intake', notify: [{ template: 'intake_received', to: [submitter] }] },
      { type: 'review_requested', stage: 'review', notify: [{ template: 'review_requested', to: [coordinators] }] },
    ]);
    expect(events[1]!.data).toEqual({ round: 1 });
    expect(events.map((e) => e.actor?.personId)).toEqual(['contact-steel', 'contact-steel']);
    expect(w.life.state.stage).toBe('review');
    expect(statusOf(w.life).awaiting).toEqual([{ action: 'review', role: 'coordinator', organisation: null }]);
  });

  it('reminds the coordinators after two days and escalates after five, both in working time', () => {
    // Monday 09:00: the reminder on Wednesday 09:00; five days is Saturday, so the escalation waits for Monday.
    expect(submitted().timers()).toEqual({ 'review:remind': '2026-12-09 09:00', 'review:escalate': '2026-12-14 09:00' });
  });

  it('sends the reminders of a Friday-evening submission on working days at a slot start, not at the weekend', () => {
    const w = submitted({ at: shanghai('2026-12-11T19:30') });
    expect(w.timers()).toEqual({ 'review:remind': '2026-12-14 09:00', 'review:escalate': '2026-12-17 09:00' });
  });

  it('rounds a reminder up to the next slot start', () => {
    expect(submitted({ at: shanghai('2026-12-07T10:20') }).timers()['review:remind']).toBe('2026-12-09 11:00');
  });

  it('never places a review reminder or escalation at night, at a weekend or off a slot, whenever it is submitted', () => {
    for (let at = MONDAY_0900; at < MONDAY_0900 + 7 * 24 * HOUR; at += 97 * 60_000) {
      for (const timer of submitted({ at }).life.state.timers) {
        const [, clock] = local(timer.at).split(' ');
        expect(weekdayOf(timer.at), `${timer.key} of a submission at ${local(at)}`).toBeLessThanOrEqual(5);
        expect(clock! >= '09:00' && clock! < '18:00', `${timer.key} at ${local(timer.at)}`).toBe(true);
        expect(clock!.endsWith(':00')).toBe(true);
        expect(timer.at).toBeGreaterThanOrEqual(at);
      }
    }
  });

  it('follows the policy’s own working time, holidays and slot length', () => {
    const w = submitted({
      at: shanghai('2026-12-30T16:10'), // Wednesday
      policy: {
        decisionReminderAfter: '1 day',
        decisionEscalateAfter: '3 days',
        reminderSlot: '30 minutes',
        workingTime: { start: '10:00', end: '16:00', holidays: ['2027-01-01'], extraWorkingDays: ['2027-01-02'] },
      },
    });
    // The reminder (Thursday 16:10) is after closing; Friday is a holiday, Saturday is worked in lieu.
    // The escalation (Saturday 16:10) is after closing too, and Sunday is off: Monday 10:00.
    expect(w.timers()).toEqual({ 'review:remind': '2027-01-02 10:00', 'review:escalate': '2027-01-04 10:00' });
  });

  it('reminds the coordinators, then escalates to the managers, when nobody reviews', () => {
    const w = submitted();
    w.drain();
    const fired = w.runUntil(shanghai('2026-12-14T09:00'));
    expect(fired.map((f) => [f.key, local(f.at)])).toEqual([
      ['review:remind', '2026-12-09 09:00'],
      ['review:escalate', '2026-12-14 09:00'],
    ]);
    const [reminder, escalation] = w.drain();
    expect(told(reminder)).toEqual({ type: 'reminder', stage: 'review', notify: [{ template: 'review_reminder', to: [coordinators] }] });
    expect(reminder!.data).toEqual({ timer: 'review:remind', slot: shanghai('2026-12-09T09:00') });
    expect(told(escalation)).toEqual({ type: 'escalation', stage: 'review', notify: [{ template: 'decision_escalated', to: [managers] }] });
    expect(escalation!.notify[0]!.data).toEqual({ action: 'review' });
    expect(w.life.state.timers).toEqual([]);
    expect(w.life.state.stage).toBe('review');
  });
});

describe('the review decision', () => {
  it('requesting changes returns it to the submitter, with a revision reminder a week later instead of the review timers', () => {
    const w = submitted();
    w.now = shanghai('2026-12-08T14:00');
    w.drain();
    t.requestChanges(w.life, coord, '请补充轧辊材质和工况数据');
    const [event] = w.drain();
    expect(told(event)).toEqual({ type: 'reviewed', stage: 'intake', notify: [{ template: 'changes_requested', to: [submitter] }] });
    expect(event!.notify[0]!.data).toEqual({ comment: '请补充轧辊材质和工况数据' });
    expect(w.timers()).toEqual({ 'revision:remind': '2026-12-15 14:00' });
    expect(statusOf(w.life).awaiting).toEqual([{ action: 'revise', role: 'enterprise_contact', organisation: STEEL }]);

    w.runUntil(shanghai('2026-12-15T14:00'));
    expect(w.drain().map(told)).toEqual([{ type: 'reminder', stage: 'intake', notify: [{ template: 'revision_reminder', to: [submitter] }] }]);
  });

  it('a revision goes back to review as round 2, with the new text, fresh review timers and no revision reminder', () => {
    const w = submitted();
    t.requestChanges(w.life, coord, '请补充数据');
    w.now = shanghai('2026-12-10T10:00'); // Thursday: two days on is Saturday, so the reminder waits for Monday morning
    w.drain();
    t.revise(w.life, contactSteel, { summary: '工作辊为高铬铸铁，轧制速度 12 m/s，每班换辊两次以上。', note: '补充了材质和工况' });
    const events = w.drain();
    expect(events.map(told)).toEqual([
      { type: 'revised', stage: 'intake', notify: [] },
      { type: 'review_requested', stage: 'review', notify: [{ template: 'review_requested', to: [coordinators] }] },
    ]);
    expect(events[0]!.data).toEqual({
      title: '精轧机工作辊磨损快、换辊频繁',
      summary: '工作辊为高铬铸铁，轧制速度 12 m/s，每班换辊两次以上。',
      note: '补充了材质和工况',
    });
    expect(events[1]!.data).toEqual({ round: 2 });
    expect(statusOf(w.life)).toMatchObject({
      stage: 'review',
      title: '精轧机工作辊磨损快、换辊频繁',
      summary: '工作辊为高铬铸铁，轧制速度 12 m/s，每班换辊两次以上。',
    });
    expect(w.timers()).toEqual({ 'review:remind': '2026-12-14 09:00', 'review:escalate': '2026-12-15 10:00' });
  });

  it('approval moves to matchmaking, stops the review timers and waits for the matching engine', () => {
    const w = submitted();
    w.drain();
    t.approve(w.life, coord, '符合计划方向');
    const [event] = w.drain();
    expect(event).toMatchObject({ type: 'reviewed', stage: 'matchmaking', data: { decision: 'approve', comment: '符合计划方向' } });
    expect(w.life.state.needsMatching).toBe(true);
    expect(w.life.state.timers).toEqual([]);
    // Nobody is asked to act while the engine looks for candidates.
    expect(statusOf(w.life).awaiting).toEqual([]);
  });

  it('rejection ends the partnership, tells the submitter why and stops every timer', () => {
    const w = submitted();
    w.drain();
    t.reject(w.life, coord, '不属于本计划支持范围');
    const [event] = w.drain();
    expect(told(event)).toEqual({ type: 'reviewed', stage: 'rejected', notify: [{ template: 'rejected', to: [submitter] }] });
    expect(event!.notify[0]!.data).toEqual({ comment: '不属于本计划支持范围' });
    expect(w.life.state.outcome).toEqual({ stage: 'rejected', reason: '不属于本计划支持范围' });
    expect(w.life.state.timers).toEqual([]);
    expect(statusOf(w.life).awaiting).toEqual([]);
  });

  it('an achievement is revised by the submitting university’s tech-transfer office', () => {
    const w = submitted({ kind: 'achievement' });
    t.requestChanges(w.life, coord, '请补充成熟度');
    expect(statusOf(w.life).awaiting).toEqual([{ action: 'revise', role: 'tto_officer', organisation: { id: 'u-neu', name: '东北大学' } }]);
    expect(w.drain().find((e) => e.type === 'reviewed')!.notify[0]!.to).toEqual([{ personId: 'tto-neu' }]);
  });

  it('a world without timers has nothing to fire', () => {
    const w = world();
    expect(w.runUntil(MONDAY_0900 + 365 * 24 * HOUR)).toEqual([]);
  });
});
