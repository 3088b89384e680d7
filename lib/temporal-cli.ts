import { execFile } from 'node:child_process';
import { access, constants, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { PROJECT_ROOT } from './config.ts';

const run = promisify(execFile);

/** The Temporal CLI release whose Go module installs with `go install` (later tags carry a replace directive). */
export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';
export const TOOLS_BIN = path.join(PROJECT_ROOT, '.tools', 'bin');

const isExecutable = async (file: string): Promise<boolean> =>
  access(file, constants.X_OK).then(
    () => true,
    () => false,
  );

const onPath = async (name: string): Promise<string | null> => {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, name);
    if (await isExecutable(candidate)) return candidate;
  }
  return null;
};

/**
 * Finds the Temporal CLI: TEMPORAL_CLI, then `temporal` on PATH, then the project's tools folder,
 * then builds it there with Go. Null means none could be had: the caller may fall back to the
 * SDK's own download, which needs internet.
 */
export const findTemporalCli = async (
  options: { explicit?: string | undefined; install?: boolean; log?: (line: string) => void } = {},
): Promise<string | null> => {
  const log = options.log ?? (() => undefined);
  if (options.explicit) {
    if (await isExecutable(options.explicit)) return options.explicit;
    throw new Error(`TEMPORAL_CLI=${options.explicit} is not an executable file`);
  }
  const found = (await onPath('temporal')) ?? ((await isExecutable(path.join(TOOLS_BIN, 'temporal'))) ? path.join(TOOLS_BIN, 'temporal') : null);
  if (found || options.install === false) return found;
  const go = await onPath('go');
  if (!go) {
    log('no Temporal CLI and no Go toolchain: the SDK will try to download the dev server');
    return null;
  }
  log(`building the Temporal CLI (${TEMPORAL_CLI_MODULE}) into ${TOOLS_BIN}; this takes a few minutes once`);
  await mkdir(TOOLS_BIN, { recursive: true });
  try {
    await run(go, ['install', TEMPORAL_CLI_MODULE], {
      env: { ...process.env, GOBIN: TOOLS_BIN, CGO_ENABLED: '0' },
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    log(`go install failed: ${(error as Error).message.split('\n')[0]}; the SDK will try to download the dev server`);
    return null;
  }
  return path.join(TOOLS_BIN, 'temporal');
};
