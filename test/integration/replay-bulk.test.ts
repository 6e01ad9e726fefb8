// Bulk replay: original order at concurrency 1, progress events, concurrency cap, rate limit
// (as a lower bound on elapsed time), cancellation mid-run, selection by task id, and a selected
// capture that no longer exists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBulkRunner, type BulkRunner } from '../../electron/engine/replay/bulk';
import { startJudgingServer, type FixtureReceiver } from '../fixtures/strict-receiver';
import { waitFor } from '../helpers/wait-for';
import {
  insertTutorialCapture,
  replayStore,
  targetArgs,
  type ReplayStore,
} from '../unit/replay/helpers';

describe('bulk replay', () => {
  let s: ReplayStore;
  let bulk: BulkRunner;
  let target: FixtureReceiver;
  let held: (() => void)[] = [];
  let hold = false;
  let inFlight = 0;
  let maxInFlight = 0;
  const ids: number[] = [];
  beforeAll(async () => {
    s = replayStore();
    bulk = createBulkRunner(s.svc);
    target = await startJudgingServer(async () => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      if (hold) await new Promise<void>((r) => held.push(r));
      else await new Promise((r) => setImmediate(r));
      inFlight--;
      return { status: 200, reason: 'ok' };
    });
    for (let i = 0; i < 12; i++) {
      ids.push(
        (
          await insertTutorialCapture(s, {
            taskId: i < 4 ? 'task-bulk' : `other-${i}`,
            receivedAt: 1000 + i * 5,
          })
        ).id,
      );
    }
  });
  afterAll(async () => {
    bulk.cancelAll();
    await target.close();
    s.cleanup();
  });
  const args = (over: Partial<Parameters<BulkRunner['start']>[0]> = {}) => ({
    ...targetArgs(target.url),
    selection: {},
    mode: 'exact' as const,
    concurrency: 4,
    ratePerSec: 0,
    originalSpacing: false,
    maxGapMs: 1000,
    ...over,
  });

  it('replays a task in original order with original spacing, reporting progress', async () => {
    const before = target.received.length;
    const start = bulk.start(args({ selection: { taskId: 'task-bulk' }, originalSpacing: true }));
    expect(start).toMatchObject({ total: 4, done: 0, state: 'running' });
    const end = await bulk.wait(start.bulkId);
    expect(end).toMatchObject({ total: 4, done: 4, ok: 4, failed: 0, state: 'finished' });
    const bodies = target.received.slice(before).map((r) => r.body.toString());
    const expected = ids.slice(0, 4).map((id) => Buffer.from(s.captures.body(id)!).toString());
    expect(bodies).toEqual(expected);
    const last = s.events.filter((e) => e.type === 'replay-progress').at(-1);
    expect(last).toMatchObject({
      type: 'replay-progress',
      progress: { bulkId: start.bulkId, state: 'finished', done: 4 },
    });
    // bulk replays are stored and linked, without one event each
    expect(s.replays.listForCapture(ids[0]!, 10)).toHaveLength(1);
  });

  it('respects the concurrency cap and the rate limit', async () => {
    maxInFlight = 0;
    const t0 = performance.now();
    const r = bulk.start(
      args({ selection: { captureIds: ids }, concurrency: 3, ratePerSec: 100, mode: 'resigned' }),
    );
    const end = await bulk.wait(r.bulkId);
    expect(end.ok).toBe(12);
    expect(maxInFlight).toBeLessThanOrEqual(3);
    // 12 starts at 100/s need at least 110 ms between the first and the last.
    expect(performance.now() - t0).toBeGreaterThanOrEqual(105);
  });

  it('can be cancelled mid-run', async () => {
    hold = true;
    held = [];
    const r = bulk.start(args({ selection: { captureIds: ids }, concurrency: 2 }));
    await waitFor(() => held.length === 2, { what: 'two held requests' });
    expect(bulk.cancel(r.bulkId).state).toBe('running');
    hold = false;
    for (const release of held) release();
    const end = await bulk.wait(r.bulkId);
    expect(end.state).toBe('cancelled');
    expect(end.done).toBeLessThan(12);
    expect(bulk.get(r.bulkId).state).toBe('cancelled');
  });

  it('counts a selected capture that no longer exists as failed, and sends the others as captured', async () => {
    const before = target.received.length;
    const gone = ids[5]!;
    const kept = [ids[4]!, ids[6]!];
    s.captures.delete(gone);
    const r = bulk.start(args({ selection: { captureIds: [...kept, gone] }, concurrency: 1 }));
    const end = await bulk.wait(r.bulkId);
    expect(end).toMatchObject({ total: 3, ok: 2, failed: 1, state: 'finished' });
    const sent = target.received.slice(before);
    expect(sent.map((x) => x.body.toString())).toEqual(
      kept.map((id) => Buffer.from(s.captures.body(id)!).toString()),
    );
    // The signed headers went out under their own names and values.
    const signed = s.captures
      .get(kept[1]!)!
      .headers.filter(([n]) => /^(x-|authorization$|content-type$)/i.test(n));
    expect(signed.length).toBeGreaterThanOrEqual(3);
    const raw = sent[1]!.rawHeaders;
    const pairs = Array.from({ length: raw.length / 2 }, (_, i) => [raw[2 * i], raw[2 * i + 1]]);
    for (const pair of signed) expect(pairs).toContainEqual(pair);
  });

  it('refuses an empty selection and an unconfirmed remote target at once', () => {
    expect(() => bulk.start(args({ selection: { taskId: 'nope' } }))).toThrow(/No captures match/);
    expect(() => bulk.start(args({ targetUrl: 'http://192.0.2.1/x' }))).toThrow(
      /not on this machine/,
    );
  });
});
