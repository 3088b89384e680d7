import type { PartnershipState, Timer } from './state.ts';

/** Timer keys are `<subject>:<what>`, so leaving a stage cancels its timers by prefix. */
export const schedule = (state: PartnershipState, key: string, at: number): void => {
  state.timers = [...state.timers.filter((timer) => timer.key !== key), { key, at }];
};

export const cancel = (state: PartnershipState, prefix: string): void => {
  state.timers = state.timers.filter((timer) => !timer.key.startsWith(prefix));
};

export const nextTimerAt = (state: PartnershipState): number | null =>
  state.timers.reduce<number | null>((soonest, timer) => (soonest === null || timer.at < soonest ? timer.at : soonest), null);

/** Removes and returns the timers due at `now`, earliest first. */
export const takeDue = (state: PartnershipState, now: number): Timer[] => {
  const due = state.timers.filter((timer) => timer.at <= now).sort((a, b) => a.at - b.at || a.key.localeCompare(b.key));
  state.timers = state.timers.filter((timer) => timer.at > now);
  return due;
};
