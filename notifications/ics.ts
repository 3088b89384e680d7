import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { SHANGHAI_OFFSET_MS } from '../workflows/working-time.ts';
import type { CalendarEntry } from './content.ts';

const TIME_ZONE = 'Asia/Shanghai';
/** A deadline is a moment; half an hour makes it visible in a calendar's day view. */
const ENTRY_LENGTH_MS = 30 * 60_000;

// China has kept UTC+8 without daylight saving since 1991, so one fixed rule is exact.
const VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TIME_ZONE}`,
  `X-LIC-LOCATION:${TIME_ZONE}`,
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0800',
  'TZOFFSETTO:+0800',
  'TZNAME:CST',
  'DTSTART:19700101T000000',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

/**
 * An instant whose local fields read Beijing time. ical-generator formats a TZID date-time from
 * the local fields of the Date it is given (the process's own zone) unless the Date is
 * time-zone-aware in the way @date-fns/tz's TZDate is (`internal`, `withTimeZone`,
 * `tzComponents`); this is that, for the one fixed zone we need.
 */
class ShanghaiDate extends Date {
  readonly timeZone = TIME_ZONE;
  readonly internal: Date;

  constructor(instant: number) {
    super(instant);
    this.internal = new Date(instant + SHANGHAI_OFFSET_MS);
  }

  withTimeZone(): this {
    return this;
  }

  tzComponents(): number[] {
    return [this.getFullYear(), this.getMonth(), this.getDate(), this.getHours(), this.getMinutes(), this.getSeconds()];
  }

  override getFullYear(): number {
    return this.internal.getUTCFullYear();
  }
  override getMonth(): number {
    return this.internal.getUTCMonth();
  }
  override getDate(): number {
    return this.internal.getUTCDate();
  }
  override getDay(): number {
    return this.internal.getUTCDay();
  }
  override getHours(): number {
    return this.internal.getUTCHours();
  }
  override getMinutes(): number {
    return this.internal.getUTCMinutes();
  }
  override getSeconds(): number {
    return this.internal.getUTCSeconds();
  }
}

export interface CalendarPerson {
  readonly name: string;
  readonly email: string;
}

/** The iTIP method of an entry: a new or moved entry is a REQUEST, a withdrawn one a CANCEL. */
export const icsMethod = (entry: CalendarEntry): 'REQUEST' | 'CANCEL' => (entry.status === 'cancelled' ? 'CANCEL' : 'REQUEST');

/**
 * One calendar entry as an iCalendar file: METHOD:REQUEST or CANCEL, the entry's UID and SEQUENCE,
 * DTSTART in Asia/Shanghai with its VTIMEZONE, the platform as organiser and the recipient as an
 * attendee who need not reply.
 */
export const renderIcs = (entry: CalendarEntry, people: { organizer: CalendarPerson; attendee: CalendarPerson }): string => {
  const cancelled = entry.status === 'cancelled';
  // A nameless calendar zone keeps DTSTAMP in UTC while the generator still writes the event's VTIMEZONE.
  const calendar = ical({
    prodId: { company: 'qxwq', product: 'partnerships', language: 'ZH' },
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    timezone: { name: null, generator: (zone) => (zone === TIME_ZONE ? VTIMEZONE : null) },
  });
  calendar.createEvent({
    id: entry.uid,
    sequence: entry.sequence,
    start: new ShanghaiDate(entry.startsAt),
    end: new ShanghaiDate(entry.startsAt + ENTRY_LENGTH_MS),
    timezone: TIME_ZONE,
    summary: entry.summary,
    description: entry.description,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: people.organizer.name, email: people.organizer.email },
    attendees: [
      {
        name: people.attendee.name,
        email: people.attendee.email,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.ACCEPTED,
        rsvp: false,
      },
    ],
  });
  return calendar.toString();
};
