import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

// Frontend message types that open or continue an extended-protocol sequence, which Sync closes.
const EXTENDED = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((c) => c.charCodeAt(0)));
const SYNC = 'S'.charCodeAt(0);

/**
 * PGlite has one backend for all socket connections. The socket server keeps a transaction to
 * the connection that opened it, but not a Parse/Bind/Execute/Sync sequence: another
 * connection's Parse could replace the unnamed statement in between ("unnamed prepared statement
 * does not exist"). Reporting "in transaction" until Sync makes the server keep the sequence
 * whole, using only what the server asks of PGlite.
 */
const keepExtendedQueriesWhole = (db: PGlite): PGlite => {
  let midSequence = false;
  return new Proxy(db, {
    get(target, property, receiver) {
      if (property === 'isInTransaction') return () => midSequence || target.isInTransaction();
      if (property === 'execProtocolRawStream') {
        return async (message: Uint8Array, options: Parameters<PGlite['execProtocolRawStream']>[1]) => {
          const type = message[0] ?? 0;
          if (EXTENDED.has(type)) midSequence = true;
          try {
            return await target.execProtocolRawStream(message, options);
          } finally {
            if (type === SYNC) midSequence = false;
          }
        };
      }
      if (property === 'exec') {
        // The server rolls back a disconnected client's transaction with exec: the sequence ends too.
        return async (...args: Parameters<PGlite['exec']>) => {
          midSequence = false;
          return target.exec(...args);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
};

export interface EmbeddedPostgres {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * PGlite (PostgreSQL compiled to WebAssembly) served on loopback, so the worker, the bot and
 * the CLI share one database with no server to install. `dataDir` null keeps it in memory.
 */
export const startEmbeddedPostgres = async (options: {
  dataDir: string | null;
  host: string;
  port: number;
  maxConnections?: number;
}): Promise<EmbeddedPostgres> => {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const db = options.dataDir ? await PGlite.create(options.dataDir) : await PGlite.create();
  const server = new PGLiteSocketServer({
    db: keepExtendedQueriesWhole(db),
    host: options.host,
    port: options.port,
    // The socket server keeps a connection's transaction exclusive; statements still run one at a time.
    // Room for a worker given this database's URL (it cannot tell it is PGlite, and takes a server's
    // pool of 20), the bot, the CLI and the tests' own clients at once.
    maxConnections: options.maxConnections ?? 64,
  });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(`port ${options.host}:${options.port} is taken: is the service already running? Stop it, or set PGLITE_PORT to another port`);
    }
    throw error;
  }
  const { port } = server as unknown as { port: number };
  return {
    url: `postgresql://postgres:postgres@${options.host}:${port}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
};
