// A client of /api/events that stops reading is dropped once its backlog passes the bound,
// instead of Node buffering every event for it; a client that keeps reading gets them all.
import { connect } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { BrowserMode } from '../../electron/serve';
import { startTestEngine, startTestServe, type TestEngine } from '../helpers/engine-fixture';
import { waitFor } from '../helpers/wait-for';

let t: TestEngine;
let ui: BrowserMode & { token: string };
beforeAll(async () => {
  t = await startTestEngine();
  ui = await startTestServe(t);
});
afterAll(async () => {
  await ui.close();
  await t.cleanup();
});

it('drops a stalled events client past the buffer bound and keeps serving a reading one', async () => {
  const port = ui.port;
  const request = `GET /api/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${ui.token}\r\n\r\n`;
  // Stalled: no 'data' listener, so the socket stops reading once its buffer is full.
  const stalled = connect(port, '127.0.0.1', () => stalled.write(request));
  let stalledClosed = false;
  stalled.on('close', () => (stalledClosed = true));
  stalled.on('error', () => undefined);
  // Reading: counts the events it receives (a chunk may end inside the marker: keep the tail).
  const MARK = '"type":"audit"';
  let seen = 0;
  let tail = '';
  let subscribed = false;
  const reading = connect(port, '127.0.0.1', () => reading.write(request));
  reading.on('data', (d: Buffer) => {
    const text = tail + d.toString('latin1');
    // The server writes ": connected" as it subscribes the client: no event can be missed after.
    subscribed ||= text.includes(': connected');
    seen += text.split(MARK).length - 1;
    tail = text.slice(-(MARK.length - 1));
  });
  // Both subscribed (the stalled socket buffers ": connected" without reading it out).
  await waitFor(() => stalled.readableLength > 0 && subscribed);

  const N = 200;
  const reason = 'x'.repeat(100_000); // 200 events of ~100 KB: 20 MB, far past any socket buffer
  for (let i = 0; i < N; i++) {
    t.engine.context.emit({
      type: 'audit',
      entry: {
        id: i,
        at: 0,
        kind: 'rejected',
        method: '',
        path: '',
        status: 400,
        reason,
        remoteAddress: '',
      },
    });
    await new Promise((r) => setImmediate(r));
  }
  await waitFor(() => seen === N, {
    what: 'the reading client got every event',
    timeoutMs: 20_000,
  });
  // The stalled one: drain what was already buffered for it, then see that the server hung up.
  let received = 0;
  stalled.on('data', (d: Buffer) => (received += d.length));
  stalled.resume();
  await waitFor(() => stalledClosed, { what: 'stalled client dropped' });
  expect(received).toBeLessThan(N * reason.length);
  reading.destroy();
});
