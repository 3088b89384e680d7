import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.ts';

export type { PrismaClient };
export type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

/**
 * The connection pool, with a listener on every connection for its whole life. When the server
 * shuts down under a transaction, the adapter has already taken its own listener off that
 * connection, and the server's late error would otherwise be an unhandled 'error' event that ends
 * the process; the statement that needed the connection has failed already and its activity retries.
 */
const createPool = (url: string, poolMax: number | undefined, names: StatementNames): pg.Pool => {
  const pool = new pg.Pool({
    connectionString: url,
    ...(poolMax ? { max: poolMax } : {}),
    // Awaited before the connection is handed out: a query of ours beside the caller's first one would run two at once on it.
    // eslint-disable-next-line @typescript-eslint/no-misused-promises -- pg-pool awaits the hook's promise; @types/pg declares it void
    onConnect: (client) => (names.decided ? undefined : names.decideFrom(client)),
  });
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
};

/** Distinct statement texts named per process; beyond this many, the rest run unnamed (each named one holds memory on every connection). */
const MAX_NAMED_STATEMENTS = 500;

interface StatementNames {
  readonly decided: boolean;
  /** Asks the server what it is: names are used only on a PostgreSQL server. */
  decideFrom(client: pg.ClientBase): Promise<void>;
  /** The statement's name, or '' to run it unnamed. */
  nameOf(sql: string): string;
}

/**
 * Names for the statements the client runs, so that a connection to a PostgreSQL server parses and
 * plans each statement once instead of on every run: the service runs the same few hundred
 * parameterised texts over and over. Off until a connection shows the server is not PGlite, which
 * serves all its connections from one session, where two connections' names would collide.
 */
const createStatementNames = (): StatementNames => {
  const names = new Map<string, string>();
  let state: 'unknown' | 'asking' | 'named' | 'unnamed' = 'unknown';
  return {
    get decided() {
      return state !== 'unknown';
    },
    async decideFrom(client) {
      state = 'asking';
      try {
        const result = await client.query<{ version: string }>('SELECT version() AS version');
        state = result.rows[0]?.version.includes('PGlite') ? 'unnamed' : 'named';
      } catch {
        // The caller's own statement will meet whatever went wrong; the next connection asks again.
        state = 'unknown';
      }
    },
    nameOf(sql) {
      if (state !== 'named') return '';
      let name = names.get(sql);
      if (name === undefined) {
        if (names.size >= MAX_NAMED_STATEMENTS) return '';
        name = `qxwq_${names.size}`;
        names.set(sql, name);
      }
      return name;
    },
  };
};

/**
 * Connections per process unless DATABASE_POOL_MAX says otherwise. PGlite runs one statement at a
 * time, so a few are all it can use. A server gets enough for the activities a busy worker runs at
 * once: with 10, a benchmark's activities queued for a connection, finished later and further apart,
 * and each finish cost the workflow a task of its own (12–16% more workflow tasks than with 20).
 */
export const defaultPoolSize = (embedded: boolean): number => (embedded ? 4 : 20);

/**
 * A Prisma client on PostgreSQL through the `pg` driver adapter (no query engine binary).
 * Transactions wait up to 10 s for a connection (Prisma's default is 2 s): under a burst the
 * small pool PGlite allows is busy for longer, and a refused transaction only means a retried activity.
 */
export const createPrisma = (url: string, poolMax?: number): PrismaClient => {
  const names = createStatementNames();
  return new PrismaClient({
    adapter: new PrismaPg(createPool(url, poolMax, names), { disposeExternalPool: true, statementNameGenerator: (query) => names.nameOf(query.sql) }),
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
};
