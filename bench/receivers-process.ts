/**
 * The benchmark's receivers in their own process, as real ones would be: a loopback SMTP server
 * and the local Lark Open API. Tells its parent where they listen, then, when asked, when each
 * message arrived (epoch ms), so the parent can count them per one-second window; what each
 * message was (its de-duplication key and recipient), so the parent can find lost and repeated
 * ones; and, when told, misbehaves (an SMTP outage or slow answers, Lark errors or silence).
 */
import { startLarkOpenApi } from '../test/support/lark-open-api.ts';
import { startLoopbackSmtp } from '../test/support/smtp.ts';
import type { ReceivedMessages, ReceiverAddresses, ReceiverArrivals, ReceiverCommand } from './receivers.ts';

const run = async (): Promise<void> => {
  const [smtp, lark] = await Promise.all([startLoopbackSmtp(), startLarkOpenApi()]);
  const arrivals = (): ReceiverArrivals => ({
    email: smtp.received.map((mail) => mail.receivedAt),
    lark: lark.requests.filter((request) => request.route === 'send' && request.status === 200).map((request) => request.receivedAt),
  });
  const received = (): ReceivedMessages => ({
    email: smtp.received.flatMap((mail) => mail.envelope.to.map((to) => ({ key: mail.parsed.messageId ?? '', to, at: mail.receivedAt }))),
    larkRequests: lark.requests
      .filter((request) => request.route === 'send')
      .map((request) => {
        const body = (request.body ?? {}) as { uuid?: unknown; receive_id?: unknown };
        return {
          key: typeof body.uuid === 'string' ? body.uuid : '',
          to: typeof body.receive_id === 'string' ? body.receive_id : '',
          at: request.receivedAt,
          status: request.status,
        };
      }),
    lark: lark.messages.map((message) => ({ key: message.uuid ?? '', to: message.receiveId, at: Number(message.createTime) })),
  });
  const obey = async (command: ReceiverCommand): Promise<void> => {
    if ('smtp' in command) await smtp.setFault(command.smtp);
    else lark.failWhile('send', command.lark);
  };
  process.on('message', (message: unknown) => {
    if (message === 'arrivals') process.send!({ arrivals: arrivals() });
    if (typeof message !== 'object' || message === null || !('id' in message)) return;
    const { id, command } = message as { id: number; command: ReceiverCommand | 'received' };
    if (command === 'received') {
      process.send!({ id, received: received() });
      return;
    }
    obey(command).then(
      () => process.send!({ id, done: true }),
      (error: unknown) => process.send!({ id, error: (error as Error).message }),
    );
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
