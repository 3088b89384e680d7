import { describe, expect, it } from 'vitest';
import { fireTimer } from '../../workflows/fired-timers.ts';
import { statusOf } from '../../workflows/status.ts';
import * as t from '../../workflows/transitions.ts';
import {
  A012,
  A013,
  A014,
  byType,
  candidate,
  coord,
  DUT,
  iso,
  JIANGNAN,
  local,
  NEU,
  offered,
  proposed,
  shanghai,
  STEEL,
  submitted,
  told,
  ttoDut,
  ttoJiangnan,
  ttoNeu,
} from './builder.ts';

const coordinators = { role: 'coordinator' };
const managers = { role: 'manager' };
const org = (id: string) => ({ organisationId: id });

describe('candidates from the matching engine', () => {
  it('none at all closes the partnership as unmatched, and everyone involved is told why', () => {
    const w = submitted();
    t.approve(w.life, coord);
    w.drain();
    t.offerCandidates(w.life, []);
    const [event] = w.drain();
    expect(told(event)).toEqual({
      type: 'unmatched',
      stage: 'unmatched',
      notify: [{ template: 'unmatched', to: [{ personId: 'contact-steel' }, coordinators, org(STEEL.id)] }],
    });
    expect(event!.notify[0]!.data).toEqual({ reason: 'no suitable candidate was found' });
    expect(w.life.state.outcome).toEqual({ stage: 'unmatched', reason: 'no suitable candidate was found' });
    expect(w.life.state.needsMatching).toBe(false);
    expect(w.life.state.timers).toEqual([]);
  });

  it('some are shown to the coordinators, who are asked to select, reminded and then escalated', () => {
    const w = submitted();
    t.approve(w.life, coord);
    w.drain();
    t.offerCandidates(w.life, [A012, A013, A014]);
    const [event] = w.drain();
    expect(told(event)).toEqual({ type: 'candidates_found', stage: 'matchmaking', notify: [{ template: 'candidates_ready', to: [coordinators] }] });
    expect(event!.notify[0]!.data).toEqual({ count: 3 });
    expect(w.life.state.needsMatching).toBe(false);
    expect(statusOf(w.life).awaiting).toEqual([{ action: 'select_candidates', role: 'coordinator', organisation: null }]);
    expect(statusOf(w.life).candidates.map((c) => c.id)).toEqual(['A012', 'A013', 'A014']);
    expect(w.timers()).toEqual({ 'selection:remind': '2026-12-09 09:00', 'selection:escalate': '2026-12-14 09:00' });

    w.runUntil(shanghai('2026-12-14T09:00'));
    const [reminder, escalation] = w.drain();
    expect(told(reminder).notify).toEqual([{ template: 'selection_reminder', to: [coordinators] }]);
    expect(told(escalation)).toMatchObject({ type: 'escalation', notify: [{ template: 'decision_escalated', to: [managers] }] });
    expect(escalation!.notify[0]!.data).toEqual({ action: 'select_candidates' });
  });
});

