// Hostile load: the worst event-loop delay of the engine (perf_hooks.monitorEventLoopDelay)
// and a normal webhook's latency while a 64 MiB SSE event and 300 slow connections hit it,
// next to the same figures measured idle in the same run. Run twice: with the default 8 MiB
// frame cap (the event is refused at the cap) and with the cap raised past 64 MiB (the whole
// event is framed, parsed and stored). Goal: event loop p99 < 50 ms, webhooks < 100 ms.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { startTestEngine, testSecrets, type TestEngine } from '../test/helpers/engine-fixture';
import type { BenchResult } from './run';
import { pct } from './stats';

const SLOW = 300;
const HUGE = 64 * 1024 * 1024;

interface Window {
  loopP99: number;
  loopMax: number;
  hookP50: number;
  hookP99: number;
  hookMax: number;
  hooks: number;
}

/** Sends webhooks one after another until `until` resolves, measuring loop delay meanwhile. */
async function measure(t: TestEngine, until: Promise<unknown>): Promise<Window> {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  let done = false;
  void until.finally(() => (done = true));
  const lat: number[] = [];
  while (!done || lat.length < 20) {
    const t0 = performance.now();
    const res = await fetch(`${t.receiverUrl}/webhook`, { method: 'POST', body: '{"n":1}' });
    await res.arrayBuffer();
    lat.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 10));
  }
  h.disable();
  return {
    loopP99: h.percentile(99) / 1e6,
    loopMax: h.max / 1e6,
    hookP50: pct(lat, 50),
    hookP99: pct(lat, 99),
    hookMax: Math.max(...lat),
    hooks: lat.length,
  };
}

async function scenario(
  frameLimit: number,
): Promise<{ idle: Window; load: Window; outcome: string }> {
  const t = await startTestEngine({ env: testSecrets() });
  await t.engine.handlers.updateSettings({
    patch: { sseFrameLimitBytes: frameLimit, sseStreamLimitBytes: 256 * 1024 * 1024 },
    reverify: false,
  });
  const idle = await measure(t, new Promise((r) => setTimeout(r, 1000)));
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/hostile-load.ts', t.receiverUrl, String(SLOW), String(HUGE)],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const line = await new Promise<string>((r) =>
      createInterface({ input: child.stdout }).once('line', r),
    );
    const { agentUrl } = JSON.parse(line) as { agentUrl: string };
    const id = (await t.engine.handlers.addAgent({ url: agentUrl })).id;
    const h = t.engine.handlers;
    const stream = (async () => {
      const { taskId } = await h.sendMessage({ id, text: 'huge-event', stream: true, push: false });
      for (;;) {
        if (!(await h.getTask({ taskId: taskId! })).streaming) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      const [ex] = await h.listWire({ taskId: taskId!, frames: false, limit: 1 });
      return ex?.error ?? 'stream complete';
    })();
    const load = await measure(t, stream);
    return { idle, load, outcome: await stream };
  } finally {
    child.kill();
    await t.stop();
    rmSync(t.dataDir, { recursive: true, force: true });
  }
}

const f = (n: number) => n.toFixed(1);

export async function run(): Promise<BenchResult> {
  const capped = await scenario(8 * 1024 * 1024);
  const full = await scenario(HUGE + 1024 * 1024);
  const row = (w: Window) =>
    `loop p99 ${f(w.loopP99)} / max ${f(w.loopMax)} ms · webhook p50 ${f(w.hookP50)} / p99 ${f(w.hookP99)} / max ${f(w.hookMax)} ms (${w.hooks})`;
  return {
    name: 'hostile',
    metrics: {
      idle: row(capped.idle),
      '8 MiB cap: under load': row(capped.load),
      '8 MiB cap: outcome': capped.outcome.slice(0, 90),
      'cap > 64 MiB: idle': row(full.idle),
      'cap > 64 MiB: under load': row(full.load),
      'cap > 64 MiB: outcome': full.outcome.slice(0, 90),
      'goal loop p99 < 50 ms (8 MiB cap)': String(capped.load.loopP99 < 50),
      'goal webhook p99 < 100 ms (8 MiB cap)': String(capped.load.hookP99 < 100),
    },
    notes: `${SLOW} slow connections (one header byte per second) and a ${HUGE / 1024 / 1024} MiB SSE event from a child process; webhooks sent one at a time every 10 ms from the engine's process.`,
  };
}
