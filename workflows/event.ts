import {
  ActivityFailure,
  allHandlersFinished,
  ApplicationFailure,
  condition,
  continueAsNew,
  proxyActivities,
  setCurrentDetails,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Actor } from '../domain/actor.ts';
import {
  EditDockingsSpec,
  EVENT_REQUEST_REFUSED,
  EventActorSpec,
  EventInputSpec,
  LaunchRequestSpec,
  NO_FIGURES,
  SignRequestSpec,
  type EventFigures,
  type EventInput,
} from '../domain/event.ts';
import { INVALID_INPUT } from '../domain/failures.ts';
import { checkSpec, type Spec, type ValueOf } from '../domain/payload-spec.ts';
import { resolvePolicy } from '../domain/policy.ts';
import { refusal, refuse } from '../domain/refusals.ts';
import { isCoordinator } from '../domain/rules.ts';
import type { Activities } from './activities.ts';
import {
  buildDockingListUpdate,
  editDockingsUpdate,
  eventReportUpdate,
  eventStatusQuery,
  launchDockingsUpdate,
  registerSigningUpdate,
} from './event-messages.ts';
import type { EventState, EventStatus, EventStepType } from './event-state.ts';
import { HEARTBEAT_TIMEOUT } from '../domain/liveness.ts';

const { buildDockingList, editDockings, launchDockingBatch, registerSigning, composeEventReport } = proxyActivities<Activities>({
  // The engine over a national pool (thousands of releases) and a batch of launches take a minute or two, not more.
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: HEARTBEAT_TIMEOUT,
  // Outages retry until they pass; a request the event's data refuses never will.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: [EVENT_REQUEST_REFUSED] },
});

/** Demands launched per activity: 800 dockings are eight activities in the event's history, not 800. */
export const LAUNCH_BATCH = 100;
const STEPS_KEPT = 50;

/**
 * A docking event (对接会): its docking list built by the engine over the whole pool and edited
 * by coordinators, its dockings launched as partnerships in batches, its signings on site and its
 * report. Each step is an update that runs its activity, so the history shows who asked what and
 * what came of it; steps run one at a time, and the figures after each are what the status query shows.
 */
export async function dockingEvent(rawInput: EventInput, carried?: EventState): Promise<void> {
  const checked = checkSpec(EventInputSpec, rawInput);
  if (!checked.ok)
    throw ApplicationFailure.nonRetryable(`invalid event input: ${checked.problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ')}`, INVALID_INPUT);
  const event = checked.value;
  const policy = resolvePolicy(rawInput.policy);
  const state: EventState = carried ?? { seq: 0, figures: NO_FIGURES, figuresAt: null, steps: [], runs: 1 };

  const record = (type: EventStepType, actor: Actor | null, note: string, figures?: EventFigures): void => {
    state.seq += 1;
    const at = Date.now();
    state.steps = [...state.steps, { seq: state.seq, at, type, by: actor?.name ?? null, note }].slice(-STEPS_KEPT);
    if (figures) {
      state.figures = figures;
      state.figuresAt = at;
    }
    publishDetails(event.name, event.id, state);
  };

  setHandler(eventStatusQuery, (): EventStatus => statusOf(event, state));

  let queue: Promise<unknown> = Promise.resolve();
  /** One step at a time, in the order they arrived, so a launch never races a rebuild of the list it reads. */
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run.catch((error: unknown) => {
      throw asRefusal(error);
    });
  };
  const coordinatorOnly = <S extends Spec>(spec: S, name: string) => ({
    validator: (payload: unknown): void => void accepted(spec, name, payload),
  });

  setHandler(
    buildDockingListUpdate,
    (payload) =>
      exclusive(async () => {
        const { actor } = accepted(EventActorSpec, 'build', payload);
        const built = await buildDockingList({ eventId: event.id });
        record(
          'list_built',
          actor,
          `docking list: ${built.pairs} pairs for ${built.demands} demands over a pool of ${built.pool.achievements} achievements and ${built.pool.demands} demands${built.removed ? `; ${built.removed} pairs no longer proposed removed` : ''}`,
          built.figures,
        );
        return statusOf(event, state);
      }),
    coordinatorOnly(EventActorSpec, 'build'),
  );

  setHandler(
    editDockingsUpdate,
    (payload) =>
      exclusive(async () => {
        const { actor, edits } = accepted(EditDockingsSpec, 'edit', payload);
        const edited = await editDockings({ eventId: event.id, actor, edits });
        record(
          'dockings_edited',
          actor,
          `${edited.struck} struck, ${edited.restored} restored, ${edited.added} added, ${edited.unchanged} unchanged`,
          edited.figures,
        );
        return statusOf(event, state);
      }),
    coordinatorOnly(EditDockingsSpec, 'edit'),
  );

  setHandler(
    launchDockingsUpdate,
    (payload) =>
      exclusive(async () => {
        const { actor, limit } = accepted(LaunchRequestSpec, 'launch', payload);
        let partnerships = 0;
        let created = 0;
        let dockings = 0;
        for (;;) {
          const size = Math.min(LAUNCH_BATCH, limit === undefined ? LAUNCH_BATCH : limit - partnerships);
          if (size <= 0) break;
          const batch = await launchDockingBatch({ eventId: event.id, actor, policy: rawInput.policy, size });
          partnerships += batch.partnerships;
          created += batch.created;
          dockings += batch.dockings;
          state.figures = batch.figures;
          if (batch.remaining === 0 || batch.partnerships === 0) break;
        }
        record('dockings_launched', actor, `${dockings} dockings launched as ${partnerships} partnerships (${created} new)`, state.figures);
        return statusOf(event, state);
      }),
    coordinatorOnly(LaunchRequestSpec, 'launch'),
  );

  setHandler(
    registerSigningUpdate,
    (payload) =>
      exclusive(async () => {
        const request = accepted(SignRequestSpec, 'sign', payload);
        const signed = await registerSigning({ eventId: event.id, request, policy: rawInput.policy });
        record(
          'signing_registered',
          request.actor,
          `signed on site: ${signed.reference}, ${request.type}, ¥${request.amountCny.toLocaleString('en-US')} (${request.subject.kind} ${request.subject.id})`,
          signed.figures,
        );
        return { reference: signed.reference, status: statusOf(event, state) };
      }),
    coordinatorOnly(SignRequestSpec, 'sign'),
  );

  setHandler(
    eventReportUpdate,
    (payload) =>
      exclusive(async () => {
        const { actor } = accepted(EventActorSpec, 'report', payload);
        const { report, figures } = await composeEventReport({ eventId: event.id });
        record(
          'report',
          actor,
          `report: ${report.agreed} projects agreed, ${report.signedOnSite} signed on site, ¥${report.amountCny.toLocaleString('en-US')}`,
          figures,
        );
        return report;
      }),
    coordinatorOnly(EventActorSpec, 'report'),
  );

  if (!carried) record('created', event.createdBy, `created by ${event.createdBy.name}: ${event.startsOn}–${event.endsOn}, ${event.place}`);
  else publishDetails(event.name, event.id, state);

  await condition(() => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength >= policy.historyLimit);
  await condition(allHandlersFinished);
  return continueAsNew<typeof dockingEvent>(rawInput, { ...state, runs: state.runs + 1 });
}

