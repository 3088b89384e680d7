/**
 * The matchmaking engine: ranks university achievements for an enterprise demand
 * and demands for an achievement, with reasons and misfit flags. Pure and in-memory.
 */
export { DECLINE_CATEGORIES, type DeclineCategory, type Declined } from './decline.ts';
export {
  AchievementSchema,
  COOPERATION_MODES,
  DemandSchema,
  MatchingInputSchema,
  type Achievement,
  type CooperationMode,
  type Demand,
  type MatchingInput,
} from './schema.ts';
export { createMatcher, type RankedCandidate, type Matcher, type MatchingPool, type RankOptions } from './matcher.ts';
export { FLAG_MATURITY_LOW, FLAG_MODE_INCOMPATIBLE, FLAG_SOLUTION_MISMATCH } from './score.ts';
export { CONCEPT_MAP } from './concepts/index.ts';
export { shortlist } from './shortlist.ts';
export type { ProposalOutcome } from './history.ts';
