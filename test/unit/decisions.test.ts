/** The decision registry: its forms, its wording and its checks agree, without a server. */
import { describe, expect, it } from 'vitest';
import { fieldName, payloadFromForm, prepareDecision } from '../../app/decision-fields.ts';
import type { FormField } from '../../domain/decision-forms.ts';
import { refusal, type RefusalCode, type RefusalReasons } from '../../domain/refusals.ts';
import { mayAgree, mayWithdraw, sideOf } from '../../domain/rules.ts';
import { DECISION_WORDS } from '../../notifications/decision-words.ts';
import { describeRefusal } from '../../notifications/refusal-words.ts';
import { parsePayload, stageRefusal } from '../../workflows/decisions/decision.ts';
import { conclude, DECISIONS, respond, review, select, terms, withdraw, type AnyDecision } from '../../workflows/decisions/index.ts';
import * as t from '../../workflows/transitions.ts';
import { byType, coord, contactSteel, DAY, negotiating, offered, proposed, submitted, ttoDut, ttoNeu } from './builder.ts';

/** What a person types into each kind of field. */
const typed = (field: FormField): unknown => {
  if (field.hint === 'https://') return 'https://example.org/acceptance-report.pdf';
  switch (field.kind) {
    case 'amount':
      return '120万';
    case 'date':
      return '2026-11-20 +0800';
    case 'choice':
      return Array.isArray(field.choices) ? field.choices[0] : '';
    case 'choices':
      return ['A012'];
    case 'milestoneLines':
      return '技术资料交付 | 交付 | 2027-01-15 | 高校\n首期付款 | 付款 | 2027-02-01 | 企业 | 60万';
    default:
      return `${field.key} as typed`;
  }
};

const subjectValue = (decision: AnyDecision): Record<string, unknown> =>
  decision.form.subject ? { [decision.form.subject.key]: decision.form.subject.kind === 'number' ? 1 : 'A012' } : {};

describe('every decision in the registry', () => {
  const cases = DECISIONS.flatMap((decision) => decision.form.variants.map((variant) => ({ decision, variant, name: `${decision.name}/${variant.id}` })));

  it.each(cases)('$name: a form filled in as a person would yields a payload its schema accepts', ({ decision, variant }) => {
    const fields = Object.fromEntries(variant.fields.map((field) => [fieldName(field), typed(field)]));
    const payload = payloadFromForm(decision, { ...variant.set, ...subjectValue(decision) }, fields, coord);
    const prepared = prepareDecision(decision, payload, 'en');
    expect(prepared.ok ? [] : prepared.problems).toEqual([]);
    expect(parsePayload(decision, payload).ok).toBe(true);
  });

  const withRequired = cases.filter(({ variant }) => variant.fields.some((field) => field.required));
  it.each(withRequired)('$name: the same form left empty names each required field in the person’s language', ({ decision, variant }) => {
    const required = variant.fields.filter((field) => field.required);
    const prepared = prepareDecision(decision, payloadFromForm(decision, { ...variant.set, ...subjectValue(decision) }, {}, coord), 'zh');
    expect(prepared.ok).toBe(false);
    const problems = prepared.ok ? '' : prepared.problems.join('\n');
    for (const field of required) expect(problems).toContain(DECISION_WORDS.zh.fields[field.key]);
  });

  it.each(DECISIONS.map((decision) => ({ decision, name: decision.name })))('$name: has its wording in Chinese and English', ({ decision }) => {
    for (const language of ['zh', 'en'] as const) {
      const words = DECISION_WORDS[language];
      const wording = words.decisions[decision.name];
      expect(wording.action).not.toBe('');
      for (const variant of decision.form.variants) {
        expect(wording.buttons[variant.id], `${language} button ${variant.id}`).toBeTruthy();
        expect(wording.done[variant.id], `${language} done ${variant.id}`).toBeTruthy();
        for (const field of variant.fields) {
          expect(words.fields[field.key], `${language} label ${field.key}`).toBeTruthy();
          for (const choice of field.choices === 'candidates' ? [] : (field.choices ?? []))
            expect(words.choices[field.key]?.[choice], `${language} ${field.key}=${choice}`).toBeTruthy();
        }
      }
    }
  });

  it('has distinct names and distinct update wire names', () => {
    expect(new Set(DECISIONS.map((d) => d.name)).size).toBe(DECISIONS.length);
    expect(new Set(DECISIONS.map((d) => d.update.name)).size).toBe(DECISIONS.length);
  });
});

