import { describe, expect, it } from 'vitest';
import { statusOf } from '../../workflows/status.ts';
import * as t from '../../workflows/transitions.ts';
import { A012, byType, contactSteel, coord, iso, NEU, negotiating, proposed, shanghai, STEEL, told, ttoNeu } from './builder.ts';

const coordinators = { role: 'coordinator' };
const managers = { role: 'manager' };
const org = (id: string) => ({ organisationId: id });

describe('negotiating terms', () => {
  it('tells the other party and the coordinators of each round of terms', () => {
    const w = negotiating(['A012']);
    w.drain();
    t.proposeTerms(w.life, contactSteel, 'enterprise', '许可使用三年', 1_200_000);
    w.now += 3_600_000;
    t.proposeTerms(w.life, ttoNeu, 'university', '许可使用五年，含技术服务', 1_500_000);
    t.proposeTerms(w.life, coord, 'coordinator', '折中：许可四年');
    const events = w.drain();
    expect(events.map(told)).toEqual([
      { type: 'terms_proposed', stage: 'negotiation', notify: [{ template: 'terms_proposed', to: [org(NEU.id), coordinators] }] },
      { type: 'terms_proposed', stage: 'negotiation', notify: [{ template: 'terms_proposed', to: [org(STEEL.id), coordinators] }] },
      { type: 'terms_proposed', stage: 'negotiation', notify: [{ template: 'terms_proposed', to: [org(NEU.id), org(STEEL.id), coordinators] }] },
    ]);
    expect(events.map((e) => e.notify[0]!.data)).toEqual([
      { round: 1, terms: '许可使用三年', amountCny: 1_200_000 },
      { round: 2, terms: '许可使用五年，含技术服务', amountCny: 1_500_000 },
      { round: 3, terms: '折中：许可四年' },
    ]);
    expect(statusOf(w.life).rounds).toEqual([
      { round: 1, side: 'enterprise', by: contactSteel.name, terms: '许可使用三年', amountCny: 1_200_000, at: iso(shanghai('2026-12-07T09:00')) },
      { round: 2, side: 'university', by: ttoNeu.name, terms: '许可使用五年，含技术服务', amountCny: 1_500_000, at: iso(shanghai('2026-12-07T10:00')) },
      { round: 3, side: 'coordinator', by: coord.name, terms: '折中：许可四年', at: iso(shanghai('2026-12-07T10:00')) },
    ]);
    expect(w.life.state.stage).toBe('negotiation');
  });

  it('reminds both parties a week before the deadline; past it, coordinators, managers and parties are told', () => {
    const w = negotiating(['A012']); // accepted Monday 2026-12-07 09:00: the deadline is Wednesday 2027-01-06 09:00
    w.drain();
    expect(w.timers()).toEqual({ 'negotiation:remind': '2026-12-30 09:00', 'negotiation:overdue': '2027-01-06 09:00' });
    w.runUntil(shanghai('2027-01-06T09:00'));
    const [reminder, overdue] = w.drain();
    const deadline = iso(shanghai('2027-01-06T09:00'));
    expect(told(reminder)).toEqual({
      type: 'reminder',
      stage: 'negotiation',
      notify: [{ template: 'negotiation_reminder', to: [org(NEU.id), org(STEEL.id)] }],
    });
    expect(reminder!.notify[0]!.data).toEqual({ deadline });
    expect(told(overdue)).toEqual({
      type: 'escalation',
      stage: 'negotiation',
      notify: [{ template: 'negotiation_overdue', to: [coordinators, managers, org(NEU.id), org(STEEL.id)] }],
    });
    expect(overdue!.notify[0]!.data).toEqual({ deadline });
    // The deadline passing does not end the negotiation.
    expect(w.life.state.stage).toBe('negotiation');
  });

  it('agreement moves to contracting, stops the negotiation timers and tells coordinators and both parties', () => {
    const w = negotiating(['A012']);
    t.proposeTerms(w.life, contactSteel, 'enterprise', '许可使用三年', 1_200_000);
    t.proposeTerms(w.life, ttoNeu, 'university', '许可使用三年，另加培训', 1_250_000);
    w.drain();
    t.agreeTerms(w.life, contactSteel);
    const [event] = w.drain();
    expect(told(event)).toEqual({
      type: 'negotiation_agreed',
      stage: 'contracting',
      notify: [{ template: 'negotiation_agreed', to: [coordinators, org(NEU.id), org(STEEL.id)] }],
    });
    expect(event!.data).toEqual({ round: 2 });
    expect(w.life.state.timers).toEqual([]);
    expect(statusOf(w.life).awaiting).toEqual([{ action: 'register_contract', role: 'coordinator', organisation: null }]);
  });
});

