import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { TypedSearchAttributes } from '@temporalio/common';
import { SEARCH_ATTRIBUTES } from '../workflows/search-attributes.ts';

export interface DevServer {
  readonly address: string;
  readonly uiUrl: string | null;
  stop(): Promise<void>;
}

const searchAttributeFlags = (): string[] =>
  SEARCH_ATTRIBUTES.flatMap((key) => ['--search-attribute', `${key.name}=${TypedSearchAttributes.toMetadataType(key.type)}`]);

const waitForServer = async (address: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the Temporal dev server exited (code ${child.exitCode}):\n${output()}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      await connection.workflowService.getSystemInfo({});
      await connection.close();
      return;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`the Temporal dev server did not answer at ${address} within ${timeoutMs / 1000}s: ${(error as Error).message}\n${output()}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
};

/**
 * Runs `temporal server start-dev` with our search attributes registered. With a database file
 * the workflows survive a restart; without one they live in memory (tests).
 */
export const startDevServer = async (options: {
  cli: string;
  ip?: string;
  port: number;
  uiPort: number | null;
  dbFile: string | null;
  namespace?: string;
}): Promise<DevServer> => {
  const ip = options.ip ?? '127.0.0.1';
  if (options.dbFile) await mkdir(path.dirname(options.dbFile), { recursive: true });
  const args = [
    'server',
    'start-dev',
    '--ip',
    ip,
    '--port',
    String(options.port),
    '--log-level',
    'warn',
    ...(options.uiPort === null ? ['--headless'] : ['--ui-port', String(options.uiPort)]),
    ...(options.dbFile ? ['--db-filename', options.dbFile] : []),
    ...(options.namespace && options.namespace !== 'default' ? ['--namespace', options.namespace] : []),
    ...searchAttributeFlags(),
  ];
  const child = spawn(options.cli, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const address = `${ip}:${options.port}`;
  try {
    await waitForServer(address, child, () => output, 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    address,
    uiUrl: options.uiPort === null ? null : `http://${ip === '0.0.0.0' ? 'localhost' : ip}:${options.uiPort}`,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
      }),
  };
};
