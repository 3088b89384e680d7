import { readFile } from 'node:fs/promises';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { Config } from './config.ts';

type ConnectionSettings = Pick<Config, 'TEMPORAL_API_KEY' | 'TEMPORAL_TLS' | 'TEMPORAL_TLS_CERT' | 'TEMPORAL_TLS_KEY'>;

/** TLS for Temporal Cloud or a secured cluster: an API key implies TLS; a cert and key give mTLS. */
const tlsOptions = async (config: ConnectionSettings) => {
  if (config.TEMPORAL_TLS_CERT && config.TEMPORAL_TLS_KEY) {
    return { clientCertPair: { crt: await readFile(config.TEMPORAL_TLS_CERT), key: await readFile(config.TEMPORAL_TLS_KEY) } };
  }
  return config.TEMPORAL_TLS || config.TEMPORAL_API_KEY ? true : undefined;
};

const connectionOptions = async (address: string, config: ConnectionSettings) => {
  const tls = await tlsOptions(config);
  return { address, ...(tls ? { tls } : {}), ...(config.TEMPORAL_API_KEY ? { apiKey: config.TEMPORAL_API_KEY } : {}) };
};

export const connectClient = async (address: string, namespace: string, config: ConnectionSettings): Promise<Client> =>
  new Client({ connection: await Connection.connect(await connectionOptions(address, config)), namespace });

export const connectWorker = async (address: string, config: ConnectionSettings): Promise<NativeConnection> =>
  NativeConnection.connect(await connectionOptions(address, config));
