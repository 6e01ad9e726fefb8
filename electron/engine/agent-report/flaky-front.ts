// "Receiver down at first" for the agent report: a TCP front on 127.0.0.1:0 that drops (resets)
// its first `drop` connections, then passes bytes through to Switchboard's receiver. The agent
// sees a network error, as from a receiver that is not up yet; later attempts reach the
// receiver and become captures like any other.
import net from 'node:net';

export interface FlakyFront {
  /** Base URL to give the agent instead of the receiver's. */
  url: string;
  dropped(): number;
  close(): Promise<void>;
}

export async function startFlakyFront(receiverUrl: string, drop: number): Promise<FlakyFront> {
  const target = new URL(receiverUrl);
  let dropped = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    if (dropped < drop) {
      dropped++;
      socket.resetAndDestroy();
      return;
    }
    const upstream = net.connect(Number(target.port), target.hostname);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    socket.pipe(upstream).pipe(socket);
    const end = () => (socket.destroy(), upstream.destroy());
    socket.on('error', end);
    upstream.on('error', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dropped: () => dropped,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
