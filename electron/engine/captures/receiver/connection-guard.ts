// Bounds the receiver's open connections. Why: each socket costs a file descriptor, and a
// slowloris run (connections that never finish a request) would otherwise starve real
// webhooks. Past the cap, the connection that has been idle longest (no request in
// progress: still sending headers, or kept alive between requests) is closed to make room,
// so a webhook arriving on a fresh connection still gets through. Only when every
// connection is mid-request is the new one turned away.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { RefusalListener } from './refusals';

export interface ConnectionGuard {
  sockets: ReadonlySet<Socket>;
  destroyAll(): void;
}

export function guardConnections(
  server: Server,
  maxConnections: number,
  onRefusal: RefusalListener,
): ConnectionGuard {
  // Insertion order = age; a socket moves to the end whenever it becomes idle again.
  const idle = new Map<Socket, number>();
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    idle.set(socket, Date.now());
    socket.on('close', () => {
      sockets.delete(socket);
      idle.delete(socket);
    });
    if (sockets.size <= maxConnections) return;
    // Sockets already answered and closing do not count (their close is on its way).
    let live = 0;
    for (const s of sockets) if (!s.writableEnded && !s.destroyed) live++;
    if (live <= maxConnections) return;
    let oldest: Socket | undefined;
    let since: number | undefined;
    for (const [s, at] of idle) {
      if (s.writableEnded || s.destroyed) continue;
      [oldest, since] = [s, at];
      break;
    }
    const victim = oldest && oldest !== socket ? oldest : socket;
    const idleFor = since ? `${Math.round((Date.now() - since) / 1000)} s` : '';
    onRefusal({
      status: 503,
      method: '',
      path: '',
      remoteAddress: victim.remoteAddress ?? '',
      reason:
        victim === socket
          ? `connection refused: the receiver is at its ${maxConnections}-connection cap and every connection is mid-request`
          : `connection closed to make room: the receiver is at its ${maxConnections}-connection cap and this one had no request in progress for ${idleFor}`,
    });
    victim.destroy();
  });
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    idle.delete(req.socket);
    res.on('close', () => {
      if (!req.socket.destroyed) idle.set(req.socket, Date.now());
    });
  });
  return {
    sockets,
    destroyAll: () => {
      for (const s of sockets) s.destroy();
    },
  };
}
