import { describe, expect, it } from 'vitest';
import { statusOf } from '../../workflows/status.ts';
import * as t from '../../workflows/transitions.ts';
import { contactSteel, contracting, coord, DUT, JIANGNAN, NEU, negotiating, offered, proposed, STEEL, submitted, told, type World } from './builder.ts';

const coordinators = { role: 'coordinator' };
const submitter = { personId: 'contact-steel' };
const org = (id: string) => ({ organisationId: id });

const inMilestones = (): World => {
  const w = contracting();
  t.registerContract(w.life, coord, {
    type: 'licensing',
    amountCny: 1_200_000,
    signedOn: '2026-11-20',
    milestones: [{ title: '技术资料交付', kind: 'deliverable', due: '2027-01-15', responsible: 'university' }],
  });
  return w;
};

const changesRequested = (): World => {
  const w = submitted();
  t.requestChanges(w.life, coord, '请补充数据');
  return w;
};

const OPEN_STAGES: [string, () => World, { stage: string; told: object[] }][] = [
  ['intake (changes requested)', changesRequested, { stage: 'intake', told: [submitter, coordinators, org(STEEL.id)] }],
  ['review', () => submitted(), { stage: 'review', told: [submitter, coordinators, org(STEEL.id)] }],
  ['matchmaking, awaiting a selection', () => offered(), { stage: 'matchmaking', told: [submitter, coordinators, org(STEEL.id)] }],
  ['negotiation', () => negotiating(['A012']), { stage: 'negotiation', told: [submitter, coordinators, org(NEU.id), org(STEEL.id)] }],
  ['contracting', () => contracting(), { stage: 'contracting', told: [submitter, coordinators, org(NEU.id), org(STEEL.id)] }],
  ['milestones', inMilestones, { stage: 'milestones', told: [submitter, coordinators, org(NEU.id), org(STEEL.id)] }],
];

describe('withdrawing', () => {
  it.each(OPEN_STAGES)('from %s ends it, clears every timer and tells everyone involved why', (_, build, expected) => {
    const w = build();
    expect(w.life.state.stage).toBe(expected.stage);
    // Every open stage but contracting has timers running (nothing reminds anyone to register a contract).
    expect(w.life.state.timers.length > 0).toBe(expected.stage !== 'contracting');
    w.drain();
    t.withdraw(w.life, contactSteel, '企业战略调整');
    const [event, ...more] = w.drain();
    expect(more).toEqual([]);
    expect(told(event)).toEqual({ type: 'withdrawn', stage: 'withdrawn', notify: [{ template: 'withdrawn', to: expected.told }] });
    expect(event!.notify[0]!.data).toEqual({ reason: '企业战略调整' });
    expect(event!.actor).toEqual(contactSteel);
    expect(w.life.state).toMatchObject({ stage: 'withdrawn', timers: [], outcome: { stage: 'withdrawn', reason: '企业战略调整' } });
    expect(statusOf(w.life).awaiting).toEqual([]);
  });

  it('with proposals open, withdraws them first and tells each counterpart no answer is needed', () => {
    const w = proposed();
    t.declineProposal(w.life, { personId: 'tto-dut', name: '孙婷', role: 'tto_officer', organisationId: DUT.id }, { candidateId: 'A013', category: 'budget' });
    w.drain();
    t.withdraw(w.life, coord, '需求已由企业自行解决');
    const events = w.drain();
    expect(events.map(told)).toEqual([
      { type: 'proposals_withdrawn', stage: 'matchmaking', notify: [{ template: 'proposal_withdrawn', to: [org(NEU.id), org(JIANGNAN.id)] }] },
      { type: 'withdrawn', stage: 'withdrawn', notify: [{ template: 'withdrawn', to: [submitter, coordinators, org(STEEL.id)] }] },
    ]);
    expect(events[0]!.data).toEqual({ candidateIds: ['A012', 'A014'] });
    expect(w.life.state.proposals.map((p) => p.status)).toEqual(['withdrawn', 'declined', 'withdrawn']);
    expect(w.life.state.timers).toEqual([]);
    expect(w.life.state.history.at(-1)).toMatchObject({ type: 'withdrawn', by: coord.name, note: '需求已由企业自行解决' });
  });
});
