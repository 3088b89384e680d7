/**
 * The benchmark's receivers in their own process, as real ones would be: a loopback SMTP server
 * and the local Lark Open API. Tells its parent where they listen, then, when asked, when each
 * message arrived (epoch ms), so the parent can count them per one-second window.
 */
import { startLarkOpenApi } from '../test/support/lark-open-api.ts';
import { startLoopbackSmtp } from '../test/support/smtp.ts';
import type { ReceiverAddresses, ReceiverArrivals } from './receivers.ts';

const run = async (): Promise<void> => {
  const [smtp, lark] = await Promise.all([startLoopbackSmtp(), startLarkOpenApi()]);
  const arrivals = (): ReceiverArrivals => ({
    email: smtp.received.map((mail) => mail.receivedAt),
    lark: lark.requests.filter((request) => request.route === 'send' && request.status === 200).map((request) => request.receivedAt),
  });
  process.on('message', (message: unknown) => {
    if (message === 'arrivals') process.send!({ arrivals: arrivals() });
  });
  process.once('disconnect', () => {
    void Promise.all([smtp.close(), lark.close()]).finally(() => process.exit(0));
  });
  const ready: ReceiverAddresses = { smtpUrl: smtp.url, larkBaseUrl: lark.baseUrl, larkAppId: lark.appId, larkAppSecret: lark.appSecret };
  process.send!({ ready });
};

run().catch((error: unknown) => {
  console.error((error as Error).stack ?? String(error));
  process.exit(1);
});
