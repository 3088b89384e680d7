import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { MatchingInputSchema, type MatchingInput } from '../schema.ts';

export const GoldSchema = z.array(z.object({ demandId: z.string(), relevant: z.array(z.string()) }));
export type Gold = z.infer<typeof GoldSchema>;

export interface LabelledDataset extends MatchingInput {
  gold: Gold;
}

/** The development evaluation set, kept beside the evaluation code (see data/README.md). */
export const DEV_DATASET_PATH = fileURLToPath(new URL('./data/matching-dev.json', import.meta.url));

/** Reads a matching file that carries its `gold` key (evaluation only; the engine never reads files). */
export function loadLabelledDataset(path: string = DEV_DATASET_PATH): LabelledDataset {
  const input = MatchingInputSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
  return { ...input, gold: GoldSchema.parse(input.gold) };
}
