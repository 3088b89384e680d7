import { z } from 'zod';
import { ConfigError } from '../lib/config.ts';
import { describeIssues } from '../lib/validation.ts';
import type { Targets } from '../app/programmes/schema.ts';

/**
 * What the programme office aims for, to read the statistics against. The defaults are a
 * provincial programme's order of magnitude (Liaoning: 1,000+ enterprises supported); each office
 * sets its own with PROGRAMME_TARGETS, e.g. `{"partnerships":1000,"dockings":800,"contracts":500,"amountCny":500000000}`.
 */
export const ProgrammeTargetsSchema = z.object({
  partnerships: z.number().int().positive().default(1_000),
  dockings: z.number().int().positive().default(800),
  contracts: z.number().int().positive().default(500),
  amountCny: z.number().positive().default(500_000_000),
});
export type ProgrammeTargets = z.output<typeof ProgrammeTargetsSchema>;

/** PROGRAMME_TARGETS (JSON) with the defaults filled in; a wrong value stops start-up naming the field. */
export const parseTargets = (text: string | undefined): ProgrammeTargets => {
  let value: unknown = {};
  if (text) {
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new ConfigError(`invalid configuration: PROGRAMME_TARGETS: not valid JSON (${(error as Error).message})`);
    }
  }
  const parsed = ProgrammeTargetsSchema.safeParse(value);
  if (!parsed.success) throw new ConfigError(`invalid configuration: PROGRAMME_TARGETS: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
};

/**
 * PROGRAMME_TARGETS in the programme's terms, for a national programme whose targets are not in
 * the database: dockings are dockings, contracts are transformations, the amount is the amount.
 */
export const asProgrammeTargets = (targets: ProgrammeTargets): Targets => ({
  dockings: targets.dockings,
  transformations: targets.contracts,
  amountCny: targets.amountCny,
});
