import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createOutboxFolder } from '../../activities/outbox-folder.ts';

describe('the outbox folder', () => {
  let root = '';
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('is created by the first write, and again when it was removed while the service ran', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'qxwq-outbox-'));
    const folder = createOutboxFolder(path.join(root, 'outbox', 'lark'));
    const first = await folder.write('a.json', '{"a":1}\n');
    expect(await readFile(first, 'utf8')).toBe('{"a":1}\n');

    await rm(path.join(root, 'outbox'), { recursive: true });
    const second = await folder.write('b.json', '{"b":2}\n');
    expect(await readFile(second, 'utf8')).toBe('{"b":2}\n');
    expect(await folder.write('b.json', '{"b":3}\n')).toBe(second);
    expect(await readFile(second, 'utf8')).toBe('{"b":3}\n');
  });
});
