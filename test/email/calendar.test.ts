import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingItem, Recipient } from '../../notifications/content.ts';
import { calendarFiles, createEmailWorld, message, recipient, type EmailWorld } from '../support/smtp.ts';

// Far from Beijing: the files must say 09:00 Asia/Shanghai whatever the worker's own zone is.
process.env.TZ = 'America/New_York';

const REFERENCE = 'P-2026-000321';
const TITLE = '高炉余热回收';

interface ReadEvent {
  readonly method: unknown;
  readonly uid: string;
  readonly sequence: number;
  readonly status: unknown;
  readonly tzid: unknown;
  /** DTSTART as written, in its zone. */
  readonly wallClock: string;
  readonly startsAt: string;
  readonly summary: string;
  readonly zoneOffsets: unknown[];
  readonly organizer: string;
  readonly attendee: string;
}

/** An .ics file read as a calendar client reads it, with ical.js. */
const readIcs = (ics: string): ReadEvent => {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[]);
  const zones = calendar.getAllSubcomponents('vtimezone');
  for (const zone of zones) ICAL.TimezoneService.register(zone);
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    status: vevent.getFirstPropertyValue('status'),
    tzid: vevent.getFirstProperty('dtstart')!.getParameter('tzid'),
    wallClock: event.startDate.toString(),
    startsAt: event.startDate.toJSDate().toISOString(),
    summary: event.summary,
    zoneOffsets: zones.flatMap((zone) => zone.getAllSubcomponents().map((rule) => String(rule.getFirstPropertyValue('tzoffsetto')))),
    // URI schemes are case-insensitive (ical-generator writes MAILTO: for attendees).
    organizer: String(vevent.getFirstPropertyValue('organizer')).toLowerCase(),
    attendee: String(vevent.getFirstPropertyValue('attendee')).toLowerCase(),
  };
};

let world: EmailWorld;
beforeAll(async () => {
  world = await createEmailWorld();
});
afterAll(async () => {
  await world?.close();
});

/** Sends one notification and returns the calendar files of the mail that arrived. */
const send = async (to: Recipient, template: OutgoingItem['template'], data: Record<string, unknown>) => {
  const before = world.smtp.to(to.email!).length;
  await world.sender.send(message(to, [{ template, payload: { reference: REFERENCE, title: TITLE, stage: 'negotiation', ...data } }]));
  const mails = world.smtp.to(to.email!);
  expect(mails).toHaveLength(before + 1);
  return calendarFiles(mails.at(-1)!).map((file) => ({ ...file, event: readIcs(file.ics) }));
};

