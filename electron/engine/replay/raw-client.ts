// A lean HTTP/1.1 client for bulk replays: one keep-alive connection per bulk worker, the request
// written as one buffer (header names, casing and order exactly as given), and a small response
// reader (Content-Length, chunked, or read-until-close; 1xx skipped; body capped). node:http
// costs about twice as much CPU per request, which halves bulk throughput on small machines.
// One request at a time per connection: the socket's listeners, the deadline timer and the
// cancel listener are set up once per connection, not per request. Requests go out at the end
// of the event-loop turn, together with the other connections' (turn-writes.ts). Same outcome
// shape and error wording as http-send.ts; never throws.
import net from 'node:net';
import tls from 'node:tls';
import { describeError, type SendOptions, type SendOutcome, type WireRequest } from './http-send';
import { headerProblem } from '../../../shared/wire-headers';
import { createResponseReader, type ReaderResult } from './raw-response';
import { writeAtEndOfTurn } from './turn-writes';

export interface RawConnection {
  send(req: WireRequest, opts: SendOptions): Promise<SendOutcome>;
  close(): void;
}

/** The request in flight on a connection. */
interface Exchange {
  url: URL;
  wire: Buffer;
  reader: ReturnType<typeof createResponseReader>;
  got: boolean;
  /** Sent on a kept-alive socket: one retry on a fresh one if it closes without an answer. */
  reused: boolean;
  signal: AbortSignal | undefined;
  resolve: (r: ReaderResult) => void;
}

export function createRawConnection(): RawConnection {
  let sock: net.Socket | null = null;
  let origin = '';
  let current: Exchange | null = null;
  let deadline: NodeJS.Timeout | null = null;
  let deadlineMs = -1;
  let watched: AbortSignal | undefined;

  const settle = (r: ReaderResult) => {
    const x = current;
    current = null;
    x?.resolve(r);
  };
  /** The socket ended or failed before the answer was complete. */
  const lost = (s: net.Socket, r: ReaderResult) => {
    const x = current;
    if (!x || s !== sock) return;
    if (r.kind === 'no-response' && x.reused) {
      // A kept-alive connection the server closed meanwhile: no response byte was received, so
      // the server did not process the request; retry once on a fresh connection.
      sock = null;
      s.destroy();
      void start(x, false);
    } else settle(r);
  };

  const open = (url: URL): Promise<net.Socket> => {
    const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    return new Promise((resolve, reject) => {
      const s =
        url.protocol === 'https:'
          ? tls.connect({
              host,
              port,
              servername: net.isIP(host) ? undefined : host,
              ALPNProtocols: ['http/1.1'],
            })
          : net.connect({ host, port });
      s.setNoDelay(true);
      s.on('data', (chunk: Buffer) => {
        const x = current;
        if (!x || s !== sock) return;
        x.got = true;
        const r = x.reader.push(chunk);
        if (r) settle(r);
      });
      const ended = () => {
        if (current) lost(s, current.reader.end(current.got));
      };
      s.on('end', ended);
      s.on('close', ended);
      s.on('error', (err: NodeJS.ErrnoException) => {
        if (current)
          lost(s, {
            kind: current.got ? 'broken' : 'no-response',
            error: describeError(err, current.url),
          });
      });
      s.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => {
        s.removeListener('error', reject);
        resolve(s);
      });
      s.once('error', reject);
    });
  };

  async function start(x: Exchange, reuse: boolean): Promise<void> {
    if (!reuse || !sock || sock.destroyed || origin !== x.url.origin) {
      sock?.destroy();
      sock = null;
      let s: net.Socket;
      try {
        s = await open(x.url);
      } catch (err) {
        if (current === x)
          settle({
            kind: 'no-response',
            error: describeError(err as NodeJS.ErrnoException, x.url),
          });
        return;
      }
      // Timed out or cancelled while connecting: nothing to send any more.
      if (current !== x) {
        s.destroy();
        return;
      }
      sock = s;
      origin = x.url.origin;
      reuse = false;
    }
    x.reused = reuse;
    writeAtEndOfTurn(sock, x.wire);
  }

  /** One timer per connection, pushed back per request (timer.refresh) instead of a new one. */
  const arm = (ms: number) => {
    if (deadline && deadlineMs === ms) {
      deadline.refresh();
      return;
    }
    if (deadline) clearTimeout(deadline);
    deadlineMs = ms;
    deadline = setTimeout(() => {
      const x = current;
      if (!x) return;
      sock?.destroy();
      sock = null;
      settle({
        kind: 'timeout',
        error: `no complete response from ${x.url.host} within ${ms} ms (timeout)`,
      });
    }, ms);
    // A request in flight holds its socket open; an idle connection must not keep a CLI alive.
    deadline.unref();
  };
  /** One cancel listener per signal (a bulk run passes the same one for every request). */
  const watch = (signal: AbortSignal | undefined) => {
    if (!signal || signal === watched) return;
    watched = signal;
    signal.addEventListener(
      'abort',
      () => {
        if (current?.signal === signal) settle({ kind: 'timeout', error: 'cancelled' });
      },
      { once: true },
    );
  };

  async function send(req: WireRequest, opts: SendOptions): Promise<SendOutcome> {
    const started = performance.now();
    const sentHeaders: [string, string][] = [['Host', req.url.host], ...req.headers];
    const hasBody = req.body.byteLength > 0 || !/^(GET|HEAD)$/i.test(req.method);
    if (hasBody) sentHeaders.push(['Content-Length', String(req.body.byteLength)]);
    const base = { sentHeaders, sentUrl: req.url.href };
    const fail = (error: string): SendOutcome => ({
      ...base,
      status: null,
      headers: [],
      body: new Uint8Array(0),
      truncated: false,
      latencyMs: performance.now() - started,
      error,
    });
    const problem =
      headerProblem(sentHeaders) ?? (/^[A-Za-z]+$/.test(req.method) ? null : 'invalid method');
    if (problem) return fail(problem);
    if (opts.signal?.aborted) return fail('cancelled');
    if (current) return fail('a request is already in flight on this connection');
    let head = `${req.method} ${req.url.pathname}${req.url.search} HTTP/1.1\r\n`;
    for (const [n, v] of sentHeaders) head += `${n}: ${v}\r\n`;
    head += '\r\n';
    // One buffer for the head and the body (names and values are Latin-1 on the wire).
    const wire = Buffer.allocUnsafe(head.length + req.body.byteLength);
    wire.write(head, 0, 'latin1');
    wire.set(req.body, head.length);

    const r = await new Promise<ReaderResult>((resolve) => {
      const x: Exchange = {
        url: req.url,
        wire,
        reader: createResponseReader(req.method, opts.maxResponseBytes),
        got: false,
        reused: false,
        signal: opts.signal,
        resolve,
      };
      current = x;
      arm(opts.timeoutMs);
      watch(opts.signal);
      void start(x, true);
    });
    if (r.kind !== 'ok' || !r.keepAlive) {
      sock?.destroy();
      sock = null;
    }
    if (r.kind !== 'ok') return fail(r.error);
    return {
      ...base,
      status: r.status,
      headers: r.headers,
      body: r.body,
      truncated: r.truncated,
      latencyMs: performance.now() - started,
      error: null,
    };
  }

  return {
    send,
    close() {
      if (deadline) clearTimeout(deadline);
      deadline = null;
      sock?.destroy();
      sock = null;
    },
  };
}
