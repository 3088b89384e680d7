import { describe, expect, it } from 'vitest';
import { statusOf } from '../../workflows/status.ts';
import * as t from '../../workflows/transitions.ts';
import { A012, contactSteel, coord, HOUR, iso, MONDAY_0900, NEU, negotiating, proposed, shanghai, STEEL, submitted, ttoNeu, type World } from './builder.ts';

/** Intake to completion, one step an hour, as the happy path a coordinator drives. */
const happyPath = (): World => {
  const w = submitted();
  const step = () => (w.now += HOUR);
  step();
  t.approve(w.life, coord);
  t.offerCandidates(w.life, [A012]);
  step();
  t.proposeCandidates(w.life, coord, ['A012']);
  step();
  t.acceptProposal(w.life, ttoNeu, 'A012');
  step();
  t.proposeTerms(w.life, contactSteel, 'enterprise', '许可使用三年', 1_200_000);
  step();
  t.agreeTerms(w.life, ttoNeu);
  step();
  t.registerContract(w.life, coord, {
    type: 'licensing',
    amountCny: 1_200_000,
    signedOn: '2026-12-07',
    milestones: [{ title: '技术资料交付', kind: 'deliverable', due: '2027-01-15', responsible: 'university' }],
  });
  step();
  t.completeMilestone(w.life, ttoNeu, 1, 'https://neu.example.cn/docs/roll');
  return w;
};

describe('the status a person sees', () => {
  it('names the partnership, its parties and its submitter', () => {
    const status = statusOf(submitted().life);
    expect(status).toMatchObject({
      reference: 'P-2026-000123',
      kind: 'demand',
      title: '精轧机工作辊磨损快、换辊频繁',
      stage: 'review',
      region: '辽宁省',
      industry: '冶金',
      university: null,
      enterprise: STEEL,
      submittedBy: { personId: 'contact-steel', name: '刘洋' },
      outcome: null,
    });
  });

  it('shows the next timers earliest first, and every time as ISO', () => {
    const w = proposed(['A012'], [A012]);
    w.now = shanghai('2026-12-08T10:00');
    t.declineProposal(w.life, ttoNeu, { candidateId: 'A012', category: 'unclear_benefit', reason: '收益不明确' });
    const status = statusOf(w.life);
    expect(status.proposals).toEqual([
      {
        candidateId: 'A012',
        counterpart: NEU,
        status: 'declined',
        deadline: iso(shanghai('2026-12-17T09:00')),
        category: 'unclear_benefit',
        reason: '收益不明确',
        decidedBy: ttoNeu.name,
        decidedAt: iso(shanghai('2026-12-08T10:00')),
      },
    ]);
    // A012 was the only candidate: the engine is asked again, nothing is timed.
    expect(status.nextTimers).toEqual([]);

    const n = negotiating(['A012']);
    expect(statusOf(n.life).nextTimers).toEqual([
      { key: 'negotiation:remind', at: iso(shanghai('2026-12-30T09:00')) },
      { key: 'negotiation:overdue', at: iso(shanghai('2027-01-06T09:00')) },
    ]);
  });

  it('keeps a history of who did what, one seq per event, increasing by one', () => {
    const w = happyPath();
    const events = w.life.pending;
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(events.map((e) => e.type)).toEqual([
      'intake_received',
      'review_requested',
      'reviewed',
      'candidates_found',
      'candidates_selected',
      'proposal_accepted',
      'terms_proposed',
      'negotiation_agreed',
      'contract_registered',
      'milestone_done',
      'completed',
    ]);
    const status = statusOf(w.life);
    expect(status.stage).toBe('completed');
    expect(status.history.map((h) => h.seq)).toEqual(events.map((e) => e.seq));
    expect(status.history.map(({ type, by }) => [type, by])).toEqual([
      ['intake_received', '刘洋'],
      ['review_requested', '刘洋'],
      ['reviewed', '李敏'],
      ['candidates_found', null],
      ['candidates_selected', '李敏'],
      ['proposal_accepted', '赵磊'],
      ['terms_proposed', '刘洋'],
      ['negotiation_agreed', '赵磊'],
      ['contract_registered', '李敏'],
      ['milestone_done', '赵磊'],
      ['completed', '赵磊'],
    ]);
    expect(status.history[0]).toEqual({ seq: 1, at: iso(MONDAY_0900), type: 'intake_received', by: '刘洋', note: 'submitted' });
    expect(status.history.at(-1)).toEqual({ seq: 11, at: iso(MONDAY_0900 + 7 * HOUR), type: 'completed', by: '赵磊', note: 'all milestones done' });
    expect(w.life.state.seq).toBe(11);
  });

  it('keeps only the last 50 history entries, while seq keeps counting', () => {
    const w = negotiating(['A012']);
    const before = w.life.state.seq;
    for (let i = 1; i <= 60; i += 1) t.proposeTerms(w.life, i % 2 ? contactSteel : ttoNeu, i % 2 ? 'enterprise' : 'university', `第 ${i} 轮`);
    const status = statusOf(w.life);
    expect(w.life.state.seq).toBe(before + 60);
    expect(status.history).toHaveLength(50);
    expect(status.history[0]!.seq).toBe(before + 11);
    expect(status.history.at(-1)).toMatchObject({ seq: before + 60, note: 'terms round 60' });
    expect(w.life.pending.map((e) => e.seq)).toEqual(Array.from({ length: before + 60 }, (_, i) => i + 1));
    // The rounds themselves are all kept.
    expect(status.rounds).toHaveLength(60);
  });

  it('awaits nobody once the partnership has ended', () => {
    expect(statusOf(happyPath().life).awaiting).toEqual([]);
  });
});
