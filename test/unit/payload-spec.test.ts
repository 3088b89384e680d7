/**
 * The workflow checks a decision's payload with plain code (domain/payload-spec.ts); the bot and
 * the CLI check the same spec through zod (app/payload-zod.ts). They must accept and refuse the
 * same payloads, or a form the bot lets through would be refused by the workflow, or worse.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toZod } from '../../app/payload-zod.ts';
import { checkSpec, type Spec } from '../../domain/payload-spec.ts';
import { DECISIONS } from '../../workflows/decisions/index.ts';

/** Values a person or a careless client might send for a spec: valid ones, near misses and junk. */
const valueFor = (spec: Spec): fc.Arbitrary<unknown> => {
  const junk = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer(), fc.string({ maxLength: 5 }), fc.constant({}), fc.constant([]));
  const valid = ((): fc.Arbitrary<unknown> => {
    switch (spec.kind) {
      case 'text':
        return fc.oneof(
          fc.string({ minLength: 1, maxLength: 12 }),
          fc.constant('  padded  '),
          fc.constant('   '),
          fc.constant('x'.repeat(spec.max + 1)),
          fc.constant(` ${'y'.repeat(spec.max)} `),
        );
      case 'enum':
        return fc.oneof(fc.constantFrom(...spec.values), fc.constant(`${spec.values[0] ?? ''}x`));
      case 'number':
        return fc.oneof(fc.integer({ min: -2, max: 3 }), fc.double({ noNaN: false }), fc.constant(1e12), fc.constant(1e12 + 1), fc.constant(0.5));
      case 'date':
        return fc.constantFrom('2026-11-20', '2024-02-29', '2026-02-29', '2026-13-01', '2026-1-2', '20261120', '2026-11-20T09:00:00+08:00');
      case 'due':
        return fc.constantFrom(
          '2027-01-15',
          '2027-01-15T09:00:00+08:00',
          '2027-01-15T01:00:00Z',
          '2027-01-15T09:00:00',
          '2027-01-15T09:00:00.123+08:00',
          '2027-02-30',
          'soon',
        );
      case 'link':
        return fc.constantFrom(
          'https://example.org/report.pdf',
          'http://intranet.example/x',
          'ftp://example.org/x',
          'example.org',
          'https://',
          'https://exa mple.org',
        );
      case 'nullable':
        return fc.oneof(fc.constant(null), valueFor(spec.item));
      case 'list':
        return fc.array(valueFor(spec.item), { maxLength: Math.min((spec.max ?? 3) + 1, 4) });
      case 'object':
        return fc.record(Object.fromEntries(Object.entries<Spec>(spec.fields).map(([key, field]) => [key, valueFor(field)])), { requiredKeys: [] });
    }
  })();
  return fc.oneof({ arbitrary: valid, weight: 6 }, { arbitrary: junk, weight: 1 });
};

describe('a decision payload', () => {
  it.each(DECISIONS.map((decision) => ({ decision, name: decision.name })))(
    '$name: the workflow’s plain check and the bot’s zod check agree',
    ({ decision }) => {
      const schema = toZod(decision.payload);
      fc.assert(
        fc.property(valueFor(decision.payload), (value) => {
          const plain = checkSpec(decision.payload, value);
          const zod = schema.safeParse(value);
          expect(plain.ok, JSON.stringify({ value, problems: plain.ok ? [] : plain.problems, zod: zod.error?.issues })).toBe(zod.success);
          if (plain.ok && zod.success) expect(plain.value).toEqual(zod.data);
        }),
        { numRuns: 300 },
      );
    },
  );
});
