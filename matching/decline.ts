import type { DeclineCategory } from '../domain/vocabulary.ts';
import { COSTLY_MODES } from './features/modes.ts';
import type { CooperationMode } from './schema.ts';

/** Why a proposal was declined: one vocabulary with the workflow's decisions. */
export { DECLINE_CATEGORIES, type DeclineCategory } from '../domain/vocabulary.ts';

/** A proposal the counterpart declined: never proposed again, and its reason steers the re-match. */
export interface Declined {
  readonly id: string;
  readonly category: DeclineCategory;
}

/** What the decline reasons ask of the next candidates. */
export interface DeclinePreferences {
  /** TRL levels added to what the demand needs (too_early). */
  readonly maturityRaise: number;
  /** Prefer licences and services over purchase or equity (budget). */
  readonly affordableModes: boolean;
  /** Prefer results that can be deployed now (timing). */
  readonly readyNow: boolean;
  /** Prefer results that report measured benefits (unclear_benefit). */
  readonly provenBenefit: boolean;
}

export function declinePreferences(declined: readonly Declined[]): DeclinePreferences {
  const has = (category: DeclineCategory) => declined.some((entry) => entry.category === category);
  return {
    maturityRaise: has('too_early') ? 2 : 0,
    affordableModes: has('budget'),
    readyNow: has('timing'),
    provenBenefit: has('unclear_benefit'),
  };
}

/** Maturity from which an achievement counts as deployable at once. */
const READY_MATURITY = 8;
/** How much a candidate loses for each preference it does not meet: enough to reorder near peers, not to bury relevance. */
const UNMET_PREFERENCE_FACTOR = 0.8;
/** A measured effect in the summary: 降至…, 提高40%, 2倍 … */
const QUANTIFIED_BENEFIT = /\d(?:\.\d+)?\s*[%％倍]|降至|降低到|提高到|提升至|缩短至/;

export interface PreferenceEffect {
  readonly factor: number;
  /** Short reason for the candidates that meet a preference. */
  readonly note?: string;
}

/** How the declined proposals' reasons weigh on one pair (maturity is handled by the maturity fit). */
export function preferenceEffect(
  preferences: DeclinePreferences,
  pair: { readonly sharedModes: readonly CooperationMode[]; readonly maturity: number; readonly summary: string },
): PreferenceEffect {
  let factor = 1;
  const notes: string[] = [];
  if (preferences.affordableModes) {
    const affordable = pair.sharedModes.filter((mode) => !COSTLY_MODES.has(mode) && mode !== '合作开发');
    if (affordable.length > 0) notes.push(`预算友好：${affordable.join('、')}`);
    else factor *= UNMET_PREFERENCE_FACTOR;
  }
  if (preferences.readyNow) {
    if (pair.maturity >= READY_MATURITY) notes.push('可即刻落地');
    else factor *= UNMET_PREFERENCE_FACTOR;
  }
  if (preferences.provenBenefit) {
    if (QUANTIFIED_BENEFIT.test(pair.summary)) notes.push('效益有量化数据');
    else factor *= UNMET_PREFERENCE_FACTOR;
  }
  return notes.length > 0 ? { factor, note: notes.join('；') } : { factor };
}
