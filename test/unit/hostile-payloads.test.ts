/**
 * Hostile input at every door: random JSON and mutated valid values given to the workflow's
 * payload check, the intake schema, the card callback parser and the CLI's JSON parsers. Each is
 * refused with a clean error that names the field at fault, and never throws anything else.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDecision } from '../../app/decision-fields.ts';
import { SubmissionSchema, type Submission } from '../../app/intake.ts';
import { checkSpec, type Spec } from '../../domain/payload-spec.ts';
import { REFERENCE_PATTERN } from '../../domain/reference.ts';
import { ActionValueSchema } from '../../lark/cards/action-value.ts';
import { parseInput, ValidationError } from '../../lib/validation.ts';
import { describeRefusal } from '../../notifications/refusal-words.ts';
import { asJsonObject, parseJsonObject, readJson } from '../../scripts/cli.ts';
import { parsePayload } from '../../workflows/decisions/decision.ts';
import { DECISION_NAMES, DECISIONS } from '../../workflows/decisions/index.ts';
import { PET_FOOD_DEMAND, ROLL_WEAR_DEMAND } from '../fixtures/submissions.ts';

/** Every case each property tried, summed and printed at the end. */
let tried = 0;
const check = <T>(arbitrary: fc.Arbitrary<T>, numRuns: number, predicate: (value: T) => void): void => {
  fc.assert(
    fc.property(arbitrary, (value) => {
      tried += 1;
      predicate(value);
    }),
    { numRuns },
  );
};
afterAll(() => {
  console.log(`hostile-payloads: ${tried} cases tried`);
});

type Json = unknown;
type Path = readonly (string | number)[];

/** Keys that trip up code which treats an object as a map. */
const hostileKey = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', ''), fc.string({ maxLength: 8 }));

/** Any JSON value, including objects with hostile keys, strings in any unicode, deep nesting now and then. */
const json: fc.Arbitrary<Json> = fc.oneof(
  { arbitrary: fc.jsonValue({ maxDepth: 4 }), weight: 4 },
  { arbitrary: fc.constantFrom('', ' ', '\u0000', '\uFEFF', '\uD800', 'null', '[]', 'a'.repeat(6000), -0, 1e308, -1, 0.5, 2 ** 53), weight: 1 },
  {
    arbitrary: fc
      .tuple(hostileKey, fc.jsonValue({ maxDepth: 2 }))
      .map(([key, value]) => JSON.parse(`{${JSON.stringify(key)}:${JSON.stringify(value)}}`) as Json),
    weight: 1,
  },
);

/** The value with `key` set to `value` as JSON.parse makes it: an own property, even for `__proto__`. */
const withKey = (object: Readonly<Record<string, unknown>>, key: string, value: Json): Record<string, unknown> => {
  const rest = JSON.stringify(Object.fromEntries(Object.entries(object).filter(([name]) => name !== key))).slice(1);
  return JSON.parse(`{${JSON.stringify(key)}:${JSON.stringify(value)}${rest === '}' ? '' : ','}${rest}`) as Record<string, unknown>;
};

// ---------------------------------------------------------------- valid values, from the spec

const trimmedText = (max: number): fc.Arbitrary<string> =>
  fc
    .oneof(fc.string({ minLength: 1, maxLength: Math.min(max, 40), unit: 'binary' }), fc.constant('技术'.repeat(Math.floor(max / 2))))
    .map((text) => text.trim())
    .filter((text) => text !== '' && text.length <= max);

const isoDate = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2999-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());

/** Values the spec accepts, already trimmed, so that the check gives them back unchanged. */
const validFor = (spec: Spec): fc.Arbitrary<unknown> => {
  switch (spec.kind) {
    case 'text':
      return trimmedText(spec.max);
    case 'enum':
      return fc.constantFrom(...spec.values);
    case 'number': {
      const min = spec.positive ? 1 : 0;
      const max = spec.max ?? Number.MAX_SAFE_INTEGER;
      const whole = fc.integer({ min, max: Math.min(max, Number.MAX_SAFE_INTEGER) });
      return spec.integer ? whole : fc.oneof(whole, fc.double({ min: spec.positive ? Number.MIN_VALUE : 0, max, noNaN: true }));
    }
    case 'date':
      return isoDate.map((instant) => instant.slice(0, 10));
    case 'due':
      return fc.oneof(
        isoDate.map((instant) => instant.slice(0, 10)),
        isoDate,
        fc.tuple(isoDate, fc.constantFrom('+08:00', '-05:30', '+0000')).map(([instant, offset]) => `${instant.slice(0, 19)}${offset}`),
        isoDate.map((instant) => `${instant.slice(0, 16)}+08:00`),
      );
    case 'link':
      return fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true, withFragments: true });
    case 'nullable':
      return fc.oneof(fc.constant(null), validFor(spec.item));
    case 'list':
      return fc.array(validFor(spec.item), { minLength: spec.min ?? 0, maxLength: Math.min(spec.max ?? 3, 3) });
    case 'object': {
      const required = Object.entries<Spec>(spec.fields)
        .filter(([, field]) => !field.optional)
        .map(([key]) => key);
      const record = fc.record(Object.fromEntries(Object.entries<Spec>(spec.fields).map(([key, field]) => [key, validFor(field)])), { requiredKeys: required });
      return record.filter((value) => spec.rules.every((rule) => rule.holds(value as never)));
    }
  }
};

