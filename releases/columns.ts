import { z } from 'zod';
import { type Cell, dateText, textOf } from './cells.ts';
import type { Language } from './report.ts';
import { closest, lengthOf, splitValues, valueKey } from './text.ts';
import { formsOf, labelOf, type Vocabulary, type VocabularyEntry } from './vocabularies.ts';
import { wordsFor, type ImportWords } from './words.ts';

export type Parsed<V> = { readonly ok: true; readonly value: V } | { readonly ok: false; readonly message: string };

type Words = Readonly<Record<Language, string>>;

/** One column of a sheet: how it is headed, what the template says about it, and how a cell is read. */
export interface Column<K extends string = string, V = unknown> {
  readonly key: K;
  readonly heading: Words;
  /** Other headings people write for it (matched like the headings: case, spaces and full-width forms ignored). */
  readonly aliases: readonly string[];
  readonly required: boolean;
  /** What the template's note says is expected. */
  readonly note: Words;
  /** Template column width, in characters. */
  readonly width: number;
  /** The list the template's drop-down offers. */
  readonly choices?: Vocabulary;
  /** A cell holds several values, so the drop-down only suggests. */
  readonly multiple: boolean;
  /** Read as a number; every other column is formatted as text in the template, so Excel keeps 001 and 2026-03 as typed. */
  readonly numeric: boolean;
  parse(cell: Cell, language: Language): Parsed<V>;
}

/** The values a row's cells give, by column key. */
export type ValuesOf<Columns extends readonly Column[]> = {
  readonly [C in Columns[number] as C['key']]: C extends Column<string, infer V> ? V : never;
};

interface Describe {
  readonly heading: Words;
  readonly aliases?: readonly string[];
  readonly note: Words;
  readonly width?: number;
}

const ok = <V>(value: V): Parsed<V> => ({ ok: true, value });
const fail = (message: string): Parsed<never> => ({ ok: false, message });
/** An empty cell's reading (undefined) or its problem, for a column of any type. */
const settled = (read: Parsed<string | undefined>): Parsed<undefined> => (read.ok ? ok(undefined) : read);

/** Empty and failed-formula cells, the same for every column. */
const readText = (cell: Cell, required: boolean, words: ImportWords): Parsed<string | undefined> => {
  if (cell.kind === 'error') return fail(words.formulaError(cell.text));
  const text = textOf(cell);
  if (text === undefined || !text.trim()) return required ? fail(words.missing) : ok(undefined);
  return ok(text.trim());
};

const column = <K extends string, V>(
  key: K,
  describe: Describe,
  options: { required: boolean; multiple?: boolean; numeric?: boolean; choices?: Vocabulary; width: number },
  parse: Column<K, V>['parse'],
): Column<K, V> => ({
  key,
  heading: describe.heading,
  aliases: describe.aliases ?? [],
  note: describe.note,
  width: describe.width ?? options.width,
  required: options.required,
  multiple: options.multiple ?? false,
  numeric: options.numeric ?? false,
  ...(options.choices ? { choices: options.choices } : {}),
  parse,
});

interface TextOptions extends Describe {
  readonly max: number;
  /** A shape the text must have, and what to say when it does not. */
  readonly shape?: { readonly holds: (text: string) => boolean; readonly says: (words: ImportWords) => (typed: string) => string };
}

export function text<K extends string>(key: K, options: TextOptions & { required: true }): Column<K, string>;
export function text<K extends string>(key: K, options: TextOptions & { required?: false }): Column<K, string | undefined>;
export function text<K extends string>(key: K, options: TextOptions & { required?: boolean }): Column<K, string | undefined> {
  const required = options.required ?? false;
  return column(key, options, { required, width: Math.min(60, Math.max(14, Math.ceil(options.max / 10))) }, (cell, language) => {
    const words = wordsFor(language);
    const read = readText(cell, required, words);
    if (!read.ok || read.value === undefined) return read;
    const length = lengthOf(read.value);
    if (length > options.max) return fail(words.tooLong(options.max, length));
    if (options.shape && !options.shape.holds(read.value)) return fail(options.shape.says(words)(read.value));
    return ok(read.value);
  });
}