describe('proposing candidates', () => {
  it('sends one proposal per candidate to its counterpart, with the reasons and the answer deadline', () => {
    const w = offered();
    w.now = shanghai('2026-12-09T14:00'); // Wednesday
    w.drain();
    t.proposeCandidates(w.life, coord, ['A012', 'A013']);
    const deadline = shanghai('2026-12-19T14:00'); // ten days later, a Saturday: a deadline is not moved
    const [event] = w.drain();
    expect(event).toMatchObject({ type: 'candidates_selected', stage: 'matchmaking', data: { candidateIds: ['A012', 'A013'], deadline } });
    expect(event!.notify).toEqual([
      {
        template: 'match_proposed',
        to: [org(NEU.id)],
        data: { candidateId: 'A012', candidateTitle: A012.title, reasons: A012.reasons, deadline: iso(deadline) },
      },
      {
        template: 'match_proposed',
        to: [org(DUT.id)],
        data: { candidateId: 'A013', candidateTitle: A013.title, reasons: A013.reasons, deadline: iso(deadline) },
      },
    ]);
    // The selection timers stop; each proposal is reminded three days before its deadline and lapses at it.
    expect(w.timers()).toEqual({
      'proposal:A012:remind': '2026-12-16 14:00',
      'proposal:A013:remind': '2026-12-16 14:00',
      'proposal:A012:expire': '2026-12-19 14:00',
      'proposal:A013:expire': '2026-12-19 14:00',
    });
    expect(statusOf(w.life).awaiting).toEqual([
      { action: 'respond_to_proposal', role: 'tto_officer', organisation: NEU, subject: 'A012', deadline: iso(deadline) },
      { action: 'respond_to_proposal', role: 'tto_officer', organisation: DUT, subject: 'A013', deadline: iso(deadline) },
    ]);
  });

  it('reminds the counterpart before the deadline, with what and by when', () => {
    const w = proposed(['A012']);
    w.drain();
    w.runUntil(shanghai('2026-12-14T09:00'));
    const [reminder] = w.drain();
    expect(told(reminder)).toEqual({ type: 'reminder', stage: 'matchmaking', notify: [{ template: 'proposal_reminder', to: [org(NEU.id)] }] });
    expect(reminder!.notify[0]!.data).toEqual({ candidateId: 'A012', candidateTitle: A012.title, deadline: iso(shanghai('2026-12-17T09:00')) });
    expect(w.life.state.proposals[0]!.status).toBe('proposed');
  });

  it('sends no reminder when the deadline is not longer than the reminder offset', () => {
    for (const proposalDeadline of ['2 days', '3 days']) {
      const w = proposed(['A012'], undefined, { policy: { proposalDeadline, proposalReminderBefore: '3 days' } });
      expect(Object.keys(w.timers())).toEqual(['proposal:A012:expire']);
    }
  });

  it('drops a reminder that working time would push to the deadline: the lapse itself is reported instead', () => {
    const w = offered(undefined, { policy: { proposalDeadline: '2 days', proposalReminderBefore: '1 day' } });
    w.now = shanghai('2026-12-11T17:30'); // Friday: the reminder would be Saturday 17:30, i.e. Monday 09:00, after the Sunday deadline
    t.proposeCandidates(w.life, coord, ['A012']);
    expect(w.timers()).toEqual({ 'proposal:A012:expire': '2026-12-13 17:30' });
  });

  it('a proposal nobody answers lapses at its deadline as declined for timing, and the coordinators are told', () => {
    const w = proposed(['A012', 'A013']);
    w.drain();
    const fired = w.runUntil(shanghai('2026-12-17T09:00'));
    expect(fired.map((f) => `${f.key} ${local(f.at)}`)).toEqual([
      'proposal:A012:remind 2026-12-14 09:00',
      'proposal:A013:remind 2026-12-14 09:00',
      'proposal:A012:expire 2026-12-17 09:00',
      'proposal:A013:expire 2026-12-17 09:00',
    ]);
    const expired = byType(w.life.pending, 'proposal_expired');
    expect(expired.map((e) => e.data.candidateId)).toEqual(['A012', 'A013']);
    expect(expired[0]!.notify).toEqual([
      { template: 'proposal_declined', to: [coordinators], data: { counterpart: NEU.name, category: 'timing', reason: 'no answer before the deadline' } },
    ]);
    expect(w.life.state.proposals.map((p) => [p.candidateId, p.status])).toEqual([
      ['A012', 'expired'],
      ['A013', 'expired'],
    ]);
    expect(w.life.state.excluded).toEqual([
      { id: 'A012', category: 'timing' },
      { id: 'A013', category: 'timing' },
    ]);
  });

  it('when the last open proposal lapses, the candidates not yet turned down are offered again', () => {
    const w = proposed(['A012', 'A013']);
    w.drain();
    w.runUntil(shanghai('2026-12-17T09:00'));
    const events = w.drain();
    // Only after the second lapse: one open proposal was still awaited after the first.
    expect(events.map((e) => e.type)).toEqual(['reminder', 'reminder', 'proposal_expired', 'proposal_expired', 'candidates_found']);
    expect(byType(events, 'candidates_found')[0]!.data.candidates.map((c) => c.id)).toEqual(['A014']);
    expect(events.at(-1)!.notify).toEqual([{ template: 'candidates_ready', to: [coordinators], data: { count: 1 } }]);
    expect(statusOf(w.life).awaiting).toEqual([{ action: 'select_candidates', role: 'coordinator', organisation: null }]);
    expect(w.timers()).toEqual({ 'selection:remind': '2026-12-21 09:00', 'selection:escalate': '2026-12-22 09:00' });
  });

  it('when every candidate lapsed, the matching engine is asked again and nobody is awaited meanwhile', () => {
    const w = proposed(['A012'], [A012]);
    w.runUntil(shanghai('2026-12-17T09:00'));
    expect(w.life.state.needsMatching).toBe(true);
    expect(w.life.state.stage).toBe('matchmaking');
    expect(statusOf(w.life).awaiting).toEqual([]);
    expect(w.life.state.timers).toEqual([]);
  });

  it('a decline is reported to the coordinators with its category; the rest are offered only once no proposal is open', () => {
    const w = proposed(['A012', 'A013']);
    w.drain();
    t.declineProposal(w.life, ttoNeu, { candidateId: 'A012', category: 'budget', reason: '经费不足' });
    const [declined] = w.drain();
    expect(told(declined)).toEqual({ type: 'proposal_declined', stage: 'matchmaking', notify: [{ template: 'proposal_declined', to: [coordinators] }] });
    expect(declined!.notify[0]!.data).toEqual({ counterpart: NEU.name, category: 'budget', reason: '经费不足' });
    expect(Object.keys(w.timers())).toEqual(['proposal:A013:remind', 'proposal:A013:expire']);
    expect(statusOf(w.life).awaiting.map((a) => a.subject)).toEqual(['A013']);

    t.declineProposal(w.life, ttoDut, { candidateId: 'A013', category: 'too_early' });
    const events = w.drain();
    expect(events.map((e) => e.type)).toEqual(['proposal_declined', 'candidates_found']);
    expect(events[0]!.notify[0]!.data).toEqual({ counterpart: DUT.name, category: 'too_early' });
    expect(w.life.state.candidates.map((c) => c.id)).toEqual(['A014']);
  });

  it('a timer of a proposal already answered does nothing', () => {
    const w = proposed(['A012', 'A013']);
    t.declineProposal(w.life, ttoNeu, { candidateId: 'A012', category: 'timing' });
    w.drain();
    fireTimer(w.life, { key: 'proposal:A012:remind', at: w.now });
    fireTimer(w.life, { key: 'proposal:A012:expire', at: w.now });
    expect(w.drain()).toEqual([]);
    expect(w.life.state.proposals[0]!.status).toBe('declined');
  });
});

