// Retention on a real store: old wire-log exchanges (with frames), logs and oversize data are
// trimmed oldest first; captures stay unless the user opts in; an open stream is never touched.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createA2aWireRepo } from '../../electron/engine/store/a2a-wire-repo';
import { applyRetention } from '../../electron/engine/store/retention';
import { startTestEngine, type TestEngine } from '../helpers/engine-fixture';

let t: TestEngine;
beforeEach(async () => {
  t = await startTestEngine();
});
afterEach(async () => {
  await t.cleanup();
});

const DAY = 24 * 3600 * 1000;

function exchange(startedAt: number, body: string, stream: 'send' | null = null): number {
  const wire = createA2aWireRepo(t.engine.context.db);
  const id = wire.insertExchange({
    agentId: null,
    taskId: null,
    startedAt,
    rpcMethod: 'message/send',
    streamKind: stream,
    protocolVersion: '0.3',
    method: 'POST',
    url: 'http://127.0.0.1:1/rpc',
    requestHeaders: [],
    requestBody: '{}',
  });
  if (!stream) wire.finishExchange(id, { status: 200, responseBody: body });
  return id;
}
/** Inserts a receiver audit row at the given time. */
const auditInsert = () =>
  t.engine.context.db.prepare(
    "INSERT INTO audit (at, kind, method, path, status, reason) VALUES (?, 'rejected', 'POST', '/webhook', 413, 'too large')",
  );
const wireIds = async () =>
  (await t.engine.handlers.listWire({ frames: false, limit: 1000 })).map((e) => e.id);

it('deletes exchanges older than the maximum age, keeping captures unless asked', async () => {
  const h = t.engine.handlers;
  const now = Date.now();
  const old = exchange(now - 40 * DAY, 'old');
  const openStream = exchange(now - 40 * DAY, '', 'send');
  const fresh = exchange(now - DAY, 'fresh');
  const res = await fetch(`${t.receiverUrl}/webhook`, { method: 'POST', body: '{}' });
  const { captureId } = (await res.json()) as { captureId: number };
  t.engine.context.db
    .prepare('UPDATE captures SET received_at = ? WHERE id = ?')
    .run(now - 40 * DAY, captureId);

  await h.updateSettings({ patch: { retentionMaxAgeDays: 30 }, reverify: false });
  const info = await h.applyRetention({});
  expect(await wireIds()).toEqual([openStream, fresh]);
  expect(info.lastRetention?.deleted.exchanges).toBeGreaterThanOrEqual(1);
  expect((await h.getCapture({ id: captureId })).id).toBe(captureId);
  expect(old).toBeLessThan(fresh);

  await h.updateSettings({ patch: { retentionIncludeCaptures: true }, reverify: false });
  await h.applyRetention({});
  expect((await h.countCaptures({})).count).toBe(0);
});

it('trims the oldest data until the store fits the maximum size, and reports the size', async () => {
  const h = t.engine.handlers;
  const now = Date.now();
  const ids = Array.from({ length: 40 }, (_, i) =>
    exchange(now - (40 - i) * 1000, 'x'.repeat(100_000)),
  );
  const before = await h.getStoreInfo({});
  expect(before.dataBytes).toBeGreaterThan(4_000_000);

  await h.updateSettings({ patch: { retentionMaxBytes: 1_500_000 }, reverify: false });
  const after = await h.applyRetention({});
  expect(after.dataBytes).toBeLessThanOrEqual(1_500_000);
  const kept = await wireIds();
  expect(kept.length).toBeGreaterThan(0);
  expect(kept.at(-1)).toBe(ids.at(-1)); // newest kept, oldest gone
  expect(kept[0]).toBeGreaterThan(ids[0]!);
});

it('deletes audit rows, demo delivery attempts and handler reports older than the maximum age', async () => {
  const h = t.engine.handlers;
  const db = t.engine.context.db;
  const now = Date.now();
  const audit = auditInsert();
  const delivery = db.prepare(`INSERT INTO demo_deliveries
    (delivery_id, agent, dialect, task_id, url, attempt, at, delay_ms, latency_ms, outcome)
    VALUES ('d', 'demo', 'hmac', 't', 'http://127.0.0.1:1/', 1, ?, 0, 1, 'delivered')`);
  const report = db.prepare(
    "INSERT INTO handler_reports (created_at, target_url, vulnerable, report) VALUES (?, 'http://127.0.0.1:1/', 0, '{}')",
  );
  for (const insert of [audit, delivery, report]) {
    insert.run(now - 40 * DAY);
    insert.run(now - DAY);
  }
  const times = (table: string, at: string) =>
    (db.prepare(`SELECT ${at} AS at FROM ${table} ORDER BY id`).all() as { at: number }[]).map(
      (r) => r.at,
    );

  await h.updateSettings({ patch: { retentionMaxAgeDays: 30 }, reverify: false });
  const info = await h.applyRetention({});
  expect(info.lastRetention?.deleted.logs).toBe(3);
  expect(times('audit', 'at')).toEqual([now - DAY]);
  expect(times('demo_deliveries', 'at')).toEqual([now - DAY]);
  expect(times('handler_reports', 'created_at')).toEqual([now - DAY]);
});

it('finds an old row behind newer ones (an imported capture), looking at every row', async () => {
  const h = t.engine.handlers;
  const db = t.engine.context.db;
  const now = Date.now();
  const audit = auditInsert();
  // More fresh rows than one window of the age pass, then an old one with the highest id.
  db.transaction(() => {
    for (let i = 0; i < 450; i++) audit.run(now - DAY);
    audit.run(now - 40 * DAY);
  })();
  await h.updateSettings({ patch: { retentionMaxAgeDays: 30 }, reverify: false });
  const info = await h.applyRetention({});
  expect(info.lastRetention?.deleted.logs).toBe(1);
  const oldest = db.prepare('SELECT min(at) AS at FROM audit').get() as { at: number };
  expect(oldest.at).toBe(now - DAY);
});

it('yields to other work while it looks through a large store', async () => {
  const db = t.engine.context.db;
  const audit = auditInsert();
  db.transaction(() => {
    for (let i = 0; i < 1000; i++) audit.run(Date.now());
  })();
  // Nothing is old: a pass that scanned each table in one statement would never yield.
  let ranBetween = 0;
  const tick = () => {
    ranBetween++;
    if (!done) setImmediate(tick);
  };
  let done = false;
  setImmediate(tick);
  const run = applyRetention(db, {
    retentionMaxAgeDays: 30,
    retentionMaxBytes: 0,
    retentionIncludeCaptures: true,
  });
  await run;
  done = true;
  expect(ranBetween).toBeGreaterThan(3);
});
