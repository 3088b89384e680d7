import { readFile } from 'node:fs/promises';
import { parseInput } from './validation.ts';
import { ProgrammePolicySchema } from './policy-schema.ts';
import { type ProgrammePolicyInput } from '../domain/policy.ts';

/**
 * The programme policy new partnerships start with: POLICY_FILE (JSON) or the defaults. It is
 * validated here so a mistake stops the service at start-up rather than a workflow later.
 */
export const loadPolicy = async (file: string | undefined): Promise<ProgrammePolicyInput> => {
  if (!file) return {};
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`POLICY_FILE ${file}: ${(error as Error).message}`);
  }
  parseInput(ProgrammePolicySchema, json, `POLICY_FILE ${file}`);
  return json as ProgrammePolicyInput;
};
