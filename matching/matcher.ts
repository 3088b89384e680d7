import { createAnalyzer, type Analysis, type DemandAnalysis } from './analyze.ts';
import { createBm25Index, type Bm25Index } from './bm25.ts';
import { backgroundOf, createMaturityPrior, detailFactorOf, type Calibration } from './calibration.ts';
import { createCharacterIndex, type CharacterIndex } from './character-index.ts';
import { createConceptIndex, type ConceptIndex } from './concept-index.ts';
import { CONCEPT_MAP, type ConceptMap } from './concepts/index.ts';
import { DEFAULT_ENGINE_CONFIG, type EngineConfig } from './config.ts';
import { declinePreferences, type DeclinePreferences, type Declined } from './decline.ts';
import { createHistory, mergePreferences, RECORD_MAX, type ProposalOutcome } from './history.ts';
import { fieldOverlap } from './features/fields.ts';
import { raisedMaturity } from './features/maturity.ts';
import { sharedModes } from './features/modes.ts';
import { sameRegion } from './features/region.ts';
import { createListPairCache } from './pair-cache.ts';
import { buildReasons } from './reasons.ts';
import { blendedRelevances, RERANK_HEAD } from './rerank.ts';
import type { Achievement, Demand } from './schema.ts';
import { CONFIDENCE_THRESHOLD, relevanceOf, scorePair, scoreUpperBound, sharedConceptsOf, type PairEvidence } from './score.ts';
import { createTopK } from './top-k.ts';

/** A ranked counterpart: score in [0, 1] (compare with `threshold`), reasons in Chinese, flags for misfits. */
export interface RankedCandidate {
  id: string;
  score: number;
  reasons: string[];
  flags: string[];
  /** Set (true) when the score is below the threshold: a near candidate, not a confident one (see `shortlist`). */
  weak?: true;
}

export interface RankOptions {
  /** How many candidates to return (default 10). */
  top?: number;
  /** Ids never to propose (e.g. already proposed). */
  exclude?: readonly string[];
  /** Declined proposals: excluded, and their reasons steer the ranking. */
  declined?: readonly Declined[];
}

export interface Matcher {
  /** Achievements for a demand, best first. */
  rankAchievementsFor(demand: Demand, options?: RankOptions): RankedCandidate[];
  /** Demands for an achievement, best first. */
  rankDemandsFor(achievement: Achievement, options?: RankOptions): RankedCandidate[];
  /** Below this score a candidate is not plausible. */
  readonly threshold: number;
}

export interface MatchingPool {
  readonly achievements: readonly Achievement[];
  readonly demands: readonly Demand[];
  /** The programme's recorded decisions on earlier proposals: they adjust rankings (history.ts). */
  readonly outcomes?: readonly ProposalOutcome[];
}

const DEFAULT_TOP = 10;

interface Indexed<T, A extends Analysis = Analysis> {
  readonly item: T;
  readonly analysis: A;
  readonly fieldsKey: string;
  readonly modesKey: string;
}
type IndexedAchievement = Indexed<Achievement>;
type IndexedDemand = Indexed<Demand, DemandAnalysis>;

/** A candidate by its position on the ranked side, with its evidence. */
interface Scored {
  readonly position: number;
  readonly evidence: PairEvidence;
}

/** Best score first; among candidates the calibration scores alike (none above the background), best fit; then by id. */
function createCandidateList(capacity: number, ids: readonly string[]) {
  return createTopK<Scored>(
    capacity,
    (entry) => [entry.evidence.score, entry.evidence.fit],
    (entry) => ids[entry.position]!,
  );
}

const CUTOFF_BINS = 256;

/**
 * A relevance (in [0, 1]) that at least `count` candidates reach, and not many more: the lower
 * edge of the histogram bin where the count from the top reaches `count`. Sorting would give the
 * exact figure at several times the cost, and the order of visits needs no more than this.
 */
function relevanceCutoff(relevances: Float64Array, count: number): number {
  if (relevances.length <= count) return 0;
  const bins = new Int32Array(CUTOFF_BINS);
  for (const relevance of relevances) bins[Math.min(CUTOFF_BINS - 1, Math.floor(relevance * CUTOFF_BINS))]! += 1;
  let reached = 0;
  for (let bin = CUTOFF_BINS - 1; bin > 0; bin--) {
    reached += bins[bin]!;
    if (reached >= count) return bin / CUTOFF_BINS;
  }
  return 0;
}

/** The head reordered with the character view blended into each member's relevance (rerank.ts); the best `top` kept. */
function rerank(
  head: readonly Scored[],
  ids: readonly string[],
  top: number,
  characterScoreOf: (position: number) => number,
  rescore: (position: number, relevance: number) => PairEvidence,
): readonly Scored[] {
  const relevances = blendedRelevances(
    head.map(({ evidence }) => evidence.relevance),
    head.map(({ position }) => characterScoreOf(position)),
  );
  const reordered = createCandidateList(top, ids);
  head.forEach(({ position }, i) => reordered.add({ position, evidence: rescore(position, relevances[i]!) }));
  return reordered.entries();
}

