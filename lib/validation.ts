import type { z } from 'zod';

/** "demands[3].title: expected string; …": every problem, each with where it is. */
export const describeIssues = (issues: readonly z.core.$ZodIssue[]): string =>
  issues
    .map((issue) => {
      const where = issue.path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
      return where ? `${where}: ${issue.message}` : issue.message;
    })
    .join('; ');

export class ValidationError extends Error {
  override name = 'ValidationError';
}

/** Parses input at a boundary, or throws naming the input and every field that is wrong. */
export const parseInput = <S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> => {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ValidationError(`${what}: ${describeIssues(parsed.error.issues)}`);
};
