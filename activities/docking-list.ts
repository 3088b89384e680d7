import { createMatcher, type RankedCandidate } from '../matching/index.ts';
import type { PrismaClient } from '../lib/prisma.ts';
import { loadPool, toAchievement, toDemand } from './pool.ts';
import { createBreather } from '../lib/breather.ts';

/** How many counterparts the engine lists for each released demand and each released achievement. */
export const CANDIDATES_PER_RELEASE = 3;
/** Rows written per statement: a JSON parameter of a few hundred kilobytes. */
const WRITE_CHUNK = 2_000;

interface Pair {
  readonly demandId: string;
  readonly achievementId: string;
  readonly score: number;
  readonly reasons: readonly string[];
  rank: number;
}

export interface DockingListBuilt {
  readonly pairs: number;
  readonly demands: number;
  /** Listed pairs the engine no longer proposes, removed. */
  readonly removed: number;
  readonly pool: { readonly achievements: number; readonly demands: number };
}

/**
 * The event's docking list from the engine over the whole pool: each demand the event released
 * against every achievement, and each achievement it released against every demand, keeping the
 * pairs above the engine's threshold with their reasons, ranked by score within each demand.
 * Rebuilding updates scores and ranks and keeps every coordinator's choice (added, struck,
 * launched); a listed pair the engine no longer proposes is removed.
 */
export const buildDockingList = async (prisma: PrismaClient, eventId: string, perRelease = CANDIDATES_PER_RELEASE): Promise<DockingListBuilt> => {
  const [achievementRows, demandRows] = await loadPool(prisma);
  const matcher = createMatcher({ achievements: achievementRows.map(toAchievement), demands: demandRows.map(toDemand) });
  const pairs = new Map<string, Pair>();
  const put = (demandId: string, achievementId: string, ranked: RankedCandidate): void => {
    if (ranked.score < matcher.threshold) return;
    const key = `${demandId}\u0000${achievementId}`;
    const seen = pairs.get(key);
    if (!seen || seen.score < ranked.score) pairs.set(key, { demandId, achievementId, score: ranked.score, reasons: ranked.reasons, rank: 0 });
  };
  // Over a national pool this runs for seconds; the heartbeat must keep going meanwhile.
  const breathe = createBreather();
  for (const row of demandRows) {
    if (row.eventId !== eventId) continue;
    for (const ranked of matcher.rankAchievementsFor(toDemand(row), { top: perRelease })) put(row.id, ranked.id, ranked);
    await breathe();
  }
  for (const row of achievementRows) {
    if (row.eventId !== eventId) continue;
    for (const ranked of matcher.rankDemandsFor(toAchievement(row), { top: perRelease })) put(ranked.id, row.id, ranked);
    await breathe();
  }
  const byDemand = new Map<string, Pair[]>();
  for (const pair of pairs.values()) byDemand.set(pair.demandId, [...(byDemand.get(pair.demandId) ?? []), pair]);
  for (const list of byDemand.values()) {
    list.sort((a, b) => b.score - a.score || a.achievementId.localeCompare(b.achievementId));
    list.forEach((pair, index) => (pair.rank = index + 1));
  }

  const rows = [...pairs.values()];
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
    const chunk = JSON.stringify(rows.slice(i, i + WRITE_CHUNK));
    await prisma.$executeRaw`
      INSERT INTO "Docking" ("id", "eventId", "demandId", "achievementId", "score", "rank", "reasons", "status", "updatedAt")
      SELECT gen_random_uuid()::text, ${eventId}, p."demandId", p."achievementId", p."score", p."rank", p."reasons", 'listed', now()
      FROM json_to_recordset(${chunk}::json) AS p("demandId" text, "achievementId" text, "score" float8, "rank" int, "reasons" text[])
      ON CONFLICT ("eventId", "demandId", "achievementId")
      DO UPDATE SET "score" = EXCLUDED."score", "rank" = EXCLUDED."rank", "reasons" = EXCLUDED."reasons", "updatedAt" = now()`;
  }
  const keep = JSON.stringify(rows.map((pair) => ({ demandId: pair.demandId, achievementId: pair.achievementId })));
  const removed = await prisma.$executeRaw`
    DELETE FROM "Docking" d
    WHERE d."eventId" = ${eventId} AND d."status" = 'listed'
      AND NOT EXISTS (
        SELECT 1 FROM json_to_recordset(${keep}::json) AS k("demandId" text, "achievementId" text)
        WHERE k."demandId" = d."demandId" AND k."achievementId" = d."achievementId")`;
  return { pairs: rows.length, demands: byDemand.size, removed, pool: { achievements: achievementRows.length, demands: demandRows.length } };
};