const EMAIL = z.email();
export const EMAIL_SHAPE: TextOptions['shape'] = { holds: (typed) => EMAIL.safeParse(typed).success, says: (words) => words.notEmail };
/** A mainland China mobile as typed (spaces, dashes, +86 allowed) → its 11 digits, else undefined. */
export const chineseMobile = (typed: string): string | undefined => {
  const digits = typed
    .normalize('NFKC')
    .replace(/[\s-]/g, '')
    .replace(/^(\+?86)(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : undefined;
};
export const MOBILE_SHAPE: TextOptions['shape'] = { holds: (typed) => chineseMobile(typed) !== undefined, says: (words) => words.notMobile };
/** The directory's own check of a Lark open_id (app/directory.ts). */
export const OPEN_ID_SHAPE: TextOptions['shape'] = { holds: (typed) => /^ou_[0-9a-z]+$/.test(typed), says: (words) => words.notOpenId };

interface NumberOptions extends Describe {
  readonly min: number;
  readonly max: number;
  readonly integer?: boolean;
  /** Units and prefixes people add, taken off before reading the number (万元, TRL, 级). */
  readonly strip?: RegExp;
  readonly choices?: Vocabulary;
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)$/;

export function number<K extends string>(key: K, options: NumberOptions & { required: true }): Column<K, number>;
export function number<K extends string>(key: K, options: NumberOptions & { required?: false }): Column<K, number | undefined>;
export function number<K extends string>(key: K, options: NumberOptions & { required?: boolean }): Column<K, number | undefined> {
  const required = options.required ?? false;
  const choices = options.choices ? { choices: options.choices } : {};
  return column(key, options, { required, numeric: true, width: 14, ...choices }, (cell, language) => {
    const words = wordsFor(language);
    let value: number;
    if (cell.kind === 'number') {
      if (!Number.isFinite(cell.value)) return fail(wordsFor(language).notNumber(String(cell.value)));
      value = cell.value;
    } else {
      const read = readText(cell, required, words);
      if (!read.ok || read.value === undefined) return settled(read);
      if (cell.kind !== 'text') return fail(words.notNumber(read.value));
      const bare = read.value
        .normalize('NFKC')
        .replace(options.strip ?? /$^/, '')
        .replace(/[\s,]/g, '');
      if (!NUMBER.test(bare)) return fail(words.notNumber(read.value));
      value = Number(bare);
    }
    if (options.integer && !Number.isInteger(value)) return fail(words.notWholeNumber(String(value)));
    if (value < options.min || value > options.max) return fail(words.outOfRange(options.min, options.max));
    return ok(value);
  });
}

/** Looks a typed value up in a vocabulary by any of its forms. */
const lookup = <V extends string>(vocabulary: Vocabulary<V>): ((typed: string) => VocabularyEntry<V> | undefined) => {
  const byForm = new Map<string, VocabularyEntry<V>>();
  for (const entry of vocabulary.entries) for (const form of formsOf(entry)) byForm.set(valueKey(form), entry);
  return (typed) => byForm.get(valueKey(typed));
};

const notChoice = <V extends string>(vocabulary: Vocabulary<V>, typed: string, language: Language): string => {
  const suggestion = closest(typed, vocabulary.entries, formsOf);
  return wordsFor(language).notChoice(
    typed,
    suggestion && labelOf(suggestion, language),
    vocabulary.entries.map((entry) => labelOf(entry, language)),
  );
};

export function choice<K extends string, V extends string>(key: K, vocabulary: Vocabulary<V>, options: Describe & { required: true }): Column<K, V>;
export function choice<K extends string, V extends string>(
  key: K,
  vocabulary: Vocabulary<V>,
  options: Describe & { required?: false },
): Column<K, V | undefined>;
export function choice<K extends string, V extends string>(
  key: K,
  vocabulary: Vocabulary<V>,
  options: Describe & { required?: boolean },
): Column<K, V | undefined> {
  const required = options.required ?? false;
  const find = lookup(vocabulary);
  return column(key, options, { required, choices: vocabulary, width: 16 }, (cell, language) => {
    const read = readText(cell, required, wordsFor(language));
    if (!read.ok || read.value === undefined) return settled(read);
    const entry = find(read.value);
    return entry ? ok(entry.value) : fail(notChoice(vocabulary, read.value, language));
  });
}

const distinct = <T>(values: readonly T[]): T[] => [...new Set(values)];

/** Several values from a vocabulary in one cell, split on 、，,;；/ and line breaks. */
export const choices = <K extends string, V extends string>(
  key: K,
  vocabulary: Vocabulary<V>,
  options: Describe & { required?: boolean; most?: number },
): Column<K, readonly V[]> => {
  const required = options.required ?? false;
  const find = lookup(vocabulary);
  return column(key, options, { required, multiple: true, choices: vocabulary, width: 24 }, (cell, language) => {
    const read = readText(cell, required, wordsFor(language));
    if (!read.ok) return read;
    const typed = read.value === undefined ? [] : splitValues(read.value);
    if (required && typed.length === 0) return fail(wordsFor(language).missing);
    const unknown = typed.filter((value) => !find(value));
    if (unknown.length > 0) return fail(unknown.map((value) => notChoice(vocabulary, value, language)).join(language === 'zh' ? '；' : '; '));
    const values = distinct(typed.flatMap((value) => find(value)?.value ?? []));
    const most = options.most ?? vocabulary.entries.length;
    return values.length > most ? fail(wordsFor(language).tooMany(most, values.length)) : ok(values);
  });
};

/** Several free values in one cell (patent numbers, keywords). */
export const list = <K extends string>(key: K, options: Describe & { itemMax: number; most: number }): Column<K, readonly string[]> =>
  column(key, options, { required: false, multiple: true, width: 24 }, (cell, language) => {
    const words = wordsFor(language);
    const read = readText(cell, false, words);
    if (!read.ok) return read;
    const values = distinct(read.value === undefined ? [] : splitValues(read.value));
    const long = values.find((value) => lengthOf(value) > options.itemMax);
    if (long !== undefined) return fail(words.itemTooLong(long, options.itemMax, lengthOf(long)));
    return values.length > options.most ? fail(words.tooMany(options.most, values.length)) : ok(values);
  });

/** Several values in one cell that `read` takes apart itself (rights, each with its kind and status). */
export const items = <K extends string, V>(
  key: K,
  options: Describe & { most: number },
  read: (typed: string, language: Language) => Parsed<readonly V[]>,
): Column<K, readonly V[]> =>
  column(key, options, { required: false, multiple: true, width: 28 }, (cell, language) => {
    const words = wordsFor(language);
    const typed = readText(cell, false, words);
    if (!typed.ok) return typed;
    if (typed.value === undefined) return ok([]);
    const values = read(typed.value, language);
    if (!values.ok) return values;
    return values.value.length > options.most ? fail(words.tooMany(options.most, values.value.length)) : values;
  });

/** 2026-12-10, 2026/12/10, 2026.12.10 or 2026年12月10日. */
const DAY = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** A calendar day as YYYY-MM-DD, or undefined when the text is not one (2026-02-30 is not). */
const dayOf = (typed: string): string | undefined => {
  const match = DAY.exec(typed.normalize('NFKC'));
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? dateText(date) : undefined;
};

/** A calendar day, from an Excel date or text as people type it; read as YYYY-MM-DD. */
export const day = <K extends string>(key: K, options: Describe & { required: true }): Column<K, string> =>
  column(key, options, { required: true, width: 14 }, (cell, language) => {
    const words = wordsFor(language);
    if (cell.kind === 'date') {
      const typed = Number.isNaN(cell.value.getTime()) ? undefined : dayOf(dateText(cell.value));
      return typed ? ok(typed) : fail(words.notDate(textOf(cell) ?? ''));
    }
    const read = readText(cell, true, words);
    if (!read.ok || read.value === undefined) return fail(read.ok ? words.missing : read.message);
    const typed = cell.kind === 'text' ? dayOf(read.value) : undefined;
    return typed ? ok(typed) : fail(words.notDate(read.value));
  });
