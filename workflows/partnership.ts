import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { SearchAttributeUpdatePair } from '@temporalio/common';
import type { Activities } from './activities.ts';
import { createDeliveries, type Deliveries } from './deliveries.ts';
import type { Stage } from '../domain/vocabulary.ts';
import { isEnding } from '../domain/vocabulary.ts';
import { parsePartnershipInput, type ParsedPartnershipInput, type PartnershipInput } from '../domain/partnership-input.ts';
import { DECISIONS } from './decisions/index.ts';
import { applyAttributed, attribute, isRefusal, type Attributed } from './decisions/on-behalf.ts';
import { sign } from './decisions/sign.ts';
import { parsePayload, stageRefusal, type Decision } from './decisions/decision.ts';
import { createLifecycle, type Lifecycle } from './lifecycle.ts';
import { statusQuery } from './messages.ts';
import { refuse } from '../domain/refusals.ts';
import { INVALID_EVENT, INVALID_INPUT } from '../domain/failures.ts';
import { fireTimer } from './fired-timers.ts';
import { holdUnreached, rechecksDue, resumeReachable } from './held-proposals.ts';
import { EnterpriseAttribute, EnterpriseCategoryAttribute, StageAttribute, UniversityAttribute } from './search-attributes.ts';
import { contractAttributes } from './contract-attributes.ts';
import { initialState, type PartnershipState, type PartnershipStatus } from './state.ts';
import { statusOf } from './status.ts';
import { nextTimerAt, takeDue } from './timers.ts';
import { beginAtEvent, beginIntake, offerCandidates } from './transitions.ts';
import { HEARTBEAT_TIMEOUT } from '../domain/liveness.ts';

const { recordEvent, findCandidates, reachableOrganisations } = proxyActivities<Activities>({
  // Database work on a healthy server takes milliseconds; 30 s leaves room for a busy one.
  startToCloseTimeout: '30 seconds',
  heartbeatTimeout: HEARTBEAT_TIMEOUT,
  // Transport and database outages retry until they pass; our own refusals never will.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: [INVALID_EVENT] },
});

export interface PartnershipOutcome {
  readonly reference: string;
  readonly stage: Stage;
  readonly reason: string;
}

/**
 * One university–enterprise partnership, from intake to its ending. Decisions arrive as updates
 * (validated: a refused decision changes nothing), timers drive reminders and escalations, and
 * every step is recorded in the database and the notification outbox, in order, exactly once.
 */
