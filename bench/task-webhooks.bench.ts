// Webhooks for a task with a long stream (BENCH_TIMELINE_EVENTS frames, 100,000 by default)
// against webhooks for a task Switchboard does not know, one at a time, alternating, same
// engine, same run. A webhook of a known task joins its timeline and is linted against the
// stream's states; what that costs must not grow with the stream. Reports each side's latency
// (answer, then the event loop free again) and the ratio of the medians. Goal: ratio < 1.5.
import { rmSync } from 'node:fs';
import { startTestEngine, tempDataDir, testSecrets } from '../test/helpers/engine-fixture';
import { tutorialWebhook } from '../test/helpers/tutorial-webhook';
import { createA2aWireRepo } from '../electron/engine/store/a2a-wire-repo';
import type { BenchResult } from './run';
import { EVENTS, seedTimelineTask, TASK } from './timeline-seed';

const WEBHOOKS = 200;

export async function run(): Promise<BenchResult> {
  const dataDir = tempDataDir();
  // No agent answers there: the task is finished, and a "working" webhook never fetches it.
  seedTimelineTask(dataDir, 'http://127.0.0.1:1/');
  const env = testSecrets();
  const t = await startTestEngine({ dataDir, env });
  try {
    const wire = createA2aWireRepo(t.engine.context.db);
    const reads = Array.from({ length: 5 }, () => {
      const t0 = performance.now();
      wire.statePoints(TASK);
      return performance.now() - t0;
    });
    const send = async (taskId: string, i: number) => {
      const hook = await tutorialWebhook({
        webhookSecret: env.SWITCHBOARD_WEBHOOK_SECRET,
        jwtSecret: env.SWITCHBOARD_JWT_SECRET,
        taskId,
        body: JSON.stringify({ taskId, status: 'working', message: `hook ${i}` }),
      });
      const t0 = performance.now();
      const res = await fetch(`${t.receiverUrl}/webhook`, {
        method: 'POST',
        headers: hook.headers,
        body: hook.body,
      });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
      // The timeline join runs after the answer: count until the loop is free again.
      await new Promise((r) => setImmediate(r));
      return performance.now() - t0;
    };
    const long: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 10; i++) await send(TASK, i); // warm-up
    for (let i = 0; i < WEBHOOKS; i++) {
      long.push(await send(TASK, i));
      unknown.push(await send(`unknown-task-${i}`, i));
    }
    const at = (xs: number[], p: number) =>
      [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
    const ms = (x: number) => Math.round(x * 100) / 100;
    return {
      name: 'task-webhooks',
      metrics: {
        'stream frames of the task': EVENTS,
        // Read for each webhook of the task, to lint it against the stream's states.
        'stream state points read ms (median of 5)': ms(at(reads, 0.5)),
        'webhook of that task p50/p95 ms': `${ms(at(long, 0.5))}/${ms(at(long, 0.95))}`,
        'webhook of an unknown task p50/p95 ms': `${ms(at(unknown, 0.5))}/${ms(at(unknown, 0.95))}`,
        'ratio p50 (goal < 1.5)': Number((at(long, 0.5) / at(unknown, 0.5)).toFixed(2)),
      },
      notes: `${WEBHOOKS} webhooks each side, one at a time, alternating; engine in this process.`,
    };
  } finally {
    await t.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