describe('a failed negotiation', () => {
  it('closed: both parties hear it failed, then the partnership ends as unmatched for the submitter’s side', () => {
    const w = negotiating(['A012']);
    w.drain();
    t.failNegotiation(w.life, ttoNeu, 'close', '价格差距过大');
    const events = w.drain();
    expect(events.map(told)).toEqual([
      { type: 'negotiation_failed', stage: 'negotiation', notify: [{ template: 'negotiation_failed', to: [coordinators, org(NEU.id), org(STEEL.id)] }] },
      { type: 'unmatched', stage: 'unmatched', notify: [{ template: 'unmatched', to: [{ personId: 'contact-steel' }, coordinators, org(STEEL.id)] }] },
    ]);
    expect(events[0]!.notify[0]!.data).toEqual({ reason: '价格差距过大', next: 'close' });
    expect(events[1]!.notify[0]!.data).toEqual({ reason: '价格差距过大' });
    expect(w.life.state).toMatchObject({
      stage: 'unmatched',
      university: null,
      matched: null,
      timers: [],
      outcome: { stage: 'unmatched', reason: '价格差距过大' },
    });
    expect(w.life.state.proposals[0]).toMatchObject({ candidateId: 'A012', status: 'failed', reason: '价格差距过大', decidedBy: ttoNeu.name });
  });

  it('re-matched: the failed candidate is excluded and the candidates withdrawn at the acceptance are offered again', () => {
    const w = negotiating();
    t.proposeTerms(w.life, contactSteel, 'enterprise', '许可使用三年', 1_200_000);
    w.now = shanghai('2026-12-15T10:00'); // Tuesday
    w.drain();
    t.failNegotiation(w.life, coord, 'rematch', '技术路线不合适');
    const events = w.drain();
    expect(events.map((e) => e.type)).toEqual(['negotiation_failed', 'candidates_found']);
    expect(events[0]!.notify[0]!.data).toEqual({ reason: '技术路线不合适', next: 'rematch' });
    expect(byType(events, 'candidates_found')[0]!.data.candidates.map((c) => c.id)).toEqual(['A013', 'A014']);
    const { state } = w.life;
    expect(state).toMatchObject({ stage: 'matchmaking', university: null, matched: null, rounds: [], negotiationDeadline: null });
    expect(state.excluded).toEqual([{ id: 'A012', category: 'other' }]);
    expect(w.timers()).toEqual({ 'selection:remind': '2026-12-17 10:00', 'selection:escalate': '2026-12-21 09:00' });
    expect(statusOf(w.life).awaiting).toEqual([{ action: 'select_candidates', role: 'coordinator', organisation: null }]);
  });

  it('re-matched with no candidate left: the matching engine is asked again', () => {
    const w = proposed(['A012'], [A012]);
    t.acceptProposal(w.life, ttoNeu, 'A012');
    t.failNegotiation(w.life, coord, 'rematch', '技术路线不合适');
    expect(w.life.state.stage).toBe('matchmaking');
    expect(w.life.state.needsMatching).toBe(true);
    expect(w.life.state.timers).toEqual([]);
    expect(statusOf(w.life).awaiting).toEqual([]);
  });

  it('after a re-match, a new acceptance sets a new party and a new negotiation deadline', () => {
    const w = negotiating(['A012', 'A013']);
    t.failNegotiation(w.life, coord, 'rematch', '技术路线不合适');
    w.now = shanghai('2026-12-15T10:00');
    t.proposeCandidates(w.life, coord, ['A014']);
    const ttoJiangnan = { personId: 'tto-jiangnan', name: 'Emily Chen', role: 'tto_officer' as const, organisationId: 'u-jiangnan' };
    t.acceptProposal(w.life, ttoJiangnan, 'A014');
    expect(w.life.state.university).toEqual({ id: 'u-jiangnan', name: '江南大学' });
    expect(w.life.state.negotiationDeadline).toBe(shanghai('2027-01-14T10:00'));
    expect(w.timers()).toEqual({ 'negotiation:remind': '2027-01-07 10:00', 'negotiation:overdue': '2027-01-14 10:00' });
  });
});
