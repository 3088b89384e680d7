/**
 * Cards Lark accepts: every card the service can build, in both languages and with the longest
 * texts the validators allow (typed with markdown and HTML-like characters), is sent through the
 * local Open API, which validates it as card JSON 2.0 against Lark's limits (lark/limits.ts).
 * And the local Open API refuses, with Lark's codes, the cards Lark would refuse.
 */
import type * as lark from '@larksuiteoapi/node-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLarkClient } from '../../lark/client.ts';
import { messageUuid, patchCard, sendCard } from '../../lark/messages.ts';
import { CARD_BODY_MAX_BYTES, INPUT_MAX_LENGTH, PLACEHOLDER_MAX_LENGTH } from '../../lark/limits.ts';
import { actionOfName, clip, escapeMarkdown, fieldsOf, form, formScope, input, markdown, submitButton } from '../../lark/cards/elements.ts';
import { card } from '../../lark/cards/card.ts';
import { correctionCard } from '../../lark/cards/correction.ts';
import { decidedCard } from '../../lark/cards/decided.ts';
import { decisionSections, sectionFor } from '../../lark/cards/decision-sections.ts';
import { helpCard } from '../../lark/cards/help.ts';
import { intakeFormCard, submittedCard } from '../../lark/cards/intake-form.ts';
import { listCard } from '../../lark/cards/list.ts';
import { matchCard } from '../../lark/cards/match.ts';
import { noticeCard } from '../../lark/cards/notice.ts';
import { notificationCard } from '../../lark/cards/notification.ts';
import { pendingCard } from '../../lark/cards/pending.ts';
import { statsCard } from '../../lark/cards/stats.ts';
import { contactsCard, CONTACTS_SHOWN, type Contact } from '../../lark/cards/contacts.ts';
import { statusCard } from '../../lark/cards/status.ts';
import { DOCKING_SHOWN, DOCKINGS_PAGE_SIZE, dockingsCard, type DockingsView } from '../../lark/cards/event-dockings.ts';
import { launchConfirmCard, launchedCard, launchingCard } from '../../lark/cards/event-launch.ts';
import { eventCard } from '../../lark/cards/event-report.ts';
import { signedCard, signFormCard } from '../../lark/cards/event-sign.ts';
import type { EventOverview } from '../../app/events/overview.ts';
import { DOCKING_STATUSES } from '../../domain/event.ts';
import { PAYLOAD_SCHEMAS } from '../../notifications/payloads.ts';
import { renderMessageContent } from '../../notifications/templates.ts';
import type { Language, OutgoingItem } from '../../notifications/content.ts';
import { startLarkOpenApi, validateCard, type LarkOpenApi } from '../support/lark-open-api.ts';
import { buttonsOf, cardText, decodeEntities, formValueOf } from '../bot/support/cards.ts';

type Status = Parameters<typeof statusCard>[0];
type User = Parameters<typeof statusCard>[1];
type Decision = Parameters<typeof decidedCard>[1];
type Card = Record<string, unknown>;

const LANGUAGES: readonly Language[] = ['zh', 'en'];
const RECEIVER = 'ou_0000000000000000000000000000c001';

/** What people may type, at its worst: CJK (3 bytes each), markdown, HTML-like tags, an @all, line starts. */
const HOSTILE = '轧辊*磨损*[条款](https://evil.example)<at id=all></at><font color=red>红</font>|a|b|\n# 标题\n- 项 1. ~~x~~ `c` :OK: & \\';
const typed = (length: number, salt = ''): string => {
  const text = `${salt}${HOSTILE.repeat(Math.ceil(length / HOSTILE.length) + 1)}`.slice(0, length);
  return /[\uD800-\uDBFF]$/.test(text) ? `${text.slice(0, -1)}x` : text;
};
/** The longest texts the decision and payload validators allow (workflows/decisions.ts). */
const MAX = { title: 200, long: 5000, reason: 2000, name: 100, id: 100 } as const;

const REFERENCE = 'P-2026-000123';
const AT = '2026-11-20T01:00:00.000Z';
const DUE = '2027-01-15T09:00:00+08:00';
const LONG_CANDIDATE = `C${'x'.repeat(MAX.id - 1)}`;

const party = (id: string, salt: string) => ({ id, name: typed(MAX.name, salt) });
const university = party('u-neu', 'U');
const enterprise = party('e-steel', 'E');

const userOf = (role: string, organisationId: string | null, language: Language, personId = `p-${role}`): User =>
  ({ openId: RECEIVER, actor: { personId, name: typed(MAX.name, role), role, organisationId }, language, readOnly: role === 'manager' }) as unknown as User;

