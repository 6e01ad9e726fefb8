// The bulk runner's raw keep-alive client against real node:http servers: chunked and
// close-delimited responses, connection reuse, a server that drops idle connections (one retry
// on a fresh connection), refused and timed-out targets, header injection refused, and a request
// cancelled before the end of its event-loop turn never sent.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRawConnection } from '../../electron/engine/replay/raw-client';

describe('raw replay client', () => {
  let server: http.Server;
  let base: string;
  let connections = 0;
  let requests = 0;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      requests++;
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (req.url === '/chunked') {
          res.write('part1-');
          res.end(Buffer.concat(chunks));
        } else if (req.url === '/close') {
          res.setHeader('Connection', 'close');
          res.end('bye');
        } else if (req.url === '/slow') setTimeout(() => res.end('late'), 3000).unref();
        else res.end(JSON.stringify(req.rawHeaders));
      });
    });
    server.on('connection', () => connections++);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
  const opts = { timeoutMs: 2000, maxResponseBytes: 1 << 20, followRedirects: false };
  const req = (path: string, headers: [string, string][] = [], body = 'hi') => ({
    method: 'POST',
    url: new URL(base + path),
    headers,
    body: new TextEncoder().encode(body),
  });

  it('sends headers exactly, reuses the connection, reads chunked and close-delimited bodies', async () => {
    const c = createRawConnection();
    const before = connections;
    const a = await c.send(
      req('/echo', [
        ['x-Mixed-Case', 'v'],
        ['X-Dup', '1'],
        ['x-dup', '2'],
      ]),
      opts,
    );
    expect(JSON.parse(Buffer.from(a.body).toString())).toEqual([
      'Host',
      new URL(base).host,
      'x-Mixed-Case',
      'v',
      'X-Dup',
      '1',
      'x-dup',
      '2',
      'Content-Length',
      '2',
    ]);
    const b = await c.send(req('/chunked', [], 'payload'), opts);
    expect(Buffer.from(b.body).toString()).toBe('part1-payload');
    expect(connections - before).toBe(1);
    const d = await c.send(req('/close'), opts);
    expect([d.status, Buffer.from(d.body).toString()]).toEqual([200, 'bye']);
    expect((await c.send(req('/echo'), opts)).status).toBe(200);
    expect(connections - before).toBe(2);
    c.close();
  });

  it('retries once when the kept-alive connection was closed by the server meanwhile', async () => {
    const c = createRawConnection();
    expect((await c.send(req('/echo'), opts)).status).toBe(200);
    server.closeAllConnections();
    expect((await c.send(req('/echo'), opts)).status).toBe(200);
    c.close();
  });

  it('gives clear errors: timeout, refused, injected header', async () => {
    const c = createRawConnection();
    expect((await c.send(req('/slow'), { ...opts, timeoutMs: 200 })).error).toMatch(/timeout/);
    expect((await c.send(req('/echo', [['X-Evil', 'a\r\nX-Injected: 1']]), opts)).error).toMatch(
      /line break/,
    );
    const refused = await c.send({ ...req('/'), url: new URL('http://127.0.0.1:1/') }, opts);
    expect(refused.error).toMatch(/connection refused/);
    c.close();
  });

  it('keeps one deadline and one cancel listener per connection, and each still fires', async () => {
    const c = createRawConnection();
    const controller = new AbortController();
    const withSignal = { ...opts, timeoutMs: 300, signal: controller.signal };
    // Fast answers first: the deadline is pushed back, never fired by an earlier request's start.
    for (let i = 0; i < 5; i++) expect((await c.send(req('/echo'), withSignal)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 350));
    expect((await c.send(req('/echo'), withSignal)).status).toBe(200);
    const t0 = performance.now();
    expect((await c.send(req('/slow'), withSignal)).error).toMatch(/within 300 ms \(timeout\)/);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
    // After a timeout the connection recovers, then a cancel ends the request in flight.
    expect((await c.send(req('/echo'), withSignal)).status).toBe(200);
    const slow = c.send(req('/slow'), { ...withSignal, timeoutMs: 2000 });
    setTimeout(() => controller.abort(), 50);
    expect((await slow).error).toBe('cancelled');
    expect((await c.send(req('/echo'), withSignal)).error).toBe('cancelled');
    expect((await c.send(req('/echo'), opts)).status).toBe(200);
    c.close();
  });

  it('writes at the end of the turn: a request cancelled in the same turn is never sent', async () => {
    const clients = Array.from({ length: 4 }, () => createRawConnection());
    // Open and keep alive one connection each, so the next writes need no connect.
    for (const c of clients) expect((await c.send(req('/echo'), opts)).status).toBe(200);
    const controller = new AbortController();
    const before = requests;
    const sent = clients.map((c, i) =>
      c.send(req('/echo'), i === 0 ? { ...opts, signal: controller.signal } : opts),
    );
    // Nothing is on the wire before the turn ends, so a cancel in the same turn sends nothing.
    controller.abort();
    const [cancelled, ...answered] = await Promise.all(sent);
    expect(cancelled!.error).toBe('cancelled');
    expect(answered.map((a) => a.status)).toEqual([200, 200, 200]);
    await new Promise((r) => setTimeout(r, 50));
    expect(requests - before).toBe(3);
    for (const c of clients) c.close();
  });
});
