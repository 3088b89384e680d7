/**
 * Payload specs: what a decision's payload holds, written once as plain data and checked by plain
 * code, so that the workflow sandbox carries no schema library (each cached workflow evaluates
 * its modules afresh). The bot, the CLI and web pages check the same specs through zod
 * (app/payload-zod.ts), with zod's messages in the person's language.
 */
import type { Problem } from './refusals.ts';

interface Base<T> {
  /** Phantom: the value's type once checked. */
  readonly _value?: T;
  readonly optional?: boolean;
  /** The message when the value is missing or wrong, instead of the kind's own. */
  readonly message?: string;
}

export interface TextSpec extends Base<string> {
  readonly kind: 'text';
  readonly max: number;
}
export interface EnumSpec<V extends string = string> extends Base<V> {
  readonly kind: 'enum';
  readonly values: readonly V[];
}
export interface NumberSpec extends Base<number> {
  readonly kind: 'number';
  readonly integer?: boolean;
  /** Greater than zero, not merely zero or more. */
  readonly positive?: boolean;
  readonly max?: number;
}
/** A calendar date, YYYY-MM-DD. */
export interface DateSpec extends Base<string> {
  readonly kind: 'date';
}
/** A calendar date, or an exact ISO-8601 instant with its offset. */
export interface DueSpec extends Base<string> {
  readonly kind: 'due';
}
/** An http(s) link. */
export interface LinkSpec extends Base<string> {
  readonly kind: 'link';
}
export interface ListSpec<I extends Spec = Spec> extends Base<ValueOf<I>[]> {
  readonly kind: 'list';
  readonly item: I;
  readonly min?: number;
  readonly max?: number;
  readonly minMessage?: string;
}
/** A rule across fields: when `holds` is false, the problem is reported at `path` with `message`. */
export interface Rule<T> {
  holds(value: T): boolean;
  readonly path: string;
  readonly message: string;
}
export interface ObjectSpec<F extends Fields = Fields> extends Base<ObjectValue<F>> {
  readonly kind: 'object';
  readonly fields: F;
  readonly rules: readonly Rule<ObjectValue<F>>[];
}
export interface NullableSpec<I extends Spec = Spec> extends Base<ValueOf<I> | null> {
  readonly kind: 'nullable';
  readonly item: I;
}

export type Spec = TextSpec | EnumSpec | NumberSpec | DateSpec | DueSpec | LinkSpec | ListSpec | ObjectSpec | NullableSpec;
export type Fields = Readonly<Record<string, Spec>>;

/** The value a spec accepts, once checked (strings trimmed). */
export type ValueOf<S> = S extends Base<infer T> ? T : never;
type OptionalKeys<F extends Fields> = { [K in keyof F]: F[K] extends { readonly optional: true } ? K : never }[keyof F];
export type ObjectValue<F extends Fields> = { -readonly [K in Exclude<keyof F, OptionalKeys<F>>]: ValueOf<F[K]> } & {
  -readonly [K in OptionalKeys<F>]?: ValueOf<F[K]>;
};

// Builders: each returns its spec with the types the checked value will have.
export const text = (max: number, message?: string): TextSpec => ({ kind: 'text', max, ...(message ? { message } : {}) });
export const oneOf = <const V extends string>(values: readonly V[], message?: string): EnumSpec<V> => ({
  kind: 'enum',
  values,
  ...(message ? { message } : {}),
});
export const number = (options: Omit<NumberSpec, 'kind' | '_value'> = {}): NumberSpec => ({ kind: 'number', ...options });
export const date = (message?: string): DateSpec => ({ kind: 'date', ...(message ? { message } : {}) });
export const due = (message?: string): DueSpec => ({ kind: 'due', ...(message ? { message } : {}) });
export const link = (message?: string): LinkSpec => ({ kind: 'link', ...(message ? { message } : {}) });
export const list = <I extends Spec>(item: I, options: { min?: number; max?: number; minMessage?: string } = {}): ListSpec<I> => ({
  kind: 'list',
  item,
  ...options,
});
export const nullable = <I extends Spec>(item: I): NullableSpec<I> => ({ kind: 'nullable', item });
export const optional = <S extends Spec>(spec: S): S & { readonly optional: true } => ({ ...spec, optional: true });
export const object = <F extends Fields>(fields: F, rules: readonly Rule<ObjectValue<F>>[] = []): ObjectSpec<F> => ({ kind: 'object', fields, rules });

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const INSTANT = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/;
const LINK = /^https?:\/\/[^\s/$.?#][^\s]*$/i;

/** A real calendar date (not 2026-02-30). */
const isDate = (text: string): boolean => DATE.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);