export async function partnership(rawInput: PartnershipInput, carried?: PartnershipState): Promise<PartnershipOutcome> {
  let input: ParsedPartnershipInput;
  try {
    input = parsePartnershipInput(rawInput);
  } catch (error) {
    throw ApplicationFailure.nonRetryable(`invalid partnership input: ${(error as Error).message}`, INVALID_INPUT);
  }
  const life = createLifecycle(input, carried ?? initialState(input), () => Date.now());
  const { state } = life;
  const deliveries = createDeliveries();
  let changes = 0;

  setHandler(statusQuery, () => statusOf(life));
  /** An update per decision: the validator refuses (and records nothing) unless payload, stage and person are right. */
  const register = (decision: Decision): void => {
    /** The payload checked, who decides, the stage, and (unless the candidates are still being found) the decision's own check. */
    const accepted = (payload: unknown, whileMatching = false): Attributed => {
      const parsed = parsePayload(decision, payload);
      if (!parsed.ok) return refuse(parsed.refusal);
      const attributed = attribute(parsed.value as Parameters<typeof attribute>[0]);
      if (isRefusal(attributed)) return refuse(attributed);
      const refusal = stageRefusal(life, decision) ?? (whileMatching ? null : decision.check(life, attributed.payload));
      return refusal ? refuse(refusal) : attributed;
    };
    const decide = (payload: unknown): PartnershipStatus => {
      applyAttributed(life, decision, accepted(payload));
      changes += 1;
      return statusOf(life);
    };
    const waitsNow = (): boolean => decision.waitsForMatching === true && state.needsMatching;
    setHandler(
      decision.update,
      (payload) => {
        // Histories from before it waited never took this branch: their validator refused instead.
        if (waitsNow() && patched('decisions-wait-for-matching')) return condition(() => !state.needsMatching).then(() => decide(payload));
        return decide(payload);
      },
      { validator: (payload) => void accepted(payload, waitsNow()) },
    );
  };
  for (const decision of [...DECISIONS, sign]) register(decision);

  if (!carried) {
    if (input.start) beginAtEvent(life, input.start);
    else beginIntake(life);
  }
  // Nothing published yet in this run: the first pass publishes the filters and the UI details.
  const published: Published = { stage: null, university: undefined, enterprise: undefined };

  for (;;) {
    await recordPending(life, deliveries);
    publishAttributes(life, published);
    if (isEnding(state.stage)) break;

    if (state.needsMatching) {
      const excluded = state.excluded;
      offerCandidates(
        life,
        await findCandidates({
          partnershipId: input.partnershipId,
          kind: input.kind,
          subjectId: input.subjectId,
          excluded,
          limit: input.policy.candidatesShown,
        }),
      );
      continue;
    }

    const rechecked = rechecksDue(life);
    if (rechecked.length > 0) {
      resumeReachable(life, rechecked, await reachableOrganisations({ organisationIds: rechecked.map((p) => p.counterpart.id) }));
      continue;
    }

    const info = workflowInfo();
    if (info.continueAsNewSuggested || info.historyLength >= input.policy.historyLimit) {
      await condition(allHandlersFinished);
      await deliveries.settled();
      if (life.pending.length === 0) {
        return continueAsNew<typeof partnership>(rawInput, { ...state, runs: state.runs + 1 });
      }
      continue;
    }

    const seen = changes;
    const wakeAt = nextTimerAt(state);
    const woken = () => changes !== seen || life.pending.length > 0;
    if (wakeAt === null) await condition(woken);
    else await condition(woken, Math.max(wakeAt - Date.now(), 1));
    for (const timer of takeDue(state, Date.now())) fireTimer(life, timer);
  }

  await condition(allHandlersFinished);
  await recordPending(life, deliveries);
  await deliveries.settled();
  return { reference: input.reference, stage: state.stage, reason: state.outcome?.reason ?? '' };
}

/** Records queued events one at a time, in order, including any queued while recording, and sends their messages. */
const recordPending = async (life: Lifecycle, deliveries: Deliveries): Promise<void> => {
  while (life.pending.length > 0) {
    const event = life.pending[0]!;
    const recorded = await recordEvent({ partnershipId: life.input.partnershipId, reference: life.input.reference, title: life.state.title, event });
    // Histories recorded before messages were sent carry no deliveries, and replay the same.
    deliveries.start(recorded.deliveries);
    life.pending.shift();
    if (recorded.unreached) holdUnreached(life, recorded.unreached);
    // An achievement's enterprise is known only once matched or signed; earlier histories never carry it.
    if (recorded.enterpriseCategory !== undefined && patched('enterprise-category-when-matched')) {
      upsertSearchAttributes([{ key: EnterpriseCategoryAttribute, value: recorded.enterpriseCategory }]);
    }
  }
};

type Published = {
  stage: string | null;
  university: string | null | undefined;
  enterprise: string | null | undefined;
  contract?: string | undefined;
  overdue?: boolean | undefined;
};

/** Keeps the Temporal UI's filters and summary in step with the partnership. */
const publishAttributes = (life: Lifecycle, published: Published): void => {
  const { state } = life;
  const updates: SearchAttributeUpdatePair[] = [];
  if (published.stage !== state.stage) {
    updates.push({ key: StageAttribute, value: state.stage });
    published.stage = state.stage;
  }
  const university = state.university?.name ?? null;
  if (published.university !== university) {
    updates.push({ key: UniversityAttribute, value: university });
    published.university = university;
  }
  const enterprise = state.enterprise?.name ?? null;
  if (published.enterprise !== enterprise) {
    updates.push({ key: EnterpriseAttribute, value: enterprise });
    published.enterprise = enterprise;
  }
  // Histories from before the contract filters existed replay without them.
  if (patched('contract-search-attributes')) updates.push(...contractAttributes(state, published, Date.now()));
  if (updates.length === 0) return;
  upsertSearchAttributes(updates);
  setCurrentDetails(
    [
      `**${life.input.reference}** ${state.title}`,
      `Stage: ${state.stage}`,
      `University: ${university ?? '—'} · Enterprise: ${enterprise ?? '—'}`,
      state.outcome ? `Outcome: ${state.outcome.reason}` : '',
    ]
      .filter(Boolean)
      .join('\n\n'),
  );
};