const statusAt = (reference = REFERENCE): Status =>
  ({
    reference,
    kind: 'demand',
    title: typed(MAX.title, 'T'),
    summary: typed(MAX.long, 'S'),
    stage: 'negotiation',
    region: typed(50, 'R'),
    industry: typed(50, 'I'),
    university,
    enterprise,
    submittedBy: { personId: 'p-enterprise_contact', name: typed(MAX.name, 'sub') },
    awaiting: [
      { action: 'review', role: 'coordinator', organisation: null, deadline: DUE },
      { action: 'revise', role: 'enterprise_contact', organisation: enterprise, deadline: DUE },
      { action: 'select_candidates', role: 'coordinator', organisation: null, deadline: DUE },
      { action: 'respond_to_proposal', role: 'tto_officer', organisation: university, subject: LONG_CANDIDATE, deadline: DUE },
      { action: 'negotiate', role: 'enterprise_contact', organisation: enterprise, deadline: DUE },
      { action: 'register_contract', role: 'coordinator', organisation: null, deadline: DUE },
      { action: 'complete_milestone', role: 'tto_officer', organisation: university, subject: '50', deadline: DUE },
    ],
    candidates: Array.from({ length: 12 }, (_, index) => ({
      id: index === 0 ? LONG_CANDIDATE : `C${index}`,
      title: typed(MAX.title, `c${index}`),
      counterpart: party(`u-${index}`, `cp${index}`),
      score: 0.87,
      reasons: Array.from({ length: 4 }, (__, r) => typed(MAX.title, `r${r}`)),
      flags: [typed(50, 'f')],
    })),
    proposals: Array.from({ length: 6 }, (_, index) => ({
      candidateId: `C${index + 6}`,
      counterpart: party(`u-${index + 6}`, `pp${index}`),
      status: index % 2 === 0 ? 'declined' : 'proposed',
      deadline: DUE,
      category: 'other',
      reason: typed(MAX.reason, 'why'),
      decidedBy: typed(MAX.name, 'by'),
    })),
    rounds: Array.from({ length: 4 }, (_, index) => ({
      round: index + 1,
      side: 'enterprise',
      by: typed(MAX.name, 'rb'),
      terms: typed(MAX.long, `t${index}`),
      amountCny: 1e12,
      at: AT,
    })),
    contract: { type: 'development', amountCny: 1e12, signedOn: '2026-11-20', registeredBy: typed(MAX.name, 'reg') },
    milestones: Array.from({ length: 50 }, (_, index) => ({
      seq: index + 1,
      title: typed(MAX.title, `m${index}`),
      kind: index % 2 === 0 ? 'deliverable' : 'payment',
      dueAt: DUE,
      responsible: 'university',
      amountCny: 1e9,
      done: index < 10,
      evidenceUrl: 'https://evidence.example/report.pdf',
    })),
    nextTimers: [],
    history: Array.from({ length: 30 }, (_, index) => ({
      seq: index + 1,
      at: AT,
      type: 'terms_proposed',
      by: typed(MAX.name, 'h'),
      note: typed(MAX.reason, `n${index}`),
    })),
    outcome: { stage: 'withdrawn', reason: typed(MAX.reason, 'out') },
  }) as unknown as Status;

const DECISIONS = (ref: string): Decision[] =>
  [
    { v: 1, d: 'review', ref, decision: 'approve' },
    { v: 1, d: 'review', ref, decision: 'reject' },
    { v: 1, d: 'review', ref, decision: 'request_changes' },
    { v: 1, d: 'revise', ref },
    { v: 1, d: 'select', ref },
    { v: 1, d: 'respond', ref, candidateId: LONG_CANDIDATE, decision: 'accept' },
    { v: 1, d: 'respond', ref, candidateId: LONG_CANDIDATE, decision: 'decline' },
    { v: 1, d: 'terms', ref },
    { v: 1, d: 'conclude', ref, outcome: 'agreed' },
    { v: 1, d: 'conclude', ref, outcome: 'failed' },
    { v: 1, d: 'contract', ref },
    { v: 1, d: 'planMilestones', ref },
    { v: 1, d: 'milestone', ref, milestone: 50 },
    { v: 1, d: 'withdraw', ref },
  ].map((value) => ({ ...value, seq: 999_999 }) as Decision);

/** What a person may have typed into every decision form, at its longest. */
const PREFILL = {
  comment: typed(MAX.reason, 'cm'),
  title: typed(MAX.title, 'ti'),
  summary: typed(MAX.long, 'su'),
  note: typed(MAX.reason, 'no'),
  candidates: ['C1', 'C2', 'C3'],
  category: 'other',
  reason: typed(MAX.reason, 're'),
  terms: typed(MAX.long, 'te'),
  amount: typed(50, 'am'),
  next: 'rematch',
  type: 'development',
  signedOn: '2026-11-20',
  milestones: typed(MAX.long, 'ms'),
  evidenceUrl: `https://evidence.example/${'x'.repeat(150)}`,
};
const INTAKE_PREFILL = {
  organisation: 'org-1',
  title: typed(MAX.title, 'it'),
  description: typed(MAX.long, 'de'),
  summary: typed(MAX.long, 'su'),
  fields: typed(200, 'fi'),
  budgetWan: typed(50, 'bw'),
  keywords: typed(200, 'kw'),
  maturity: '9',
  cooperationModes: ['许可'],
  region: typed(200, 'rg'),
  industry: typed(200, 'in'),
};