describe('accepting a proposal', () => {
  it('withdraws the other open proposals, telling each counterpart once, then announces the match', () => {
    const w = proposed();
    w.now = shanghai('2026-12-10T11:20'); // Thursday
    w.drain();
    t.acceptProposal(w.life, ttoNeu, 'A012');
    const events = w.drain();
    expect(events.map(told)).toEqual([
      { type: 'proposals_withdrawn', stage: 'matchmaking', notify: [{ template: 'proposal_withdrawn', to: [org(DUT.id), org(JIANGNAN.id)] }] },
      { type: 'proposal_accepted', stage: 'negotiation', notify: [{ template: 'proposal_accepted', to: [coordinators, org(NEU.id), org(STEEL.id)] }] },
    ]);
    expect(events[0]!.data).toEqual({ candidateIds: ['A013', 'A014'] });
    const deadline = shanghai('2027-01-09T11:20'); // 30 days, a Saturday
    expect(events[1]!.notify[0]!.data).toEqual({ counterpart: NEU.name, deadline: iso(deadline) });
    expect(events[1]!.university).toEqual(NEU);
    expect(w.life.state.proposals.map((p) => [p.candidateId, p.status, p.decidedBy])).toEqual([
      ['A012', 'accepted', ttoNeu.name],
      ['A013', 'withdrawn', undefined],
      ['A014', 'withdrawn', undefined],
    ]);
  });

  it('sets the party, and times the negotiation: reminder a week before, overdue notice at the deadline, in working time', () => {
    const w = proposed();
    w.now = shanghai('2026-12-10T11:20');
    t.acceptProposal(w.life, ttoNeu, 'A012');
    const { state } = w.life;
    expect(state.stage).toBe('negotiation');
    expect(state.university).toEqual(NEU);
    expect(state.matched).toEqual({ candidateId: 'A012', counterpart: NEU });
    expect(state.negotiationDeadline).toBe(shanghai('2027-01-09T11:20'));
    // No proposal timers are left; the Saturday reminder and deadline notice go out on Monday morning.
    expect(w.timers()).toEqual({ 'negotiation:remind': '2027-01-04 09:00', 'negotiation:overdue': '2027-01-11 09:00' });
    const deadline = iso(shanghai('2027-01-09T11:20'));
    expect(statusOf(w.life).awaiting).toEqual([
      { action: 'negotiate', role: 'tto_officer', organisation: NEU, deadline },
      { action: 'negotiate', role: 'enterprise_contact', organisation: STEEL, deadline },
    ]);
  });

  it('with no other open proposal, nobody is told of a withdrawal', () => {
    const w = proposed(['A012', 'A013']);
    t.declineProposal(w.life, ttoDut, { candidateId: 'A013', category: 'budget' });
    w.drain();
    t.acceptProposal(w.life, ttoNeu, 'A012');
    expect(w.drain().map((e) => e.type)).toEqual(['proposal_accepted']);
  });

  it('for an achievement, the accepting enterprise becomes the partnership’s enterprise', () => {
    const ACME = { id: 'e-petfood', name: '沈阳宠乐食品有限公司' };
    const w = proposed(['D7'], [candidate('D7', ACME, '猫粮适口性')], { kind: 'achievement' });
    const contact = { personId: 'contact-petfood', name: '陈静', role: 'enterprise_contact' as const, organisationId: ACME.id };
    expect(statusOf(w.life).awaiting[0]).toMatchObject({ action: 'respond_to_proposal', role: 'enterprise_contact', organisation: ACME });
    w.drain();
    t.acceptProposal(w.life, contact, 'D7');
    expect(w.life.state.enterprise).toEqual(ACME);
    expect(w.life.state.university).toEqual(NEU);
    expect(w.drain()[0]!.notify[0]!.to).toEqual([coordinators, org(NEU.id), org(ACME.id)]);
  });

  it('answers from other counterparts are not needed after the match: their timers are gone', () => {
    const w = proposed();
    t.acceptProposal(w.life, ttoJiangnan, 'A014');
    expect(Object.keys(w.timers()).filter((k) => k.startsWith('proposal:'))).toEqual([]);
    expect(w.life.state.university).toEqual(JIANGNAN);
  });
});
