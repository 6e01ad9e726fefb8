// Bad targets give clear, stored results instead of hanging or throwing: connection refused,
// timeout, 500, a huge response (capped), a redirect (not followed unless asked), and a
// non-loopback target (refused without confirmation).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/define';
import { replayCapture } from '../../electron/engine/replay/replay-one';
import { MAX_RESPONSE_BYTES } from '../../electron/engine/replay/replay-service';
import {
  insertTutorialCapture,
  replayStore,
  targetArgs,
  type ReplayStore,
} from '../unit/replay/helpers';

describe('bad replay targets', () => {
  let s: ReplayStore;
  let id: number;
  let base: string;
  let server: http.Server;
  beforeAll(async () => {
    s = replayStore();
    id = (await insertTutorialCapture(s)).id;
    server = http.createServer((req, res) => {
      req.resume();
      if (req.url === '/500') res.writeHead(500).end('boom');
      else if (req.url === '/slow') setTimeout(() => res.end('late'), 5000).unref();
      else if (req.url === '/huge') {
        res.writeHead(200);
        const chunk = Buffer.alloc(64 * 1024, 0x61);
        let sent = 0;
        const pump = () => {
          while (sent < 8 * MAX_RESPONSE_BYTES && !res.destroyed) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        pump();
      } else if (req.url === '/redirect') res.writeHead(307, { Location: '/ok' }).end();
      else res.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    s.cleanup();
  });
  const replay = (targetUrl: string, extra: Partial<ReturnType<typeof targetArgs>> = {}) =>
    replayCapture(s.svc, { ...targetArgs(targetUrl), ...extra, id, mode: 'exact', duplicates: 3 });

  it('refused', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    const r = await replay(`http://127.0.0.1:${port}/webhook`);
    expect(r.status).toBeNull();
    expect(r.error).toMatch(/connection refused.*nothing is listening/);
    expect(s.replays.get(r.replayId)?.error).toBe(r.error);
  });

  it('timeout', async () => {
    const r = await replay(`${base}/slow`, { timeoutMs: 300 });
    expect(r.status).toBeNull();
    expect(r.error).toMatch(/within 300 ms \(timeout\)/);
  });

  it('500 is a result, not an error', async () => {
    const r = await replay(`${base}/500`);
    expect(r.status).toBe(500);
    expect(r.error).toBeNull();
    expect(r.responseBody).toBe('boom');
  });

  it('huge response is capped and flagged', async () => {
    const r = await replay(`${base}/huge`);
    expect(r.status).toBe(200);
    expect(r.responseTruncated).toBe(true);
    expect(s.replays.body(r.replayId, 'response')?.byteLength).toBe(MAX_RESPONSE_BYTES);
  });

  it('redirects are not followed unless asked', async () => {
    expect((await replay(`${base}/redirect`)).status).toBe(307);
    const followed = await replay(`${base}/redirect`, { followRedirects: true });
    expect(followed.status).toBe(200);
    expect(followed.sent.url).toBe(`${base}/ok`);
  });

  it('non-loopback targets need confirmation; bad schemes are refused', async () => {
    await expect(replay('http://192.0.2.1/webhook')).rejects.toMatchObject({
      status: 403,
      code: 'confirm_non_loopback',
    });
    await expect(replay('file:///etc/passwd')).rejects.toBeInstanceOf(ApiError);
    const unreachable = await replay('http://192.0.2.1:9/webhook', {
      confirmNonLoopback: true,
      timeoutMs: 200,
    });
    expect(unreachable.status).toBeNull();
  });
});
