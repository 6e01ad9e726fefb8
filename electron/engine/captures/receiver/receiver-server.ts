// Runs the receiver app on 127.0.0.1 and reports its state. A busy port is not a crash: the
// state carries a message naming the flag to change it, and the UI keeps working.
// Resources are bounded for webhooks, not browsers: headers must arrive within 10 s, a whole
// request within 30 s (408 otherwise), headers larger than Node's 16 KiB get 431, and open
// connections are capped (connection-guard.ts). Every refusal made here is reported once.
import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { ReceiverInfo } from '../../../../shared/model';
import { guardConnections, type ConnectionGuard } from './connection-guard';
import { claimRefusal, rawAnswer, type RefusalListener } from './refusals';

export interface ReceiverServer {
  info(): ReceiverInfo;
  listen(port: number): Promise<ReceiverInfo>;
  close(): Promise<void>;
}

export interface ReceiverLimits {
  maxConnections: number;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
}

export const DEFAULT_RECEIVER_LIMITS: ReceiverLimits = {
  // Well under the usual 1,024 file-descriptor limit, leaving room for the store, the API
  // and the A2A client.
  maxConnections: 512,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
};

export function createReceiverServer(
  handler: RequestListener,
  onRefusal: RefusalListener = () => undefined,
  limits: ReceiverLimits = DEFAULT_RECEIVER_LIMITS,
  host = '127.0.0.1',
): ReceiverServer {
  let server: Server | null = null;
  let guard: ConnectionGuard | null = null;
  let info: ReceiverInfo = { url: '', port: 0, listening: false, error: null };
  // The request each socket is reading, so a socket-level error names its method and path.
  const current = new WeakMap<Socket, IncomingMessage>();

  const close = () =>
    new Promise<void>((resolve) => {
      if (!server) return resolve();
      const s = server;
      server = null;
      s.close(() => resolve());
      guard?.destroyAll();
      info = { ...info, listening: false };
    });

  const refuse = (socket: Socket, status: number, text: string, reason: string) => {
    const req = current.get(socket);
    if (claimRefusal(socket))
      onRefusal({
        status,
        reason,
        remoteAddress: socket.remoteAddress ?? '',
        method: req?.method ?? '',
        path: req?.url?.split('?')[0] ?? '',
      });
    rawAnswer(socket, status, text, reason);
  };

  const build = (): Server => {
    const s = createServer(
      {
        headersTimeout: limits.headersTimeoutMs,
        requestTimeout: limits.requestTimeoutMs,
        keepAliveTimeout: limits.keepAliveTimeoutMs,
        // Timeouts are checked this often (Node's default, 30 s, would let them run long).
        connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
        // Missing Host is refused in receiver-app.ts, where it is audited.
        requireHostHeader: false,
      },
      (req, res) => {
        current.set(req.socket, req);
        res.on('close', () => current.delete(req.socket));
        handler(req, res);
      },
    );
    // Why: the capture must keep every header (signatures may come last); 0 = no count
    // limit. The header bytes stay bounded by maxHeaderSize (16 KiB), past which: 431.
    s.maxHeadersCount = 0;
    guard = guardConnections(s, limits.maxConnections, onRefusal);
    s.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
      // A reset by the client is not a refusal: there is nobody to answer.
      if (err.code === 'ECONNRESET' || err.code === 'EPIPE') return void socket.destroy();
      if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
        const req = current.get(socket);
        return refuse(
          socket,
          408,
          'Request Timeout',
          req
            ? `request timeout: the body was not complete within ${limits.requestTimeoutMs / 1000} s`
            : `request timeout: the headers were not complete within ${limits.headersTimeoutMs / 1000} s`,
        );
      }
      if (err.code === 'HPE_HEADER_OVERFLOW')
        return refuse(
          socket,
          431,
          'Request Header Fields Too Large',
          'headers larger than the 16 KiB the receiver accepts',
        );
      refuse(socket, 400, 'Bad Request', `malformed HTTP request: ${err.message}`);
    });
    s.on('checkExpectation', (req: IncomingMessage, res) => {
      onRefusal({
        status: 417,
        reason: `unsupported Expect: ${req.headers.expect ?? ''} (only 100-continue is)`,
        remoteAddress: req.socket.remoteAddress ?? '',
        method: req.method ?? '',
        path: req.url?.split('?')[0] ?? '',
      });
      res.writeHead(417, { 'Content-Type': 'application/json', Connection: 'close' });
      res.end(
        JSON.stringify({
          error: 'expectation_failed',
          message: 'Only Expect: 100-continue is supported.',
        }),
      );
    });
    s.on('connect', (req: IncomingMessage, socket: Socket) => {
      current.set(socket, req);
      refuse(
        socket,
        405,
        'Method Not Allowed',
        'CONNECT is not accepted: the receiver is not a proxy',
      );
    });
    return s;
  };

  return {
    info: () => info,
    close,
    async listen(port) {
      await close();
      const s = build();
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
