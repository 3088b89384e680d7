/**
 * Matchmaking benchmark: held-out quality first (leave-one-industry-family-out, and an
 * author-style split of rewritten texts), then how often the nearest neighbour clears the threshold
 * once a demand's true matches are withheld, dev-set quality of the engine beside a plain BM25 baseline,
 * what the confidence threshold lets through and what it costs, one ablation per
 * ingredient, a split-half check of the threshold, and the speed of a national-event-sized pool.
 *
 *   npx tsx bench/matching-eval.ts [--data FILE] [--rounds N]   (default matching/eval/data/matching-dev.json, 3 rounds)
 */
import { Command } from 'commander';
import { DEFAULT_ENGINE_CONFIG, type EngineConfig } from '../matching/config.ts';
import { CONCEPT_MAP } from '../matching/concepts/index.ts';
import { DEV_DATASET_PATH, loadLabelledDataset, type LabelledDataset } from '../matching/eval/dataset.ts';
import { authorStyleDataset } from '../matching/eval/author-style.ts';
import { evaluateBaseline, evaluateEngine } from '../matching/eval/evaluate.ts';
import { leaveFamilyOut } from '../matching/eval/leave-family-out.ts';
import { balancedError, median, thresholdErrors, type RetrievalMetrics } from '../matching/eval/metrics.ts';
import { splitHalfCheck } from '../matching/eval/split-half.ts';
import { syntheticPool } from '../matching/eval/synthetic.ts';
import { withheldMatches } from '../matching/eval/withheld.ts';
import { createMatcher } from '../matching/index.ts';

const { data, rounds } = new Command('matching-eval')
  .option('--data <file>', 'labelled matching file', DEV_DATASET_PATH)
  .option('--rounds <n>', 'timed rounds of the 1,500 × 1,100 ranking', (value) => Math.max(1, Number.parseInt(value, 10)), 3)
  .parse()
  .opts<{ data: string; rounds: number }>();

const CALIBRATION_ABLATIONS: readonly [string, Partial<EngineConfig>][] = [
  ['− solution type', { solutionType: false }],
  ['− background calibration', { backgroundCalibration: false }],
  ['− absolute evidence', { absoluteEvidence: false }],
  ['− maturity prior', { maturityPrior: false }],
  ['− both calibrations (fit as score)', { backgroundCalibration: false, maturityPrior: false }],
];
const ABLATIONS: readonly [string, Partial<EngineConfig>][] = [
  ['− word segmentation (bigrams)', { wordSegmentation: false }],
  ['− character bigrams beside words', { characterBigrams: false }],
  ['− character rerank of the head', { characterRerank: false }],
  ['− repeated characters weigh more in the character view', { characterRepeats: false }],
  ['− a word shared whole counts once (its sub-words and bigrams paid again)', { overlapCountsOnce: false }],
  ['− field weighting (title/keywords)', { fieldWeighting: false }],
  ['− concept matching', { conceptMatching: false }],
  ['− concepts need words (lone concept links count)', { conceptNeedsWords: false }],
  ['− concepts bridge words (a concept named alike on both sides counts in full)', { conceptBridging: false }],
  ['− query expansion', { queryExpansion: false }],
  ['− concept map (matching + expansion)', { conceptMatching: false, queryExpansion: false }],
  ['− field overlap', { fieldOverlap: false }],
  ['− mode fit', { modeFit: false }],
  ['− maturity fit', { maturityFit: false }],
  ['− region preference', { regionPreference: false }],
  ...CALIBRATION_ABLATIONS,
];

/**
 * Times the 1,500 × 1,100 ranking before the evaluations run: they leave a process holding dozens of
 * reduced concept maps and their segmenters, whose garbage collection a worker never pays for.
 * Each round builds its own index, as the service does after a decision; the median says more than
 * one run on two shared cores.
 */
function timeRankings(): string[] {
  const pool = syntheticPool(1500, 1100);
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const lines = [`\nspeed (synthetic ${pool.achievements.length} achievements × ${pool.demands.length} demands, single process, ${rounds} rounds):`];
  const totals: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    const matcher = createMatcher(pool);
    const indexed = performance.now();
    for (const demand of pool.demands) matcher.rankAchievementsFor(demand);
    const ranked = performance.now();
    const cpu = process.cpuUsage(cpuStart);
    for (const achievement of pool.achievements) matcher.rankDemandsFor(achievement);
    const reversed = performance.now();
    totals.push(ranked - started);
    lines.push(
      `  round ${round}: index ${ms(indexed - started)} + rank all demands (top 10) ${ms(ranked - indexed)} = ${ms(ranked - started)} ` +
        `(CPU ${ms((cpu.user + cpu.system) / 1000)}); reverse direction ${ms(reversed - ranked)}`,
    );
  }
  lines.push(`  median ${ms(median(totals))} (the wall time grows when other processes share the cores)`);
  return lines;
}

