import { describe, expect, it } from 'vitest';
import { ConfigSchema, defaultCachedWorkflows } from '../../lib/config.ts';

const GIB = 1024 ** 3;

describe('the worker cache by default', () => {
  it('holds as many workflows as a quarter of the memory holds at 0.4 MiB each, between 1,000 and the 10,000 measured', () => {
    expect(defaultCachedWorkflows(4 * GIB)).toBe(2_560);
    expect(defaultCachedWorkflows(8 * GIB)).toBe(5_120);
    expect(defaultCachedWorkflows(24 * GIB)).toBe(10_000);
    expect(defaultCachedWorkflows(GIB)).toBe(1_000);
  });

  it('is the setting when WORKER_MAX_CACHED_WORKFLOWS is not given, and the setting wins when it is', () => {
    expect(ConfigSchema.parse({}).WORKER_MAX_CACHED_WORKFLOWS).toBe(defaultCachedWorkflows());
    expect(ConfigSchema.parse({ WORKER_MAX_CACHED_WORKFLOWS: '300' }).WORKER_MAX_CACHED_WORKFLOWS).toBe(300);
  });
});
