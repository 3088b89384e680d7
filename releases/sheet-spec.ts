import type { Cell } from './cells.ts';
import type { Column, ValuesOf } from './columns.ts';
import type { Language, SheetKind } from './report.ts';
import type { OrganisationKind } from './vocabularies.ts';

/** A problem of one row, by column key (null: the row as a whole). */
export interface RowProblem {
  readonly column: string | null;
  readonly message: string;
}

/** What must not repeat within a file: the values of these columns, joined. */
export interface Identity {
  readonly columns: readonly string[];
  readonly key: string;
}

/** An organisation a row names, which must be on the organisations sheet or in the directory. */
export interface OrganisationReference {
  readonly column: string;
  readonly name: string;
  /** The kind it must be, or null for any. */
  readonly kind: OrganisationKind | null;
}

export type ReleaseKind = 'demand' | 'achievement';

/** A release a row names, which must be on the file's sheet of its kind or released before. */
export interface ReleaseReference {
  readonly column: string;
  readonly kind: ReleaseKind;
  /** Its release number, title or id, as typed. */
  readonly name: string;
  /** The organisation the row says it belongs to. */
  readonly owner: string;
}

/** A release as a row may name it: one the file adds, or one of the database. */
export interface NamedRelease {
  readonly kind: ReleaseKind;
  readonly id: string | null;
  readonly releaseNumber: string | null;
  readonly title: string;
  readonly owner: string;
}

export type RowRead<R> = { readonly record: R; readonly problems: readonly [] } | { readonly record: null; readonly problems: readonly RowProblem[] };

/** A sheet kind: its names, its columns, and what a row means. Adding a kind is one of these plus its writer. */
export interface SheetSpec<K extends SheetKind = SheetKind, R = unknown> {
  readonly kind: K;
  /** Its sheet's name in each language (the template's), and other names it is recognised by. */
  readonly names: Readonly<Record<Language, string>>;
  readonly aliases: readonly string[];
  readonly columns: readonly Column[];
  /**
   * Reads a row's cells, by column key. `present` holds the columns the sheet has: a missing
   * required column is reported once, on the heading row, so its rows fail without a word of their own.
   */
  read(cells: ReadonlyMap<string, Cell>, present: ReadonlySet<string>, language: Language): RowRead<R>;
  identities(record: R): readonly Identity[];
  references(record: R): readonly OrganisationReference[];
  releases(record: R): readonly ReleaseReference[];
  /** The organisation a row of this sheet adds, for the sheets that add organisations. */
  provides?(record: R): { readonly name: string; readonly kind: OrganisationKind };
  /** The release a row of this sheet adds, for the sheets of releases. */
  offers?(record: R): NamedRelease;
  /** Its rows are registered at the import's event, so they need one. */
  readonly needsEvent: boolean;
}

/** The record a sheet's rows become. */
export type RecordOf<S> = S extends SheetSpec<SheetKind, infer R> ? R : never;

export interface SheetDefinition<K extends SheetKind, Columns extends readonly Column[], R> {
  readonly kind: K;
  readonly names: Readonly<Record<Language, string>>;
  readonly aliases?: readonly string[];
  readonly columns: Columns;
  /** Rules across columns, once every cell has been read. */
  check?(values: ValuesOf<Columns>, language: Language): readonly RowProblem[];
  build(values: ValuesOf<Columns>): R;
  identities(record: R): readonly Identity[];
  references?(record: R): readonly OrganisationReference[];
  releases?(record: R): readonly ReleaseReference[];
  provides?(record: R): { readonly name: string; readonly kind: OrganisationKind };
  offers?(record: R): NamedRelease;
  readonly needsEvent?: boolean;
}

/** A sheet kind from its columns: each cell read by its column, then the cross-column rules, then the record. */
export const defineSheet = <K extends SheetKind, const Columns extends readonly Column[], R>(definition: SheetDefinition<K, Columns, R>): SheetSpec<K, R> => ({
  kind: definition.kind,
  names: definition.names,
  aliases: definition.aliases ?? [],
  columns: definition.columns,
  read(cells, present, language) {
    const values: Record<string, unknown> = {};
    const problems: RowProblem[] = [];
    let incomplete = false;
    for (const column of definition.columns) {
      if (!present.has(column.key) && column.required) {
        incomplete = true;
        continue;
      }
      const parsed = column.parse(cells.get(column.key) ?? { kind: 'empty' }, language);
      if (parsed.ok) values[column.key] = parsed.value;
      else problems.push({ column: column.key, message: parsed.message });
    }
    if (problems.length > 0 || incomplete) return { record: null, problems };
    // Every column was read by its own parser into the key it names, which is what ValuesOf describes.
    const read = values as ValuesOf<Columns>;
    const broken = definition.check?.(read, language) ?? [];
    if (broken.length > 0) return { record: null, problems: broken };
    return { record: definition.build(read), problems: [] };
  },
  identities: (record) => definition.identities(record),
  references: (record) => definition.references?.(record) ?? [],
  releases: (record) => definition.releases?.(record) ?? [],
  ...(definition.provides ? { provides: definition.provides } : {}),
  ...(definition.offers ? { offers: definition.offers } : {}),
  needsEvent: definition.needsEvent ?? false,
});