const base = (reference = REFERENCE) => ({ reference, title: typed(MAX.title, 'pt'), stage: 'negotiation', seq: 42 });
const reasons = Array.from({ length: 8 }, (_, index) => typed(MAX.title, `why${index}`));
const MILESTONES = Array.from({ length: 50 }, (_, index) => ({
  seq: index + 1,
  title: typed(MAX.title, `cm${index}`),
  due: DUE,
  kind: 'payment',
  responsible: 'enterprise',
  amountCny: 1e9,
}));
/** A payload at its longest for every notification template in notifications/. */
const PAYLOADS: Record<string, Record<string, unknown>> = {
  intake_received: base(),
  review_requested: base(),
  review_reminder: base(),
  decision_escalated: { ...base(), action: 'respond_to_proposal' },
  changes_requested: { ...base(), comment: typed(MAX.reason, 'cc') },
  revision_reminder: base(),
  rejected: { ...base(), comment: typed(MAX.reason, 'rc') },
  candidates_ready: { ...base(), count: 12 },
  selection_reminder: base(),
  match_proposed: { ...base(), candidateId: LONG_CANDIDATE, candidateTitle: typed(MAX.title, 'ct'), reasons, deadline: DUE },
  proposal_reminder: { ...base(), candidateId: LONG_CANDIDATE, candidateTitle: typed(MAX.title, 'ct'), deadline: DUE },
  proposal_withdrawn: base(),
  proposal_accepted: { ...base(), counterpart: typed(MAX.name, 'cp'), deadline: DUE },
  proposal_declined: { ...base(), counterpart: typed(MAX.name, 'cp'), category: 'other', reason: typed(MAX.reason, 'dr') },
  unmatched: { ...base(), reason: typed(MAX.reason, 'um') },
  terms_proposed: { ...base(), round: 3, terms: typed(MAX.long, 'tp'), amountCny: 1e12 },
  negotiation_agreed: { ...base(), round: 3 },
  negotiation_reminder: { ...base(), deadline: DUE },
  negotiation_overdue: { ...base(), deadline: DUE },
  negotiation_failed: { ...base(), reason: typed(MAX.reason, 'nf'), next: 'rematch' },
  contract_registered: { ...base(), type: 'development', amountCny: 1e12, signedOn: '2026-11-20', milestones: MILESTONES },
  milestones_planned: { ...base(), milestones: MILESTONES },
  milestone_due_soon: { ...base(), milestone: 50, milestoneTitle: typed(MAX.title, 'mt'), due: DUE },
  milestone_due_today: { ...base(), milestone: 50, milestoneTitle: typed(MAX.title, 'mt'), due: DUE },
  milestone_overdue: { ...base(), milestone: 50, milestoneTitle: typed(MAX.title, 'mt'), due: DUE, escalated: 'yes' },
  milestone_done: { ...base(), milestone: 50, milestoneTitle: typed(MAX.title, 'mt'), evidenceUrl: `https://evidence.example/${'x'.repeat(150)}` },
  completed: { ...base(), reason: typed(MAX.reason, 'co') },
  withdrawn: { ...base(), reason: typed(MAX.reason, 'wd') },
  answer_recorded: { ...base(), recordedBy: typed(MAX.name, 'rb'), decision: 'respond', variant: 'decline', subject: LONG_CANDIDATE, category: 'other' },
  counterpart_unreachable: {
    ...base(),
    counterpart: typed(MAX.name, 'cu'),
    candidateId: LONG_CANDIDATE,
    candidateTitle: typed(MAX.title, 'ct'),
    missing: 'no_address',
  },
  delivery_failed: {
    reference: REFERENCE,
    title: typed(MAX.title, 'pt'),
    recipient: typed(MAX.name, 'rn'),
    channel: 'email',
    reason: typed(500, 'fr'),
    notificationId: '0f5e3c1a-9d2b-4e7f-8a6c-1b2d3e4f5a6b',
  },
  weekly_digest: {
    weekOf: '2026-11-16',
    pending: Array.from({ length: 40 }, (_, index) => ({
      reference: `P-2026-0001${String(index).padStart(2, '0')}`,
      title: typed(MAX.title, `wp${index}`),
      action: 'negotiate',
      deadline: DUE,
    })),
    due: Array.from({ length: 40 }, (_, index) => ({
      reference: REFERENCE,
      title: typed(MAX.title, `wd${index}`),
      milestone: index + 1,
      milestoneTitle: typed(MAX.title, `wm${index}`),
      due: DUE,
      overdue: index % 2 === 0,
    })),
  },
  programme_summary: {
    weekOf: '2026-11-16',
    byStage: { intake: 1, review: 2, matchmaking: 3, negotiation: 4, contracting: 5, milestones: 6, completed: 7 },
    dockings: 800,
    contracts: 500,
    amountCny: 1e12,
    overdueMilestones: Array.from({ length: 40 }, (_, index) => ({
      reference: REFERENCE,
      title: typed(MAX.title, `om${index}`),
      milestoneTitle: typed(MAX.title, `on${index}`),
      due: DUE,
    })),
  },
};

