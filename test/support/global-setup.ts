import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../lib/net.ts';
import { findTemporalCli } from '../../lib/temporal-cli.ts';
import { startDevServer } from '../../lib/temporal-server.ts';
import { bundleWorkflows } from '../../lib/workers.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    workflowBundlePath: string;
  }
}

/** One real Temporal dev server and one workflow bundle for the whole run. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cli = await findTemporalCli({ explicit: process.env.TEMPORAL_CLI, log: (line) => console.log(line) });
  if (!cli) throw new Error('the tests need the Temporal CLI: run `npm install` (it builds one with Go) or set TEMPORAL_CLI');
  const [server, bundle] = await Promise.all([freePort().then((port) => startDevServer({ cli, port, uiPort: null, dbFile: null })), bundleWorkflows()]);
  const dir = await mkdtemp(path.join(tmpdir(), 'qxwq-bundle-'));
  const workflowBundlePath = path.join(dir, 'workflows.js');
  await writeFile(workflowBundlePath, bundle.code);
  project.provide('temporalAddress', server.address);
  project.provide('workflowBundlePath', workflowBundlePath);
  return async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
