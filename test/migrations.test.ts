import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../lib/config.ts';
import { migrate, MIGRATIONS_DIR, readMigrations } from '../lib/migrate.ts';
import { createTestDatabase, type TestDatabase } from './support/database.ts';

/** The parts of Prisma's DMMF this test reads. */
interface DmmfField {
  name: string;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  isList: boolean;
  isRequired: boolean;
  type: string;
  nativeType: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface Dmmf {
  datamodel: {
    enums: { name: string; values: { name: string }[] }[];
    models: { name: string; dbName: string | null; fields: DmmfField[] }[];
    indexes: { model: string; type: 'id' | 'unique' | 'normal' | 'fulltext'; fields: { name: string }[] }[];
  };
}

const dmmf = async (): Promise<Dmmf> => {
  const prismaSchema = await readFile(path.join(PROJECT_ROOT, 'prisma', 'schema.prisma'), 'utf8');
  return JSON.parse(get_dmmf(JSON.stringify({ prismaSchema }))) as Dmmf;
};

/** The PostgreSQL type Prisma's migrations give a scalar field, as information_schema names it. */
const expectedType = (field: DmmfField): string => {
  if (field.isList) return 'ARRAY';
  if (field.kind === 'enum') return 'USER-DEFINED';
  if (field.nativeType) {
    const [name] = field.nativeType;
    return (
      (
        {
          Decimal: 'numeric',
          Date: 'date',
          Timestamptz: 'timestamp with time zone',
          Timestamp: 'timestamp without time zone',
          VarChar: 'character varying',
        } as Record<string, string>
      )[name] ?? name
    );
  }
  const types: Record<string, string> = {
    String: 'text',
    Int: 'integer',
    BigInt: 'bigint',
    Float: 'double precision',
    Decimal: 'numeric',
    Boolean: 'boolean',
    DateTime: 'timestamp without time zone',
    Json: 'jsonb',
    Bytes: 'bytea',
  };
  const type = types[field.type];
  if (!type) throw new Error(`no PostgreSQL type known for ${field.type}`);
  return type;
};

/** "text NOT NULL", "USER-DEFINED(Stage) NOT NULL", "ARRAY(_text)": comparable across DMMF and information_schema. */
const describeField = (field: DmmfField): string => {
  // Prisma lists are never null in the client, but its migrations leave the array column nullable.
  if (field.isList) return `ARRAY(_${expectedType({ ...field, isList: false }) === 'text' ? 'text' : field.type})`;
  const type = field.kind === 'enum' ? `USER-DEFINED(${field.type})` : expectedType(field);
  return `${type} ${field.isRequired ? 'NOT NULL' : 'NULL'}`;
};
const describeColumn = (column: { data_type: string; udt_name: string; is_nullable: 'YES' | 'NO' }): string => {
  if (column.data_type === 'ARRAY') return `ARRAY(${column.udt_name})`;
  const type = column.data_type === 'USER-DEFINED' ? `USER-DEFINED(${column.udt_name})` : column.data_type;
  return `${type} ${column.is_nullable === 'NO' ? 'NOT NULL' : 'NULL'}`;
};

let db: TestDatabase;
let client: pg.Client;
let schema: Dmmf;
beforeAll(async () => {
  db = await createTestDatabase();
  client = new pg.Client({ connectionString: db.url });
  await client.connect();
  schema = await dmmf();
});
afterAll(async () => {
  await client?.end();
  await db?.drop();
});

describe('the committed migrations build the database schema.prisma describes', () => {
  it('has every table and column, with its type and nullability', async () => {
    const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string; udt_name: string; is_nullable: 'YES' | 'NO' }>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = current_schema()`,
    );
    const actual = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r]));
    const tables = new Set(rows.map((r) => r.table_name));
    const expected: string[] = [];
    const found: string[] = [];
    for (const model of schema.datamodel.models) {
      const table = model.dbName ?? model.name;
      expect(tables, `table ${table}`).toContain(table);
      for (const field of model.fields.filter((f) => f.kind === 'scalar' || f.kind === 'enum')) {
        const column = actual.get(`${table}.${field.name}`);
        expected.push(`${table}.${field.name} ${describeField(field)}`);
        found.push(column ? `${table}.${field.name} ${describeColumn(column)}` : `${table}.${field.name} missing`);
      }
    }
    expect(found).toEqual(expected);
    // And nothing the schema does not know about, apart from Prisma's own bookkeeping.
    const known = new Set(
      schema.datamodel.models.flatMap((m) => m.fields.filter((f) => f.kind === 'scalar' || f.kind === 'enum').map((f) => `${m.dbName ?? m.name}.${f.name}`)),
    );
    expect([...actual.keys()].filter((key) => !known.has(key) && !key.startsWith('_prisma_migrations.'))).toEqual([]);
  });

  it('has every enum with its values in order', async () => {
    const { rows } = await client.query<{ name: string; values: string[] }>(
      `SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    const actual = Object.fromEntries(rows.map((r) => [r.name, r.values]));
    const expected = Object.fromEntries(schema.datamodel.enums.map((e) => [e.name, e.values.map((v) => v.name)]));
    expect(actual).toEqual(expected);
  });

  it('has every primary key, unique constraint and index, on the same columns', async () => {
    const { rows } = await client.query<{ table: string; unique: boolean; primary: boolean; columns: string[] }>(
      `SELECT c.relname AS table, i.indisunique AS unique, i.indisprimary AS primary,
              array(SELECT a.attname FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, n)
                    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS columns
         FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace ns ON ns.oid = c.relnamespace
        WHERE ns.nspname = current_schema() AND c.relname <> '_prisma_migrations'`,
    );
    const kind = (primary: boolean, unique: boolean) => (primary ? 'id' : unique ? 'unique' : 'normal');
    const actual = rows.map((r) => `${r.table} ${kind(r.primary, r.unique)} (${r.columns.join(', ')})`).sort();
    const tableOf = new Map(schema.datamodel.models.map((m) => [m.name, m.dbName ?? m.name]));
    const expected = schema.datamodel.indexes.map((i) => `${tableOf.get(i.model)} ${i.type} (${i.fields.map((f) => f.name).join(', ')})`).sort();
    expect(actual).toEqual(expected);
  });

  it('has every foreign key of the relations, with its delete rule', async () => {
    const { rows } = await client.query<{ table: string; columns: string[]; target: string; target_columns: string[]; on_delete: string }>(
      `SELECT c.relname AS table, t.relname AS target, con.confdeltype AS on_delete,
              array(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS columns,
              array(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.o)::text[] AS target_columns
         FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_class t ON t.oid = con.confrelid
        WHERE con.contype = 'f'`,
    );
    const rules: Record<string, string> = { a: 'NoAction', r: 'Restrict', c: 'Cascade', n: 'SetNull', d: 'SetDefault' };
    const actual = rows.map((r) => `${r.table}(${r.columns.join(', ')}) → ${r.target}(${r.target_columns.join(', ')}) on delete ${rules[r.on_delete]}`).sort();
    const tableOf = new Map(schema.datamodel.models.map((m) => [m.name, m.dbName ?? m.name]));
    const expected = schema.datamodel.models
      .flatMap((model) =>
        model.fields
          .filter((f) => f.kind === 'object' && (f.relationFromFields?.length ?? 0) > 0)
          .map((f) => {
            // Prisma's default: Restrict for a required relation, SetNull for an optional one.
            const onDelete = f.relationOnDelete ?? (f.isRequired ? 'Restrict' : 'SetNull');
            return `${tableOf.get(model.name)}(${f.relationFromFields!.join(', ')}) → ${tableOf.get(f.type)}(${f.relationToFields!.join(', ')}) on delete ${onDelete}`;
          }),
      )
      .sort();
    expect(actual).toEqual(expected);
  });
});