/** A calendar date, or an ISO-8601 instant with its offset (`+08:00` or `+0800`, seconds optional), on a real date. */
export const isDue = (text: string): boolean => isDate(text) || (INSTANT.test(text) && isDate(text.slice(0, 10)));

/** The kind's own words for a wrong or missing value. */
const expected = (spec: Spec): string => {
  switch (spec.kind) {
    case 'text':
      return 'expected text';
    case 'enum':
      return `expected one of ${spec.values.join(', ')}`;
    case 'number':
      return 'expected a number';
    case 'date':
      return 'expected a date (YYYY-MM-DD)';
    case 'due':
      return 'expected a date or an ISO instant with offset';
    case 'link':
      return 'expected an http(s) link';
    case 'list':
      return 'expected a list';
    case 'object':
      return 'expected an object';
    case 'nullable':
      return expected(spec.item);
  }
};

type Path = readonly (string | number)[];
type Outcome = { readonly ok: true; readonly value: unknown } | { readonly ok: false };

/** Checks one value against its spec, adding each problem found; the value as it will be used (strings trimmed). */
const checkValue = (spec: Spec, value: unknown, path: Path, problems: Problem[]): Outcome => {
  const wrong = (message = spec.message ?? expected(spec)): Outcome => {
    problems.push({ path, message });
    return { ok: false };
  };
  if (value === undefined) return spec.optional ? { ok: true, value } : wrong(spec.message ?? `required: ${expected(spec)}`);
  switch (spec.kind) {
    case 'text': {
      if (typeof value !== 'string') return wrong();
      const trimmed = value.trim();
      if (trimmed === '') return wrong(spec.message ?? 'must not be empty');
      if (trimmed.length > spec.max) return wrong(`at most ${spec.max} characters`);
      return { ok: true, value: trimmed };
    }
    case 'enum':
      return typeof value === 'string' && spec.values.includes(value) ? { ok: true, value } : wrong();
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return wrong();
      if (spec.integer && !Number.isSafeInteger(value)) return wrong('expected a whole number');
      if (spec.positive ? value <= 0 : value < 0) return wrong(spec.positive ? 'must be more than 0' : 'must not be negative');
      if (spec.max !== undefined && value > spec.max) return wrong(`at most ${spec.max}`);
      return { ok: true, value };
    }
    case 'date':
      return typeof value === 'string' && isDate(value) ? { ok: true, value } : wrong();
    case 'due':
      return typeof value === 'string' && isDue(value) ? { ok: true, value } : wrong();
    case 'link':
      return typeof value === 'string' && LINK.test(value) ? { ok: true, value } : wrong();
    case 'nullable':
      return value === null ? { ok: true, value } : checkValue(spec.item, value, path, problems);
    case 'list': {
      if (!Array.isArray(value)) return wrong();
      if (spec.min !== undefined && value.length < spec.min) return wrong(spec.minMessage ?? `at least ${spec.min}`);
      if (spec.max !== undefined && value.length > spec.max) return wrong(`at most ${spec.max}`);
      const items = value.map((item: unknown, index) => checkValue(spec.item, item, [...path, index], problems));
      return items.every((item) => item.ok) ? { ok: true, value: items.map((item) => (item.ok ? item.value : undefined)) } : { ok: false };
    }
    case 'object': {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return wrong();
      const record = value as Readonly<Record<string, unknown>>;
      const out: Record<string, unknown> = {};
      let ok = true;
      for (const [key, field] of Object.entries<Spec>(spec.fields)) {
        const checked = checkValue(field, record[key], [...path, key], problems);
        if (!checked.ok) ok = false;
        else if (checked.value !== undefined) out[key] = checked.value;
      }
      if (!ok) return { ok: false };
      const broken = spec.rules.filter((rule) => !rule.holds(out));
      for (const rule of broken) problems.push({ path: [...path, rule.path], message: rule.message });
      return broken.length === 0 ? { ok: true, value: out } : { ok: false };
    }
  }
};

/** The checked value, or every problem with where it is. Keys the spec does not name are dropped. */
export const checkSpec = <S extends Spec>(spec: S, value: unknown): { ok: true; value: ValueOf<S> } | { ok: false; problems: Problem[] } => {
  const problems: Problem[] = [];
  const outcome = checkValue(spec, value, [], problems);
  return outcome.ok ? { ok: true, value: outcome.value as ValueOf<S> } : { ok: false, problems };
};
