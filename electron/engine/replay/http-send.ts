// Sends one request with node:http(s) directly, so header names, casing, order and duplicates
// go on the wire exactly as given, and the body bytes are written untouched. Host and
// Content-Length are computed here. Never throws: failures come back as a readable `error`.
import http from 'node:http';
import https from 'node:https';
import type { HeaderPair } from '../../../shared/model';
import {
  flatten,
  headerProblem,
  headerValue,
  pairsOf,
  removeHeader,
} from '../../../shared/wire-headers';

export interface WireRequest {
  method: string;
  url: URL;
  /** Replayable headers only (no Host / Content-Length / hop-by-hop). */
  headers: HeaderPair[];
  body: Uint8Array;
}

export interface SendOptions {
  timeoutMs: number;
  maxResponseBytes: number;
  followRedirects: boolean;
  maxRedirects?: number;
  /** Called for each redirect target; return an error message to refuse it. */
  checkRedirect?: (url: URL) => string | null;
  agent?: http.Agent;
  signal?: AbortSignal;
}

export interface SendOutcome {
  /** What was actually written: Host first, then the headers, then Content-Length. */
  sentHeaders: HeaderPair[];
  sentUrl: string;
  status: number | null;
  headers: HeaderPair[];
  body: Uint8Array;
  truncated: boolean;
  latencyMs: number;
  error: string | null;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export async function sendRequest(req: WireRequest, opts: SendOptions): Promise<SendOutcome> {
  const started = performance.now();
  let current = req;
  for (let hop = 0; ; hop++) {
    const out = await sendOnce(current, opts, started);
    const location = headerValue(out.headers, 'Location');
    if (!opts.followRedirects || out.status === null || !REDIRECTS.has(out.status) || !location) {
      return out;
    }
    if (hop >= (opts.maxRedirects ?? 5)) {
      return { ...out, error: `stopped after ${hop} redirects (last to ${location})` };
    }
    const next = new URL(location, current.url);
    const refused = opts.checkRedirect?.(next) ?? null;
    if (refused) return { ...out, error: `redirect to ${next.href} not followed: ${refused}` };
    // 307/308 keep method and body; 301/302/303 become a GET without body, as browsers do.
    const keep = out.status === 307 || out.status === 308;
    current = keep
      ? { ...current, url: next }
      : {
          method: 'GET',
          url: next,
          headers: removeHeader(current.headers, 'content-type'),
          body: new Uint8Array(0),
        };
  }
}

function sendOnce(req: WireRequest, opts: SendOptions, started: number): Promise<SendOutcome> {
  const sentHeaders: HeaderPair[] = [['Host', req.url.host], ...req.headers];
  const hasBody = req.body.byteLength > 0 || !['GET', 'HEAD'].includes(req.method.toUpperCase());
  if (hasBody) sentHeaders.push(['Content-Length', String(req.body.byteLength)]);
  const base = { sentHeaders, sentUrl: req.url.href };
  const problem = headerProblem(sentHeaders);
  if (problem) {
    const failed = { status: null, headers: [], body: new Uint8Array(0), truncated: false };
    return Promise.resolve({ ...base, ...failed, latencyMs: 0, error: problem });
  }

  return new Promise<SendOutcome>((resolve) => {
    let settled = false;
    const finish = (o: Omit<SendOutcome, 'sentHeaders' | 'sentUrl' | 'latencyMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      resolve({ ...base, ...o, latencyMs: performance.now() - started });
    };
    const fail = (error: string) =>
      finish({ status: null, headers: [], body: new Uint8Array(0), truncated: false, error });

    const lib = req.url.protocol === 'https:' ? https : http;
    const cr = lib.request({
      protocol: req.url.protocol,
      hostname: req.url.hostname.replace(/^\[|\]$/g, ''),
      port: req.url.port || undefined,
      path: req.url.pathname + req.url.search,
      method: req.method,
      setHost: false,
      headers: flatten(sentHeaders),
      ...(opts.agent ? { agent: opts.agent } : {}),
    });
    const timer = setTimeout(() => {
      cr.destroy();
      fail(`no complete response from ${req.url.host} within ${opts.timeoutMs} ms (timeout)`);
    }, opts.timeoutMs);
    const onAbort = () => {
      cr.destroy();
      fail('cancelled');
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });

    cr.on('error', (err: NodeJS.ErrnoException) => fail(describeError(err, req.url)));
    cr.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let truncated = false;
      const done = () =>
        finish({
          status: res.statusCode ?? null,
          headers: pairsOf(res.rawHeaders),
          body: new Uint8Array(Buffer.concat(chunks)),
          truncated,
          error: null,
        });
      res.on('data', (chunk: Buffer) => {
        if (truncated) return;
        const room = opts.maxResponseBytes - size;
        if (chunk.byteLength > room) {
          // Why stop reading: a huge (or endless) response must not fill memory or the store.
          chunks.push(chunk.subarray(0, room));
          size += room;
          truncated = true;
          done();
          res.destroy();
          return;
        }
        chunks.push(chunk);
        size += chunk.byteLength;
      });
      res.on('end', done);
      res.on('error', (err) => fail(`response from ${req.url.host} broke off: ${err.message}`));
      res.on('close', () => {
        if (!res.complete && !truncated) fail(`response from ${req.url.host} ended early`);
      });
    });
    cr.end(Buffer.from(req.body.buffer, req.body.byteOffset, req.body.byteLength));
  });
}

export function describeError(err: NodeJS.ErrnoException, url: URL): string {
  switch (err.code) {
    case 'ECONNREFUSED':
      return `connection refused by ${url.host}: nothing is listening there`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `host ${url.hostname} not found (DNS)`;
    case 'ECONNRESET':
      return `${url.host} closed the connection without answering`;
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${url.host} is unreachable from this machine`;
    default:
      return `request to ${url.host} failed: ${err.message}`;
  }
}