/** The spec a path leads to inside `spec`, if the path follows it. */
const specAt = (spec: Spec, at: Path): Spec | undefined => {
  const [head, ...rest] = at;
  if (head === undefined) return spec;
  if (spec.kind === 'object' && typeof head === 'string' && Object.hasOwn(spec.fields, head)) return specAt(spec.fields[head]!, rest);
  if (spec.kind === 'list' && typeof head === 'number') return specAt(spec.item, rest);
  if (spec.kind === 'nullable') return specAt(spec.item, at);
  return undefined;
};

/** Every place in a value a mutation can reach: object keys (present or not), list items. */
const placesIn = (spec: Spec, value: unknown, at: Path = []): Path[] => {
  if (spec.kind === 'nullable') return value === null ? [] : placesIn(spec.item, value, at);
  if (spec.kind === 'list' && Array.isArray(value)) return value.flatMap((item, index) => [[...at, index], ...placesIn(spec.item, item, [...at, index])]);
  if (spec.kind === 'object' && typeof value === 'object' && value !== null) {
    return Object.keys(spec.fields).flatMap((key) => [[...at, key], ...placesIn(spec.fields[key]!, (value as Record<string, unknown>)[key], [...at, key])]);
  }
  return [];
};

/** A copy of `value` with the place at `at` replaced (or removed, for `undefined`). */
const replaced = (value: unknown, at: Path, by: unknown): unknown => {
  const [head, ...rest] = at;
  if (head === undefined) return by;
  if (Array.isArray(value)) return (value as unknown[]).map((item, index) => (index === head ? replaced(item, rest, by) : item));
  const copy = { ...(value as Record<string, unknown>) };
  const next = replaced(copy[head], rest, by);
  if (next === undefined) delete copy[head];
  else copy[head] = next;
  return copy;
};

/** A valid value, one place in it, and what is put there: random JSON, or nothing. */
const mutated = (spec: Spec): fc.Arbitrary<{ valid: unknown; at: Path; by: unknown }> =>
  validFor(spec).chain((valid) => {
    const places = placesIn(spec, valid);
    return fc.record({ valid: fc.constant(valid), at: fc.constantFrom(...places), by: fc.oneof(json, fc.constant(undefined)) });
  });

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const startsWith = (path: Path, prefix: Path): boolean => prefix.every((key, index) => path[index] === key);

// ---------------------------------------------------------------- the workflow's payload check

