/** `cli template` and `cli import`, run as a person runs them, in their own process. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDirectory } from '../../app/directory.ts';
import { createPrisma, type PrismaClient } from '../../lib/prisma.ts';
import directory from '../fixtures/directory.json' with { type: 'json' };
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { ACHIEVEMENT, cellText, columnOf, fillTemplate, loadWorkbook, ORGANISATIONS } from './workbooks.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Nothing listens on port 1: the database cannot be reached. */
const NO_DATABASE = 'postgresql://nobody:nothing@127.0.0.1:1/none';

let db: TestDatabase;
let prisma: PrismaClient;
let dir: string;

beforeAll(async () => {
  db = await createTestDatabase();
  prisma = createPrisma(db.url, 2);
  await importDirectory(prisma, directory, 'fixture directory');
  dir = await mkdtemp(path.join(tmpdir(), 'qxwq-releases-'));
});
afterAll(async () => {
  await prisma?.$disconnect();
  await db?.drop();
});

/** Runs the CLI without blocking this process: the test database answers from here. */
const cli = (databaseUrl: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'scripts/cli.ts', ...args],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, DATABASE_URL: databaseUrl } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });

const file = async (name: string, bytes: Buffer): Promise<string> => {
  const where = path.join(dir, name);
  await writeFile(where, bytes);
  return where;
};

describe('the release commands', () => {
  it('writes the template', async () => {
    const where = path.join(dir, 'template.xlsx');
    const result = await cli(NO_DATABASE, 'template', where, '--lang', 'en');
    expect(result).toMatchObject({ code: 0, stdout: `template written to ${where}\n` });
    const workbook = await loadWorkbook(await readFile(where));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Achievements', 'Demands', 'Organisations', 'People', 'Signings', 'Options']);
  });

  it('checks a file on a dry run with no database reachable, printing only the JSON report, and marks the problems in a workbook', async () => {
    const bad = await file(
      'bad.xlsx',
      await fillTemplate('zh', { 成果: [ACHIEVEMENT, { ...ACHIEVEMENT, 成果编号: 'LN-A-002', 成果名称: '二', '成熟度(TRL)': 10 }], 单位: [ORGANISATIONS[0]] }),
    );
    const errors = path.join(dir, 'problems.xlsx');
    const result = await cli(NO_DATABASE, 'import', bad, '--dry-run', '--json', '--errors', errors);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(Object.keys(report).slice(0, 3)).toEqual(['rows', 'valid', 'errors']);
    expect(report).toEqual({
      rows: 3,
      valid: 2,
      errors: [{ sheet: '成果', row: 3, column: '成熟度(TRL)', message: '应在 1 到 9 之间' }],
      written: { organisations: 0, people: 0, achievements: 0, demands: 0, signings: 0 },
      dryRun: true,
    });
    expect(result.stderr).toContain('连不上数据库');
    const sheet = (await loadWorkbook(await readFile(errors))).getWorksheet('成果')!;
    expect(cellText(sheet, 3, columnOf(sheet, '问题'))).toBe('「成熟度(TRL)」应在 1 到 9 之间');

    const good = await file('good.xlsx', await fillTemplate('zh', { 成果: [ACHIEVEMENT], 单位: [ORGANISATIONS[0]] }));
    const passed = await cli(NO_DATABASE, 'import', good, '--dry-run', '--json', '--lang', 'en');
    expect(passed.code).toBe(0);
    expect(JSON.parse(passed.stdout)).toMatchObject({ rows: 2, valid: 2, errors: [], dryRun: true });
  });

  it('imports into the database as the person named, and refuses a file that is not a spreadsheet', async () => {
    const where = await file('releases.xlsx', await fillTemplate('zh', { 成果: [{ ...ACHIEVEMENT, 成果编号: 'CLI-A-1' }] }));
    const result = await cli(db.url, 'import', where, '--as', 'coord');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('共 1 行，1 行无误，0 个问题\n已写入：单位 0，人员 0，成果 1，需求 0，签约 0\n');
    expect(await prisma.achievement.findUniqueOrThrow({ where: { releaseNumber: 'CLI-A-1' } })).toMatchObject({ universityId: 'u-neu', approvedById: 'coord' });

    const picture = await file('photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    const refused = await cli(NO_DATABASE, 'import', picture, '--dry-run', '--json');
    expect(refused).toEqual({ code: 1, stdout: '', stderr: 'error: “photo.png”不是 Excel（.xlsx）或 CSV 文件，无法导入。\n' });
  });
});
