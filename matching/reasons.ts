import type { ConceptHit } from './concepts/detect.ts';
import type { Achievement, Demand } from './schema.ts';
import type { PairEvidence, SharedConcept } from './score.ts';

/** Coordinators read reasons on a Lark card: a handful, most telling first. */
const MAX_REASONS = 4;
const MAX_CONCEPT_LINKS = 2;
const MAX_KEYWORDS = 3;

/** The most specific (longest) term of one language, falling back to the other. */
function telling(hit: ConceptHit, prefer: 'symptoms' | 'methods'): string {
  const other = prefer === 'symptoms' ? 'methods' : 'symptoms';
  const terms = hit[prefer].length > 0 ? hit[prefer] : hit[other];
  return [...terms].sort((x, y) => y.length - x.length || (x < y ? -1 : 1))[0] ?? hit.concept.label;
}

function relevanceReason(sharedConcepts: readonly SharedConcept[], matchedTerms: readonly string[]): string | undefined {
  if (sharedConcepts.length > 0) {
    const links = sharedConcepts.slice(0, MAX_CONCEPT_LINKS).map(({ demandHit, achievementHit }) => {
      const from = telling(demandHit, 'symptoms');
      const to = telling(achievementHit, 'methods');
      return from === to ? from : `${from}→${to}`;
    });
    // Two concepts can surface through the same words; say them once.
    return `概念匹配：${[...new Set(links)].join('，')}`;
  }
  const keywords = matchedTerms.filter((term) => term.length > 1).slice(0, MAX_KEYWORDS);
  return keywords.length > 0 ? `关键词：${keywords.join('、')}` : undefined;
}

function fieldReason(evidence: PairEvidence): string {
  switch (evidence.field.relation) {
    case 'shared':
      return `领域：${evidence.field.fields.join('、')}`;
    case 'related':
      return `领域相近：${evidence.field.fields.join('、')}`;
    case 'unrelated':
      return '领域不同';
  }
}

function modeReason(evidence: PairEvidence, demand: Demand, achievement: Achievement): string {
  return evidence.sharedModes.length > 0
    ? `合作方式：${evidence.sharedModes.join('、')}`
    : `合作方式不符：需求要${demand.cooperationModes.join('/')}，成果仅${achievement.cooperationModes.join('/')}`;
}

function solutionReason(evidence: PairEvidence): string | undefined {
  if (!evidence.solutionMismatch) return undefined;
  return evidence.solutionMismatch.offered === 'sensing'
    ? '方案类型不符：成果侧重检测识别，需求要求治理改进'
    : '方案类型不符：成果侧重治理改进，需求要求检测识别';
}

function maturityReason(evidence: PairEvidence): string {
  return evidence.maturity >= evidence.requiredMaturity
    ? `成熟度 TRL ${evidence.maturity}`
    : `成熟度偏低：TRL ${evidence.maturity}（需 ≥${evidence.requiredMaturity}）`;
}

/** Why every candidate of a demand with a high maturity bar scores lower. */
function maturityBarReason(evidence: PairEvidence): string | undefined {
  return evidence.maturityFactor < 0.95 ? `需求成熟度门槛高（需 ≥${evidence.requiredMaturity}），置信度下调` : undefined;
}

function recordReason(evidence: PairEvidence): string | undefined {
  if (evidence.trackRecord > 1) return '往绩：该校同领域推荐曾被接受或签约';
  if (evidence.trackRecord < 1) return '往绩：该校同领域推荐多被婉拒';
  return undefined;
}

/**
 * Short Chinese reasons for one candidate: what links the two texts (concepts, else
 * shared keywords), a solution-type misfit, cooperation mode, maturity (and a demand's
 * high maturity bar), what a decline asked for, field, region.
 */
export function buildReasons(
  evidence: PairEvidence,
  sharedConcepts: readonly SharedConcept[],
  demand: Demand,
  achievement: Achievement,
  matchedTerms: readonly string[],
): string[] {
  return [
    relevanceReason(sharedConcepts, matchedTerms),
    solutionReason(evidence),
    modeReason(evidence, demand, achievement),
    maturityReason(evidence),
    maturityBarReason(evidence),
    evidence.preference.note,
    recordReason(evidence),
    fieldReason(evidence),
    evidence.sameRegion ? `同地区：${demand.region}` : undefined,
  ]
    .filter((reason): reason is string => reason !== undefined)
    .slice(0, MAX_REASONS);
}