describe('a decision payload given to the workflow', () => {
  const decisions = DECISIONS.map((decision) => ({ decision, name: decision.name }));
  const fieldsOf = (decision: (typeof DECISIONS)[number]): string[] => Object.keys(decision.payload.fields);
  const rulePaths = (decision: (typeof DECISIONS)[number]): string[] => decision.payload.rules.map((rule) => rule.path);

  it.each(decisions)('$name: 150 valid payloads pass, given back unchanged', ({ decision }) => {
    check(validFor(decision.payload), 150, (payload) => {
      const parsed = parsePayload(decision, payload);
      expect(parsed.ok ? parsed.value : parsed.refusal).toEqual(payload);
      expect(prepareDecision(decision, payload, 'en', 'keys').ok).toBe(true);
    });
  });

  it.each(decisions)('$name: 200 random JSON values are refused, naming each field at fault; never a throw', ({ decision }) => {
    const keyed = fc.dictionary(fc.constantFrom(...fieldsOf(decision)), json, { maxKeys: 4 });
    check(fc.oneof(json, keyed), 200, (payload) => {
      const parsed = parsePayload(decision, payload);
      const prepared = prepareDecision(decision, payload, 'en', 'keys');
      expect(prepared.ok).toBe(parsed.ok);
      if (parsed.ok) return;
      expect(parsed.refusal.type).toBe('InvalidDecision');
      const problems = parsed.refusal.code === 'invalid' ? (parsed.refusal.params as { problems: { path: Path; message: string }[] }).problems : [];
      expect(problems.length).toBeGreaterThan(0);
      for (const problem of problems) {
        expect(problem.message).toMatch(/\S/);
        if (isRecord(payload)) expect([...fieldsOf(decision), ...rulePaths(decision)]).toContain(problem.path[0]);
        else expect(problem).toEqual({ path: [], message: 'expected an object' });
      }
      const words = describeRefusal(parsed.refusal, 'en', 'keys');
      for (const problem of problems) if (problem.path[0] !== undefined) expect(words).toContain(String(problem.path[0]));
      expect(prepared.ok ? [] : prepared.problems).not.toHaveLength(0);
    });
  });

  it.each(decisions)('$name: 200 valid payloads with one place changed pass, or are refused at that place', ({ decision }) => {
    check(mutated(decision.payload), 200, ({ valid, at, by }) => {
      const payload = replaced(valid, at, by);
      const parsed = parsePayload(decision, payload);
      const placeSpec = specAt(decision.payload, at)!;
      const wrongThere = !checkSpec(placeSpec, by).ok;
      if (wrongThere) expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      const problems = parsed.refusal.code === 'invalid' ? (parsed.refusal.params as { problems: { path: Path; message: string }[] }).problems : [];
      expect(problems.length).toBeGreaterThan(0);
      for (const problem of problems) {
        // At the changed place or within it, or a rule across fields that the change broke.
        const related = startsWith(problem.path, at) || startsWith(at, problem.path) || rulePaths(decision).includes(String(problem.path[0]));
        expect(related, JSON.stringify({ at, by, problem })).toBe(true);
      }
      if (wrongThere) expect(problems.some((problem) => startsWith(problem.path, at))).toBe(true);
      expect(prepareDecision(decision, payload, 'en', 'keys').ok).toBe(false);
    });
  });

  it.each(decisions)('$name: 100 valid payloads with a hostile extra key still pass, unchanged', ({ decision }) => {
    check(fc.tuple(validFor(decision.payload), hostileKey, json), 100, ([valid, key, value]) => {
      fc.pre(!Object.hasOwn(decision.payload.fields, key));
      const parsed = parsePayload(decision, withKey(valid as Record<string, unknown>, key, value));
      expect(parsed.ok ? parsed.value : parsed.refusal).toEqual(valid);
    });
  });
});

// ---------------------------------------------------------------- intake

const ACHIEVEMENT: Submission = {
  kind: 'achievement',
  university: '东北大学',
  title: '轧辊激光熔覆修复技术',
  summary: '激光熔覆在轧辊表面制备耐磨涂层，寿命提高一倍以上。',
  fields: ['冶金'],
  keywords: ['激光熔覆'],
  maturity: 6,
  cooperationModes: ['许可'],
  region: '辽宁省',
};
const SUBMISSIONS: readonly Submission[] = [ROLL_WEAR_DEMAND, PET_FOOD_DEMAND, ACHIEVEMENT];

/** What intake does with raw input: the value, or a ValidationError; anything else thrown fails the test. */
const intake = (raw: unknown): { ok: true } | { ok: false; message: string } => {
  try {
    parseInput(SubmissionSchema, raw, 'submission');
    return { ok: true };
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return { ok: false, message: (error as Error).message };
  }
};

describe('an intake submission', () => {
  it('the valid fixtures pass', () => {
    for (const submission of SUBMISSIONS) expect(intake(submission)).toEqual({ ok: true });
  });

  it('300 random JSON values are refused with a ValidationError naming the field; never another throw', () => {
    const keyed = fc.dictionary(fc.constantFrom('kind', 'title', 'enterprise', 'fields', 'budgetWan', 'region'), json, { maxKeys: 6 });
    check(fc.oneof(json, keyed), 300, (raw) => {
      const outcome = intake(raw);
      expect(outcome.ok).toBe(false);
      if (outcome.ok) return;
      // An object is refused at a field (its kind first of all); anything else as a whole.
      expect(outcome.message).toMatch(isRecord(raw) ? /^submission: [a-zA-Z]+(\[\d+\])?: \S/ : /^submission: \S/);
    });
  });

  it('300 valid submissions with one field changed pass, or are refused naming that field', () => {
    const arbitrary = fc.record({
      submission: fc.constantFrom(...SUBMISSIONS),
      key: fc.oneof(fc.constantFrom(...new Set(SUBMISSIONS.flatMap((s) => Object.keys(s)))), hostileKey),
      value: fc.oneof(json, fc.constant(undefined)),
    });
    check(arbitrary, 300, ({ submission, key, value }) => {
      const raw = value === undefined ? replaced(submission, [key], undefined) : withKey(submission, key, value);
      const outcome = intake(raw);
      if (!Object.hasOwn(submission, key)) expect(outcome).toEqual({ ok: true });
      if (outcome.ok) return;
      // A kind changed to the other kind is refused at the other kind's fields.
      if (key === 'kind' && (value === 'demand' || value === 'achievement')) expect(outcome.message).toMatch(/^submission: [a-z]/);
      else expect(outcome.message.startsWith(`submission: ${key}`), outcome.message).toBe(true);
    });
  });
});

