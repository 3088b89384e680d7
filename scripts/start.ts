/**
 * `npm start`: the whole service on one machine with no configuration — the Temporal dev server
 * (file-backed, Web UI), the embedded database, migrations, the worker and the Lark bot. Whatever
 * is configured (TEMPORAL_ADDRESS, DATABASE_URL, SMTP, the Lark app) is used instead of being started.
 */
import { startConfiguredBot, type Bot } from '../bots/server.ts';
import { hasMailServer, loadConfig, outboxDirOf } from '../lib/config.ts';
import { createLog } from '../lib/log.ts';
import { loadPolicy } from '../lib/policy-file.ts';
import { connectServices } from '../lib/services.ts';
import { createConfiguredWorker } from '../lib/workers.ts';

/** Secrets are read from the environment, as the configuration is. */
const log = createLog();

const main = async (): Promise<void> => {
  const config = loadConfig();
  const policy = await loadPolicy(config.POLICY_FILE);
  const services = await connectServices(config, { embedded: true });
  const worker = await createConfiguredWorker(config, services);
  const bot: Bot | null = config.LARK_MODE === 'off' ? null : await startConfiguredBot(config, services, policy);
  const shutdown = () => worker.shutdown();
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  log.info(
    [
      '',
      '千校万企 partnership service is running',
      `  Temporal:    ${services.temporalAddress} (namespace ${config.TEMPORAL_NAMESPACE}, task queue ${config.TEMPORAL_TASK_QUEUE})`,
      `  Temporal UI: ${services.uiUrl ?? 'see your Temporal cluster'}`,
      `  Database:    ${services.embeddedDatabase ? `embedded PGlite in ${config.DATA_DIR}/pglite, ${services.databaseUrl}` : 'DATABASE_URL'}`,
      `  Lark bot:    ${!bot ? 'off (LARK_MODE=off)' : bot.url ? `webhook ${bot.url}/lark/events, card callbacks ${bot.url}/lark/cards` : 'long connection (LARK_MODE=websocket)'}${config.LARK_APP_ID ? '' : '; no LARK_APP_ID, so cards are written to the outbox folder'}`,
      `  Email:       ${hasMailServer(config) ? 'SMTP as configured' : `no SMTP configured: messages are written as .eml files into ${outboxDirOf(config)}`}`,
      '  Next: `npm run demo` fills it with partnerships; `npm run cli -- --help` drives them. Ctrl-C stops.',
      '',
    ].join('\n'),
  );
  await worker.run();
  await bot?.close();
  await services.close();
};

main().catch((error: unknown) => {
  log.error(`start: ${(error as Error).message}`);
  process.exit(1);
});