describe('migrate()', () => {
  it('applies nothing the second time, and records each migration with the sha256 of its file', async () => {
    expect(await migrate(db.url)).toEqual([]);
    const migrations = await readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    const expected = await Promise.all(
      migrations.map(async (m) => ({
        migration_name: m.name,
        checksum: createHash('sha256')
          .update(await readFile(path.join(MIGRATIONS_DIR, m.name, 'migration.sql')))
          .digest('hex'),
        applied_steps_count: 1,
      })),
    );
    expect(
      rows.map(({ finished_at, ...row }) => {
        expect(finished_at).toBeInstanceOf(Date);
        return row;
      }),
    ).toEqual(expected);
  });

  it('refuses a migration that was edited after it was applied, and one that failed, naming it', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'qxwq-migrations-'));
    const scratch = await createTestDatabase();
    try {
      await cp(MIGRATIONS_DIR, dir, { recursive: true });
      const [first] = await readMigrations(dir);
      // The scratch database already holds the committed migrations; the copy agrees with them.
      expect(await migrate(scratch.url, dir)).toEqual([]);

      const file = path.join(dir, first!.name, 'migration.sql');
      await writeFile(file, `${await readFile(file, 'utf8')}\n-- edited after it was applied\n`);
      await expect(migrate(scratch.url, dir)).rejects.toThrow(`migration ${first!.name} was changed after it was applied; add a new migration instead`);
      await writeFile(file, first!.sql);

      // A new migration that cannot apply is rolled back, named, and nothing of it stays.
      const broken = '29991231000000_broken';
      await cp(path.join(dir, first!.name), path.join(dir, broken), { recursive: true });
      await writeFile(path.join(dir, broken, 'migration.sql'), 'CREATE TABLE "Scratch" (id TEXT);\nSELECT * FROM "NoSuchTable";\n');
      await expect(migrate(scratch.url, dir)).rejects.toThrow(new RegExp(`^migration ${broken} failed and was rolled back: .*NoSuchTable`));
      const check = new pg.Client({ connectionString: scratch.url });
      await check.connect();
      try {
        expect((await check.query<{ t: string | null }>(`SELECT to_regclass('"Scratch"') AS t`)).rows[0]!.t).toBeNull();
        expect((await check.query<{ n: number }>('SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE migration_name = $1', [broken])).rows[0]!.n).toBe(
          0,
        );
      } finally {
        await check.end();
      }
    } finally {
      await scratch.drop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
