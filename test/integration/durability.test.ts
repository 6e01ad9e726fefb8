// A capture answered with 2xx survives kill -9: run the real CLI in a child process, fire a
// burst, kill it mid-burst, reopen the same data dir and look for every acknowledged capture.
import { createHash } from 'node:crypto';
import { afterEach, expect, it } from 'vitest';
import { createEngine } from '../../electron/engine/engine';
import { tempDataDir, testSecrets } from '../helpers/engine-fixture';
import { spawnServe } from '../helpers/spawn-serve';
import { waitFor } from '../helpers/wait-for';
import { createCapturesRepo } from '../../electron/engine/store/captures-repo';
import { rmSync } from 'node:fs';

let dataDir = '';
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

it('keeps every 2xx capture after kill -9 during a burst', async () => {
  dataDir = tempDataDir();
  const serve = await spawnServe({ dataDir, token: 'durability-test', env: testSecrets() });
  const receiver = serve.receiverUrl;

  const acked = new Map<number, string>();
  let sent = 0;
  let killed = false;
  const sendOne = async (i: number) => {
    const body = JSON.stringify({ taskId: `burst-${i}`, n: i, pad: 'x'.repeat(i % 200) });
    sent++;
    try {
      const res = await fetch(`${receiver}/webhook`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json' },
      });
      if (res.ok) {
        const { captureId } = (await res.json()) as { captureId: number };
        acked.set(captureId, createHash('sha256').update(body).digest('hex'));
      }
    } catch {
      // connection reset by the kill: not acknowledged, so not promised
    }
  };
  const workers = Array.from({ length: 8 }, async (_, w) => {
    for (let i = w; i < 4000 && !killed; i += 8) {
      await sendOne(i);
      if (acked.size >= 150 && !killed) {
        killed = true;
        serve.child.kill('SIGKILL');
      }
    }
  });
  await Promise.all(workers);
  await serve.exited;
  expect(killed).toBe(true);
  expect(acked.size).toBeGreaterThanOrEqual(150);

  const engine = createEngine({ dataDir, receiverPort: 0, env: testSecrets() });
  try {
    for (const [id, hash] of acked) {
      const body = await engine.handlers.getCaptureBody({ id });
      expect(createHash('sha256').update(body).digest('hex')).toBe(hash);
    }
    const { count } = await engine.handlers.countCaptures({});
    expect(count).toBeGreaterThanOrEqual(acked.size);
    expect(count).toBeLessThanOrEqual(sent);
    // Captures acknowledged just before the kill but not yet verified are verified at start.
    await engine.start();
    await waitFor(() => createCapturesRepo(engine.context.db).neverVerifiedIds().length === 0, {
      what: 'no capture left unverified by the crash',
    });
  } finally {
    await engine.stop();
  }
}, 60_000);
