// Timeline with 100,000 stream events for one task (issues 6, 16): frames seeded through the
// ingest path (timeline-seed.ts: one agent, one task, one SSE exchange), browser mode in its
// own process, Debian Chromium via Playwright. Measures the engine's getTimeline (whole, and
// the tail page the UI asks first), the UI's linted tail (task click → a finding of the last
// frames on screen), a live burst (the agent streams more frames on resubscribe, webhooks
// arrive: rows pushed, timeline requests counted), frame intervals while scrolling (p95 of rAF
// deltas) and the renderer's own work per scroll event, plus how many frames showed rows whose
// page was still loading. Goals: linted tail < 300 ms, no timeline request during the live
// burst, scroll p95 < 20 ms.
// BENCH_STATIC_DIR serves another renderer build (default dist/renderer, built if missing).
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromiumLaunchOptions } from '../test/helpers/chromium';
import { spawnServe } from '../test/helpers/spawn-serve';
import type { BenchResult } from './run';
import { envelope, EVENTS, seedTimelineTask, TASK } from './timeline-seed';
import { pct, r1 } from './stats';
import { viteBuild } from '../scripts/bin-path.mjs';

const STATIC_DIR = process.env['BENCH_STATIC_DIR'] ?? 'dist/renderer';
/** Frames the agent streams in the live burst (on resubscribe), in BURST_WRITES writes. */
const BURST = 500;
const BURST_WRITES = 20;
const BURST_WEBHOOKS = 10;
/** The agent of the live burst: answers a resubscribe with BURST more frames, then ends. */
function startBurstAgent(): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      let i = 0;
      const write = () => {
        let out = '';
        for (let k = 0; k < BURST / BURST_WRITES; k++, i++)
          out += `data: ${envelope(EVENTS + i, i === BURST - 1 ? 'TASK_STATE_COMPLETED' : 'TASK_STATE_WORKING')}\n\n`;
        if (i >= BURST) res.end(out);
        else {
          res.write(out);
          setTimeout(write, 25);
        }
      };
      write();
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server }),
    ),
  );
}

