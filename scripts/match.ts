/**
 * Ranks achievements for every demand of a matching file. Scores are calibrated
 * confidences: below the printed threshold a candidate is not plausible.
 *
 *   npm run match -- --input FILE [--top K] [--json]
 *
 * Errors go to stderr as `error: FILE: demands[3].title: expected string` and exit 1.
 */
import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { createMatcher } from '../matching/index.ts';
import { parseMatchingInput } from '../matching/parse-input.ts';

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new InvalidArgumentError('expected a positive integer');
  return parsed;
}

const program = new Command('match')
  .description('Rank university achievements for each enterprise demand of a matching file')
  .requiredOption('--input <file>', 'JSON file: { "achievements": [...], "demands": [...] }')
  .option('--top <k>', 'candidates per demand', positiveInteger, 10)
  .option('--json', 'print machine-readable JSON')
  .parse();

const { input: file, top, json } = program.opts<{ input: string; top: number; json?: boolean }>();

function fail(messages: readonly string[]): never {
  for (const message of messages) process.stderr.write(`error: ${file}: ${message}\n`);
  process.exit(1);
}

let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  fail([(error as Error).message]);
}
const parsed = parseMatchingInput(text);
if (!parsed.ok) fail(parsed.errors);

const matcher = createMatcher(parsed.input);
const rankings = parsed.input.demands.map((demand) => ({
  demandId: demand.id,
  candidates: matcher.rankAchievementsFor(demand, { top }).map(({ id, score, reasons, flags }) => ({
    achievementId: id,
    score,
    reasons,
    flags,
  })),
}));

if (json) {
  // Candidates below `threshold` are listed for inspection; a demand with none above it is unmatched.
  process.stdout.write(`${JSON.stringify({ threshold: matcher.threshold, rankings }, null, 2)}\n`);
} else {
  const titles = new Map(parsed.input.achievements.map((a) => [a.id, a.title]));
  for (const [i, ranking] of rankings.entries()) {
    const demand = parsed.input.demands[i]!;
    process.stdout.write(`\n${demand.id} ${demand.title}\n`);
    if (!ranking.candidates.some((c) => c.score >= matcher.threshold)) {
      process.stdout.write(`  (no candidate above the confidence threshold ${matcher.threshold})\n`);
    }
    for (const c of ranking.candidates) {
      const flags = c.flags.length > 0 ? ` [${c.flags.join(', ')}]` : '';
      process.stdout.write(`  ${c.score.toFixed(3)} ${c.achievementId} ${titles.get(c.achievementId)}${flags}\n`);
      process.stdout.write(`        ${c.reasons.join(' · ')}\n`);
    }
  }
}