const speed = timeRankings();
const dataset = loadLabelledDataset(data);
const threshold = createMatcher({ achievements: [], demands: [] }).threshold;
const figure = (value: number) => value.toFixed(3);
const count = (value: number | null, of: number) => (value === null ? 'n/a' : `${value}/${of}`);
function row(name: string, m: RetrievalMetrics): string {
  return (
    `| ${name} | ${figure(m.recallAt5)} | ${figure(m.recallAt10)} | ${figure(m.mrrAt10)} | ${figure(m.ndcgAt10)} | ` +
    `${count(m.noMatchAboveThreshold, m.noMatchDemands)} | ${count(m.goldBelowThreshold, m.judged)} | ${count(m.goldClosedUnmatched, m.judged)} |`
  );
}

function summary(m: RetrievalMetrics) {
  const round = (value: number) => Number(value.toFixed(3));
  return {
    recallAt5: round(m.recallAt5),
    mrrAt10: round(m.mrrAt10),
    noMatchAbove: `${m.noMatchAboveThreshold}/${m.noMatchDemands}`,
    goldLost: `${m.goldBelowThreshold}/${m.judged}`,
  };
}

/**
 * What each threshold lets through and costs on every split, and its balanced error (metrics.ts)
 * averaged over the held-out splits: the engine's threshold is the one that makes it least.
 */
function printThresholdSweep(all: readonly Split[]) {
  const heldOut = all.filter((split) => split.familyOut);
  const meanError = (t: number) => heldOut.reduce((sum, split) => sum + balancedError(split.metrics.outcomes, t), 0) / heldOut.length;
  const grid = Array.from({ length: 26 }, (_, i) => Number((0.5 + i / 100).toFixed(2)));
  const least = grid.reduce((best, t) => (meanError(t) < meanError(best) ? t : best));
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  console.log(
    `threshold sweep: no-match demands through, gold demands without a confident true match; least balanced error on the held-out splits at ${least}:`,
  );
  console.log(`| threshold | ${all.map((split) => split.name).join(' | ')} | held-out balanced error |`);
  console.log(`|---|${all.map(() => '---|').join('')}---|`);
  for (const t of [...new Set([...grid.filter((_, i) => i % 5 === 0), least, threshold])].sort((x, y) => x - y)) {
    const cells = all.map(({ metrics: m }) => {
      const errors = thresholdErrors(m.outcomes, t);
      return `${errors.noMatchAbove}/${m.noMatchDemands}, ${errors.goldBelow}/${m.judged}`;
    });
    console.log(`| ${t === threshold ? `**${t}** (engine)` : t} | ${cells.join(' | ')} | ${percent(meanError(t))} |`);
  }
  console.log('');
}