/** The request checked and its maker a coordinator; otherwise the update is refused and nothing is recorded. */
const accepted = <S extends Spec>(spec: S, name: string, payload: unknown): ValueOf<S> & { actor: Actor } => {
  const checked = checkSpec(spec, payload);
  if (!checked.ok) return refuse(refusal('invalid', { problems: checked.problems }));
  const value = checked.value as ValueOf<S> & { actor: Actor };
  if (!isCoordinator(value.actor)) return refuse(refusal('coordinators_only', { decision: name, name: value.actor.name, role: value.actor.role }));
  return value;
};

/** A step its activity refused fails the update with the activity's reason, not the workflow task. */
const asRefusal = (error: unknown): unknown =>
  error instanceof ActivityFailure && error.cause instanceof ApplicationFailure
    ? ApplicationFailure.create({ type: error.cause.type ?? EVENT_REQUEST_REFUSED, message: error.cause.message, nonRetryable: true })
    : error;

const iso = (ms: number): string => new Date(ms).toISOString();

const statusOf = (event: ValueOf<typeof EventInputSpec>, state: EventState): EventStatus => ({
  id: event.id,
  name: event.name,
  startsOn: event.startsOn,
  endsOn: event.endsOn,
  place: event.place,
  hostKind: event.hostKind,
  host: event.host,
  programme: event.programme,
  coordinatorIds: event.coordinatorIds,
  figures: state.figures,
  figuresAt: state.figuresAt === null ? null : iso(state.figuresAt),
  steps: state.steps.map(({ at, ...step }) => ({ ...step, at: iso(at) })),
  runs: state.runs,
});

/** What the Temporal UI shows for the event: its figures after the last step, and that step. */
const publishDetails = (name: string, id: string, state: EventState): void => {
  const { figures } = state;
  const last = state.steps.at(-1);
  setCurrentDetails(
    [
      `**${id}** ${name}`,
      `Releases: ${figures.releases.achievements} achievements, ${figures.releases.demands} demands`,
      `Docking list: ${figures.dockings.listed} listed, ${figures.dockings.added} added, ${figures.dockings.struck} struck, ${figures.dockings.launched} launched`,
      `Partnerships: ${figures.partnerships} · signed on site: ${figures.signings}, ¥${figures.amountCny.toLocaleString('en-US')}`,
      last ? `Last step: ${last.note}${last.by ? ` (${last.by})` : ''}` : '',
    ]
      .filter(Boolean)
      .join('\n\n'),
  );
};
