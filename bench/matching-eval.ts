/**
 * Matchmaking benchmark: dev-set quality of the engine beside a plain BM25 baseline,
 * one ablation per ingredient, and the speed of a national-event-sized pool.
 *
 *   npx tsx bench/matching-eval.ts [--data FILE]   (default ../shared/data/matching-dev.json)
 */
import { Command } from 'commander';
import { DEFAULT_ENGINE_CONFIG, type EngineConfig } from '../matching/config.ts';
import { CONCEPT_MAP } from '../matching/concepts/index.ts';
import { DEV_DATASET_PATH, loadLabelledDataset } from '../matching/eval/dataset.ts';
import { evaluateBaseline, evaluateEngine } from '../matching/eval/evaluate.ts';
import type { RetrievalMetrics } from '../matching/eval/metrics.ts';
import { syntheticPool } from '../matching/eval/synthetic.ts';
import { createMatcher } from '../matching/index.ts';

const { data } = new Command('matching-eval')
  .option('--data <file>', 'labelled matching file', DEV_DATASET_PATH)
  .parse()
  .opts<{ data: string }>();

const ABLATIONS: readonly [string, Partial<EngineConfig>][] = [
  ['− word segmentation (bigrams)', { wordSegmentation: false }],
  ['− field weighting (title/keywords)', { fieldWeighting: false }],
  ['− concept matching', { conceptMatching: false }],
  ['− query expansion', { queryExpansion: false }],
  ['− concept map (matching + expansion)', { conceptMatching: false, queryExpansion: false }],
  ['− field overlap', { fieldOverlap: false }],
  ['− mode fit', { modeFit: false }],
  ['− maturity fit', { maturityFit: false }],
  ['− region preference', { regionPreference: false }],
];

const dataset = loadLabelledDataset(data);
const threshold = createMatcher({ achievements: [], demands: [] }).threshold;
const figure = (value: number) => value.toFixed(3);
function row(name: string, m: RetrievalMetrics): string {
  const noMatch = m.noMatchAboveThreshold === null ? 'n/a' : `${m.noMatchAboveThreshold}/${m.noMatchDemands}`;
  return `| ${name} | ${figure(m.recallAt5)} | ${figure(m.recallAt10)} | ${figure(m.mrrAt10)} | ${figure(m.ndcgAt10)} | ${noMatch} |`;
}

const engine = evaluateEngine(dataset);
console.log(`dataset: ${data}`);
console.log(
  `${dataset.achievements.length} achievements, ${dataset.demands.length} demands ` +
    `(${engine.judged} with gold matches, ${engine.noMatchDemands} without); ` +
    `concept map ${CONCEPT_MAP.version}; confidence threshold ${threshold}\n`,
);
console.log('| ranker | recall@5 | recall@10 | MRR@10 | nDCG@10 | no-match top ≥ threshold |');
console.log('|---|---|---|---|---|---|');
console.log(row('plain BM25 (character bigrams)', evaluateBaseline(dataset)));
console.log(row('**engine**', engine));
for (const [name, change] of ABLATIONS) console.log(row(name, evaluateEngine(dataset, { ...DEFAULT_ENGINE_CONFIG, ...change })));

const pool = syntheticPool(1500, 1100);
const started = performance.now();
const matcher = createMatcher(pool);
const indexed = performance.now();
for (const demand of pool.demands) matcher.rankAchievementsFor(demand);
const ranked = performance.now();
for (const achievement of pool.achievements) matcher.rankDemandsFor(achievement);
const reversed = performance.now();
const ms = (from: number, to: number) => `${(to - from).toFixed(0)} ms`;
console.log(`\nspeed (synthetic ${pool.achievements.length} achievements × ${pool.demands.length} demands, single process):`);
console.log(`  index ${ms(started, indexed)} + rank all demands (top 10) ${ms(indexed, ranked)} = ${ms(started, ranked)}`);
console.log(`  reverse direction, rank demands for all achievements: ${ms(ranked, reversed)}`);
