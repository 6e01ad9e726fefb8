// Where a capture came from: a live delivery is "receiver", a replay Switchboard sends to its own
// receiver is "replay", a HAR import is "import" with its import time (the original time kept
// for verification). The list filters by origin.
import { afterEach, describe, expect, it } from 'vitest';
import { postAndSettle, startTestEngine, type TestEngine } from '../helpers/engine-fixture';
import { waitFor } from '../helpers/wait-for';

let t: TestEngine | null = null;
afterEach(async () => {
  await t?.cleanup();
  t = null;
});

describe('capture origin', () => {
  it('marks replays to our own receiver and HAR imports, and filters by origin', async () => {
    t = await startTestEngine();
    const h = t.engine.handlers;
    const { captureId } = await postAndSettle(t, '/webhook', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"taskId":"origin-1"}',
    });
    await h.replayCapture({
      id: captureId,
      mode: 'exact',
      duplicates: 3,
      confirmNonLoopback: false,
      followRedirects: false,
      timeoutMs: 5000,
    });
    const replayed = await waitFor(async () => {
      const page = await h.listCaptures({ limit: 10, source: 'replay' });
      return page.items[0] ?? null;
    });
    expect(replayed.id).not.toBe(captureId);
    const live = await h.listCaptures({ limit: 10, source: 'receiver' });
    expect(live.items.map((c) => c.id)).toEqual([captureId]);

    const { har } = await h.exportHar({ selection: { captureIds: [captureId] } });
    const before = Date.now();
    const imported = await h.importHar({ har });
    const [newId] = imported.ids;
    const detail = await h.getCapture({ id: newId! });
    expect(detail.source).toBe('import');
    expect(detail.importedAt).toBeGreaterThanOrEqual(before);
    expect(detail.receivedAt).toBe((await h.getCapture({ id: captureId })).receivedAt);
    const imports = await h.listCaptures({ limit: 10, source: 'import' });
    expect(imports.items.map((c) => c.id)).toEqual([newId]);
  });
});