/**
 * Builds a matcher with some ingredients switched off (see EngineConfig); the
 * service uses `createMatcher`, the benchmark uses this for ablations.
 */
export function createMatcherWithConfig(pool: MatchingPool, config: EngineConfig, conceptMap: ConceptMap = CONCEPT_MAP): Matcher {
  const analyzer = createAnalyzer(config, conceptMap);
  const fields = createListPairCache(fieldOverlap);
  const modes = createListPairCache(sharedModes);
  const indexed = <T extends Achievement | Demand, A extends Analysis>(item: T, analysis: A): Indexed<T, A> => ({
    item,
    analysis,
    fieldsKey: fields.key(item.fields),
    modesKey: modes.key(item.cooperationModes),
  });
  const indexAchievement = (a: Achievement): IndexedAchievement => indexed(a, analyzer.achievement(a));
  const indexDemand = (d: Demand): IndexedDemand => indexed(d, analyzer.demand(d));
  const achievements = pool.achievements.map(indexAchievement);
  const demands = pool.demands.map(indexDemand);
  const achievementIndex = createBm25Index(achievements.map((entry) => entry.analysis.tokens));
  const demandIndex = createBm25Index(demands.map((entry) => entry.analysis.tokens));
  const achievementCharacters = createCharacterIndex(achievements.map((entry) => entry.analysis.characters));
  const demandCharacters = createCharacterIndex(demands.map((entry) => entry.analysis.characters));
  const allConcepts = [...achievements, ...demands].map((entry) => entry.analysis.concepts);
  const achievementConcepts = createConceptIndex(
    achievements.map((entry) => entry.analysis.concepts),
    allConcepts,
    config.conceptBridging,
  );
  const demandConcepts = createConceptIndex(
    demands.map((entry) => entry.analysis.concepts),
    allConcepts,
    config.conceptBridging,
  );

  const history = createHistory(pool.outcomes ?? [], new Map(pool.demands.map((d) => [d.id, d])), new Map(pool.achievements.map((a) => [a.id, a])));
  const maxRecord = (pool.outcomes ?? []).length > 0 ? RECORD_MAX : 1;
  const records = new WeakMap<Achievement, number>();
  const recordOf = (achievement: Achievement) => {
    let record = records.get(achievement);
    if (record === undefined) records.set(achievement, (record = history.recordOf(achievement.university, achievement.fields)));
    return record;
  };

  const maturityFactor = createMaturityPrior(
    achievements.map((entry) => entry.item.maturity),
    demands.map((entry) => entry.analysis.requiredMaturity),
  );

  // Pool items are analysed once; other items (new submissions) on each call.
  const knownAchievements = new WeakMap(achievements.map((entry) => [entry.item, entry]));
  const knownDemands = new WeakMap(demands.map((entry) => [entry.item, entry]));

  function evaluate(
    demand: IndexedDemand,
    achievement: IndexedAchievement,
    relevance: number,
    preferences: DeclinePreferences,
    calibration: Calibration,
  ): PairEvidence {
    return scorePair(
      {
        demand: demand.item,
        achievement: achievement.item,
        demandRequiredMaturity: demand.analysis.requiredMaturity,
        relevance,
        field: fields.get(demand.item.fields, demand.fieldsKey, achievement.item.fields, achievement.fieldsKey),
        sharedModes: modes.get(demand.item.cooperationModes, demand.modesKey, achievement.item.cooperationModes, achievement.modesKey),
        sameRegion: sameRegion(demand.item.region, achievement.item.region),
        demandedSolution: demand.analysis.solution,
        offeredSolution: achievement.analysis.solution,
        trackRecord: recordOf(achievement.item),
      },
      config,
      preferences,
      calibration,
    );
  }

  /**
   * Ranks one side for a subject. Relevance comes for the whole side from the two
   * inverted indexes and gives the subject's background for calibrating the scores;
   * the full pair score (fields, mode, maturity, solution type, preferences) is computed
   * only where the relevance could still reach the current top list.
   */
  function rank(
    subject: Analysis,
    index: Bm25Index,
    characters: CharacterIndex,
    concepts: ConceptIndex,
    candidateIds: readonly string[],
    maturityFactorFor: (maturityRaise: number) => number,
    pairAt: (position: number) => [IndexedDemand, IndexedAchievement],
    options: RankOptions,
    learnt: Partial<DeclinePreferences>,
  ): RankedCandidate[] {
    const declined = options.declined ?? [];
    const skip = new Set([...(options.exclude ?? []), ...declined.map((entry) => entry.id)]);
    const preferences = mergePreferences(declinePreferences(declined), learnt);
    const textScores = index.score(subject.query, subject.coveredBy);
    const conceptScores = concepts.score(subject.concepts);
    const relevances = Float64Array.from(textScores, (text, position) => relevanceOf(text, conceptScores[position]!, config));
    const relevanceSum = relevances.reduce((sum, value) => sum + value, 0);
    const calibration: Calibration = {
      background: backgroundOf(relevanceSum, candidateIds.length),
      detailFactor: detailFactorOf(subject.contentTerms),
      maturityFactor: maturityFactorFor(preferences.maturityRaise),
    };
    const top = options.top ?? DEFAULT_TOP;
    const capacity = config.characterRerank ? Math.max(top, RERANK_HEAD) : top;
    const best = createCandidateList(capacity, candidateIds);
    // The bound grows with relevance and the floor only rises, so a relevance once bounded below the floor
    // rules out every relevance up to it without computing their bounds.
    let ruledOutUpTo = -1;
    const consider = (position: number) => {
      if (skip.size > 0 && skip.has(candidateIds[position]!)) return;
      const relevance = relevances[position]!;
      if (relevance <= ruledOutUpTo) return;
      const floor = best.floor();
      if (floor) {
        // A fit never exceeds its relevance, so (bound, relevance) is the best the pair could reach;
        // the region bonus is counted as if it applied, so the bound needs no look at the pair.
        const bound = scoreUpperBound(relevance, calibration, config, true, maxRecord);
        if (bound < floor[0]!) {
          ruledOutUpTo = relevance;
          return;
        }
        if (bound === floor[0] && relevance < floor[1]!) return;
      }
      const [demand, achievement] = pairAt(position);
      best.add({ position, evidence: evaluate(demand, achievement, relevance, preferences, calibration) });
    };
    // The most relevant first: the list's floor is then near its final height before the rest
    // are checked against it, and most of them need no full evaluation.
    const cutoff = relevanceCutoff(relevances, capacity);
    for (let position = 0; position < relevances.length; position++) if (relevances[position]! >= cutoff) consider(position);
    for (let position = 0; position < relevances.length; position++) if (relevances[position]! < cutoff) consider(position);
    const characterQuery = config.characterRerank ? characters.query(subject.characters, config.characterRepeats) : undefined;
    const head = characterQuery
      ? rerank(
          best.entries(),
          candidateIds,
          top,
          (position) => characters.score(characterQuery, position),
          (position, relevance) => {
            const [demand, achievement] = pairAt(position);
            return evaluate(demand, achievement, relevance, preferences, calibration);
          },
        )
      : best.entries().slice(0, top);
    return head.map(({ position, evidence }) => {
      const [demand, achievement] = pairAt(position);
      const score = Number(evidence.score.toFixed(4));
      return {
        id: candidateIds[position]!,
        score,
        reasons: buildReasons(
          evidence,
          config.conceptMatching ? sharedConceptsOf(demand.analysis.concepts, achievement.analysis.concepts, achievementConcepts.weight) : [],
          demand.item,
          achievement.item,
          index.matchedTerms(subject.query, position),
        ),
        flags: [...evidence.flags],
        ...(score < CONFIDENCE_THRESHOLD ? { weak: true as const } : {}),
      };
    });
  }

  const achievementIds = achievements.map((entry) => entry.item.id);
  const demandIds = demands.map((entry) => entry.item.id);
  return {
    threshold: CONFIDENCE_THRESHOLD,
    rankAchievementsFor(demand, options = {}) {
      const subject = knownDemands.get(demand) ?? indexDemand(demand);
      const factor = (raise: number) => maturityFactor(raisedMaturity(subject.analysis.requiredMaturity, raise));
      const learnt = history.preferencesFor(demand.fields);
      return rank(
        subject.analysis,
        achievementIndex,
        achievementCharacters,
        achievementConcepts,
        achievementIds,
        factor,
        (i) => [subject, achievements[i]!],
        options,
        learnt,
      );
    },
    rankDemandsFor(achievement, options = {}) {
      const subject = knownAchievements.get(achievement) ?? indexAchievement(achievement);
      // An achievement states no requirement: each demand's is judged pair by pair (maturity flag).
      return rank(
        subject.analysis,
        demandIndex,
        demandCharacters,
        demandConcepts,
        demandIds,
        () => 1,
        (i) => [demands[i]!, subject],
        options,
        {},
      );
    },
  };
}

/**
 * Indexes a pool of achievements and demands once; each ranking call then scores
 * the whole opposite side in memory (no I/O, deterministic, explainable).
 */
export function createMatcher(pool: MatchingPool): Matcher {
  return createMatcherWithConfig(pool, DEFAULT_ENGINE_CONFIG);
}