describe('the checks the validators and the cards share', () => {
  it('a review is a coordinator’s; in another stage it is refused for the stage first', () => {
    const w = submitted();
    const payload = { actor: ttoNeu, decision: 'approve' as const };
    expect(review.check(w.life, payload)).toEqual(refusal('coordinators_only', { decision: 'review', name: ttoNeu.name, role: 'tto_officer' }));
    expect(review.check(w.life, { ...payload, actor: coord })).toBeNull();
    expect(stageRefusal(w.life, select)).toEqual(
      refusal('wrong_stage', { reference: 'P-2026-000123', stage: 'review', decision: 'select', stages: ['matchmaking'] }),
    );
  });

  it('a selection is refused while proposals are open, and names a candidate listed twice or already excluded', () => {
    const w = offered();
    expect(select.check(w.life, { actor: coord, candidateIds: ['A012', 'A012'] })?.code).toBe('candidate_twice');
    expect(select.check(w.life, { actor: coord, candidateIds: ['A099'] })?.code).toBe('not_a_candidate');
    t.proposeCandidates(w.life, coord, ['A012']);
    expect(select.check(w.life, { actor: coord, candidateIds: ['A013'] })?.code).toBe('proposals_open');
  });

  it('only the proposed office answers its proposal', () => {
    const w = proposed(['A012', 'A013']);
    expect(respond.check(w.life, { actor: ttoDut, candidateId: 'A012', decision: 'accept' })?.code).toBe('counterpart_only');
    expect(respond.check(w.life, { actor: ttoNeu, candidateId: 'A012', decision: 'accept' })).toBeNull();
    expect(respond.check(w.life, { actor: ttoNeu, candidateId: 'A014', decision: 'accept' })?.code).toBe('not_proposed');
  });

  it('terms are agreed by the other party or a coordinator, never by their proposer, and never before there are terms', () => {
    const w = negotiating(['A012']);
    const view = { ...w.life.state, kind: w.life.input.kind, submittedBy: w.life.input.submittedBy };
    expect(conclude.check(w.life, { actor: ttoNeu, outcome: 'agreed' })?.code).toBe('no_terms_yet');
    t.proposeTerms(w.life, contactSteel, 'enterprise', '许可三年', 1_200_000);
    expect(mayAgree({ ...view, rounds: w.life.state.rounds }, contactSteel)).toBe(false);
    expect(conclude.check(w.life, { actor: contactSteel, outcome: 'agreed' })?.code).toBe('proposer_cannot_agree');
    expect(conclude.check(w.life, { actor: ttoNeu, outcome: 'agreed' })).toBeNull();
    expect(conclude.check(w.life, { actor: coord, outcome: 'agreed' })).toBeNull();
    expect(terms.check(w.life, { actor: ttoDut, terms: '另一个方案' })?.code).toBe('not_a_party');
  });

  it('sides and withdrawal follow who speaks for which organisation', () => {
    const w = negotiating(['A012']);
    const view = { ...w.life.state, kind: w.life.input.kind, submittedBy: w.life.input.submittedBy };
    expect(sideOf(view, ttoNeu)).toBe('university');
    expect(sideOf(view, contactSteel)).toBe('enterprise');
    expect(sideOf(view, ttoDut)).toBeNull();
    expect(mayWithdraw(view, ttoDut)).toBe(false);
    expect(withdraw.check(w.life, { actor: ttoDut, reason: '不再需要' })?.code).toBe('submitters_only');
    expect(withdraw.check(w.life, { actor: contactSteel, reason: '不再需要' })).toBeNull();
  });
});

describe('refusals', () => {
  const samples: { readonly [C in RefusalCode]: RefusalReasons[C] } = {
    wrong_stage: { reference: 'P-2026-000123', stage: 'review', decision: 'select', stages: ['matchmaking'] },
    ended: { reference: 'P-2026-000123', stage: 'withdrawn' },
    coordinators_only: { decision: 'review', name: '孙婷', role: 'tto_officer' },
    not_a_party: { decision: 'terms', name: '孙婷', reference: 'P-2026-000123' },
    submitters_only: { decision: 'withdraw' },
    still_matching: {},
    proposals_open: {},
    candidate_twice: { candidateId: 'A012' },
    too_many_candidates: { max: 3 },
    not_a_candidate: { candidateId: 'A099' },
    candidate_excluded: { candidateId: 'A012' },
    not_proposed: { candidateId: 'A099' },
    proposal_settled: { counterpart: '东北大学', status: 'declined' },
    counterpart_only: { counterpart: '东北大学', role: 'tto_officer' },
    no_terms_yet: {},
    proposer_cannot_agree: {},
    no_such_milestone: { milestone: 3, count: 2 },
    milestone_done: { milestone: 1 },
    milestones_planned: { count: 2 },
    milestone_not_yours: { milestone: 1, responsible: 'university' },
    records_coordinators_only: { name: '孙婷' },
    record_for_a_party: { name: '李敏' },
    invalid: { problems: [{ path: ['milestones', 0, 'due'], message: 'expected a date' }] },
  };

  it.each(Object.keys(samples) as RefusalCode[])('%s is said in Chinese and in English', (code) => {
    const reason = refusal(code, samples[code]);
    const zh = describeRefusal(reason, 'zh');
    const en = describeRefusal(reason, 'en');
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(en).not.toBe(zh);
    expect(en).not.toMatch(/undefined|\[object/);
  });

  it('names a wrong field by its label on a form and by its key on the command line', () => {
    const reason = refusal('invalid', samples.invalid);
    expect(describeRefusal(reason, 'zh', 'labels')).toBe('履约节点 第 1 行 · due: expected a date');
    expect(describeRefusal(reason, 'en', 'keys')).toBe('milestones[0].due: expected a date');
  });
});

describe('a candidate proposed again after a failed negotiation', () => {
  it('is reminded before its deadline and lapses after it, like any proposal', () => {
    const w = negotiating(['A012', 'A013']);
    t.failNegotiation(w.life, coord, 'rematch', '技术路线不合适');
    t.proposeCandidates(w.life, coord, ['A013']);
    w.drain();
    w.runUntil(w.now + 30 * DAY);
    const events = w.drain();
    expect(byType(events, 'reminder').map((e) => e.notify.map((n) => n.template))).toContainEqual(['proposal_reminder']);
    expect(byType(events, 'proposal_expired').map((e) => e.data.candidateId)).toEqual(['A013']);
    expect(w.life.state.proposals.findLast((p) => p.candidateId === 'A013')?.status).toBe('expired');
  });
});
