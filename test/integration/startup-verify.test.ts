// A crash between storing a capture (acknowledged) and verifying it leaves the capture
// `unverified` with no checks. The next start verifies it in the background.
import { rmSync } from 'node:fs';
import { afterEach, expect, it } from 'vitest';
import { createCapturesRepo } from '../../electron/engine/store/captures-repo';
import { openDatabase } from '../../electron/engine/store/open-store';
import {
  startTestEngine,
  tempDataDir,
  testSecrets,
  type TestEngine,
} from '../helpers/engine-fixture';
import { tutorialWebhook } from '../helpers/tutorial-webhook';
import { waitFor } from '../helpers/wait-for';

let t: TestEngine | null = null;
const dataDir = tempDataDir();
afterEach(async () => {
  await t?.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});

it('verifies at startup the captures a crash left unverified', async () => {
  const env = testSecrets();
  // What the receiver had committed when the process died: rows, no checks.
  const db = openDatabase(dataDir);
  const repo = createCapturesRepo(db);
  const ids: number[] = [];
  for (let i = 0; i < 3; i++) {
    const w = await tutorialWebhook({ webhookSecret: env.SWITCHBOARD_WEBHOOK_SECRET });
    ids.push(
      repo.insert({
        receivedAt: Date.now(),
        method: 'POST',
        path: '/webhook',
        query: '',
        headers: Object.entries(w.headers),
        body: new TextEncoder().encode(w.body),
        remoteAddress: '127.0.0.1',
        taskId: w.taskId,
        contentType: 'application/json',
        source: 'receiver',
      }),
    );
  }
  expect(repo.neverVerifiedIds()).toEqual(ids);
  db.close();

  t = await startTestEngine({ dataDir, env });
  const engine = t.engine;
  for (const id of ids) {
    const c = await waitFor(
      async () => {
        const x = await engine.handlers.getCapture({ id });
        return x.checks.length ? x : null;
      },
      { what: `capture #${id} verified` },
    );
    expect(c.checks.find((k) => k.id === 'hmac-sha256')?.status).toBe('pass');
  }
});
