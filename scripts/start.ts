/**
 * `npm start`: the whole service on one machine with no configuration — the Temporal dev server
 * (file-backed, Web UI), the embedded database, migrations and the worker. Whatever is
 * configured (TEMPORAL_ADDRESS, DATABASE_URL) is used instead of being started.
 */
import { loadConfig } from '../lib/config.ts';
import { loadPolicy } from '../lib/policy-file.ts';
import { connectServices } from '../lib/services.ts';
import { createConfiguredWorker } from '../worker.ts';

const main = async (): Promise<void> => {
  const config = loadConfig();
  await loadPolicy(config.POLICY_FILE);
  const services = await connectServices(config, { embedded: true });
  const worker = await createConfiguredWorker(config, services);
  const shutdown = () => worker.shutdown();
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  console.log(
    [
      '',
      '千校万企 partnership service is running',
      `  Temporal:    ${services.temporalAddress} (namespace ${config.TEMPORAL_NAMESPACE}, task queue ${config.TEMPORAL_TASK_QUEUE})`,
      `  Temporal UI: ${services.uiUrl ?? 'see your Temporal cluster'}`,
      `  Database:    ${services.embeddedDatabase ? `embedded PGlite in ${config.DATA_DIR}/pglite, ${services.databaseUrl}` : 'DATABASE_URL'}`,
      '  Next: `npm run demo` fills it with partnerships; `npm run cli -- --help` drives them. Ctrl-C stops.',
      '',
    ].join('\n'),
  );
  await worker.run();
  await services.close();
};

main().catch((error: unknown) => {
  console.error(`start: ${(error as Error).message}`);
  process.exit(1);
});
