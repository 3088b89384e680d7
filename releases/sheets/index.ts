import type { SheetKind } from '../report.ts';
import type { RecordOf, SheetSpec } from '../sheet-spec.ts';
import { achievementsSheet } from './achievements.ts';
import { demandsSheet } from './demands.ts';
import { organisationsSheet } from './organisations.ts';
import { peopleSheet } from './people.ts';
import { signingsSheet } from './signings.ts';

/** What a valid row of each sheet kind becomes. */
export interface SheetRecords {
  readonly organisations: RecordOf<typeof organisationsSheet>;
  readonly people: RecordOf<typeof peopleSheet>;
  readonly achievements: RecordOf<typeof achievementsSheet>;
  readonly demands: RecordOf<typeof demandsSheet>;
  readonly signings: RecordOf<typeof signingsSheet>;
}

/** Every sheet kind a release workbook may hold. */
export const SHEETS: { readonly [K in SheetKind]: SheetSpec<K, SheetRecords[K]> } = {
  organisations: organisationsSheet,
  people: peopleSheet,
  achievements: achievementsSheet,
  demands: demandsSheet,
  signings: signingsSheet,
};

/** The order the template shows them in: what is released first, the directory after, then what is signed at the event. */
export const TEMPLATE_ORDER: readonly SheetKind[] = ['achievements', 'demands', 'organisations', 'people', 'signings'];
