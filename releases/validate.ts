import { type ImportProblem, type Language, SHEET_KINDS, type SheetKind } from './report.ts';
import { addRelease, findRelease, indexReleases } from './release-directory.ts';
import type { NamedRelease, OrganisationReference, ReleaseKind, ReleaseReference, RowProblem } from './sheet-spec.ts';
import { SHEETS, type SheetRecords } from './sheets/index.ts';
import type { SheetTable } from './tables.ts';
import { closest, valueKey } from './text.ts';
import { labelOf, ORGANISATION_KIND_VOCABULARY, type OrganisationKind } from './vocabularies.ts';
import { wordsFor } from './words.ts';

/** An organisation already in the directory. */
export interface KnownOrganisation {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly region: string;
  readonly enterpriseCategory: string | null;
  readonly ownership: string | null;
}

/** The directory's organisations by their name as compared (case, spaces and full-width forms ignored). */
export type Directory = ReadonlyMap<string, KnownOrganisation>;

/** What takes the valid records of each kind: one function per kind, so every kind has its writer. */
export type RecordHandlers<Out> = { readonly [K in keyof SheetRecords]: (records: readonly SheetRecords[K][]) => Out };

/** The valid rows of one sheet kind, ready to be handed to that kind's writer. */
export interface Accepted {
  readonly kind: SheetKind;
  readonly count: number;
  handOver<Out>(handlers: RecordHandlers<Out>): Out;
}

export interface Checked {
  /** Data rows read. */
  readonly rows: number;
  /** Rows without a problem. */
  readonly valid: number;
  /** By kind, in the order they are written: organisations before the rows that name them. */
  readonly accepted: readonly Accepted[];
  readonly problems: readonly ImportProblem[];
}

interface Located {
  readonly table: SheetTable;
  readonly row: number;
  /** A column key, or null for the row as a whole. */
  readonly column: string | null;
  /** The heading to name, when it is not the column's (a missing or repeated column). */
  readonly heading?: string;
  readonly message: string;
}

interface ReadRow<R> {
  readonly table: SheetTable;
  readonly row: number;
  readonly record: R;
}

const kindLabel = (kind: OrganisationKind, language: Language): string =>
  labelOf(
    ORGANISATION_KIND_VOCABULARY.entries.find((entry) => entry.value === kind)!,
    language,
  );

/** What else the rows are checked against, beyond the organisations directory. */
export interface CheckContext {
  /** The database's releases, for rows that name releases; undefined when only the file's are known. */
  readonly releases?: readonly NamedRelease[];
  /** The import names no event, so the rows of sheets registered at one cannot be written. */
  readonly withoutEvent?: boolean;
}

const RELEASE_SHEETS: Readonly<Record<ReleaseKind, SheetKind>> = { demand: 'demands', achievement: 'achievements' };

const identityKey = (identity: { readonly columns: readonly string[]; readonly key: string }): string => `${identity.columns.join('+')}\u0000${identity.key}`;

/**
 * Checks every row of every table without a database: each cell against its column, the rules
 * across columns, repeats within the file, and the organisations rows name against the
 * organisations sheet and, when given, the directory; the releases rows name likewise against the
 * file's release sheets and the database's releases. Every problem names its sheet, row and column.
 */