/** A docking event at its longest: the name and host, a code of 60 characters, ids of 200 (domain/event.ts). */
const EVENT = { id: `E${'V'.repeat(59)}`, name: typed(MAX.title, 'ev') };
const RELEASE_ID = (kind: string, index: number) => `${kind}${index}-${'9'.repeat(196)}`.slice(0, 200);

/** The largest page of a docking list: every pair with the longest titles, names, ids and eight long reasons. */
const largestDockingPage = (): DockingsView => ({
  event: EVENT,
  page: {
    total: 100_000,
    page: 5_000,
    pages: 10_000,
    rows: Array.from({ length: DOCKINGS_PAGE_SIZE }, (_, index) => ({
      demandId: RELEASE_ID('D', index),
      demandNumber: RELEASE_ID('DN', index),
      demandTitle: typed(MAX.title, `dt${index}`),
      enterprise: typed(MAX.name, `de${index}`),
      achievementId: RELEASE_ID('A', index),
      achievementNumber: RELEASE_ID('AN', index),
      achievementTitle: typed(MAX.title, `at${index}`),
      university: typed(MAX.name, `au${index}`),
      score: 0.87654,
      rank: 3,
      reasons: Array.from({ length: 8 }, (__, r) => typed(MAX.title, `dr${r}`)),
      status: DOCKING_STATUSES[index % DOCKING_STATUSES.length]!,
      partnership: REFERENCE,
    })),
  },
  notice: typed(300, 'nt'),
  add: { prefill: { demand: RELEASE_ID('D', 0), achievement: RELEASE_ID('A', 0) }, problem: typed(300, 'ap') },
});

const eventOverviewAtLongest = (): EventOverview => {
  const row = (key: number) => ({ key: typed(50, `k${key}`), achievements: 1e6, demands: 1e6, dockings: 1e6, agreed: 1e6, signed: 1e6, amountCny: 1e12 });
  return {
    status: { coordinatorIds: ['p-coordinator'], figures: { dockings: { listed: 1e6, added: 1e6, struck: 1e6, launched: 1e6 } } },
    report: {
      eventId: EVENT.id,
      name: EVENT.name,
      startsOn: '2026-12-10',
      endsOn: '2026-12-11',
      place: typed(MAX.title, 'pl'),
      host: typed(MAX.title, 'ho'),
      programme: typed(MAX.title, 'pg'),
      participants: { universities: 1e6, enterprises: 1e6, parks: 1 },
      releases: { achievements: 1e6, demands: 1e6 },
      dockings: { listed: 1e6, launched: 1e6 },
      agreed: 1e6,
      signedOnSite: 1e6,
      contracts: 1e6,
      amountCny: 1e12,
      byIndustry: Array.from({ length: 40 }, (_, index) => row(index)),
      byRegion: Array.from({ length: 40 }, (_, index) => row(index)),
    },
  } as unknown as EventOverview;
};

/** The docking event's cards: its overview with the coordinators' buttons, the docking list, launch and signing on site. */
const eventCardsOf = (language: Language): [string, () => Card][] => {
  const signPrefill = {
    kind: 'achievement',
    subject: RELEASE_ID('A', 1),
    university: typed(200, 'su'),
    enterprise: typed(200, 'se'),
    type: 'licensing',
    amount: '1e12',
    signedOn: '2026-12-10 +0800',
  };
  return [
    [`${language} event for a coordinator`, () => eventCard(eventOverviewAtLongest(), language, EVENT.id, { coordinator: true })],
    [`${language} docking list, largest page`, () => dockingsCard(largestDockingPage(), language)],
    [`${language} docking list, empty`, () => dockingsCard({ event: EVENT, page: { rows: [], total: 0, page: 1, pages: 1 } }, language)],
    [`${language} launch, confirm`, () => launchConfirmCard(EVENT, { demands: 1e6, pairs: 1e7 }, language)],
    [`${language} launch, nothing to launch`, () => launchConfirmCard(EVENT, { demands: 0, pairs: 0 }, language)],
    [`${language} launch, launching`, () => launchingCard(EVENT, 1e6, language)],
    [`${language} launch, launched`, () => launchedCard(EVENT, { started: 1e6, existing: 1e6 }, language)],
    [`${language} launch, refused`, () => launchedCard(EVENT, { refusal: typed(MAX.reason, 'lr') }, language)],
    [`${language} signing form`, () => signFormCard(EVENT, language, { today: '2026-12-10' })],
    [
      `${language} signing form, shown again`,
      () =>
        signFormCard(EVENT, language, {
          today: '2026-12-10',
          prefill: signPrefill,
          problems: Array.from({ length: 8 }, (_, index) => typed(300, `sp${index}`)),
        }),
    ],
    [
      `${language} signed on site`,
      () =>
        signedCard(
          EVENT,
          {
            reference: REFERENCE,
            subjectTitle: typed(MAX.title, 'st'),
            counterpart: typed(MAX.name, 'sc'),
            type: 'licensing',
            amountCny: 1e12,
            signedOn: '2026-12-10',
          },
          language,
        ),
    ],
  ];
};

