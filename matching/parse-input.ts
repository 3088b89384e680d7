import type { z } from 'zod';
import { MatchingInputSchema, type MatchingInput } from './schema.ts';

export type ParseResult = { ok: true; input: MatchingInput } | { ok: false; errors: string[] };

/** `demands[3].title` from zod's ['demands', 3, 'title']. */
function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`)).join('');
}

function formatIssue(issue: z.core.$ZodIssue): string {
  const message = issue.message.replace(/^Invalid input: /, '');
  return issue.path.length > 0 ? `${formatPath(issue.path)}: ${message}` : message;
}

/**
 * Parses the text of a matching file ({ achievements, demands, gold? }) and names
 * the item and field of every problem, e.g. `demands[3].title: expected string, received undefined`.
 */
export function parseMatchingInput(text: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`invalid JSON: ${(error as Error).message}`] };
  }
  const parsed = MatchingInputSchema.safeParse(json);
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, errors: parsed.error.issues.map(formatIssue) };
}
