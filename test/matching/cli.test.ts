import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { achievement, demand } from './fixtures.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const directory = mkdtempSync(join(tmpdir(), 'match-cli-'));

function writeInput(name: string, content: string): string {
  const file = join(directory, name);
  writeFileSync(file, content);
  return file;
}

function runCli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/match.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('match CLI', () => {
  it('prints rankings as JSON, best first, with reasons', () => {
    const input = writeInput(
      'ok.json',
      JSON.stringify({
        achievements: [achievement({ id: 'A1' }), achievement({ id: 'A2', title: '奶牛发情监测', summary: '颈环识别发情。', keywords: ['发情'] })],
        demands: [demand({ id: 'D1' })],
        gold: [{ demandId: 'D1', relevant: ['A1'] }],
      }),
    );
    const { code, stdout, stderr } = runCli('--input', input, '--top', '1', '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as { rankings: { demandId: string; candidates: { achievementId: string; score: number; reasons: string[] }[] }[] };
    expect(output.rankings).toHaveLength(1);
    expect(output.rankings[0]!.demandId).toBe('D1');
    expect(output.rankings[0]!.candidates).toHaveLength(1);
    expect(output.rankings[0]!.candidates[0]!.achievementId).toBe('A1');
    expect(output.rankings[0]!.candidates[0]!.reasons.length).toBeGreaterThan(0);
  });

  it('names the item and field of a missing or mistyped field', () => {
    const broken = { ...demand({ id: 'D1' }), title: 42 };
    const input = writeInput('bad-field.json', JSON.stringify({ achievements: [], demands: [demand({ id: 'D0' }), broken] }));
    const { code, stdout, stderr } = runCli('--input', input, '--json');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`error: ${input}: demands[1].title: expected string`);
  });

  it('reports invalid JSON and a missing file', () => {
    const invalid = runCli('--input', writeInput('bad.json', '{"achievements": ['));
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toBe('');
    expect(invalid.stderr).toMatch(/^error: .*bad\.json: invalid JSON/);
    const missing = runCli('--input', join(directory, 'absent.json'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^error: .*absent\.json: ENOENT/);
  });
});
