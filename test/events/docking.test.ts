import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runEventStep } from '../../app/events/handle.ts';
import { composeEventReport } from '../../app/events/report.ts';
import { eventOverview } from '../../app/events/overview.ts';
import { parseCommand } from '../../bots/commands.ts';
import { eventCard } from '../../lark/cards/event-report.ts';
import { CARD_BODY_MAX_BYTES } from '../../lark/limits.ts';
import {
  buildDockingListUpdate,
  editDockingsUpdate,
  eventReportUpdate,
  eventStatusQuery,
  launchDockingsUpdate,
  registerSigningUpdate,
} from '../../workflows/event-messages.ts';
import { statusQuery } from '../../workflows/messages.ts';
import { loadHistory, showHistory } from '../support/histories.ts';
import { createHarness, refused, type Harness } from '../support/harness.ts';
import { createTestEvent, releaseDemands } from './support.ts';

const EVENT = 'LN-TEST-01';
let h: Harness;
let demands: Awaited<ReturnType<typeof releaseDemands>>;
beforeAll(async () => {
  h = await createHarness(import.meta.url);
  await h.startWorker();
});
afterAll(async () => {
  await h?.close();
});

/**
 * The committed history of a partnership launched at an event and then signed on site. Recorded with
 * `RECORD_HISTORY_FIXTURE=1 npx vitest run test/events`, like test/replay.test.ts's.
 */
const FIXTURE = new URL('./histories/partnership-docked-signed.json', import.meta.url);

const replay = (history: unknown, workflowId: string): Promise<void> =>
  Worker.runReplayHistory({ workflowBundle: { codePath: inject('workflowBundlePath') } }, history, workflowId);

