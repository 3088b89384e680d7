/**
 * `npm run bot`: the Lark bot on its own, for running several behind a load balancer (webhook) or
 * apart from the workers. Talks to the services a running `npm start` provides, or to
 * TEMPORAL_ADDRESS / DATABASE_URL when set.
 */
import { startConfiguredBot } from '../bots/server.ts';
import { loadConfig } from '../lib/config.ts';
import { createLog } from '../lib/log.ts';
import { loadPolicy } from '../lib/policy-file.ts';
import { connectServices } from '../lib/services.ts';

/** Secrets are read from the environment, as the configuration is. */
const log = createLog();

const main = async (): Promise<void> => {
  const config = loadConfig();
  if (config.LARK_MODE === 'off') throw new Error('LARK_MODE is off: set it to webhook or websocket');
  const policy = await loadPolicy(config.POLICY_FILE);
  const services = await connectServices(config, { embedded: false });
  const bot = await startConfiguredBot(config, services, policy);
  log.info(bot.url ? `bot: webhook ${bot.url}/lark/events, card callbacks ${bot.url}/lark/cards` : 'bot: long connection to Lark');
  const stop = () => {
    void bot.close().then(() => services.close());
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
};

main().catch((error: unknown) => {
  log.error(`bot: ${(error as Error).message}`);
  process.exit(1);
});
