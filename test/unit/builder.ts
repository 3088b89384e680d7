/**
 * A partnership's pure core with an injected, hand-driven clock: no Temporal server, no database.
 * The clock starts on Monday 2026-12-07 09:00 in Shanghai (01:00 UTC) unless told otherwise.
 */
import type { Actor, Party } from '../../domain/actor.ts';
import type { PartnershipInput } from '../../domain/partnership-input.ts';
import { parsePartnershipInput } from '../../domain/partnership-input.ts';
import type { Audience, Candidate, EventType, PartnershipEvent, Template } from '../../workflows/events.ts';
import { fireTimer } from '../../workflows/fired-timers.ts';
import { createLifecycle, type Lifecycle } from '../../workflows/lifecycle.ts';
import type { ProgrammePolicyInput } from '../../domain/policy.ts';
import { initialState } from '../../workflows/state.ts';
import { nextTimerAt, takeDue } from '../../workflows/timers.ts';
import * as t from '../../workflows/transitions.ts';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A Shanghai wall-clock time ("2026-12-07T09:00") as an instant. */
export const shanghai = (local: string): number => Date.parse(`${local}+08:00`);
/** An instant as Shanghai wall-clock time, "2026-12-07 09:00": what a person sees. */
export const local = (ms: number): string => new Date(ms + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ');
/** The ISO weekday (1 = Monday) of an instant in Shanghai. */
export const weekdayOf = (ms: number): number => ((new Date(ms + 8 * HOUR).getUTCDay() + 6) % 7) + 1;
export const iso = (ms: number): string => new Date(ms).toISOString();

export const MONDAY_0900 = shanghai('2026-12-07T09:00');

// The fixture directory's organisations and people.
export const STEEL: Party = { id: 'e-steel', name: '鞍山华冶板材有限公司' };
export const NEU: Party = { id: 'u-neu', name: '东北大学' };
export const DUT: Party = { id: 'u-dut', name: '大连理工大学' };
export const JIANGNAN: Party = { id: 'u-jiangnan', name: '江南大学' };

export const coord: Actor = { personId: 'coord', name: '李敏', role: 'coordinator', organisationId: null };
export const contactSteel: Actor = { personId: 'contact-steel', name: '刘洋', role: 'enterprise_contact', organisationId: STEEL.id };
export const ttoNeu: Actor = { personId: 'tto-neu', name: '赵磊', role: 'tto_officer', organisationId: NEU.id };
export const ttoDut: Actor = { personId: 'tto-dut', name: '孙婷', role: 'tto_officer', organisationId: DUT.id };
export const ttoJiangnan: Actor = { personId: 'tto-jiangnan', name: 'Emily Chen', role: 'tto_officer', organisationId: JIANGNAN.id };

export const candidate = (id: string, counterpart: Party, title = `成果 ${id}`): Candidate => ({
  id,
  title,
  counterpart,
  score: 0.8,
  reasons: [`${counterpart.name}: 耐磨堆焊`],
  flags: [],
});
export const A012 = candidate('A012', NEU, '高耐磨轧辊激光熔覆修复技术');
export const A013 = candidate('A013', DUT, '轧辊表面强化处理');
export const A014 = candidate('A014', JIANGNAN, '复合材料轧辊');

/** A demand by 鞍山华冶 (enterprise) looking for a university; or an achievement by 东北大学 looking for an enterprise. */
export const inputFor = (options: { kind?: 'demand' | 'achievement'; policy?: ProgrammePolicyInput } = {}) => {
  const kind = options.kind ?? 'demand';
  const raw: PartnershipInput = {
    partnershipId: 'pt-1',
    reference: 'P-2026-000123',
    kind,
    subjectId: kind === 'demand' ? 'D001' : 'A012',
    title: '精轧机工作辊磨损快、换辊频繁',
    summary: '工作辊表面磨损快，每班换辊两次以上。',
    enterprise: kind === 'demand' ? STEEL : null,
    university: kind === 'demand' ? null : NEU,
    region: '辽宁省',
    industry: '冶金',
    submittedBy: kind === 'demand' ? contactSteel : ttoNeu,
    policy: options.policy ?? {},
  };
  return parsePartnershipInput(raw);
};

export interface World {
  readonly life: Lifecycle;
  /** The fake clock; tests move it. */
  now: number;
  /** Moves the clock to `at`, firing each timer due on the way at its own time, as the workflow does. Returns what fired. */
  runUntil(at: number): { key: string; at: number }[];
  /** Takes the events produced so far (as the workflow records them), leaving `pending` empty. */
  drain(): PartnershipEvent[];
  /** The timers as Shanghai wall-clock times, by key. */
  timers(): Record<string, string>;
}

export const world = (options: { kind?: 'demand' | 'achievement'; policy?: ProgrammePolicyInput; at?: number } = {}): World => {
  const input = inputFor(options);
  const w: World = {
    now: options.at ?? MONDAY_0900,
    life: undefined as unknown as Lifecycle,
    runUntil(at) {
      const fired: { key: string; at: number }[] = [];
      for (let next = nextTimerAt(w.life.state); next !== null && next <= at; next = nextTimerAt(w.life.state)) {
        w.now = Math.max(w.now, next);
        for (const timer of takeDue(w.life.state, w.now)) {
          fired.push(timer);
          fireTimer(w.life, timer);
        }
      }
      w.now = Math.max(w.now, at);
      return fired;
    },
    drain() {
      return w.life.pending.splice(0);
    },
    timers() {
      return Object.fromEntries(
        [...w.life.state.timers].sort((a, b) => a.at - b.at || a.key.localeCompare(b.key)).map((timer) => [timer.key, local(timer.at)]),
      );
    },
  };
  (w as { life: Lifecycle }).life = createLifecycle(input, initialState(input), () => w.now);
  return w;
};

/** What a person would notice of an event: its type, stage after it, and each message with its audience. */
export const told = (event: PartnershipEvent | undefined): { type: EventType; stage: string; notify: { template: Template; to: readonly Audience[] }[] } => {
  if (!event) throw new Error('no such event');
  return { type: event.type, stage: event.stage, notify: event.notify.map(({ template, to }) => ({ template, to })) };
};

export const byType = <T extends EventType>(events: readonly PartnershipEvent[], type: T): Extract<PartnershipEvent, { type: T }>[] =>
  events.filter((e): e is Extract<PartnershipEvent, { type: T }> => e.type === type);

// Stage builders: each starts a world and drives it through the ordinary transitions.

/** Submitted: in review. */
export const submitted = (options: Parameters<typeof world>[0] = {}): World => {
  const w = world(options);
  t.beginIntake(w.life);
  return w;
};

/** Approved and offered these candidates: awaiting a coordinator's selection. */
export const offered = (candidates: readonly Candidate[] = [A012, A013, A014], options: Parameters<typeof world>[0] = {}): World => {
  const w = submitted(options);
  t.approve(w.life, coord);
  t.offerCandidates(w.life, candidates);
  return w;
};

/** Candidates proposed to their counterparts. */
export const proposed = (
  ids: readonly string[] = ['A012', 'A013', 'A014'],
  candidates?: readonly Candidate[],
  options: Parameters<typeof world>[0] = {},
): World => {
  const w = offered(candidates, options);
  t.proposeCandidates(w.life, coord, ids);
  return w;
};

/** 东北大学 accepted A012: negotiating. */
export const negotiating = (ids: readonly string[] = ['A012', 'A013', 'A014'], options: Parameters<typeof world>[0] = {}): World => {
  const w = proposed(ids, undefined, options);
  t.acceptProposal(w.life, ttoNeu, 'A012');
  return w;
};

/** Terms proposed by the enterprise and agreed by the university. */
export const contracting = (options: Parameters<typeof world>[0] = {}): World => {
  const w = negotiating(['A012'], options);
  t.proposeTerms(w.life, contactSteel, 'enterprise', '许可使用三年', 1_200_000);
  t.agreeTerms(w.life, ttoNeu);
  return w;
};
