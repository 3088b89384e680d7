import type { DeclineCategory, DeclinePreferences } from './decline.ts';
import type { Achievement, Demand } from './schema.ts';

/**
 * A decision the programme recorded on a proposal: the enterprise or university accepted or
 * declined it (with the decline category), or the partnership went on to a signed contract.
 */
export type ProposalOutcome =
  | { readonly demandId: string; readonly achievementId: string; readonly outcome: 'accepted' | 'signed' }
  | { readonly demandId: string; readonly achievementId: string; readonly outcome: 'declined'; readonly category: DeclineCategory };

/** What the programme's own decisions teach the ranking. */
export interface History {
  /** Preferences learnt from the declines of demands in these fields (each field alike). */
  preferencesFor(demandFields: readonly string[]): Partial<DeclinePreferences>;
  /**
   * A university's record in these fields: 1 without decisions, above 1 after acceptances and
   * signed contracts, below 1 after declines (smoothed, within [RECORD_MIN, RECORD_MAX]).
   */
  recordOf(university: string, fields: readonly string[]): number;
}

/** Declines with one reason in a field before that reason steers the field's next rankings. */
const MIN_RUN = 3;
/** …and the share of that field's decisions they must make up. */
const MIN_SHARE = 0.3;
/** A signed contract counts as this many acceptances. */
const SIGNED_WEIGHT = 2;
/** Decisions' worth of neutral prior in a university's record, so one decision moves it little. */
const RECORD_PRIOR = 4;
const RECORD_MIN = 0.8;
export const RECORD_MAX = 1.15;

const TALLY_CATEGORIES = ['too_early', 'budget', 'timing', 'unclear_benefit'] as const satisfies readonly DeclineCategory[];
type Tally = { decisions: number; good: number; declines: Partial<Record<DeclineCategory, number>> };
const emptyTally = (): Tally => ({ decisions: 0, good: 0, declines: {} });

/**
 * Learns from recorded decisions: per release field of the demand, which decline reasons keep
 * coming back (a run of `too_early` in 冶金 raises the maturity the next 冶金 demand is matched
 * at), and per university and field, how its proposals fared. Decisions about items no longer
 * in the pool are ignored.
 */
export function createHistory(
  outcomes: readonly ProposalOutcome[],
  demandsById: ReadonlyMap<string, Demand>,
  achievementsById: ReadonlyMap<string, Achievement>,
): History {
  const byField = new Map<string, Tally>();
  const byUniversityField = new Map<string, Tally>();
  const tally = (map: Map<string, Tally>, key: string) => {
    let entry = map.get(key);
    if (!entry) map.set(key, (entry = emptyTally()));
    return entry;
  };
  for (const decision of outcomes) {
    const demand = demandsById.get(decision.demandId);
    const achievement = achievementsById.get(decision.achievementId);
    if (!demand || !achievement) continue;
    const good = decision.outcome === 'signed' ? SIGNED_WEIGHT : decision.outcome === 'accepted' ? 1 : 0;
    for (const field of demand.fields) {
      const entry = tally(byField, field);
      entry.decisions += 1;
      if (decision.outcome === 'declined') entry.declines[decision.category] = (entry.declines[decision.category] ?? 0) + 1;
    }
    for (const field of new Set([...achievement.fields, ...demand.fields])) {
      const entry = tally(byUniversityField, `${achievement.university}\u0001${field}`);
      entry.decisions += decision.outcome === 'signed' ? SIGNED_WEIGHT : 1;
      entry.good += good;
    }
  }
  const recurring = (entry: Tally | undefined, category: DeclineCategory) => {
    const count = entry?.declines[category] ?? 0;
    return count >= MIN_RUN && count / entry!.decisions >= MIN_SHARE;
  };
  return {
    preferencesFor(demandFields) {
      const learnt = new Set(TALLY_CATEGORIES.filter((category) => demandFields.some((field) => recurring(byField.get(field), category))));
      return {
        ...(learnt.has('too_early') ? { maturityRaise: 1 } : {}),
        ...(learnt.has('budget') ? { affordableModes: true } : {}),
        ...(learnt.has('timing') ? { readyNow: true } : {}),
        ...(learnt.has('unclear_benefit') ? { provenBenefit: true } : {}),
      };
    },
    recordOf(university, fields) {
      let decisions = 0;
      let good = 0;
      for (const field of fields) {
        const entry = byUniversityField.get(`${university}\u0001${field}`);
        decisions += entry?.decisions ?? 0;
        good += entry?.good ?? 0;
      }
      if (decisions === 0) return 1;
      // Acceptance share against an even prior, mapped so an even record is neutral.
      const share = (good + RECORD_PRIOR / 2) / (decisions + RECORD_PRIOR);
      return Math.min(RECORD_MAX, Math.max(RECORD_MIN, 1 + (share - 0.5) * 0.6));
    },
  };
}

/** Preferences from a partnership's own declines, strengthened by what the history learnt. */
export function mergePreferences(own: DeclinePreferences, learnt: Partial<DeclinePreferences>): DeclinePreferences {
  return {
    maturityRaise: Math.max(own.maturityRaise, learnt.maturityRaise ?? 0),
    affordableModes: own.affordableModes || (learnt.affordableModes ?? false),
    readyNow: own.readyNow || (learnt.readyNow ?? false),
    provenBenefit: own.provenBenefit || (learnt.provenBenefit ?? false),
  };
}