export const checkTables = (tables: readonly SheetTable[], language: Language, directory: Directory | null, context: CheckContext = {}): Checked => {
  const words = wordsFor(language);
  const located: Located[] = [];
  const report = (table: SheetTable, row: number, problem: RowProblem) => located.push({ table, row, ...problem });
  let rows = 0;

  // Organisations the file adds, and those on rows it could not read (by the text of their name cell).
  const added = new Map<string, { name: string; kind: OrganisationKind }>();
  const unreadable = new Map<string, number>();
  const organisationsSheet = tables.find((t) => t.kind === 'organisations')?.name ?? SHEETS.organisations.names[language];

  const referenceProblem = (reference: OrganisationReference): string | undefined => {
    const key = valueKey(reference.name);
    const found = added.get(key) ?? directory?.get(key);
    if (found) {
      return reference.kind && found.kind !== reference.kind
        ? words.organisationOfOtherKind(reference.name, kindLabel(found.kind, language), kindLabel(reference.kind, language))
        : undefined;
    }
    const row = unreadable.get(key);
    if (row !== undefined) return words.organisationRowHasProblems(reference.name, organisationsSheet, row);
    const known = [...added.values(), ...(directory?.values() ?? [])].map((o) => o.name);
    return words.unknownOrganisation(
      reference.name,
      organisationsSheet,
      directory !== null,
      closest(reference.name, known, (name) => [name]),
    );
  };

  // Releases the file adds, then those of the database.
  const releases = indexReleases(context.releases ?? []);
  const releaseProblem = (reference: ReleaseReference): string | undefined => {
    const found = findRelease(releases, reference);
    if (found.found === 'own') return undefined;
    if (found.found === 'other') return words.releaseOfOtherOwner(reference.name, found.owner, reference.owner);
    const kind = RELEASE_SHEETS[reference.kind];
    const sheet = tables.find((t) => t.kind === kind)?.name ?? SHEETS[kind].names[language];
    return words.unknownRelease(reference.name, sheet, context.releases !== undefined);
  };

  const checkKind = <K extends SheetKind>(kind: K): Accepted => {
    const spec = SHEETS[kind];
    const read: ReadRow<SheetRecords[K]>[] = [];
    for (const table of tables.filter((t) => t.kind === kind)) {
      if (spec.needsEvent && context.withoutEvent && table.rows.length > 0) {
        located.push({ table, row: table.headingRow, column: null, message: words.needsEvent });
        rows += table.rows.length;
        continue;
      }
      const present = new Set(table.columns.keys());
      for (const column of spec.columns) {
        if (column.required && !present.has(column.key)) {
          const heading = column.heading[language];
          located.push({ table, row: table.headingRow, column: null, heading, message: words.missingColumn(heading) });
        }
      }
      for (const repeated of table.repeated)
        located.push({ table, row: table.headingRow, column: repeated.key, heading: repeated.heading, message: words.repeatedColumn(repeated.heading) });
      for (const { row, cells } of table.rows) {
        rows++;
        const result = spec.read(cells, present, language);
        if (result.record !== null) read.push({ table, row, record: result.record });
        else {
          for (const problem of result.problems) report(table, row, problem);
          const name = cells.get('name');
          if (spec.provides && name?.kind === 'text') unreadable.set(valueKey(name.text), row);
        }
      }
    }

    // A later row repeating an earlier one's identity is the problem; the first stays.
    const seen = new Map<string, ReadRow<SheetRecords[K]>>();
    const distinct = read.filter((candidate) => {
      const identities = spec.identities(candidate.record);
      const clash = identities.find((identity) => seen.has(identityKey(identity)));
      if (clash) {
        const first = seen.get(identityKey(clash))!;
        const headings = clash.columns.map((key) => candidate.table.columns.get(key)?.heading ?? key).join(words.and);
        const otherSheet = first.table === candidate.table ? undefined : first.table.name;
        report(candidate.table, candidate.row, { column: clash.columns[0] ?? null, message: words.duplicate(first.row, headings, otherSheet) });
        return false;
      }
      for (const identity of identities) seen.set(identityKey(identity), candidate);
      return true;
    });
    for (const { record } of distinct) {
      const provided = spec.provides?.(record);
      if (provided) {
        added.set(valueKey(provided.name), provided);
        unreadable.delete(valueKey(provided.name));
      }
      const offered = spec.offers?.(record);
      if (offered) addRelease(releases, offered);
    }

    const valid = distinct.filter((candidate) => {
      const problems = [
        ...spec.references(candidate.record).map((reference) => ({ column: reference.column, message: referenceProblem(reference) })),
        ...spec.releases(candidate.record).map((reference) => ({ column: reference.column, message: releaseProblem(reference) })),
      ].flatMap(({ column, message }) => (message ? [{ column, message }] : []));
      for (const problem of problems) report(candidate.table, candidate.row, problem);
      return problems.length === 0;
    });
    const records = valid.map((row) => row.record);
    return { kind, count: records.length, handOver: (handlers) => handlers[kind](records) };
  };

  // SHEET_KINDS lists the organisations first, so the rows that name them are checked against them.
  const accepted = SHEET_KINDS.map((kind) => checkKind(kind));

  const order = new Map(tables.map((table, index) => [table, index]));
  const columnIndex = (problem: Located) => (problem.column === null ? 0 : (problem.table.columns.get(problem.column)?.index ?? 0));
  const headingOf = (problem: Located): string =>
    problem.heading ??
    (problem.column === null
      ? ''
      : (problem.table.columns.get(problem.column)?.heading ??
        SHEETS[problem.table.kind].columns.find((c) => c.key === problem.column)?.heading[language] ??
        problem.column));
  const problems = located
    .sort((a, b) => order.get(a.table)! - order.get(b.table)! || a.row - b.row || columnIndex(a) - columnIndex(b))
    .map((problem): ImportProblem => ({ sheet: problem.table.name, row: problem.row, column: headingOf(problem), message: problem.message }));
  return { rows, valid: accepted.reduce((sum, kind) => sum + kind.count, 0), accepted, problems };
};