describe('calendar entries by email', () => {
  it('sends a proposal deadline as a request at 09:00 Asia/Shanghai, and a reminder updates the same entry', async () => {
    const to = recipient('zh');
    const [file, ...others] = await send(to, 'match_proposed', {
      seq: 7,
      candidateId: 'A012',
      candidateTitle: '余热锅炉',
      reasons: [],
      deadline: '2026-12-03T01:00:00.000Z',
    });
    expect(others).toEqual([]);
    expect(file!.method).toBe('REQUEST');
    expect(file!.event).toMatchObject({
      method: 'REQUEST',
      uid: `${REFERENCE}-proposal-A012@qxwq`,
      sequence: 7,
      status: 'CONFIRMED',
      tzid: 'Asia/Shanghai',
      wallClock: '2026-12-03T09:00:00',
      startsAt: '2026-12-03T01:00:00.000Z',
      summary: `【${REFERENCE}】答复匹配提议截止`,
      zoneOffsets: ['+08:00'],
      organizer: 'mailto:noreply@qxwq.example.cn',
      attendee: `mailto:${to.email}`,
    });

    const [reminder] = await send(to, 'proposal_reminder', { seq: 9, candidateId: 'A012', deadline: '2026-12-03T01:00:00.000Z' });
    expect(reminder!.event).toMatchObject({ method: 'REQUEST', uid: `${REFERENCE}-proposal-A012@qxwq`, sequence: 9, startsAt: '2026-12-03T01:00:00.000Z' });
  });

  it('moves the negotiation deadline on a re-match (same UID, higher SEQUENCE) and ignores an older event delivered late', async () => {
    const to = recipient('en');
    await send(to, 'match_proposed', { seq: 3, candidateId: 'A020', candidateTitle: '余热锅炉', reasons: [], deadline: '2026-12-01T01:00:00.000Z' });

    const accepted = await send(to, 'proposal_accepted', { seq: 10, counterpart: '东北大学', deadline: '2027-01-04T02:30:00.000Z' });
    expect(accepted.map((f) => [f.method, f.event.uid, f.event.sequence])).toEqual([
      ['REQUEST', `${REFERENCE}-negotiation@qxwq`, 10],
      // Accepting ends the proposal's deadline in the acceptor's calendar.
      ['CANCEL', `${REFERENCE}-proposal-A020@qxwq`, 4],
    ]);
    expect(accepted[0]!.event).toMatchObject({ wallClock: '2027-01-04T10:30:00', summary: `[${REFERENCE}] Negotiation deadline` });
    expect(accepted[1]!.event).toMatchObject({ method: 'CANCEL', status: 'CANCELLED', startsAt: '2026-12-01T01:00:00.000Z' });

    const rematched = await send(to, 'proposal_accepted', { seq: 20, counterpart: '大连理工大学', deadline: '2027-02-08T01:00:00.000Z' });
    expect(rematched.map((f) => f.event)).toMatchObject([
      { method: 'REQUEST', uid: `${REFERENCE}-negotiation@qxwq`, sequence: 20, startsAt: '2027-02-08T01:00:00.000Z' },
    ]);

    // A reminder of the first negotiation, sent after the re-match, must not move the date back.
    expect(await send(to, 'negotiation_reminder', { seq: 15, deadline: '2027-01-04T02:30:00.000Z' })).toEqual([]);
  });

  it('gives each contract milestone an entry, cancels one when it is done and the rest when the partnership ends', async () => {
    const to = recipient('zh');
    const registered = await send(to, 'contract_registered', {
      seq: 30,
      type: 'development',
      amountCny: 500_000,
      milestones: [
        { seq: 1, title: '方案设计', kind: 'deliverable', due: '2027-01-15T01:00:00.000Z', responsible: 'university' },
        { seq: 2, title: '中试', kind: 'deliverable', due: '2027-03-01T01:00:00.000Z', responsible: 'university' },
      ],
    });
    expect(registered.map((f) => [f.method, f.event.uid, f.event.sequence, f.event.wallClock])).toEqual([
      ['REQUEST', `${REFERENCE}-milestone-1@qxwq`, 30, '2027-01-15T09:00:00'],
      ['REQUEST', `${REFERENCE}-milestone-2@qxwq`, 30, '2027-03-01T09:00:00'],
    ]);

    const soon = await send(to, 'milestone_due_soon', { seq: 33, milestone: 2, milestoneTitle: '中试', due: '2027-03-01T01:00:00.000Z' });
    expect(soon.map((f) => [f.method, f.event.uid, f.event.sequence])).toEqual([['REQUEST', `${REFERENCE}-milestone-2@qxwq`, 33]]);

    const done = await send(to, 'milestone_done', { seq: 35, milestone: 1, milestoneTitle: '方案设计', evidenceUrl: 'https://example.cn/1.pdf' });
    expect(done.map((f) => f.event)).toMatchObject([{ method: 'CANCEL', status: 'CANCELLED', uid: `${REFERENCE}-milestone-1@qxwq`, sequence: 31 }]);

    const withdrawn = await send(to, 'withdrawn', { seq: 40, reason: '企业战略调整' });
    expect(withdrawn.map((f) => f.event)).toMatchObject([
      { method: 'CANCEL', status: 'CANCELLED', uid: `${REFERENCE}-milestone-2@qxwq`, sequence: 34, startsAt: '2027-03-01T01:00:00.000Z' },
    ]);
    expect(await world.prisma.calendarEntry.findMany({ where: { recipientId: to.id, status: 'confirmed' } })).toEqual([]);

    // Someone who never had the entries hears of the ending without calendar files.
    expect(await send(recipient('zh'), 'withdrawn', { seq: 40, reason: '企业战略调整' })).toEqual([]);
  });

  it('does not fail a send the server accepted when its calendar entry cannot be recorded at once, and records it when the database answers again', async () => {
    const to = recipient('zh');
    // The database refuses the record's first two writes, as it does while it restarts.
    await world.prisma.$executeRawUnsafe(`CREATE SEQUENCE calendar_write_tries`);
    await world.prisma.$executeRawUnsafe(`
      CREATE FUNCTION refuse_two_calendar_writes() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF nextval('calendar_write_tries') <= 2 THEN RAISE EXCEPTION 'the database is restarting'; END IF;
        RETURN NEW;
      END $$`);
    await world.prisma.$executeRawUnsafe(
      `CREATE TRIGGER refuse_two_calendar_writes BEFORE INSERT ON "CalendarEntry" FOR EACH ROW EXECUTE FUNCTION refuse_two_calendar_writes()`,
    );
    try {
      // Had the send failed, its retry would mail the person a second time.
      const [file] = await send(to, 'match_proposed', {
        seq: 7,
        candidateId: 'A030',
        candidateTitle: '余热锅炉',
        reasons: [],
        deadline: '2026-12-10T01:00:00.000Z',
      });
      expect(file!.event.uid).toBe(`${REFERENCE}-proposal-A030@qxwq`);
      expect(await world.prisma.calendarEntry.findMany({ where: { recipientId: to.id }, select: { uid: true, sequence: true } })).toEqual([
        { uid: `${REFERENCE}-proposal-A030@qxwq`, sequence: 7 },
      ]);
    } finally {
      await world.prisma.$executeRawUnsafe(`DROP TRIGGER refuse_two_calendar_writes ON "CalendarEntry"`);
      await world.prisma.$executeRawUnsafe(`DROP FUNCTION refuse_two_calendar_writes`);
      await world.prisma.$executeRawUnsafe(`DROP SEQUENCE calendar_write_tries`);
    }
  });
});