/** Every card the service can build, by name. */
const everyCard = (): [string, () => Card][] => {
  const cards: [string, () => Card][] = [];
  const add = (name: string, build: () => Card) => cards.push([name, build]);
  for (const language of LANGUAGES) {
    const coordinator = userOf('coordinator', null, language);
    const tto = userOf('tto_officer', 'u-neu', language);
    const contact = userOf('enterprise_contact', 'e-steel', language);
    const manager = userOf('manager', null, language);
    const people = { coordinator, tto, contact, manager };
    const status = statusAt();
    add(`${language} help`, () => helpCard(language));
    add(`${language} help, not understood`, () => helpCard(language, typed(500, 'q')));
    add(`${language} list`, () =>
      listCard(
        Array.from({ length: 60 }, (_, index) => ({
          reference: `P-2026-${String(index).padStart(6, '0')}`,
          stage: 'review',
          title: typed(MAX.title, `l${index}`),
          region: typed(50, 'lr'),
        })),
        language,
      ),
    );
    add(`${language} list of a stage, empty`, () => listCard([], language, 'review'));
    const contacts: Contact[] = Array.from({ length: CONTACTS_SHOWN + 40 }, (_, index) => ({
      name: typed(MAX.name, `pc${index}`),
      role: 'tto_officer',
      larkOpenId: index % 2 === 0 ? `ou_${index}` : null,
      email: `${typed(60, `m${index}`)}@${'d'.repeat(185)}.cn`,
      channel: 'both',
    }));
    add(`${language} contacts, to a coordinator`, () => contactsCard(typed(MAX.name, 'org'), contacts, { coordinator: true }, language));
    add(`${language} contacts, masked`, () => contactsCard(typed(MAX.name, 'org'), contacts, { coordinator: false }, language));
    add(`${language} contacts, nobody reachable`, () =>
      contactsCard(typed(MAX.name, 'org'), [{ ...contacts[0]!, larkOpenId: null, email: null }], { coordinator: true }, language),
    );
    add(`${language} stats`, () =>
      statsCard(
        {
          byStage: {
            intake: 1,
            review: 2,
            matchmaking: 3,
            negotiation: 4,
            contracting: 5,
            milestones: 6,
            completed: 7,
            rejected: 8,
            unmatched: 9,
            withdrawn: 10,
          },
          partnerships: 55,
          dockings: 800,
          contracts: 500,
          amountCny: 1e12,
        },
        { partnerships: 1000, dockings: 800, contracts: 500, amountCny: 5e8 },
        language,
      ),
    );
    add(`${language} notice`, () => noticeCard(REFERENCE, 'P-2026-000123', 'grey'));
    for (const [role, user] of Object.entries(people)) {
      add(`${language} status for ${role}`, () => statusCard(status, user, { maxProposals: 3 }));
      add(`${language} match for ${role}`, () => matchCard(status, user, { maxProposals: 3 }));
      add(`${language} pending for ${role}`, () =>
        pendingCard(
          [1, 2, 3, 4, 5].map((n) => statusAt(`P-2026-00000${n}`)),
          user,
          { more: 9, maxProposals: 3 },
        ),
      );
      add(`${language} pending for ${role}, none`, () => pendingCard([], user));
      add(`${language} all decisions for ${role}`, () =>
        card(typed(MAX.title), 'orange', decisionSections(status, user, { scope: 'allowed', withdraw: true, maxProposals: 3 })),
      );
    }
    for (const kind of ['demand', 'achievement'] as const) {
      const organisations = Array.from({ length: 40 }, (_, index) => ({ name: index === 0 ? 'org-1' : typed(MAX.name, `o${index}`), region: typed(50, 'or') }));
      add(`${language} intake form ${kind}`, () => intakeFormCard(kind, coordinator, organisations));
      add(`${language} intake form ${kind}, shown again`, () =>
        intakeFormCard(kind, coordinator, organisations, {
          prefill: INTAKE_PREFILL,
          problems: Array.from({ length: 12 }, (_, index) => typed(300, `p${index}`)),
        }),
      );
    }
    add(`${language} submitted`, () => submittedCard(REFERENCE, typed(MAX.title), true, coordinator));
    add(`${language} already submitted`, () => submittedCard(REFERENCE, typed(MAX.title), false, coordinator));
    for (const value of DECISIONS(REFERENCE)) {
      const about = `${value.d}${'decision' in value ? `/${value.decision}` : ''}${'outcome' in value ? `/${value.outcome}` : ''}`;
      add(`${language} decided ${about}`, () => decidedCard(status, value, language));
      // The lead is the bot's own sentence (a phrase, or the workflow's refusal); the problems may quote people.
      add(`${language} correction ${about}`, () =>
        correctionCard(
          status,
          value,
          coordinator,
          'x'.repeat(300),
          Array.from({ length: 10 }, (_, index) => typed(300, `pr${index}`)),
          { prefill: PREFILL, maxProposals: 3 },
        ),
      );
      add(`${language} section ${about}`, () => card(REFERENCE, 'blue', sectionFor(value, status, tto, { prefill: PREFILL, maxProposals: 3 })));
    }
    for (const template of Object.keys(PAYLOAD_SCHEMAS)) {
      const item = { template, payload: PAYLOADS[template]! } as OutgoingItem;
      add(`${language} notification ${template}`, () => notificationCard(renderMessageContent([item], language), { items: [item], language }));
    }
    const reminders = [
      'review_reminder',
      'revision_reminder',
      'selection_reminder',
      'proposal_reminder',
      'negotiation_reminder',
      'negotiation_overdue',
      'terms_proposed',
      'milestone_due_soon',
      'milestone_due_today',
      'milestone_overdue',
      'review_reminder',
      'proposal_reminder',
    ].map((template) => ({ template, payload: PAYLOADS[template]! }) as OutgoingItem);
    add(`${language} notification reminder batch`, () => notificationCard(renderMessageContent(reminders, language), { items: reminders, language }));
    for (const [name, build] of eventCardsOf(language)) add(name, build);
  }
  return cards;
};

