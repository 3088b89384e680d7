import net, { type AddressInfo } from 'node:net';

export interface TcpProxy {
  /** `127.0.0.1:<port>`, to put in a connection URL instead of the target's. */
  readonly hostPort: string;
  /** Stops passing bytes either way on every connection, as a network that went silent. */
  freeze(): void;
  /** Passes bytes again, including those held while frozen. */
  thaw(): void;
  /** Closes every open connection, dropping the bytes held on it. */
  cut(): void;
  close(): Promise<void>;
}

/** A loopback TCP proxy to `target` (host:port) whose traffic can be held, for network faults. */
export const startTcpProxy = async (target: string): Promise<TcpProxy> => {
  const [host, port] = [target.slice(0, target.lastIndexOf(':')), Number(target.slice(target.lastIndexOf(':') + 1))];
  const pairs = new Set<readonly [net.Socket, net.Socket]>();
  let frozen = false;
  // A piped stream resumes by itself when its destination drains, so holding means unpiping.
  const hold = ([a, b]: readonly [net.Socket, net.Socket]) => {
    a.unpipe(b);
    b.unpipe(a);
    a.pause();
    b.pause();
  };
  const pass = ([a, b]: readonly [net.Socket, net.Socket]) => {
    a.pipe(b);
    b.pipe(a);
  };
  const server = net.createServer((client) => {
    const upstream = net.connect(port, host);
    const pair = [client, upstream] as const;
    pairs.add(pair);
    for (const socket of pair) {
      socket.on('error', () => undefined);
      socket.on('close', () => {
        pairs.delete(pair);
        client.destroy();
        upstream.destroy();
      });
    }
    if (frozen) hold(pair);
    else pass(pair);
  });
  const cut = () => {
    for (const [a, b] of pairs) {
      a.destroy();
      b.destroy();
    }
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    hostPort: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    freeze() {
      frozen = true;
      for (const pair of pairs) hold(pair);
    },
    thaw() {
      frozen = false;
      for (const pair of pairs) pass(pair);
    },
    cut,
    async close() {
      cut();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
};
