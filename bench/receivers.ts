/**
 * Where a benchmark's messages are received when they are really sent: bench/receivers-process.ts
 * in a child process, so that what it counts is what arrived over the wire, and the most that
 * arrived in any one second.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { InjectedFailure } from '../test/support/lark-open-api.ts';
import type { SmtpFault } from '../test/support/smtp.ts';
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

/** One message as it arrived: its de-duplication key (email Message-ID, Lark `uuid`), its recipient, when (epoch ms). */
export interface ReceivedMessage {
  readonly key: string;
  /** The envelope recipient of an email; the `receive_id` (open_id) of a Lark message. */
  readonly to: string;
  readonly at: number;
}

/** What arrived, per channel, in order. */
export interface ReceivedMessages {
  /** Every email accepted, once per envelope recipient. */
  readonly email: readonly ReceivedMessage[];
  /** Every Lark send request, answered or not (status 0: no answer yet), with its HTTP status. */
  readonly larkRequests: readonly (ReceivedMessage & { readonly status: number })[];
  /** Every Lark message delivered to a person (a repeated `uuid` within the hour delivers none). */
  readonly lark: readonly ReceivedMessage[];
}

/** A fault for the receivers' process to inject from now on; `null` ends it. */
export type ReceiverCommand = { readonly smtp: SmtpFault | null } | { readonly lark: InjectedFailure | null };

export interface Receivers extends ReceiverAddresses {
  arrivals(): Promise<ReceiverArrivals>;
  /** Every message received so far, with its key and recipient. */
  received(): Promise<ReceivedMessages>;
  /** Injects a fault (or ends it); resolves once the receivers act on it. */
  inject(command: ReceiverCommand): Promise<void>;
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
  /** Sends `request`; settles with the first message `answerTo` recognises, or fails if the process exits first. */
  const exchange = <T>(request: unknown, answerTo: (message: Record<string, unknown>) => { value: T } | { error: string } | null): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const finish = () => {
        child.off('message', answer);
        child.off('exit', gone);
      };
      const answer = (message: unknown) => {
        if (typeof message !== 'object' || message === null) return;
        const answered = answerTo(message as Record<string, unknown>);
        if (!answered) return;
        finish();
        if ('error' in answered) reject(new Error(`the receivers process: ${answered.error}`));
        else resolve(answered.value);
      };
      const gone = (code: number | null, signal: string | null) => {
        finish();
        reject(new Error(`the receivers process exited (${code ?? signal}) before answering`));
      };
      child.on('message', answer);
      child.once('exit', gone);
      child.send(request as object);
    });
  let nextId = 0;
  const ask = <T>(command: ReceiverCommand | 'received', pick: (message: Record<string, unknown>) => T): Promise<T> => {
    const id = ++nextId;
    return exchange<T>({ id, command }, (message) => {
      if (message.id !== id) return null;
      return typeof message.error === 'string' ? { error: message.error } : { value: pick(message) };
    });
  };
  return {
    ...ready,
    received: () => ask('received', (message) => message.received as ReceivedMessages),
    inject: (command) => ask(command, () => undefined),
    arrivals: () => exchange('arrivals', (message) => (message.arrivals ? { value: message.arrivals as ReceiverArrivals } : null)),
  };
};
