/**
 * Each cached workflow evaluates every module of the workflow bundle afresh, so what the bundle
 * carries is paid per open partnership: zod alone was about 1 MiB each. The workflows check
 * payloads with plain code (domain/payload-spec.ts); this keeps it that way.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';

describe('the workflow bundle', () => {
  it('carries no schema library, and only our own deterministic modules beside the SDK', async () => {
    const code = await readFile(inject('workflowBundlePath'), 'utf8');
    const modules = [...code.matchAll(/\/\*\*\*\/ "([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(modules.length).toBeGreaterThan(20);
    expect(modules.filter((path) => /node_modules\/zod\//.test(path))).toEqual([]);
    const ours = modules.filter((path) => path.startsWith('./') && !path.startsWith('./node_modules/'));
    expect(ours.filter((path) => !/^\.\/(workflows|domain)\//.test(path))).toEqual([]);
  });
});