let api: LarkOpenApi;
let client: lark.Client;

beforeAll(async () => {
  api = await startLarkOpenApi();
  const created = createLarkClient({ LARK_APP_ID: api.appId, LARK_APP_SECRET: api.appSecret, LARK_DOMAIN: api.baseUrl }, { log: () => undefined });
  if (!created) throw new Error('expected a Lark client');
  client = created;
});
afterAll(async () => {
  await api?.close();
});

const markdownsOf = (built: Card): string[] => {
  const found: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record.tag === 'markdown' && typeof record.content === 'string') found.push(record.content);
    walk(record.elements);
    walk(record.columns);
  };
  walk((built.body as Record<string, unknown>).elements);
  return found;
};

describe('every card the service can build', () => {
  it('passes the local Open API’s validation in both languages with the longest texts, and user text never becomes markup', async () => {
    const cards = everyCard();
    const refused: string[] = [];
    for (const [name, build] of cards) {
      let built: Card;
      try {
        built = build();
      } catch (error) {
        refused.push(`${name}: could not be built: ${(error as Error).message}`);
        continue;
      }
      for (const content of markdownsOf(built)) {
        for (const markup of ['<at', '<font', '](https://evil', '*磨损*', '~~x~~', '`c`']) {
          if (content.includes(markup)) refused.push(`${name}: user text became markup (${markup})`);
        }
      }
      await sendCard(client, { receiveId: RECEIVER, card: built, uuid: messageUuid(`every-card:${name}`) }).catch((error: unknown) =>
        refused.push(`${name}: ${(error as Error).message}`),
      );
    }
    expect(refused).toEqual([]);
    expect(cards.length).toBeGreaterThan(150);
    expect(api.deliveredTo(RECEIVER)).toHaveLength(cards.length);
  }, 120_000);

  it('keeps a card that would outgrow 30 KB under it by shortening its longest markdown', () => {
    const built = statusCard(statusAt(), userOf('coordinator', null, 'zh'));
    expect(Buffer.byteLength(JSON.stringify(built))).toBeLessThanOrEqual(CARD_BODY_MAX_BYTES);
    expect(cardText(built)).toContain('…');
    expect(validateCard(built)).toBeNull();
  });
});

