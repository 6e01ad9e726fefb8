// UI benchmark (issue 4): 50,000 captures in the store (inserted directly through the captures
// repo), browser mode in its own process, Debian Chromium via Playwright, webhooks arriving at
// 200/s. Measures: first render of the captures view (navigation → first row in the DOM),
// frame intervals while scrolling (p95, rAF deltas), and receiver 2xx → row visible (p95, the
// row's first animation frame after it was inserted). Goals: < 1 s, < 20 ms, < 150 ms. While
// scrolling (webhooks arriving at the same rate) it also reports the renderer's work per scroll
// (goal p95 < 4 ms, issue 16), the time from each scroll step to the next paint; in a second pass
// under a CPU profile, all main-thread time per scroll frame; in a third under a Chromium trace,
// each scroll event's wall time against its main-thread CPU time; then, under the same load, the
// time from a key press's input event to the next paint, against the same presses with no webhooks
// arriving (goal: the live load adds at most 4 ms to its p95, the issue's per-frame renderer
// budget: a press waits up to a frame, 16.7 ms, for the next paint, and the baseline's own p95
// reads 17-22 ms), and the renderer's main-thread time per live webhook at the top of the list
// and while the list is scrolled into history.
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumLaunchOptions } from '../test/helpers/chromium';
import { spawnServe } from '../test/helpers/spawn-serve';
import type { BenchResult } from './run';
import { viteBuild } from '../scripts/bin-path.mjs';
import { seed, sendWebhooks } from './ui-feed';
import { pct, r1 } from './stats';
import { rendererBusyMs } from './ui-busy';
import { scrollDispatchTimes } from './ui-trace';
import { measureKeyInput } from './ui-key-input';

const STORED = Number(process.env['BENCH_UI_CAPTURES'] ?? 50_000);
const RATE = Number(process.env['BENCH_UI_RATE'] ?? 200);
const LIVE_SECONDS = Number(process.env['BENCH_SECONDS'] ?? 6);
const SCROLL_MS = 4000;
const SCROLL_BUSY_MS = 2000;
const KEYS_MS = 4000;
const HISTORY_SECONDS = 3;

