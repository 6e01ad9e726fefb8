// Test helpers for the demo agents: a small webhook capture server on 127.0.0.1:0 (answers the
// endpoint challenge, can fail the first N posts), the tutorial's raw JSON-RPC request, an SSE
// reader, and the python3 checks (tutorial_verify.py, json.dumps byte identity).
import { execFileSync } from 'node:child_process';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';

export interface Hit {
  method: string;
  path: string;
  query: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface CaptureServer {
  url: string;
  hits: Hit[];
  posts(): Hit[];
  /** Answer the next N POSTs with this status (and optional headers). */
  failNext(n: number, status?: number, headers?: Record<string, string>): void;
  close(): Promise<void>;
}

export async function startCaptureServer(): Promise<CaptureServer> {
  const hits: Hit[] = [];
  let failures = 0;
  let failStatus = 500;
  let failHeaders: Record<string, string> = {};
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      hits.push({
        method: req.method ?? '',
        path: url.pathname,
        query: url.search,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      });
      res.setHeader('Content-Type', 'application/json');
      if (req.method === 'GET' && url.pathname.endsWith('/validate')) {
        res.end(
          JSON.stringify({ challenge: url.searchParams.get('challenge'), status: 'validated' }),
        );
      } else if (req.method === 'POST' && failures > 0) {
        failures -= 1;
        res.writeHead(failStatus, failHeaders).end('{"error":"planned failure"}');
      } else {
        res.end('{"status":"received"}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    posts: () => hits.filter((h) => h.method === 'POST'),
    failNext(n, status = 500, headers = {}) {
      failures = n;
      failStatus = status;
      failHeaders = headers;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A loopback URL where nothing listens (a port just released). */
export async function closedUrl(path = '/hook'): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}${path}`;
}

export function secret(prefix: string): string {
  return `${prefix}-${randomBytes(12).toString('hex')}`;
}

/** The tutorial's request, unchanged: v0.3 message/stream, optional params.pushNotificationConfig. */
export function tutorialRequest(text: string, pushNotificationConfig?: Record<string, string>) {
  return {
    jsonrpc: '2.0',
    method: 'message/stream',
    params: {
      message: {
        role: 'user',
        parts: [{ kind: 'text', text }],
        messageId: randomUUID(),
        kind: 'message',
      },
      ...(pushNotificationConfig ? { pushNotificationConfig } : {}),
    },
    id: randomUUID(),
  };
}

export interface StreamEvent {
  kind?: string;
  [key: string]: unknown;
}

/** POSTs a JSON-RPC body and yields each SSE `data:` result (stops when the stream ends). */
export async function* streamResults(
  url: string,
  body: unknown,
  opts: { headers?: Record<string, string>; signal?: AbortSignal } = {},
): AsyncGenerator<StreamEvent> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream', ...opts.headers },
    body: JSON.stringify(body),
    ...(opts.signal ? { signal: opts.signal } : {}),
  });
  if (!res.body) throw new Error(`no body (HTTP ${res.status})`);
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = res.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      for (const line of frame.split('\n')) {
        if (!line.startsWith('data: ')) continue;
        const msg = JSON.parse(line.slice(6)) as { result?: StreamEvent; error?: unknown };
        if (msg.error) throw new Error(`stream error: ${JSON.stringify(msg.error)}`);
        if (msg.result) yield msg.result;
      }
    }
  }
}

export async function collect(url: string, body: unknown, headers?: Record<string, string>) {
  const out: StreamEvent[] = [];
  for await (const ev of streamResults(url, body, headers ? { headers } : {})) out.push(ev);
  return out;
}

/** The text of a v0.3 status-update's message, or ''. */
export function statusText(ev: StreamEvent): string {
  const status = ev['status'] as { message?: { parts?: { text?: string }[] } } | undefined;
  return status?.message?.parts?.[0]?.text ?? '';
}

export function stateOf(ev: StreamEvent): string | undefined {
  return (ev['status'] as { state?: string } | undefined)?.state;
}

export function artifactName(ev: StreamEvent): string | undefined {
  return (ev['artifact'] as { name?: string } | undefined)?.name;
}

const PY = join(__dirname, '../fixtures/python');

/** Runs test/fixtures/python/tutorial_verify.py; returns its stdout+stderr and exit code. */
export function pythonVerify(
  body: string,
  signature: string,
  env: { WEBHOOK_SECRET: string; JWT_SECRET?: string },
  jwt?: { token: string; taskId: string },
): { code: number; output: string } {
  const args = [join(PY, 'tutorial_verify.py'), '-', signature];
  if (jwt) args.push('--jwt', jwt.token, '--task-id', jwt.taskId);
  try {
    const out = execFileSync('python3', args, {
      input: Buffer.from(body, 'utf8'),
      env: { PATH: process.env['PATH'] ?? '', ...env },
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return { code: 0, output: out };
  } catch (err) {
    const e = err as { status?: number; stdout?: string; stderr?: string };
    return { code: e.status ?? 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
  }
}

/** True when python3's json.dumps(json.loads(body), sort_keys=True) reproduces body exactly. */
export function pythonRedumpsIdentical(body: string): boolean {
  const out = execFileSync(
    'python3',
    [
      '-c',
      'import sys,json;b=sys.stdin.buffer.read();sys.stdout.write(str(json.dumps(json.loads(b),sort_keys=True).encode()==b))',
    ],
    { input: Buffer.from(body, 'utf8'), encoding: 'utf8' },
  );
  return out === 'True';
}
