// A lean HTTP/1.1 client for bulk replays: one keep-alive connection per bulk worker, the request
// written as one buffer (header names, casing and order exactly as given), and a small response
// reader (Content-Length, chunked, or read-until-close; 1xx skipped; body capped). node:http
// costs about twice as much CPU per request, which halves bulk throughput on small machines.
// Same outcome shape and error wording as http-send.ts; never throws.
import net from 'node:net';
import tls from 'node:tls';
import { describeError, type SendOptions, type SendOutcome, type WireRequest } from './http-send';
import { headerProblem } from '../../../shared/wire-headers';
import { createResponseReader, type ReaderResult } from './raw-response';

export interface RawConnection {
  send(req: WireRequest, opts: SendOptions): Promise<SendOutcome>;
  close(): void;
}

export function createRawConnection(): RawConnection {
  let sock: net.Socket | null = null;
  let origin = '';

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
      s.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => {
        s.removeListener('error', reject);
        resolve(s);
      });
      s.once('error', reject);
    });
  };

  const exchange = (s: net.Socket, wire: Buffer, req: WireRequest, opts: SendOptions) =>
    new Promise<ReaderResult>((resolve) => {
      const reader = createResponseReader(req.method, opts.maxResponseBytes);
      let got = false;
      const finish = (r: ReaderResult) => {
        s.removeListener('data', onData);
        s.removeListener('end', onEnd);
        s.removeListener('error', onError);
        s.removeListener('close', onEnd);
        resolve(r);
      };
      const onData = (chunk: Buffer) => {
        got = true;
        const r = reader.push(chunk);
        if (r) finish(r);
      };
      const onEnd = () => finish(reader.end(got));
      const onError = (err: NodeJS.ErrnoException) =>
        finish({ kind: got ? 'broken' : 'no-response', error: describeError(err, req.url) });
      s.on('data', onData);
      s.once('end', onEnd);
      s.once('close', onEnd);
      s.once('error', onError);
      s.write(wire);
    });

  async function send(req: WireRequest, opts: SendOptions): Promise<SendOutcome> {
    const started = performance.now();
    const sentHeaders: [string, string][] = [['Host', req.url.host], ...req.headers];
    const hasBody = req.body.byteLength > 0 || !['GET', 'HEAD'].includes(req.method.toUpperCase());
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
    const head = `${req.method} ${req.url.pathname}${req.url.search} HTTP/1.1\r\n${sentHeaders
      .map(([n, v]) => `${n}: ${v}\r\n`)
      .join('')}\r\n`;
    const wire = Buffer.concat([Buffer.from(head, 'latin1'), req.body]);

    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<ReaderResult>((resolve) => {
      timer = setTimeout(
        () =>
          resolve({
            kind: 'timeout',
            error: `no complete response from ${req.url.host} within ${opts.timeoutMs} ms (timeout)`,
          }),
        opts.timeoutMs,
      );
    });
    let onAbort = () => undefined as void;
    const aborted = new Promise<ReaderResult>((resolve) => {
      onAbort = () => resolve({ kind: 'timeout', error: 'cancelled' });
      if (opts.signal?.aborted) onAbort();
      opts.signal?.addEventListener('abort', onAbort, { once: true });
    });
    const attempt = async (reuse: boolean): Promise<ReaderResult> => {
      if (!reuse || !sock || sock.destroyed || origin !== req.url.origin) {
        sock?.destroy();
        sock = null;
        try {
          sock = await open(req.url);
          origin = req.url.origin;
        } catch (err) {
          return {
            kind: 'no-response',
            error: describeError(err as NodeJS.ErrnoException, req.url),
          };
        }
        reuse = false;
      }
      const r = await exchange(sock, wire, req, opts);
      // A kept-alive connection the server closed meanwhile: retry once on a fresh one (no
      // response byte was received, so the server did not process the request).
      if (r.kind === 'no-response' && reuse) return attempt(false);
      return r;
    };
    const r = await Promise.race([attempt(true), deadline, aborted]);
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
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
      sock?.destroy();
      sock = null;
    },
  };
}
