/** Applies the committed migrations to DATABASE_URL (or the embedded database of a running `npm start`). */
import { loadConfig } from '../lib/config.ts';
import { migrate } from '../lib/migrate.ts';
import { embeddedDatabaseUrl } from '../lib/services.ts';

const config = loadConfig();
const url = config.DATABASE_URL ?? embeddedDatabaseUrl(config);
try {
  const applied = await migrate(url);
  console.log(applied.length > 0 ? `applied: ${applied.join(', ')}` : 'the database is up to date');
} catch (error) {
  console.error(`migrate: ${(error as Error).message}`);
  process.exit(1);
}
