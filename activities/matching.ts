import { createMatcher, shortlist, type Achievement, type Demand, type Matcher, type RankedCandidate } from '../matching/index.ts';
import { achievementInclude, demandInclude, loadPool, proposable, toAchievement, toDemand, type AchievementRow, type DemandRow } from './pool.ts';
import type { PrismaClient } from '../lib/prisma.ts';
import type { DeclineCategory, PartnershipKind } from '../domain/vocabulary.ts';
import type { Candidate } from '../workflows/events.ts';
import { loadOutcomes, outcomesVersion } from './outcomes.ts';

export interface FindCandidatesInput {
  readonly partnershipId: string;
  readonly kind: PartnershipKind;
  readonly subjectId: string;
  /** Candidates already declined, lapsed or failed, with why: never offered again. */
  readonly excluded: readonly { id: string; category: DeclineCategory }[];
  readonly limit: number;
}

/**
 * How old the index may get while only the subjects' side changed. Ranking achievements for a
 * demand scores achievements alone, which are always current, but the other demands still shape
 * the concept weights and the maturity prior. Rebuilding for each new demand would rebuild the
 * whole index on every call of a burst of submissions; waiting longer means fewer rebuilds, and
 * statistics that take that much longer to reflect the newest subjects.
 */
export const SUBJECT_SIDE_MAX_AGE_MS = 60_000;

type Side = 'achievements' | 'demands';
/** Each side's rows, and the decisions the matcher learns from. */
type Versions = Record<Side | 'outcomes', string>;

type Stamps = { readonly createdAt?: Date | null; readonly updatedAt?: Date | null };

// The newest change counts too: an achievement licensed exclusively leaves the pool without a new row.
const versionOf = (count: number, newest: Stamps): string => `${count}/${newest.createdAt?.getTime() ?? '-'}/${newest.updatedAt?.getTime() ?? '-'}`;

const later = (a: Date | undefined, b: Date): Date => (a && a >= b ? a : b);
const newestOf = (rows: readonly { createdAt: Date; updatedAt: Date }[]): Stamps =>
  rows.reduce<{ createdAt?: Date; updatedAt?: Date }>(
    (newest, row) => ({ createdAt: later(newest.createdAt, row.createdAt), updatedAt: later(newest.updatedAt, row.updatedAt) }),
    {},
  );

interface Build {
  readonly matcher: Matcher;
  /** The matcher's own items, so that ranking one of them reuses its analysis. */
  readonly achievements: ReadonlyMap<string, { row: AchievementRow; item: Achievement }>;
  readonly demands: ReadonlyMap<string, { row: DemandRow; item: Demand }>;
  readonly versions: Versions;
  readonly loadedAt: number;
  /** How many version reads had completed when the pool was loaded: the build has seen what they saw. */
  readonly looksBefore: number;
}

/**
 * Ranks the pool for a partnership's demand (achievements) or achievement (demands). The index is
 * rebuilt, once for all calls waiting on it, when the side being ranked changed, or when the other
 * side changed and the index is older than SUBJECT_SIDE_MAX_AGE_MS.
 */
export const createFindCandidates = (prisma: PrismaClient) => {
  let cached: Build | undefined;
  let building: Promise<Build> | undefined;
  let looks = 0;

  const currentVersions = async (): Promise<Versions> => {
    const [achievements, demands, outcomes] = await Promise.all([
      prisma.achievement.aggregate({ where: proposable, _count: true, _max: { createdAt: true, updatedAt: true } }),
      prisma.demand.aggregate({ _count: true, _max: { createdAt: true, updatedAt: true } }),
      outcomesVersion(prisma),
    ]);
    return {
      achievements: versionOf(achievements._count, achievements._max),
      demands: versionOf(demands._count, demands._max),
      outcomes,
    };
  };

  const load = async (): Promise<Build> => {
    const looksBefore = looks;
    const loadedAt = Date.now();
    const [[achievementRows, demandRows], outcomes, outcomesSeen] = await Promise.all([loadPool(prisma), loadOutcomes(prisma), outcomesVersion(prisma)]);
    const achievements = new Map(achievementRows.map((row) => [row.id, { row, item: toAchievement(row) }]));
    const demands = new Map(demandRows.map((row) => [row.id, { row, item: toDemand(row) }]));
    const matcher = createMatcher({
      achievements: [...achievements.values()].map((a) => a.item),
      demands: [...demands.values()].map((d) => d.item),
      outcomes,
    });
    const versions = {
      achievements: versionOf(achievementRows.length, newestOf(achievementRows)),
      demands: versionOf(demandRows.length, newestOf(demandRows)),
      outcomes: outcomesSeen,
    };
    return (cached = { matcher, achievements, demands, versions, loadedAt, looksBefore });
  };

  const rebuild = (): Promise<Build> =>
    (building ??= load().finally(() => {
      building = undefined;
    }));

  const ready = async (candidates: Side): Promise<Build> => {
    const seen = await currentVersions();
    const look = ++looks;
    const subjects: Side = candidates === 'achievements' ? 'demands' : 'achievements';
    const fits = (build: Build) =>
      build.looksBefore >= look ||
      (build.versions[candidates] === seen[candidates] &&
        build.versions.outcomes === seen.outcomes &&
        (build.versions[subjects] === seen[subjects] || Date.now() - build.loadedAt < SUBJECT_SIDE_MAX_AGE_MS));
    let build = cached;
    // A rebuild already under way may have loaded before this look; the next one cannot have.
    while (!build || !fits(build)) build = await rebuild();
    return build;
  };

  const toCandidate = (ranked: RankedCandidate, title: string, counterpart: Candidate['counterpart']): Candidate => ({
    id: ranked.id,
    title,
    counterpart,
    score: ranked.score,
    reasons: ranked.reasons,
    flags: ranked.flags,
    ...(ranked.weak ? { weak: true } : {}),
  });

  return async function findCandidates(input: FindCandidatesInput): Promise<Candidate[]> {
    const { matcher, achievements, demands } = await ready(input.kind === 'demand' ? 'achievements' : 'demands');
    const options = { top: input.limit, exclude: input.excluded.map((e) => e.id), declined: input.excluded };
    // The confident candidates, then the nearest marked weak up to the number shown, unless nothing comes near.
    const offered = (ranked: readonly RankedCandidate[]) => shortlist(ranked, matcher.threshold, input.limit);
    if (input.kind === 'demand') {
      let demand = demands.get(input.subjectId)?.item;
      if (!demand) {
        const row = await prisma.demand.findUnique({ where: { id: input.subjectId }, include: demandInclude });
        if (!row) throw new Error(`demand ${input.subjectId} is not in the pool`);
        demand = toDemand(row);
      }
      return offered(matcher.rankAchievementsFor(demand, options)).map((c) => {
        const { row } = achievements.get(c.id)!;
        return toCandidate(c, row.title, row.university);
      });
    }
    let achievement = achievements.get(input.subjectId)?.item;
    if (!achievement) {
      const row = await prisma.achievement.findUnique({ where: { id: input.subjectId }, include: achievementInclude });
      if (!row) throw new Error(`achievement ${input.subjectId} is not in the pool`);
      achievement = toAchievement(row);
    }
    return offered(matcher.rankDemandsFor(achievement, options)).map((c) => {
      const { row } = demands.get(c.id)!;
      return toCandidate(c, row.title, row.enterprise);
    });
  };
};