const engine = evaluateEngine(dataset);
const familyOut = leaveFamilyOut(dataset);
interface Split {
  readonly name: string;
  readonly metrics: RetrievalMetrics;
  readonly baseline: RetrievalMetrics;
  readonly labelled: LabelledDataset;
  readonly familyOut: boolean;
}
const splits: Split[] = [
  { name: 'full dataset (dev: tuned on)', metrics: engine, baseline: evaluateBaseline(dataset), labelled: dataset, familyOut: false },
  {
    name: `leave-one-industry-family-out (${familyOut.folds} reduced maps)`,
    metrics: familyOut.metrics,
    baseline: evaluateBaseline(dataset),
    labelled: dataset,
    familyOut: true,
  },
];
// The author-style rewrites overlay the dev set's items.
if (data === DEV_DATASET_PATH) {
  const authorStyle = authorStyleDataset(dataset);
  const baseline = evaluateBaseline(authorStyle);
  splits.push(
    { name: 'author-style rewrites', metrics: evaluateEngine(authorStyle), baseline, labelled: authorStyle, familyOut: false },
    { name: 'author-style rewrites, family left out', metrics: leaveFamilyOut(authorStyle).metrics, baseline, labelled: authorStyle, familyOut: true },
  );
}
console.log(`dataset: ${data}`);
console.log(
  `${dataset.achievements.length} achievements, ${dataset.demands.length} demands ` +
    `(${engine.judged} with gold matches, ${engine.noMatchDemands} without); ` +
    `concept map ${CONCEPT_MAP.version}; confidence threshold ${threshold}\n`,
);
console.log('held-out figures (the ones to improve) beside the full dev set:');
console.log(
  '| split | recall@5 | MRR@10 | no-match top ≥ threshold | gold: no gold ≥ threshold | gold: a true match offered | gold: nothing near (closed) | plain BM25 recall@5 / MRR@10 |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const { name, metrics: m, baseline } of splits) {
  console.log(
    `| ${name} | ${figure(m.recallAt5)} | ${figure(m.mrrAt10)} | ${count(m.noMatchAboveThreshold, m.noMatchDemands)} | ` +
      `${count(m.goldBelowThreshold, m.judged)} | ${count(m.goldOffered, m.judged)} | ${count(m.goldClosedUnmatched, m.judged)} | ` +
      `${figure(baseline.recallAt5)} / ${figure(baseline.mrrAt10)} |`,
  );
}
console.log(`JSON ${JSON.stringify(Object.fromEntries(splits.map(({ name, metrics }) => [name, summary(metrics)])))}\n`);
printThresholdSweep(splits);
console.log(
  'true matches withheld: each demand that has one, ranked with its true matches taken out of the pool, ' +
    'so that the best left is a near neighbour (the hardest demand without a match):',
);
console.log('| split | best left ≥ threshold | median best left | median true-match score (not withheld) |');
console.log('|---|---|---|---|');
for (const { name, metrics, labelled, familyOut } of splits) {
  const withheld = withheldMatches(labelled, DEFAULT_ENGINE_CONFIG, { familyOut });
  const trueMatch = median(metrics.outcomes.filter((o) => o.hasGold).map((o) => o.bestGoldScore));
  console.log(`| ${name} | ${withheld.confident}/${withheld.demands} | ${figure(withheld.medianTop)} | ${figure(trueMatch)} |`);
}
console.log('');
console.log('full dev set, one ablation per ingredient:');
console.log('| ranker | recall@5 | recall@10 | MRR@10 | nDCG@10 | no-match top ≥ threshold | gold: no gold ≥ threshold | gold: nothing near (closed) |');
console.log('|---|---|---|---|---|---|---|---|');
console.log(row('plain BM25 (character bigrams)', evaluateBaseline(dataset)));
console.log(row('**engine**', engine));
const ablated = new Map<string, RetrievalMetrics>();
for (const [name, change] of ABLATIONS) {
  const metrics = evaluateEngine(dataset, { ...DEFAULT_ENGINE_CONFIG, ...change });
  ablated.set(name, metrics);
  console.log(row(name, metrics));
}
console.log(`(threshold columns at the engine's ${threshold}; without calibration the scores are on another scale — see below)`);

// Each variant gets its own threshold, picked on half the demands and measured on the other half.
const half = (value: number) => value.toFixed(2);
console.log('\nthreshold picked on a random half of the demands (least balanced error), ' + 'measured on the other half (200 seeded splits, means):');
console.log(
  '| ranker | no-match top ≥ threshold: tuned → held-out | gold: no gold ≥ threshold: tuned → held-out | gold: closed (held-out) | picked threshold: median [min–max] |',
);
console.log('|---|---|---|---|---|');
for (const [name, metrics] of [['**engine**', engine] as const, ...CALIBRATION_ABLATIONS.map(([n]) => [n, ablated.get(n)!] as const)]) {
  const { tuned, heldOut, thresholds: t } = splitHalfCheck(metrics.outcomes);
  console.log(
    `| ${name} | ${half(tuned.noMatchAbove)}/${tuned.noMatchDemands} → ${half(heldOut.noMatchAbove)}/${heldOut.noMatchDemands} | ` +
      `${half(tuned.goldBelow)}/${tuned.goldDemands} → ${half(heldOut.goldBelow)}/${heldOut.goldDemands} | ` +
      `${half(heldOut.goldClosed)}/${heldOut.goldDemands} | ${t.median.toFixed(3)} [${t.min.toFixed(3)}–${t.max.toFixed(3)}] |`,
  );
}

console.log(speed.join('\n'));