describe('the docking list', () => {
  it('shows its largest page whole, within Lark’s limits: every pair with its texts as far as the card shows them, and its button', () => {
    const view = largestDockingPage();
    for (const language of LANGUAGES) {
      const built = dockingsCard(view, language);
      expect(validateCard(built)).toBeNull();
      expect(Buffer.byteLength(JSON.stringify(built))).toBeLessThanOrEqual(CARD_BODY_MAX_BYTES);
      // Nothing was shortened to fit: each pair's title, ids and first reasons are there as the builder clipped them.
      const text = decodeEntities(markdownsOf(built).join('\n'));
      for (const row of view.page.rows) {
        for (const shown of [
          clip(row.demandTitle, DOCKING_SHOWN.title),
          clip(row.achievementTitle, DOCKING_SHOWN.title),
          clip(row.demandNumber, DOCKING_SHOWN.id),
          clip(row.achievementNumber, DOCKING_SHOWN.id),
          ...row.reasons.slice(0, DOCKING_SHOWN.reasons).map((reason) => clip(reason, DOCKING_SHOWN.reason)),
        ])
          expect(text).toContain(shown);
      }
      const pairButtons = buttonsOf(built).filter((b) => b.value.demand !== undefined);
      expect(pairButtons).toHaveLength(DOCKINGS_PAGE_SIZE);
    }
  });
});

describe('text longer than one input', () => {
  it('becomes inputs of at most 1000 characters that come back joined, in order', () => {
    const scope = formScope(REFERENCE, 'terms');
    const terms = typed(MAX.long, 'joined');
    const built = card('t', 'blue', [
      form(scope, [
        input(scope, 'terms', '条款', { multiline: true, maxLength: MAX.long, initial: terms, required: true }),
        submitButton(scope, 'terms', '提交', { v: 1, d: 'terms', ref: REFERENCE }),
      ]),
    ]);
    expect(validateCard(built)).toBeNull();
    const [submit] = buttonsOf(built);
    const sent = formValueOf(submit!.form!);
    const inputs = Object.keys(sent);
    expect(inputs).toHaveLength(5);
    expect(Object.values(sent).every((value) => typeof value === 'string' && value.length <= INPUT_MAX_LENGTH)).toBe(true);
    expect(fieldsOf(sent).terms).toBe(terms);
    const typedAgain = formValueOf(submit!.form!, { terms: `${terms.slice(0, 1500)}` });
    expect(fieldsOf(typedAgain).terms).toBe(terms.slice(0, 1500));
  });

  it('keeps multi-line inputs to Lark’s 1000 by default and placeholders to 100', () => {
    const scope = formScope(REFERENCE, 'contract');
    const field = input(scope, 'milestones', '节点', { multiline: true, placeholder: 'p'.repeat(118) });
    expect(field.max_length).toBe(INPUT_MAX_LENGTH);
    expect((field.placeholder as { content: string }).content.length).toBeLessThanOrEqual(PLACEHOLDER_MAX_LENGTH);
  });
});

