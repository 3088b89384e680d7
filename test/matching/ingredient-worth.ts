import { expect } from 'vitest';
import { DEFAULT_ENGINE_CONFIG, type EngineConfig } from '../../matching/config.ts';
import { authorStyleDataset } from '../../matching/eval/author-style.ts';
import { loadLabelledDataset } from '../../matching/eval/dataset.ts';
import { evaluateEngine } from '../../matching/eval/evaluate.ts';
import { leaveFamilyOut } from '../../matching/eval/leave-family-out.ts';

/**
 * Asserts that the engine puts more true matches first than the engine with `switchedOff`, and finds
 * no fewer in the first five, on the dev set and on plain words without a family's knowledge
 * (author-style, family left out): the split the engine was built on and the hardest held-out one.
 */
export function expectMoreTrueMatchesFirstThanWithout(switchedOff: Partial<EngineConfig>): void {
  const dev = loadLabelledDataset();
  const author = authorStyleDataset(dev);
  const without = { ...DEFAULT_ENGINE_CONFIG, ...switchedOff };
  const pairs = [
    ['dev', evaluateEngine(dev), evaluateEngine(dev, without)],
    ['author-style, family left out', leaveFamilyOut(author).metrics, leaveFamilyOut(author, without).metrics],
  ] as const;
  for (const [split, engine, ablated] of pairs) {
    expect(engine.mrrAt10, split).toBeGreaterThan(ablated.mrrAt10);
    expect(engine.recallAt5, split).toBeGreaterThanOrEqual(ablated.recallAt5);
  }
}
