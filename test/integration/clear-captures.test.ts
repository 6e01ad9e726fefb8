// "Delete all" on a real engine: every capture goes with its replays, the store's foreign keys
// are on again afterwards, and the receiver goes on capturing.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { postAndSettle, startTestEngine, type TestEngine } from '../helpers/engine-fixture';

let t: TestEngine;
beforeEach(async () => {
  t = await startTestEngine();
});
afterEach(async () => {
  await t.cleanup();
});

const rows = (table: string) =>
  (t.engine.context.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

it('deletes every capture with its replays, and keeps foreign keys enforced', async () => {
  const h = t.engine.handlers;
  const ids: number[] = [];
  for (let i = 0; i < 3; i++)
    ids.push((await postAndSettle(t, '/webhook', { body: `{"n":${i}}` })).captureId);
  await h.replayCapture({
    id: ids[0]!,
    targetUrl: `${t.receiverUrl}/replayed`,
    mode: 'exact',
    duplicates: 3,
    confirmNonLoopback: false,
    followRedirects: false,
    timeoutMs: 5000,
  });
  expect(rows('replays')).toBe(1);

  const { deleted } = await h.clearCaptures({});
  expect(deleted).toBeGreaterThanOrEqual(3);
  expect([rows('captures'), rows('replays')]).toEqual([0, 0]);

  const db = t.engine.context.db;
  expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
  expect(() =>
    db
      .prepare(
        `INSERT INTO replays (capture_id, created_at, target_url, mode, sent_method, sent_url,
          sent_headers, sent_body, sent_sha256) VALUES (999999, 0, 'x', 'exact', 'POST', 'x', '[]', x'', 'h')`,
      )
      .run(),
  ).toThrow(/FOREIGN KEY/);

  const after = await postAndSettle(t, '/webhook', { body: '{"n":9}' });
  expect(after.res.status).toBe(200);
  expect((await h.countCaptures({})).count).toBe(1);
});
