// Webhook delivery of the demo agents against a capture server that misbehaves on purpose:
// retries with growing delays until the third attempt lands, Retry-After honoured, no retry on
// a 4xx, and the delivery log in SQLite (migration 2) with its success rate.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliveriesRepo } from '../../electron/engine/demo/deliveries-repo';
import { startDemoAgent, type RunningDemoAgent } from '../../electron/engine/demo/index';
import { openDatabase, type Db } from '../../electron/engine/store/open-store';
import type { DeliveryAttempt } from '../../shared/api/demo';
import { waitFor } from '../helpers/wait-for';
import {
  closedUrl,
  collect,
  secret,
  startCaptureServer,
  tutorialRequest,
  type CaptureServer,
} from './demo-helpers';

const SPEED = 20;
let agent: RunningDemoAgent;
let hooks: CaptureServer;
let db: Db;
let dir: string;
const attempts: DeliveryAttempt[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-demo-'));
  db = openDatabase(dir);
  hooks = await startCaptureServer();
  agent = await startDemoAgent('long', {
    port: 0,
    speed: SPEED,
    db,
    secrets: () => ({ webhookSecret: secret('h'), jwtSecret: secret('j') }),
    onDelivery: (a) => attempts.push(a),
  });
});

afterAll(async () => {
  await agent?.close();
  await hooks?.close();
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function longTask(path: string) {
  const events = await collect(
    agent.url,
    tutorialRequest('long job', { url: `${hooks.url}${path}`, secret: secret('c') }),
  );
  const taskId = events[0]!['id'] as string;
  const mine = await waitFor(() => {
    const list = attempts.filter((a) => a.taskId === taskId);
    return list.at(-1)?.outcome === 'retry' ? null : list;
  });
  return { taskId, mine };
}

describe('demo webhook delivery', () => {
  it('retries 5xx with growing delays: the third attempt lands, every attempt is logged', async () => {
    hooks.failNext(2, 503);
    const { taskId, mine } = await longTask('/retry');
    expect(mine.map((a) => [a.attempt, a.status, a.outcome])).toEqual([
      [1, 503, 'retry'],
      [2, 503, 'retry'],
      [3, 200, 'delivered'],
    ]);
    const [first, second, third] = mine;
    expect(first!.delayMs).toBe(0);
    // base 1000 ms and 2000 ms with up to +25% jitter, divided by the speed
    expect(second!.delayMs).toBeGreaterThanOrEqual(1000 / SPEED);
    expect(second!.delayMs).toBeLessThanOrEqual(Math.round(1250 / SPEED));
    expect(third!.delayMs).toBeGreaterThanOrEqual(2000 / SPEED);
    expect(third!.delayMs).toBeGreaterThan(second!.delayMs);
    // (2 ms slack: timers and Date.now() use different clocks)
    expect(third!.at - second!.at).toBeGreaterThanOrEqual(third!.delayMs - 2);
    expect(new Set(mine.map((a) => a.deliveryId)).size).toBe(1);
    expect(mine.every((a) => a.id > 0 && a.error === (a.status === 200 ? null : 'HTTP 503'))).toBe(
      true,
    );

    const posts = hooks.posts().filter((h) => h.path === '/retry');
    expect(posts).toHaveLength(3);
    expect(new Set(posts.map((p) => p.body)).size).toBe(1);
    expect(new Set(posts.map((p) => p.headers['x-a2a-signature'])).size).toBe(1);

    const page = createDeliveriesRepo(db).list({ agent: 'long', limit: 10 });
    expect(page.items.filter((a) => a.taskId === taskId).map((a) => a.attempt)).toEqual([3, 2, 1]);
  });

  it('honours Retry-After (divided by the demo speed)', async () => {
    hooks.failNext(1, 429, { 'Retry-After': '2' });
    const { mine } = await longTask('/busy');
    expect(mine.map((a) => a.status)).toEqual([429, 200]);
    expect(mine[1]!.delayMs).toBe(2000 / SPEED);
  });

  it('does not retry a 4xx other than 408/429', async () => {
    hooks.failNext(1, 401);
    const { mine } = await longTask('/refuse');
    expect(mine.map((a) => [a.status, a.outcome])).toEqual([[401, 'failed']]);
  });

  it('gives up on an unreachable host after 5 attempts, recording the network error', async () => {
    const events = await collect(
      agent.url,
      tutorialRequest('long job', { url: await closedUrl(), secret: secret('c') }),
    );
    const taskId = events[0]!['id'] as string;
    const mine = attempts.filter((a) => a.taskId === taskId);
    expect(mine.map((a) => a.outcome)).toEqual(['retry', 'retry', 'retry', 'retry', 'failed']);
    expect(mine.every((a) => a.status === null && a.error === 'ECONNREFUSED')).toBe(true);
    expect(events.at(-1)?.['status']).toMatchObject({ state: 'completed' });
  });

  it('keeps a success rate over finished deliveries', () => {
    const stats = createDeliveriesRepo(db).stats('long');
    expect(stats).toMatchObject({ deliveries: 4, delivered: 2, failed: 2, attempts: 11 });
    expect(stats.successRate).toBeCloseTo(0.5);
    expect(createDeliveriesRepo(db).stats('enterprise').successRate).toBeNull();
  });
});
