import type { RecordHandlers } from '../validate.ts';
import { writeAchievements } from './achievements.ts';
import type { WriteContext } from './context.ts';
import { writeDemands } from './demands.ts';
import { writeOrganisations } from './organisations.ts';
import { writePeople } from './people.ts';

export type { WriteContext } from './context.ts';

/** Each sheet kind's writer; the type insists on one for every kind. */
export const writersFor = (context: WriteContext): RecordHandlers<Promise<number>> => ({
  organisations: (records) => writeOrganisations(records, context),
  people: (records) => writePeople(records, context),
  achievements: (records) => writeAchievements(records, context),
  demands: (records) => writeDemands(records, context),
});
