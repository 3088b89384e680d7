import type { SheetKind } from '../report.ts';
import type { RecordHandlers } from '../validate.ts';
import { writeAchievements } from './achievements.ts';
import type { WriteContext } from './context.ts';
import { writeDemands } from './demands.ts';
import { writeOrganisations } from './organisations.ts';
import { writePeople } from './people.ts';
import { lookUpPeople } from './people-lookup.ts';
import type { LarkLookup } from '../report.ts';
import { writeSignings } from './signings.ts';

export type { Signer, SigningRequest, WriteContext } from './context.ts';

/**
 * Kinds written after the import's transaction has committed: a signing goes through the event's
 * workflow, whose activity reads the releases it names from its own connection.
 */
export const AFTER_COMMIT: ReadonlySet<SheetKind> = new Set(['signings']);

/** Each sheet kind's writer; the type insists on one for every kind. */
export const writersFor = (context: WriteContext): RecordHandlers<Promise<number>> => ({
  organisations: (records) => writeOrganisations(records, context),
  people: (records) => writePeople(records, context),
  achievements: (records) => writeAchievements(records, context),
  demands: (records) => writeDemands(records, context),
  signings: (records) => writeSignings(records, context),
});

const nothing = (): Promise<undefined> => Promise.resolve(undefined);

/** What follows a kind written inside the transaction, once it committed: people are looked up in Lark. */
export const followUpsFor = (context: WriteContext): RecordHandlers<Promise<LarkLookup | undefined>> => ({
  organisations: nothing,
  people: (records) => lookUpPeople(records, context),
  achievements: nothing,
  demands: nothing,
  signings: nothing,
});
