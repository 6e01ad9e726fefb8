// Hostile clients against the receiver on real sockets: a slowloris run past the connection
// cap while a webhook still gets through, a slow body, a header flood, and every kind of
// refusal (missing Host, Expect, CONNECT, other methods, parser errors after the headers),
// each audited exactly once with its reason.
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../shared/model';
import { createEngine } from '../../electron/engine/engine';
import { tempDataDir, testSecrets, type TestEngine } from '../helpers/engine-fixture';
import { waitFor } from '../helpers/wait-for';
import { rmSync } from 'node:fs';

let t: Pick<TestEngine, 'engine' | 'receiverUrl' | 'dataDir'>;
let port: number;
const MAX = 20;

beforeAll(async () => {
  const dataDir = tempDataDir();
  const engine = createEngine({
    dataDir,
    receiverPort: 0,
    env: testSecrets(),
    receiverLimits: { maxConnections: MAX, headersTimeoutMs: 600, requestTimeoutMs: 1200 },
  });
  await engine.start();
  const url = (await engine.handlers.receiverInfo({})).url;
  t = { engine, receiverUrl: url, dataDir };
  port = Number(new URL(url).port);
});
afterAll(async () => {
  await t.engine.stop();
  rmSync(t.dataDir, { recursive: true, force: true });
});

/** Sends raw bytes and resolves with everything the receiver wrote before closing. */
function raw(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    let data = '';
    socket.on('data', (d) => (data += d.toString()));
    socket.on('close', () => resolve(data));
    socket.on('error', reject);
  });
}

async function auditSince(id: number): Promise<AuditEntry[]> {
  const { items } = await t.engine.handlers.listAudit({ limit: 1000 });
  return items.filter((e) => e.id > id).reverse();
}
async function lastAuditId(): Promise<number> {
  return (await t.engine.handlers.listAudit({ limit: 1 })).items[0]?.id ?? 0;
}

describe('slow clients', () => {
  it('keeps webhooks flowing through a slowloris run past the connection cap', async () => {
    const before = await lastAuditId();
    const slow: Socket[] = [];
    const closed: Promise<string>[] = [];
    for (let i = 0; i < MAX * 2; i++) {
      const s = connect(port, '127.0.0.1');
      let data = '';
      s.on('data', (d) => (data += d.toString()));
      closed.push(new Promise((r) => s.on('close', () => r(data))));
      s.on('error', () => undefined);
      await new Promise<void>((r) => s.once('connect', () => r()));
      s.write('POST /slow HTTP/1.1\r\nHost: x\r\nX-Drip: ');
      slow.push(s);
    }
    const res = await fetch(`${t.receiverUrl}/webhook`, { method: 'POST', body: '{"ok":true}' });
    expect(res.status).toBe(200);
    const { captureId } = (await res.json()) as { captureId: number };
    expect((await t.engine.handlers.getCapture({ id: captureId })).path).toBe('/webhook');
    const replies = await Promise.all(closed);
    // Each slow connection was either evicted for room (503, no answer) or timed out (408).
    expect(replies.filter((r) => r.startsWith('HTTP/1.1 408')).length).toBeGreaterThan(0);
    const audit = await waitFor(async () => {
      const a = await auditSince(before);
      return a.length >= MAX * 2 ? a : null;
    });
    expect(audit).toHaveLength(MAX * 2);
    expect(new Set(audit.map((e) => e.status))).toEqual(new Set([503, 408]));
    expect(audit.find((e) => e.status === 408)!.reason).toMatch(/headers were not complete/);
    expect(audit.find((e) => e.status === 503)!.reason).toMatch(/connection cap/);
  });

  it('answers 408 to a body that trickles in, audited once', async () => {
    const before = await lastAuditId();
    const reply = await new Promise<string>((resolve) => {
      const s = connect(port, '127.0.0.1', () => {
        s.write('POST /trickle HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n');
        const drip = setInterval(() => s.writable && s.write('x'), 50);
        s.on('close', () => clearInterval(drip));
      });
      let data = '';
      s.on('data', (d) => (data += d.toString()));
      s.on('close', () => resolve(data));
      s.on('error', () => undefined);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
    const audit = await waitFor(async () => {
      const a = await auditSince(before);
      return a.length ? a : null;
    });
    // Give a second (duplicate) entry the chance to appear before asserting there is none.
    await raw('GET /sentinel HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    const all = await auditSince(before);
    expect(all.map((e) => [e.status, e.method, e.path])).toEqual([
      [408, 'POST', '/trickle'],
      [404, 'GET', '/sentinel'],
    ]);
    expect(audit[0]!.reason).toMatch(/body was not complete/);
  });
});

describe('header floods', () => {
  it('keeps every one of 1,500 headers in the capture', async () => {
    const headers: Record<string, string> = {};
    for (let i = 0; i < 1500; i++) headers[`h${i}`] = '1';
    headers['x-signature-last'] = 'sig';
    const res = await fetch(`${t.receiverUrl}/many`, { method: 'POST', headers, body: '{}' });
    expect(res.status).toBe(200);
    const { captureId } = (await res.json()) as { captureId: number };
    const c = await t.engine.handlers.getCapture({ id: captureId });
    expect(c.headers.filter(([n]) => /^h\d+$/.test(n))).toHaveLength(1500);
    expect(c.headers.find(([n]) => n === 'x-signature-last')?.[1]).toBe('sig');
  });

  it('answers 431 to headers past 16 KiB, audited once', async () => {
    const before = await lastAuditId();
    const reply = await raw(
      `POST /flood HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\nContent-Length: 0\r\n\r\n`,
    );
    expect(reply).toMatch(/^HTTP\/1\.1 431/);
    await raw('GET /sentinel HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    const audit = await auditSince(before);
    expect(audit.map((e) => e.status)).toEqual([431, 404]);
    expect(audit[0]!.reason).toMatch(/16 KiB/);
  });
});

describe('every refusal audited once', () => {
  const cases: [string, string, number, RegExp][] = [
    ['missing Host', 'POST /h HTTP/1.1\r\nContent-Length: 0\r\n\r\n', 400, /without a Host/],
    [
      'Expect other than 100-continue',
      'POST /e HTTP/1.1\r\nHost: x\r\nExpect: magic\r\nContent-Length: 0\r\n\r\n',
      417,
      /Expect: magic/,
    ],
    [
      'CONNECT',
      'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n',
      405,
      /CONNECT/,
    ],
    [
      'a method that is not captured',
      'DELETE /d HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      404,
      /DELETE is not captured/,
    ],
    [
      'an Upgrade request',
      'GET /ws HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n',
      404,
      /GET is not captured/,
    ],
    [
      'a parser error after the headers',
      'POST /chunked HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
      400,
      /malformed HTTP request/,
    ],
  ];
  for (const [what, request, status, reason] of cases) {
    it(`records ${what} with its reason`, async () => {
      const before = await lastAuditId();
      const reply = await raw(request);
      expect(reply).toMatch(new RegExp(`^HTTP/1\\.1 ${status}`));
      await raw('GET /sentinel HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      const audit = await auditSince(before);
      expect(audit.map((e) => e.status)).toEqual([status, 404]);
      expect(audit[0]!.reason).toMatch(reason);
    });
  }
});
