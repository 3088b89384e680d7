import type { CooperationMode } from '../schema.ts';

/** The cooperation modes both sides accept; empty means the pair is mode-incompatible. */
export function sharedModes(demandModes: readonly CooperationMode[], achievementModes: readonly CooperationMode[]): CooperationMode[] {
  return demandModes.filter((mode) => achievementModes.includes(mode));
}

/** Modes that buy a finished result outright or with equity: the expensive end for an enterprise. */
export const COSTLY_MODES: ReadonlySet<CooperationMode> = new Set(['转让', '作价入股']);