// ---------------------------------------------------------------- card callback values

describe('a card callback value', () => {
  const reference = fc
    .tuple(fc.integer({ min: 2000, max: 2999 }), fc.integer({ min: 0, max: 999_999 }))
    .map(([y, n]) => `P-${y}-${String(n).padStart(6, '0')}`);
  const valid = fc.oneof(
    fc.record({ v: fc.constant(1), ref: reference, d: fc.constantFrom(...DECISION_NAMES), decision: fc.constantFrom('approve', 'reject') }),
    fc.record({ v: fc.constant(1), ref: reference, d: fc.constant('show'), view: fc.constantFrom('status', 'match') }),
    fc.record({ v: fc.constant(1), d: fc.constant('submit'), kind: fc.constantFrom('demand', 'achievement') }),
  );

  it('the references generated are real ones', () => {
    check(reference, 20, (ref) => expect(ref).toMatch(REFERENCE_PATTERN));
  });

  it('200 valid values pass', () => {
    check(valid, 200, (value) => expect(ActionValueSchema.safeParse(value).success).toBe(true));
  });

  it('300 random JSON values are refused cleanly, with a reason; never a throw', () => {
    check(json, 300, (value) => {
      const parsed = ActionValueSchema.safeParse(value);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.length).toBeGreaterThan(0);
      for (const issue of parsed.error?.issues ?? []) expect(issue.message).toMatch(/\S/);
    });
  });

  it('300 valid values with one key changed pass, or are refused; never a throw', () => {
    check(fc.tuple(valid, fc.oneof(fc.constantFrom('v', 'ref', 'd', 'view', 'kind', 'seq', 'decision'), hostileKey), json), 300, ([value, key, by]) => {
      const parsed = ActionValueSchema.safeParse(withKey(value, key, by));
      if (!parsed.success) expect(parsed.error.issues.length).toBeGreaterThan(0);
    });
  });
});

// ---------------------------------------------------------------- the CLI's JSON parsers

describe('the CLI’s JSON', () => {
  let directory = '';
  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'qxwq-hostile-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  /** A ValidationError whose message starts with `prefix`, or the value. */
  const outcomeOf = async (run: () => unknown): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> => {
    try {
      return { ok: true, value: await run() };
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      return { ok: false, message: (error as Error).message };
    }
  };

  it('150 files of random bytes or random JSON: their value, or an error naming the file', async () => {
    const file = path.join(directory, 'input.json');
    const contents = fc.oneof(
      fc.uint8Array({ maxLength: 200 }),
      json.map((value) => new TextEncoder().encode(JSON.stringify(value))),
      fc.constant(new Uint8Array([0xef, 0xbb, 0xbf, 0x7b, 0x7d])),
    );
    await fc.assert(
      fc.asyncProperty(contents, async (bytes) => {
        tried += 1;
        await writeFile(file, bytes);
        const read = await outcomeOf(() => readJson(file));
        if (!read.ok) {
          expect(read.message).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not valid JSON \\(.+\\)$`, 's'));
          return;
        }
        const object = await outcomeOf(() => asJsonObject(read.value, file));
        if (isRecord(read.value)) expect(object.ok).toBe(true);
        else expect(object).toEqual({ ok: false, message: `${file}: expected a JSON object` });
      }),
      { numRuns: 150 },
    );
    expect(await outcomeOf(() => readJson(path.join(directory, 'absent.json')))).toEqual({
      ok: false,
      message: `${path.join(directory, 'absent.json')}: no such file`,
    });
  });

  it('300 random --data texts: a JSON object, or a clear error', async () => {
    const texts = fc.oneof(
      fc.string({ maxLength: 40, unit: 'binary' }),
      fc.json({ maxDepth: 3 }),
      json.map((value) => JSON.stringify(value)),
    );
    await fc.assert(
      fc.asyncProperty(texts, async (text) => {
        tried += 1;
        const outcome = await outcomeOf(() => parseJsonObject(text, '--data'));
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch {
          expect(outcome.ok ? '' : outcome.message).toMatch(/^--data: not valid JSON \(.+\)$/s);
          return;
        }
        if (isRecord(value)) expect(outcome.ok).toBe(true);
        else expect(outcome).toEqual({ ok: false, message: '--data: expected a JSON object' });
      }),
      { numRuns: 300 },
    );
  });

  it('JSON nested too deeply to send is refused by name, not with a stack overflow', () => {
    const deep = JSON.parse(`{"decision":${'['.repeat(100_000)}${']'.repeat(100_000)}}`) as unknown;
    expect(() => asJsonObject(deep, 'decision.json')).toThrow(new ValidationError('decision.json: nested too deeply'));
  });
});
