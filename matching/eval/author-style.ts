import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DemandSchema } from '../schema.ts';
import type { LabelledDataset } from './dataset.ts';

/** Rewritten texts of some dev items, same ids (see data/README.md). */
export const AUTHOR_STYLE_PATH = fileURLToPath(new URL('./data/matching-author-style.json', import.meta.url));

const text = z.string().trim().min(1);
const RewriteSchema = z.object({
  demands: z.array(z.object({ id: text, title: text, description: text })),
  achievements: z.array(z.object({ id: text, title: text, summary: text, keywords: z.array(text) })),
  /** New demands, in plain words, that nothing in the dev pool addresses (judged as no-match). */
  extraDemands: z.array(DemandSchema),
});

/**
 * The author-style split: the dev pool with a sample of its demands rewritten in plain
 * shop-floor words and their gold achievements in paper language that avoids the original
 * key terms, plus new plain-language demands that nothing in the pool addresses (the kind of
 * no-match a pool built by other hands produces: no near miss, just no answer). Judged on the
 * rewritten and new demands only; the other items stay as distractors.
 */
export function authorStyleDataset(dev: LabelledDataset, path: string = AUTHOR_STYLE_PATH): LabelledDataset {
  const rewrite = RewriteSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  const demands = new Map(rewrite.demands.map((d) => [d.id, d]));
  const achievements = new Map(rewrite.achievements.map((a) => [a.id, a]));
  for (const id of [...demands.keys(), ...achievements.keys()]) {
    if (!dev.demands.some((d) => d.id === id) && !dev.achievements.some((a) => a.id === id)) throw new Error(`${path}: ${id} is not a dev item`);
  }
  return {
    achievements: dev.achievements.map((a) => ({ ...a, ...achievements.get(a.id) })),
    demands: [...dev.demands.map((d) => ({ ...d, ...demands.get(d.id) })), ...rewrite.extraDemands],
    gold: [...dev.gold.filter((entry) => demands.has(entry.demandId)), ...rewrite.extraDemands.map((d) => ({ demandId: d.id, relevant: [] }))],
  };
}
