import { randomUUID } from 'node:crypto';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rightFromNumber } from '../domain/ip.ts';
import { startEmbeddedPostgres } from '../lib/embedded-postgres.ts';
import { migrate, MIGRATIONS_DIR } from '../lib/migrate.ts';

/** The last migration before enterprise categories and IP rights changed. */
const BEFORE = '20261203120000_docking_events';

/** An empty database: an in-memory PGlite, or a new database on the server DATABASE_URL names. */
const emptyDatabase = async (): Promise<{ url: string; drop: () => Promise<void> }> => {
  const server = process.env.DATABASE_URL;
  if (!server) {
    const embedded = await startEmbeddedPostgres({ dataDir: null, host: '127.0.0.1', port: 0 });
    return { url: embedded.url, drop: embedded.stop };
  }
  const name = `qxwq_migration_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
};

let db: { url: string; drop: () => Promise<void> };
let client: pg.Client;
let earlier: string;

beforeAll(async () => {
  db = await emptyDatabase();
  earlier = await mkdtemp(path.join(tmpdir(), 'qxwq-migrations-'));
  for (const entry of await readdir(MIGRATIONS_DIR, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name <= BEFORE) await cp(path.join(MIGRATIONS_DIR, entry.name), path.join(earlier, entry.name), { recursive: true });
  }
  await migrate(db.url, earlier);
  client = new pg.Client({ connectionString: db.url });
  await client.connect();

  const organisations: [string, string, string | null][] = [
    ['u-1', 'university', null],
    ['e-state', 'enterprise', 'state_owned'],
    ['e-private', 'enterprise', 'private'],
    ['e-foreign', 'enterprise', 'foreign_funded'],
    ['e-hightech', 'enterprise', 'high_tech'],
    ['e-specialised', 'enterprise', 'specialised_sme'],
    ['e-other', 'enterprise', 'other'],
    ['e-none', 'enterprise', null],
  ];
  for (const [id, kind, category] of organisations) {
    await client.query(`INSERT INTO "Organisation" (id, kind, name, region, "enterpriseCategory") VALUES ($1, $2, $1, '辽宁省', $3)`, [id, kind, category]);
  }
  const achievement = (id: string, patents: string[]) =>
    client.query(
      `INSERT INTO "Achievement" (id, "universityId", title, summary, fields, keywords, maturity, "cooperationModes", region, patents)
       VALUES ($1, 'u-1', $1, '', '{冶金}', '{}', 6, '{许可}', '辽宁省', $2)`,
      [id, patents],
    );
  await achievement('a-rights', [
    'ZL202010123456.7',
    ' zl 2021 2 0654321.x',
    '202330123456.1',
    '2021SR0123456',
    'CNA20191234.5',
    'CN112345678A',
    'CN212345678U',
    'ZL202010123456.7',
    '',
  ]);
  await achievement('a-none', []);
  await migrate(db.url);
});

afterAll(async () => {
  await client?.end();
  await db?.drop();
  if (earlier) await rm(earlier, { recursive: true, force: true });
});

describe('the enterprise category and IP migration', () => {
  it('moves ownership to its own column and keeps as category only what the notice names', async () => {
    const { rows } = await client.query<{ id: string; enterpriseCategory: string | null; ownership: string | null }>(
      'SELECT id, "enterpriseCategory", ownership FROM "Organisation" ORDER BY id',
    );
    expect(rows).toEqual([
      { id: 'e-foreign', enterpriseCategory: 'other', ownership: 'foreign_funded' },
      { id: 'e-hightech', enterpriseCategory: 'other', ownership: null },
      { id: 'e-none', enterpriseCategory: null, ownership: null },
      { id: 'e-other', enterpriseCategory: 'other', ownership: null },
      { id: 'e-private', enterpriseCategory: 'other', ownership: 'private' },
      { id: 'e-specialised', enterpriseCategory: 'specialised', ownership: null },
      { id: 'e-state', enterpriseCategory: 'other', ownership: 'state_owned' },
      { id: 'u-1', enterpriseCategory: null, ownership: null },
    ]);
  });

  it('turns released patent numbers into rights, reading kind and status from the number as the import does', async () => {
    const byNumber = (a: { number: string }, b: { number: string }) => (a.number < b.number ? -1 : 1);
    const rows = (
      await client.query<{ achievementId: string; number: string; kind: string; status: string }>(
        'SELECT "achievementId", number, kind::text, status::text FROM "AchievementRight"',
      )
    ).rows.sort(byNumber);
    const typed = ['ZL202010123456.7', ' zl 2021 2 0654321.x', '202330123456.1', '2021SR0123456', 'CNA20191234.5', 'CN112345678A', 'CN212345678U'];
    expect(rows).toEqual(typed.map((number) => ({ achievementId: 'a-rights', ...rightFromNumber(number) })).sort(byNumber));
    expect(rows.map((r) => [r.number, r.kind, r.status])).toEqual([
      ['2021SR0123456', 'software_copyright', 'granted'],
      ['202330123456.1', 'design_patent', 'pending'],
      ['CN112345678A', 'invention_patent', 'pending'],
      ['CN212345678U', 'utility_model', 'granted'],
      ['CNA20191234.5', 'plant_variety', 'granted'],
      ['ZL202010123456.7', 'invention_patent', 'granted'],
      ['ZL202120654321.X', 'utility_model', 'granted'],
    ]);
  });

  it('leaves every achievement open to offers', async () => {
    const { rows } = await client.query<{ id: string; availability: string }>('SELECT id, availability::text FROM "Achievement" ORDER BY id');
    expect(rows).toEqual([
      { id: 'a-none', availability: 'open' },
      { id: 'a-rights', availability: 'open' },
    ]);
  });
});
