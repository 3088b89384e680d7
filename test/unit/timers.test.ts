import { describe, expect, it } from 'vitest';
import type { PartnershipState } from '../../workflows/state.ts';
import { cancel, nextTimerAt, schedule, scheduleNotice, takeDue } from '../../workflows/timers.ts';
import { HOUR, inputFor, local, MONDAY_0900, shanghai, world } from './builder.ts';
import { initialState } from '../../workflows/state.ts';

const emptyState = (): PartnershipState => initialState(inputFor());

describe('the timer list', () => {
  it('has no next timer when empty, else the earliest', () => {
    const state = emptyState();
    expect(nextTimerAt(state)).toBeNull();
    schedule(state, 'b:late', 300);
    schedule(state, 'a:early', 100);
    schedule(state, 'c:middle', 200);
    expect(nextTimerAt(state)).toBe(100);
  });

  it('keeps one timer per key: scheduling it again moves it', () => {
    const state = emptyState();
    schedule(state, 'review:remind', 100);
    schedule(state, 'review:remind', 500);
    expect(state.timers).toEqual([{ key: 'review:remind', at: 500 }]);
  });

  it('cancels by prefix, so milestone 1 leaves milestone 10 alone', () => {
    const state = emptyState();
    for (const key of ['milestone:1:due', 'milestone:1:late', 'milestone:10:due', 'proposal:A1:expire']) schedule(state, key, 100);
    cancel(state, 'milestone:1:');
    expect(state.timers.map((timer) => timer.key)).toEqual(['milestone:10:due', 'proposal:A1:expire']);
  });

  it('takeDue returns the timers due, earliest first (then by key), and removes them; the later ones stay', () => {
    const state = emptyState();
    schedule(state, 'z:due', 200);
    schedule(state, 'later', 1_000);
    schedule(state, 'b:due', 100);
    schedule(state, 'a:due', 200);
    schedule(state, 'exactly:now', 500);
    expect(takeDue(state, 500)).toEqual([
      { key: 'b:due', at: 100 },
      { key: 'a:due', at: 200 },
      { key: 'z:due', at: 200 },
      { key: 'exactly:now', at: 500 },
    ]);
    expect(state.timers).toEqual([{ key: 'later', at: 1_000 }]);
    expect(takeDue(state, 999)).toEqual([]);
    expect(nextTimerAt(state)).toBe(1_000);
  });
});

describe('scheduleNotice', () => {
  it('places a notice at the next slot inside working time', () => {
    const w = world();
    scheduleNotice(w.life, 'x:remind', shanghai('2026-12-12T03:00')); // Saturday night
    expect(w.timers()).toEqual({ 'x:remind': '2026-12-14 09:00' });
  });

  it('drops a notice that working time would push to or past the deadline it reminds of', () => {
    const w = world();
    const deadline = shanghai('2026-12-14T09:00');
    scheduleNotice(w.life, 'x:remind', shanghai('2026-12-13T10:00'), deadline);
    scheduleNotice(w.life, 'y:remind', shanghai('2026-12-11T16:20'), deadline);
    expect(w.timers()).toEqual({ 'y:remind': '2026-12-11 17:00' });
  });

  it('is driven by the injected clock alone: a world fires nothing before its time', () => {
    const w = world();
    scheduleNotice(w.life, 'review:remind', MONDAY_0900 + 2 * HOUR);
    expect(w.runUntil(MONDAY_0900 + HOUR)).toEqual([]);
    expect(w.runUntil(MONDAY_0900 + 2 * HOUR).map((timer) => local(timer.at))).toEqual(['2026-12-07 11:00']);
    expect(w.now).toBe(MONDAY_0900 + 2 * HOUR);
  });
});
