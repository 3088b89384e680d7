/**
 * Where a benchmark's messages are received when they are really sent: bench/receivers-process.ts
 * in a child process, so that what it counts is what arrived over the wire, and the most that
 * arrived in any one second.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { Teardown } from './support.ts';

export interface ReceiverAddresses {
  readonly smtpUrl: string;
  readonly larkBaseUrl: string;
  readonly larkAppId: string;
  readonly larkAppSecret: string;
}

/** When each message arrived, per channel (epoch ms). */
export interface ReceiverArrivals {
  readonly email: readonly number[];
  readonly lark: readonly number[];
}

export interface Receivers extends ReceiverAddresses {
  arrivals(): Promise<ReceiverArrivals>;
}

/** The most arrivals within any window of `windowMs` (sliding, not calendar seconds). */
export const mostInAnyWindow = (times: readonly number[], windowMs = 1000): number => {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let first = 0;
  for (let last = 0; last < sorted.length; last += 1) {
    while (sorted[last]! - sorted[first]! >= windowMs) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
};

/** Starts the receivers' process; the teardown ends it. */
export const startReceivers = async (teardown: Teardown): Promise<Receivers> => {
  const child = fork(fileURLToPath(new URL('./receivers-process.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  teardown.add('the receivers process', async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.disconnect();
    await once(child, 'exit');
  });
  const ready = await new Promise<ReceiverAddresses>((resolve, reject) => {
    child.on('message', (message: { ready?: ReceiverAddresses }) => {
      if (message.ready) resolve(message.ready);
    });
    child.once('exit', (code) => reject(new Error(`the receivers process exited (${code}) before listening`)));
  });
  return {
    ...ready,
    arrivals: () =>
      new Promise<ReceiverArrivals>((resolve) => {
        const answer = (message: { arrivals?: ReceiverArrivals }) => {
          if (!message.arrivals) return;
          child.off('message', answer);
          resolve(message.arrivals);
        };
        child.on('message', answer);
        child.send('arrivals');
      }),
  };
};
