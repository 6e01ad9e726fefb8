// Runs the receiver app on 127.0.0.1 and reports its state. A busy port is not a crash: the
// state carries a message naming the flag to change it, and the UI keeps working.
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { ReceiverInfo } from '../../../shared/model';

export interface ReceiverServer {
  info(): ReceiverInfo;
  listen(port: number): Promise<ReceiverInfo>;
  close(): Promise<void>;
}

/** Called when Node's HTTP parser rejects a request before any handler sees it. */
export type ClientErrorListener = (reason: string, remoteAddress: string) => void;

export function createReceiverServer(
  handler: RequestListener,
  onClientError: ClientErrorListener = () => undefined,
  host = '127.0.0.1',
): ReceiverServer {
  let server: Server | null = null;
  let info: ReceiverInfo = { url: '', port: 0, listening: false, error: null };
  const sockets = new Set<Socket>();

  const close = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      const s = server;
      server = null;
      s.close(() => resolve());
      for (const socket of sockets) socket.destroy();
      info = { ...info, listening: false };
    });

  return {
    info: () => info,
    close,
    async listen(port) {
      await close();
      const s = createServer(handler);
      s.keepAliveTimeout = 5_000;
      s.on('connection', (socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      // Malformed request lines or headers never reach the handler: answer 400 and record why,
      // so nothing the receiver turns away is silent.
      s.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
        if (err.code !== 'ECONNRESET')
          onClientError(`malformed HTTP request: ${err.message}`, socket.remoteAddress ?? '');
        if (socket.writable) {
          const body = JSON.stringify({ error: 'bad_request', message: err.message });
          socket.end(
            `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
          );
        } else {
          socket.destroy();
        }
      });
      info = await new Promise<ReceiverInfo>((resolve) => {
        s.once('error', (err: NodeJS.ErrnoException) => {
          const message =
            err.code === 'EADDRINUSE'
              ? `Port ${port} is already in use. Start with --receiver-port <n> (0 picks a free port) or change the receiver port in Settings.`
              : `Receiver could not listen on ${host}:${port}: ${err.message}`;
          resolve({ url: '', port, listening: false, error: message });
        });
        s.listen(port, host, () => {
          const actual = (s.address() as AddressInfo).port;
          server = s;
          resolve({ url: `http://${host}:${actual}`, port: actual, listening: true, error: null });
        });
      });
      return info;
    },
  };
}
