/**
 * The operator's CLI (scripts/cli.ts) run as a person runs it, in its own process, against this
 * file's database and the shared dev server: each decision it sends carries the OS user who ran it.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { hostname, tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { review } from '../workflows/decisions/index.ts';
import { runCli } from './support/cli.ts';
import { createHarness, ROLL_WEAR_DEMAND, type Harness } from './support/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness(import.meta.url);
  await h.startWorker();
});
afterAll(async () => {
  await h?.close();
});

const cli = (...args: string[]) => runCli(h, args);

describe('the CLI', () => {
  it('records the OS user who ran a decision as the update’s identity in the workflow history', async () => {
    const reference = await h.submit({ ...ROLL_WEAR_DEMAND, title: 'CLI 身份测试' });
    await h.waitFor(reference, (s) => s.stage === 'review');

    const decided = await cli('decide', reference, 'review', '--as', 'coord', '--data', '{"decision":"approve"}');
    expect(decided.stderr).toBe('');
    expect(decided.code).toBe(0);
    expect(decided.stdout).toContain(reference);
    expect((await h.status(reference)).stage).not.toBe('review');

    const history = await h.handle(reference).fetchHistory();
    const accepted = (history.events ?? []).flatMap((event) => {
      const attributes = event.workflowExecutionUpdateAcceptedEventAttributes;
      return attributes ? [attributes] : [];
    });
    expect(accepted).toHaveLength(1);
    expect(accepted[0]!.acceptedRequest?.input?.name).toBe(review.update.name);
    expect(accepted[0]!.acceptedRequest?.meta?.identity).toBe(`cli:${userInfo().username}@${hostname()}`);
  });

  it('refuses a decision file nested too deeply to send with a clear error, before sending anything', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'qxwq-cli-')), 'deep.json');
    await writeFile(file, `{"decision":${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
    const decided = await cli('decide', 'P-2026-000001', 'review', '--as', 'coord', '--file', file);
    expect(decided.code).toBe(1);
    expect(decided.stderr).toBe(`error: ${file}: nested too deeply\n`);
  });
});
