import { describe, expect, it } from 'vitest';
import { loadLabelledDataset } from '../../matching/eval/dataset.ts';
import { evaluateBaseline, evaluateEngine } from '../../matching/eval/evaluate.ts';

/** Figures reached by `bench/matching-eval.ts` (recall@5 0.937, MRR@10 0.756), less a small margin. */
const RECALL_AT_5_FLOOR = 0.93;
const MRR_AT_10_FLOOR = 0.74;

describe('dev-set regression', () => {
  const dataset = loadLabelledDataset();
  const engine = evaluateEngine(dataset);

  it(`keeps recall@5 at or above ${RECALL_AT_5_FLOOR} and MRR@10 at or above ${MRR_AT_10_FLOOR}`, () => {
    expect(engine.recallAt5).toBeGreaterThanOrEqual(RECALL_AT_5_FLOOR);
    expect(engine.mrrAt10).toBeGreaterThanOrEqual(MRR_AT_10_FLOOR);
  });

  it('beats the plain BM25 baseline clearly', () => {
    const baseline = evaluateBaseline(dataset);
    expect(engine.recallAt5 - baseline.recallAt5).toBeGreaterThan(0.15);
    expect(engine.mrrAt10 - baseline.mrrAt10).toBeGreaterThan(0.2);
  });
});