describe('a docking event', () => {
  it('builds the docking list over the whole pool, keeps choices on rebuild, launches once, registers signings and reports them', async () => {
    const coord = await h.actor('coord');
    const event = await createTestEvent(h, EVENT);
    demands = await releaseDemands(h.prisma, EVENT, 'EV');
    // Creating it again finds the same event and workflow.
    await createTestEvent(h, EVENT);
    expect((await event.query(eventStatusQuery)).steps.map((s) => s.type)).toEqual(['created']);

    // Only a coordinator may ask the event for anything; nothing is recorded.
    expect((await refused(event.executeUpdate(buildDockingListUpdate, { args: [{ actor: await h.actor('tto-neu') }] }))).type).toBe('NotAuthorised');

    const built = await event.executeUpdate(buildDockingListUpdate, { args: [{ actor: coord }] });
    const listed = await h.prisma.docking.findMany({ where: { eventId: EVENT }, orderBy: [{ demandId: 'asc' }, { rank: 'asc' }] });
    const roll = listed.filter((d) => d.demandId === demands.roll);
    // The roll-wear demand gets the roll achievements of the pool, each with its reasons; the pet food demand nothing plausible.
    expect(roll.map((d) => d.achievementId)).toContain('T-A1');
    expect(roll.every((d) => d.reasons.length > 0 && (d.score ?? 0) > 0)).toBe(true);
    expect(roll.map((d) => d.rank)).toEqual(roll.map((_, i) => i + 1));
    expect(listed.some((d) => d.demandId === demands.petFood)).toBe(false);
    expect(built.figures.dockings.listed).toBe(listed.length);
    expect(built.figures.releases.demands).toBe(3);

    // Strike one pair, add one the engine did not list; a rebuild keeps both choices.
    const struck = roll.find((d) => d.achievementId !== 'T-A1')!;
    await event.executeUpdate(editDockingsUpdate, {
      args: [
        {
          actor: coord,
          edits: [
            { demandId: demands.roll, achievementId: struck.achievementId, choice: 'strike' },
            { demandId: demands.petFood, achievementId: 'T-A3', choice: 'keep' },
          ],
        },
      ],
    });
    await event.executeUpdate(buildDockingListUpdate, { args: [{ actor: coord }] });
    const rebuilt = await h.prisma.docking.findMany({ where: { eventId: EVENT } });
    expect(rebuilt.find((d) => d.achievementId === struck.achievementId && d.demandId === demands.roll)?.status).toBe('struck');
    expect(rebuilt.find((d) => d.demandId === demands.petFood)).toMatchObject({ achievementId: 'T-A3', status: 'added', decidedById: 'coord' });
    expect(rebuilt.length).toBe(listed.length + 1);
    // A pair naming something not in the pool refuses the whole request.
    await expect(
      runEventStep(
        event.executeUpdate(editDockingsUpdate, { args: [{ actor: coord, edits: [{ demandId: 'NO-SUCH', achievementId: 'T-A1', choice: 'keep' }] }] }),
      ),
    ).rejects.toThrow(/not in the pool: demand NO-SUCH/);

    // Launch: each demand with pairs left becomes a partnership at matchmaking with exactly those achievements proposed.
    const launched = await event.executeUpdate(launchDockingsUpdate, { args: [{ actor: coord }] });
    const partnerships = await h.prisma.partnership.findMany({ where: { eventId: EVENT }, include: { proposals: true } });
    expect(partnerships.map((p) => p.demandId).sort()).toEqual([demands.roll, demands.petFood].sort());
    expect(launched.figures).toMatchObject({ partnerships: 2, dockings: { listed: 0, added: 0, struck: 1, launched: rebuilt.length - 1 } });
    const rollPartnership = partnerships.find((p) => p.demandId === demands.roll)!;
    const chosen = rebuilt.filter((d) => d.demandId === demands.roll && d.status !== 'struck').map((d) => d.achievementId);
    const status = await h.waitFor(rollPartnership.reference, (s) => s.proposals.length > 0);
    expect(status.stage).toBe('matchmaking');
    expect(status.proposals.map((p) => p.candidateId).sort()).toEqual(chosen.sort());
    expect(status.proposals.every((p) => p.status === 'proposed')).toBe(true);
    expect(status.history[0]).toMatchObject({ type: 'released', by: '李敏' });
    expect(status.history[0]!.note).toContain(`released at ${EVENT}, approved by 李敏`);

    // Launching again finds the same partnerships.
    await event.executeUpdate(launchDockingsUpdate, { args: [{ actor: coord }] });
    expect(await h.prisma.partnership.count({ where: { eventId: EVENT } })).toBe(2);

    // A signing on site takes the launched partnership straight to its contract, signed at the event …
    const signedRoll = await event.executeUpdate(registerSigningUpdate, {
      args: [
        {
          actor: coord,
          subject: { kind: 'demand', id: demands.roll },
          universityId: 'u-neu',
          enterpriseId: 'e-steel',
          type: 'licensing',
          amountCny: 1_200_000,
          signedOn: '2026-12-10',
        },
      ],
    });
    expect(signedRoll.reference).toBe(rollPartnership.reference);
    const afterSigning = await h.status(rollPartnership.reference);
    expect(afterSigning.stage).toBe('milestones');
    expect(afterSigning.university?.id).toBe('u-neu');
    expect(afterSigning.contract).toMatchObject({ type: 'licensing', amountCny: 1_200_000, signedOn: '2026-12-10' });
    // … and a demand no partnership held gets one, created at the contract.
    const signedLate = await event.executeUpdate(registerSigningUpdate, {
      args: [
        {
          actor: coord,
          subject: { kind: 'demand', id: demands.late },
          universityId: 'u-neu',
          enterpriseId: 'e-steel',
          type: 'service',
          amountCny: 300_000,
          signedOn: '2026-12-11',
        },
      ],
    });
    // The same signing again registers nothing more.
    const again = await event.executeUpdate(registerSigningUpdate, {
      args: [
        {
          actor: coord,
          subject: { kind: 'demand', id: demands.late },
          universityId: 'u-neu',
          enterpriseId: 'e-steel',
          type: 'service',
          amountCny: 300_000,
          signedOn: '2026-12-11',
        },
      ],
    });
    expect(again.reference).toBe(signedLate.reference);
    const contracts = await h.prisma.contract.findMany({ where: { partnership: { eventId: EVENT } }, include: { partnership: true } });
    expect(contracts.map((c) => [c.partnership.reference, c.signedAtEventId, Number(c.amountCny)]).sort()).toEqual(
      [
        [rollPartnership.reference, EVENT, 1_200_000],
        [signedLate.reference, EVENT, 300_000],
      ].sort(),
    );
    expect((await h.prisma.matchProposal.findFirst({ where: { partnershipId: rollPartnership.id, candidateId: 'T-A1' } }))?.status).toBe('accepted');

    // The report counts what was done.
    const report = await event.executeUpdate(eventReportUpdate, { args: [{ actor: coord }] });
    const universities = new Set(
      (await h.prisma.achievement.findMany({ where: { id: { in: rebuilt.filter((d) => d.status !== 'struck').map((d) => d.achievementId) } } })).map(
        (a) => a.universityId,
      ),
    );
    expect(report).toMatchObject({
      eventId: EVENT,
      participants: { universities: universities.add('u-neu').size, enterprises: 2, parks: 0 },
      releases: { achievements: 0, demands: 3 },
      dockings: { listed: rebuilt.length - 1, launched: rebuilt.length - 1 },
      agreed: 2,
      signedOnSite: 2,
      contracts: 2,
      amountCny: 1_500_000,
    });
    expect(report.byIndustry.find((r) => r.key === '冶金')).toMatchObject({ demands: 1, agreed: 1, signed: 1, amountCny: 1_200_000 });
    expect(report.byIndustry.find((r) => r.key === '印刷')).toMatchObject({ demands: 1, dockings: 0, agreed: 1, signed: 1, amountCny: 300_000 });
    expect(report.byIndustry.find((r) => r.key === '食品')).toMatchObject({ demands: 1, dockings: 1, agreed: 0 });
    expect(report.byRegion).toEqual([expect.objectContaining({ key: '辽宁省', demands: 3, signed: 2, amountCny: 1_500_000 })]);
    expect(await composeEventReport(h.prisma, EVENT)).toEqual(report);

    // The bot's 对接会 command answers with the figures and a chart, within Lark's limits.
    const parsed = parseCommand(`对接会 ${EVENT}`);
    expect(parsed).toEqual({ ok: true, command: { name: 'event', event: EVENT } });
    const card = eventCard(await eventOverview(h.prisma, h.client, EVENT), 'zh', EVENT);
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(CARD_BODY_MAX_BYTES);
    expect(JSON.stringify(card)).toContain('"tag":"chart"');
    expect(JSON.stringify(card)).toContain('现场签约 **2**');

    // The status query: figures after the last step, and each step in order.
    const final = await event.query(eventStatusQuery);
    expect(final.figures).toMatchObject({ partnerships: 3, signings: 2, amountCny: 1_500_000, releases: { demands: 3 } });
    expect(final.steps.map((s) => s.type)).toEqual([
      'created',
      'list_built',
      'dockings_edited',
      'list_built',
      'dockings_launched',
      'dockings_launched',
      'signing_registered',
      'signing_registered',
      'signing_registered',
      'report',
    ]);

    // The workflow code replays what it wrote: the event and a launched, signed partnership.
    for (const handle of [event, h.handle(rollPartnership.reference), h.handle(signedLate.reference)]) {
      await expect(replay(await handle.fetchHistory(), handle.workflowId)).resolves.toBeUndefined();
    }
    if (process.env.RECORD_HISTORY_FIXTURE === '1') {
      await mkdir(new URL('.', FIXTURE), { recursive: true });
      await writeFile(FIXTURE, await showHistory(inject('temporalAddress'), h.handle(rollPartnership.reference).workflowId));
    }
    expect((await h.handle(signedLate.reference).query(statusQuery)).history.map((e) => e.type)).toEqual(['released', 'signed_on_site', 'contract_registered']);
  });

  it('replays the committed history of a partnership launched at an event and signed on site', async () => {
    const history = loadHistory(JSON.parse(await readFile(FIXTURE, 'utf8')));
    const events = history.events ?? [];
    expect(events[0]?.workflowExecutionStartedEventAttributes?.workflowType?.name).toBe('partnership');
    // The signing arrived as an update.
    expect(events.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes).length).toBe(1);
    await expect(replay(history, 'partnership-docked-fixture')).resolves.toBeUndefined();
  });
});