describe('user text in markdown', () => {
  it('is escaped in one place: it shows as typed and cannot alter the card’s markup', () => {
    const title = '**粗体** [链接](https://evil.example) <at id=all></at> <font color=red>红</font>\n# 标题\n- 项\n1. 一';
    const escaped = escapeMarkdown(title);
    expect(escaped.replace(/&#\d+;/g, '')).not.toMatch(/[*[\]<>#]/);
    expect(escaped.split('\n').every((line) => !/^\s*([-+=]|\d+\.)/.test(line))).toBe(true);
    const built = card('t', 'blue', [markdown(`**${escapeMarkdown('标题')}**：${escaped}`)]);
    expect(cardText(built)).toContain(title);
  });

  it('in a notification (titles, terms and reasons) is escaped too', () => {
    const item = {
      template: 'negotiation_failed',
      payload: { ...base(), title: '<at id=all></at>*急*', reason: '<font color=red>[x](https://evil.example)</font>', next: 'close' },
    } as OutgoingItem;
    const built = notificationCard(renderMessageContent([item], 'zh'), { items: [item], language: 'zh' });
    const contents = markdownsOf(built).join('\n');
    expect(contents).not.toContain('<at');
    expect(contents).not.toContain('<font');
    expect(contents).not.toContain('*急*');
    expect(cardText(built)).toContain('<font color=red>[x](https://evil.example)</font>');
  });
});

describe('names and submit buttons', () => {
  it('carries a submit button’s action in its name, stamped with the card’s drawing, without behaviors', () => {
    const status = statusAt();
    const built = statusCard(status, userOf('coordinator', null, 'zh'));
    const submits: Record<string, unknown>[] = [];
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (typeof node !== 'object' || node === null) return;
      const record = node as Record<string, unknown>;
      if (record.tag === 'button' && record.form_action_type === 'submit') submits.push(record);
      walk(record.elements);
      walk(record.columns);
    };
    walk((built.body as Record<string, unknown>).elements);
    expect(submits.length).toBeGreaterThan(3);
    for (const submit of submits) {
      expect(submit.behaviors).toBeUndefined();
      expect(actionOfName(submit.name as string)).toMatchObject({ v: 1, ref: REFERENCE, seq: status.history.at(-1)!.seq });
    }
  });

  it('keeps names unique when a card holds two sections about the same partnership', () => {
    const items = ['terms_proposed', 'negotiation_reminder', 'review_reminder', 'review_reminder'].map(
      (template) => ({ template, payload: PAYLOADS[template]! }) as OutgoingItem,
    );
    const built = notificationCard(renderMessageContent(items, 'en'), { items, language: 'en' });
    expect(validateCard(built)).toBeNull();
    const forms = buttonsOf(built)
      .filter((b) => b.form)
      .map((b) => b.form!.name);
    expect(new Set(forms).size).toBeGreaterThan(1);
    expect(buttonsOf(built).filter((b) => b.value.d === 'review')).toHaveLength(3);
  });

  it('fails loudly when an action cannot fit a name', () => {
    const scope = formScope(REFERENCE, 'respond');
    expect(() => submitButton(scope, 'decline', 'x', { v: 1, d: 'respond', ref: REFERENCE, candidateId: '候'.repeat(100), decision: 'decline' })).toThrow(
      /does not fit a component name/,
    );
  });
});

describe('the local Open API refuses what Lark refuses', () => {
  const shell = (elements: unknown[], config: Record<string, unknown> = { update_multi: true }): Card => ({
    schema: '2.0',
    config,
    header: { title: { tag: 'plain_text', content: 't' }, template: 'blue' },
    body: { elements },
  });
  const submit = { tag: 'button', text: { tag: 'plain_text', content: '提交' }, name: 'go', form_action_type: 'submit' };
  const inForm = (...elements: unknown[]) => ({ tag: 'form', name: 'f', elements: [...elements, submit] });
  const refusal = async (built: Card): Promise<string> => {
    const error = await sendCard(client, { receiveId: RECEIVER, card: built, uuid: messageUuid(`bad:${Math.random()}`) }).then(
      () => null,
      (thrown: unknown) => thrown as Error,
    );
    expect(error).not.toBeNull();
    return error!.message;
  };

  it.each([
    ['an input longer than 1000', inForm({ tag: 'input', name: 'a', max_length: 2000 }), '11310', 'max_length'],
    ['a placeholder over 100', inForm({ tag: 'input', name: 'a', placeholder: { tag: 'plain_text', content: 'x'.repeat(118) } }), '11310', 'placeholder'],
    ['a name twice', inForm({ tag: 'input', name: 'a' }, { tag: 'input', name: 'a' }), '11310', 'not unique'],
    ['a form without a submit button', { tag: 'form', name: 'f', elements: [{ tag: 'input', name: 'a' }] }, '11310', 'submit'],
    ['a form inside a column', { tag: 'column_set', columns: [{ tag: 'column', elements: [inForm()] }] }, '11310', 'root'],
    ['a chart inside a form', inForm({ tag: 'chart', chart_spec: { type: 'bar' } }), '11310', 'chart'],
    ['a form button with behaviors', { tag: 'form', name: 'f', elements: [{ ...submit, behaviors: [{ type: 'callback', value: {} }] }] }, '11310', 'behaviors'],
    [
      'a button outside a form with a name',
      { tag: 'button', name: 'b', text: { tag: 'plain_text', content: 'x' }, behaviors: [{ type: 'callback', value: {} }] },
      '11310',
      'no name',
    ],
    [
      'five tables in one markdown',
      { tag: 'markdown', content: Array.from({ length: 5 }, () => '|a|b|\n|---|---|\n|1|2|').join('\n\n') },
      '11310',
      'table number over limit',
    ],
    ['a JSON 1.0 action module', { tag: 'action', actions: [] }, '200861', 'no longer support'],
  ])('refuses %s with 230099', async (_, element, code, words) => {
    const message = await refusal(shell([element]));
    expect(message).toContain('230099');
    expect(message).toContain(`ErrCode: ${code}`);
    expect(message).toContain(words);
  });

  it('refuses six charts, a header colour Lark lacks and a card over 30 KB', async () => {
    const chart = { tag: 'chart', chart_spec: { type: 'bar' } };
    expect(await refusal(shell(Array.from({ length: 6 }, () => chart)))).toContain('chart number over limit');
    expect(await refusal({ ...shell([]), header: { title: { tag: 'plain_text', content: 't' }, template: 'pink' } })).toContain('template');
    expect(await refusal(shell([{ tag: 'markdown', content: '字'.repeat(11_000) }]))).toContain('230025');
  });

  it('refuses to patch a card that does not declare update_multi', async () => {
    const id = await sendCard(client, { receiveId: RECEIVER, card: shell([{ tag: 'markdown', content: 'a' }], {}), uuid: messageUuid('patch:unshared') });
    const error = await patchCard(client, id, shell([{ tag: 'markdown', content: 'b' }])).then(
      () => null,
      (thrown: unknown) => thrown as Error,
    );
    expect(error?.message).toContain('230099');
    expect(error?.message).toContain('update_multi');
  });
});
