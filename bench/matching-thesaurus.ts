/**
 * Does a published thesaurus help? The held-out figures of bench/matching-eval.ts with and without
 * a Cilin-format thesaurus expanding every query (see matching/eval/thesaurus.ts). None is shipped:
 * HanLP's portable jar on Maven Central carries one (Apache-2.0 packaging):
 *
 *   curl -O https://repo1.maven.org/maven2/com/hankcs/hanlp/portable-1.8.6/hanlp-portable-1.8.6.jar
 *   unzip -o hanlp-portable-1.8.6.jar data/dictionary/synonym/CoreSynonym.txt
 *   npx tsx bench/matching-thesaurus.ts --cilin data/dictionary/synonym/CoreSynonym.txt
 *
 * or `--groups FILE` for one synonym group per line (cnsyn's chinese_dictionary/sim_words.txt: `pip download --no-deps cnsyn`).
 */
import { Command } from 'commander';
import { CONCEPT_MAP, type ConceptMap } from '../matching/concepts/index.ts';
import { DEFAULT_ENGINE_CONFIG } from '../matching/config.ts';
import { authorStyleDataset } from '../matching/eval/author-style.ts';
import { loadLabelledDataset } from '../matching/eval/dataset.ts';
import { evaluateEngine } from '../matching/eval/evaluate.ts';
import { leaveFamilyOut } from '../matching/eval/leave-family-out.ts';
import type { RetrievalMetrics } from '../matching/eval/metrics.ts';
import { readCilin, readGroups } from '../matching/eval/thesaurus.ts';

const options = new Command('matching-thesaurus')
  .option('--cilin <file>', 'thesaurus in the Cilin line format')
  .option('--groups <file>', 'thesaurus of one synonym group per line (e.g. cnsyn chinese_dictionary/sim_words.txt on PyPI)')
  .parse()
  .opts<{ cilin?: string; groups?: string }>();
const source = options.cilin ?? options.groups;
if (!source) throw new Error('give --cilin FILE or --groups FILE');
const synonyms = options.cilin ? readCilin(options.cilin) : readGroups(source);
const dev = loadLabelledDataset();
const authorStyle = authorStyleDataset(dev);
const cell = (m: RetrievalMetrics) => `${m.recallAt5.toFixed(3)} / ${m.mrrAt10.toFixed(3)}, ${m.noMatchAboveThreshold}/${m.noMatchDemands}`;
console.log(`${source}: ${synonyms.size} words with synonyms\n`);
console.log('| concept map | dev | leave-family-out | author-style | author-style, family left out |');
console.log('|---|---|---|---|---|');
for (const [name, map] of [
  ['as shipped', CONCEPT_MAP],
  ['with the thesaurus', { ...CONCEPT_MAP, version: `${CONCEPT_MAP.version}+thesaurus`, synonyms }],
] as [string, ConceptMap][]) {
  const figures = [
    evaluateEngine(dev, DEFAULT_ENGINE_CONFIG, map),
    leaveFamilyOut(dev, DEFAULT_ENGINE_CONFIG, map).metrics,
    evaluateEngine(authorStyle, DEFAULT_ENGINE_CONFIG, map),
    leaveFamilyOut(authorStyle, DEFAULT_ENGINE_CONFIG, map).metrics,
  ];
  console.log(`| ${name} | ${figures.map(cell).join(' | ')} |`);
}
console.log('(each cell: recall@5 / MRR@10, no-match demands with a candidate at or above the threshold)');