export async function run(): Promise<BenchResult> {
  // Always built (about a second): a build left by another command may be stale, or a
  // development one.
  spawnSync(...viteBuild(), { stdio: 'inherit' });
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-uibench-'));
  const token = randomBytes(16).toString('hex');
  const loadBefore = loadavg()[0] ?? 0;
  const seedStart = Date.now();
  seed(dataDir, STORED);
  const seedMs = Date.now() - seedStart;
  const serve = await spawnServe({ dataDir, token });
  const launch = chromiumLaunchOptions();
  const browser = await chromium.launch(launch);
  try {
    const revealed = (await (
      await fetch(new URL('/api/settings/reveal', serve.uiUrl), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ key: 'webhookSecret' }),
      })
    ).json()) as { value: string };
    const secret = revealed.value;
    const failures: string[] = [];
    const feed = (prefix: string, seconds: number) =>
      sendWebhooks({ receiver: serve.receiverUrl, secret, rate: RATE, prefix, failures }, seconds);
    const page = await browser.newPage({ viewport: { width: 1360, height: 820 } });
    // tsx (esbuild keepNames) wraps functions passed to page.evaluate in __name(); define it.
    await page.addInitScript({ content: 'window.__name = (fn) => fn;' });
    /** Scrolls the list to `top` and lets the page settle. */
    const scrollListTo = async (top: number) => {
      await page.evaluate((t) => {
        (document.querySelector('[data-testid=capture-list]') as HTMLElement).scrollTop = t;
      }, top);
      await page.waitForTimeout(300);
    };
    /** Back to the newest rows (the list may have slid deep into history) at the top. */
    const showNewest = async () => {
      const jump = page.getByText('Jump to newest');
      if (await jump.count()) await jump.click();
      await page.waitForSelector('[data-testid=capture-row]');
      await scrollListTo(0);
    };
    // Warm-up load (auth cookie, caches), then the measured first render on a fresh load.
    await page.goto(serve.uiUrl);
    await page.waitForSelector('[data-testid=capture-row]');
    const t0 = Date.now();
    await page.goto(serve.uiUrl.replace(/\?token=.*$/, ''));
    await page.waitForSelector('[data-testid=capture-row]');
    const firstRenderMs = Date.now() - t0;
    const inPageFirstRow = await page.evaluate(() => performance.now());

    // Scrolling while webhooks arrive.
    const scrollLoad = feed('scroll', Math.ceil(SCROLL_MS / 1000) + 1);
    const frames = await page.evaluate(async (ms) => {
      const el = document.querySelector('[data-testid=capture-list]') as HTMLElement;
      const deltas: number[] = [];
      // Main-thread work of each scroll: from the document's capture listener (first) to this
      // element listener (after the row window's, which renders synchronously with flushSync).
      const work: number[] = [];
      // Scroll step to next paint: from setting scrollTop to the first task after the frame
      // that handled its scroll event (a message posted from that frame's rAF runs after its
      // paint). At least one frame by construction: the step is taken inside a frame.
      const paints: number[] = [];
      let inputAt = 0;
      let scrollStart = 0;
      const onStart = () => (scrollStart = performance.now());
      const onEnd = () => {
        work.push(performance.now() - scrollStart);
        const at = inputAt;
        requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => paints.push(performance.now() - at);
          ch.port2.postMessage(0);
        });
      };
      document.addEventListener('scroll', onStart, { capture: true });
      el.addEventListener('scroll', onEnd);
      let last = performance.now();
      const end = last + ms;
      await new Promise<void>((resolve) => {
        const step = (now: number) => {
          deltas.push(now - last);
          last = now;
          inputAt = performance.now();
          el.scrollTop += 240;
          if (now < end) requestAnimationFrame(step);
          else resolve();
        };
        requestAnimationFrame(step);
      });
      document.removeEventListener('scroll', onStart, { capture: true });
      el.removeEventListener('scroll', onEnd);
      return {
        deltas,
        work,
        paints,
        rowsInDom: document.querySelectorAll('[data-testid=capture-row]').length,
        scrolledRows: Math.round(el.scrollTop / 32),
      };
    }, SCROLL_MS);
    await scrollLoad;

    /** Scrolls 240 px per animation frame for `ms`; answers the number of frames. */
    const scrollFor = (ms: number) =>
      page.evaluate(async (ms) => {
        const el = document.querySelector('[data-testid=capture-list]') as HTMLElement;
        let n = 0;
        const end = performance.now() + ms;
        await new Promise<void>((resolve) => {
          const step = (now: number) => {
            n++;
            el.scrollTop += 240;
            if (now < end) requestAnimationFrame(step);
            else resolve();
          };
          requestAnimationFrame(step);
        });
        return n;
      }, ms);
    // The same scrolling again from the newest rows, under a CPU profile: the renderer's
    // main-thread time per scroll frame, wherever it is spent (the scroll handler, a live batch's
    // render, style, layout, paint). A separate pass, so that the profiler does not slow the
    // figures above; from the top again, since the first pass may have reached the oldest rows.
    await showNewest();
    const busyLoad = feed('scroll-busy', Math.ceil(SCROLL_BUSY_MS / 1000) + 1);
    let busyFrames = 0;
    const scrollBusyMs = await rendererBusyMs(page, async () => {
      busyFrames = await scrollFor(SCROLL_BUSY_MS);
    });
    await busyLoad;

    // Once more under a Chromium trace: each scroll event's wall time against the CPU time the
    // main thread ran during it. The figures above are wall time, which includes the time the
    // thread waited for one of the two cores.
    await showNewest();
    const tracedLoad = feed('scroll-trace', Math.ceil(SCROLL_BUSY_MS / 1000) + 1);
    const dispatch = await scrollDispatchTimes(browser, page, () => scrollFor(SCROLL_BUSY_MS));
    await tracedLoad;

    // Key presses while webhooks arrive (input to next paint from the input event's own time),
    // after the same presses with none arriving: the baseline of this run. A press waits for
    // the next frame (0-16.7 ms, p95 15.9 at a random phase) and then for that frame's work.
    const keysIdle = await measureKeyInput(page, KEYS_MS);
    const keyLoad = feed('keys', Math.ceil(KEYS_MS / 1000) + 1);
    const keys = await measureKeyInput(page, KEYS_MS);
    await keyLoad;

    // The renderer's main-thread time per live webhook: watching the newest rows (each batch's
    // rows push the others down), then reading history 100 rows down from the newest (the rows in
    // view stay put as live rows are prepended above them).
    await showNewest();
    let topAcked = 0;
    const topBusyMs = await rendererBusyMs(page, async () => {
      topAcked = (await feed('top', HISTORY_SECONDS)).size;
    });
    await scrollListTo(100 * 32);
    let historyAcked = 0;
    const historyBusyMs = await rendererBusyMs(page, async () => {
      historyAcked = (await feed('history', HISTORY_SECONDS)).size;
    });
    const historyRows = await page.evaluate(
      () => (document.querySelector('[data-testid=capture-list]') as HTMLElement).scrollTop / 32,
    );

    // Live delay: back to the newest, then watch rows appear.
    await page.evaluate(() => {
      const store = window as unknown as { __seen: Record<string, number> };
      store.__seen = {};
      (document.querySelector('[data-testid=capture-list]') as HTMLElement).scrollTop = 0;
      // Rows sit in fixed slots and are reused: a new capture may arrive as new text in an
      // existing row, not as an added node. So on any change, read the rows' task cells.
      const list = document.querySelector('[data-testid=capture-list]') as HTMLElement;
      new MutationObserver(() => {
        const fresh: string[] = [];
        for (const cell of list.querySelectorAll('[data-testid=capture-row] .cell-task')) {
          const task = cell.getAttribute('title') ?? ''; // the cell's text has a "task" label
          if (task.startsWith('live-') && !(task in store.__seen)) {
            store.__seen[task] = -1; // seen in the DOM; visible at the next frame
            fresh.push(task);
          }
        }
        if (fresh.length)
          requestAnimationFrame(() => fresh.forEach((t) => (store.__seen[t] = Date.now())));
      }).observe(list, { childList: true, subtree: true, characterData: true });
    });
    const jump = page.getByText('Jump to newest');
    if (await jump.count()) await jump.click();
    const acked = await feed('live', LIVE_SECONDS);
    await page.waitForTimeout(500);
    const seen = await page.evaluate(
      () => (window as unknown as { __seen: Record<string, number> }).__seen,
    );
    const delays = [...acked]
      .filter(([t]) => (seen[t] ?? -1) > 0)
      .map(([t, at]) => (seen[t] ?? at) - at);
    // The same delay from the receiver's own receipt time (server clock, before the 2xx): not
    // skewed when the load generator in this process is starved and sees its 2xx late.
    const received = new Map<string, number>();
    let cursor: string | null = null;
    do {
      const url = new URL('/api/captures', serve.uiUrl);
      url.searchParams.set('limit', '1000');
      if (cursor) url.searchParams.set('cursor', cursor);
      const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      const pageOf = (await res.json()) as {
        items: { taskId: string | null; receivedAt: number }[];
        nextCursor: string | null;
      };
      for (const c of pageOf.items)
        if (c.taskId?.startsWith('live-')) received.set(c.taskId, c.receivedAt);
      cursor = received.size < acked.size ? pageOf.nextCursor : null;
    } while (cursor);
    const fromReceipt = [...received]
      .filter(([t]) => (seen[t] ?? -1) > 0)
      .map(([t, at]) => (seen[t] ?? at) - at);
    const heapMb = await page.evaluate(() => {
      const m = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
      return m ? Math.round(m.usedJSHeapSize / 1048576) : -1;
    });
    const scrollP95 = pct(frames.deltas.slice(2), 95);
    const workP95 = pct(frames.work, 95);
    const paintP95 = pct(frames.paints, 95);
    const keyP95 = pct(keys.toPaint, 95);
    const keyIdleP95 = pct(keysIdle.toPaint, 95);
    const liveP95 = pct(delays, 95);
    return {
      name: 'ui',
      metrics: {
        'stored captures': STORED,
        'seed time ms': seedMs,
        'first render ms (goal < 1000)': firstRenderMs,
        'first row at performance.now() ms': Math.round(inPageFirstRow),
        'scroll frame p50 ms': r1(pct(frames.deltas.slice(2), 50)),
        'scroll frame p95 ms (goal < 20)': r1(scrollP95),
        'scroll frames': frames.deltas.length,
        'scroll renderer work p50 ms': r1(pct(frames.work, 50)),
        'scroll renderer work p95 ms (goal < 4)': r1(workP95),
        'scroll: renderer busy ms per frame (all main-thread work)': r1(
          scrollBusyMs / Math.max(1, busyFrames),
        ),
        'scroll event (traced) wall p50 / p95 ms': `${r1(pct(dispatch.wall, 50))} / ${r1(pct(dispatch.wall, 95))}`,
        'scroll event (traced) main-thread CPU p50 / p95 ms': `${r1(pct(dispatch.thread, 50))} / ${r1(pct(dispatch.thread, 95))}`,
        // Set in one frame's rAF, its scroll event runs in the next: at least a frame by design.
        'scroll step -> next paint p50 ms': r1(pct(frames.paints, 50)),
        'scroll step -> next paint p95 ms': r1(paintP95),
        'key input -> next paint p50 ms': r1(pct(keys.toPaint, 50)),
        'key input -> next paint p95 ms': r1(keyP95),
        'key input -> next paint p95 ms, no webhooks arriving (baseline)': r1(keyIdleP95),
        'key input p95: ms the live load adds (goal <= 4)': r1(keyP95 - keyIdleP95),
        'key input p95: live load / baseline': (keyP95 / keyIdleP95).toFixed(2),
        'key presses / painted / cursor moved': `${keys.presses} / ${keys.toPaint.length} / ${keys.cursorMoved}`,
        'rows scrolled': frames.scrolledRows,
        'top of list: renderer busy ms per live webhook': r1(topBusyMs / Math.max(1, topAcked)),
        'history: renderer busy ms per live webhook': r1(historyBusyMs / Math.max(1, historyAcked)),
        'history: rows scrolled, from 100, after the live rows': Math.round(historyRows),
        'row elements in DOM': frames.rowsInDom,
        'live 2xx acked': acked.size,
        'live rows seen': delays.length,
        'live delay p50 ms': r1(pct(delays, 50)),
        'live delay p95 ms (goal < 150)': r1(liveP95),
        'live delay max ms': r1(Math.max(...delays)),
        'receipt -> visible p50 ms': r1(pct(fromReceipt, 50)),
        'receipt -> visible p95 ms': r1(pct(fromReceipt, 95)),
        'renderer JS heap MB': heapMb,
        'webhook send failures': failures.length,
        'machine load avg (1 min) before/after': `${loadBefore.toFixed(1)}/${(loadavg()[0] ?? 0).toFixed(1)}`,
      },
      notes: `${failures.length ? `First send failure: ${failures[0]}. ` : ''}Chromium headless (${launch.executablePath ?? 'playwright default'}), ${RATE} webhooks/s signed HMAC, 2 shared cores. Goals met: first render ${firstRenderMs < 1000}, scroll ${scrollP95 < 20}, renderer work ${workP95 < 4}, key input to paint ${keyP95 - keyIdleP95 <= 4}, live ${liveP95 < 150}.`,
    };
  } finally {
    await browser.close();
    await serve.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