export async function run(): Promise<BenchResult> {
  // Always built (about a second): a build left by another command may be stale, or a
  // development one.
  spawnSync(...viteBuild(['--outDir', resolve(STATIC_DIR)]), { stdio: 'inherit' });
  const loadBefore = loadavg()[0] ?? 0;
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-tlbench-'));
  const token = randomBytes(16).toString('hex');
  const agent = await startBurstAgent();
  seedTimelineTask(dataDir, agent.url);
  const serve = await spawnServe({ dataDir, token, extraArgs: ['--static-dir', STATIC_DIR] });
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const call = async (path: string, init: RequestInit = {}) => {
      const a0 = performance.now();
      const res = await fetch(new URL(path, serve.uiUrl), {
        ...init,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      });
      const body = (await res.json()) as { events: unknown[]; findings: unknown[] };
      return { body, ms: Math.round(performance.now() - a0) };
    };
    const api = (query: string) => call(`/api/tasks/${TASK}/timeline${query}`);
    // Whole timeline (cold: built from the stored findings), again (cached), then the tail page
    // (read from the last frames and their stored findings, no build) and a middle page.
    const whole = await api('');
    const tl = whole.body;
    const wholeWarm = await api('');
    const tailPage = await api('?limit=1000&cursor=tail');
    const midWarm = await api('?limit=1000&cursor=50000');
    const page = await browser.newPage({ viewport: { width: 1360, height: 820 } });
    await page.addInitScript({ content: 'window.__name = (fn) => fn;' });
    const timelineCalls: number[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/timeline')) timelineCalls.push(Date.now());
    });
    await page.goto(serve.uiUrl);
    await page.getByRole('button', { name: 'Agents', exact: true }).click();
    const taskButton = page.getByRole('button', { name: /bench-ta/ });
    await taskButton.waitFor();
    const t0 = Date.now();
    await taskButton.click();
    await page.waitForSelector('[data-testid=tl-row]');
    const firstRenderMs = Date.now() - t0;
    // The tail arrives linted: a finding of the last frames is on screen with the first rows.
    await page.locator('.tl-finding', { hasText: 'context-id-mismatch' }).first().waitFor();
    const lintedMs = Date.now() - t0;
    const afterOpen = timelineCalls.length;

    // Live burst on the open task: the agent streams BURST frames (resubscribe) while webhooks
    // arrive; every row is pushed, none is asked for.
    const rowsBefore = EVENTS;
    const lane = (await page.locator('.tl-lane', { hasText: 'webhooks (' }).textContent()) ?? '';
    const webhooksBefore = Number(/\((\d+)\)/.exec(lane)?.[1] ?? 0);
    const b0 = Date.now();
    await call(`/api/tasks/${TASK}/resubscribe`, { method: 'POST', body: '{}' });
    for (let i = 0; i < BURST_WEBHOOKS; i++)
      await fetch(`${serve.receiverUrl}/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-a2a-task-id': TASK },
        body: JSON.stringify({ taskId: TASK, status: 'working', message: `hook ${i}` }),
      });
    await page
      .locator('[data-testid=tl-row]', { hasText: `progress ${EVENTS + BURST - 1}` })
      .waitFor({ timeout: 30_000 });
    // Every burst webhook is on the timeline: the lane count says so (the rows themselves may
    // already be scrolled out of the window by later frames).
    await page
      .locator('.tl-lane', { hasText: `webhooks (${webhooksBefore + BURST_WEBHOOKS})` })
      .waitFor({ timeout: 30_000 });
    const burstMs = Date.now() - b0;
    const burstCalls = timelineCalls.length - afterOpen;
    await page.getByRole('checkbox', { name: 'follow' }).uncheck();
    const scrollAt = (step: number) =>
      page.evaluate(async (step) => {
        const el = document.querySelector('[data-testid=timeline]') as HTMLElement;
        const out: number[] = [];
        // Main-thread work of each scroll: from the document's capture listener (first) to this
        // element's listener (registered after the view's, which renders synchronously).
        const work: number[] = [];
        let scrollStart = 0;
        const onStart = () => (scrollStart = performance.now());
        const onEnd = () => work.push(performance.now() - scrollStart);
        el.scrollTop = 0;
        // Start once the first rows' page is here (then count frames that still show one loading).
        const t = performance.now();
        while (el.querySelector('[data-testid=tl-row-loading]') && performance.now() - t < 10_000)
          await new Promise((r) => setTimeout(r, 20));
        document.addEventListener('scroll', onStart, { capture: true });
        el.addEventListener('scroll', onEnd);
        let loading = 0;
        let last = performance.now();
        const end = last + 3000;
        while (performance.now() < end) {
          await new Promise((r) => requestAnimationFrame(r));
          const now = performance.now();
          out.push(now - last);
          last = now;
          if (el.querySelector('[data-testid=tl-row-loading]')) loading++;
          el.scrollTop += step;
          if (el.scrollTop + el.clientHeight >= el.scrollHeight) el.scrollTop = 0;
        }
        document.removeEventListener('scroll', onStart, { capture: true });
        el.removeEventListener('scroll', onEnd);
        return { deltas: out.slice(2), work, loading, rows: Math.round(el.scrollTop / 32) };
      }, step);
    // A whole screen and more per frame (every row replaced), then 240 px per frame as in the
    // captures list bench (bench/ui.bench.ts).
    const scroll = await scrollAt(2400);
    const deltas = scroll.deltas;
    const small = await scrollAt(240);
    const rows = await page.locator('[data-testid=tl-row]').count();
    return {
      name: 'timeline-100k',
      metrics: {
        events: tl.events.length,
        'getTimeline whole, cold ms': whole.ms,
        'getTimeline whole, cached ms': wholeWarm.ms,
        'getTimeline tail page (1000, linted) ms': tailPage.ms,
        'getTimeline middle page (1000), cached ms': midWarm.ms,
        'first render ms (click → row)': firstRenderMs,
        'linted tail ms (click → finding on screen; goal < 300)': lintedMs,
        'timeline requests to open the task': afterOpen,
        [`live burst: ${BURST} frames + ${BURST_WEBHOOKS} webhooks on screen ms`]: burstMs,
        'live burst: timeline requests (goal 0)': burstCalls,
        'rows after the burst': rowsBefore + BURST + BURST_WEBHOOKS,
        'scroll frame p95 ms (goal < 20)': r1(pct(deltas, 95)),
        'scroll frame p50 ms': r1(pct(deltas, 50)),
        'scroll handler+render p95 ms': r1(pct(scroll.work, 95)),
        'scroll handler+render p50 ms': r1(pct(scroll.work, 50)),
        'scroll frames': deltas.length,
        'scroll 240 px/frame: frame p95 ms': r1(pct(small.deltas, 95)),
        'scroll 240 px/frame: frame p50 ms': r1(pct(small.deltas, 50)),
        'scroll 240 px/frame: handler+render p95 ms': r1(pct(small.work, 95)),
        'frames showing a loading row': scroll.loading + small.loading,
        'rows in DOM': rows,
        findings: tl.findings.length,
        'machine load avg (1 min) before/after': `${loadBefore.toFixed(1)}/${(loadavg()[0] ?? 0).toFixed(1)}`,
      },
      notes: `Seeded frames, one task; scroll = 2400 px (75 rows), then 240 px, per animation frame for 3 s each; renderer ${STATIC_DIR}.`,
    };
  } finally {
    await browser.close();
    await serve.stop();
    agent.server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
