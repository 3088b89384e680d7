import { describe, expect, it } from 'vitest';
import { WorkingTimeSchema } from '../lib/policy-schema.ts';
import { nextReminderSlot } from '../workflows/working-time.ts';

const HOUR = 3_600_000;
const office = WorkingTimeSchema.parse({});
const at = (shanghai: string): number => Date.parse(`${shanghai}+08:00`);
const slot = (shanghai: string, working = office, slotMs = HOUR): string =>
  new Date(nextReminderSlot(at(shanghai), working, slotMs) + 8 * HOUR).toISOString().slice(0, 16).replace('T', ' ');

describe('reminders keep to working time in Asia/Shanghai', () => {
  it('waits for the office to open, not 3 a.m.', () => {
    expect(slot('2026-12-02T03:30:00')).toBe('2026-12-02 09:00'); // Wednesday
  });

  it('rounds up to the next slot inside working hours, and keeps one already on a slot', () => {
    expect(slot('2026-12-02T10:20:00')).toBe('2026-12-02 11:00');
    expect(slot('2026-12-02T14:00:00')).toBe('2026-12-02 14:00');
    expect(slot('2026-12-02T10:20:00', office, 15 * 60_000)).toBe('2026-12-02 10:30');
  });

  it('moves past closing time to the next working morning', () => {
    expect(slot('2026-12-02T17:30:00')).toBe('2026-12-03 09:00');
  });

  it('skips the weekend', () => {
    expect(slot('2026-12-04T19:00:00')).toBe('2026-12-07 09:00'); // Friday evening → Monday
    expect(slot('2026-12-06T11:00:00')).toBe('2026-12-07 09:00'); // Sunday
  });

  it('skips holidays, and works on a weekend day worked in lieu', () => {
    const newYear = WorkingTimeSchema.parse({ holidays: ['2027-01-01'] });
    expect(slot('2026-12-31T20:00:00', newYear)).toBe('2027-01-04 09:00');
    const inLieu = WorkingTimeSchema.parse({ holidays: ['2027-01-01'], extraWorkingDays: ['2027-01-02'] });
    expect(slot('2026-12-31T20:00:00', inLieu)).toBe('2027-01-02 09:00');
  });

  it('uses the Shanghai date, not the UTC one, around midnight', () => {
    // 16:30 UTC on Wednesday is 00:30 on Thursday in Shanghai.
    expect(new Date(nextReminderSlot(Date.parse('2026-12-02T16:30:00Z'), office, HOUR)).toISOString()).toBe('2026-12-03T01:00:00.000Z');
  });

  it('refuses working time that ends before it starts, or a day that is not a weekday', () => {
    expect(WorkingTimeSchema.safeParse({ start: '18:00', end: '09:00' }).error?.issues[0]?.message).toBe('working time must start before it ends');
    expect(WorkingTimeSchema.safeParse({ days: [0] }).success).toBe(false);
    expect(WorkingTimeSchema.safeParse({ start: '9am' }).error?.issues[0]?.message).toBe('expected a time of day such as "09:00"');
  });
});
