// Timeline with 100,000 stream events for one task (issue 6): frames seeded through the A2A
// repos (one agent, one task, one SSE exchange), browser mode in its own process, Debian
// Chromium via Playwright. Measures the engine's getTimeline (merge + lint of every frame), the
// UI's first render (task click → first timeline row) and frame intervals while scrolling
// (p95 of rAF deltas). Goals: first render < 2 s, scroll p95 < 20 ms.
import { chromium } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createA2aTasksRepo } from '../electron/engine/store/a2a-tasks-repo';
import { createA2aWireRepo } from '../electron/engine/store/a2a-wire-repo';
import { createAgentsRepo } from '../electron/engine/store/agents-repo';
import { openDatabase } from '../electron/engine/store/open-store';
import type { BenchResult } from './run';

const EVENTS = Number(process.env['BENCH_TIMELINE_EVENTS'] ?? 100_000);
const TASK = 'bench-task-100k';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function seedForProfile(dataDir: string): void {
  seed(dataDir);
}

function seed(dataDir: string): void {
  const db = openDatabase(dataDir);
  const agentId = createAgentsRepo(db).insert({
    baseUrl: 'http://127.0.0.1:1/',
    cardUrl: 'http://127.0.0.1:1/.well-known/agent-card.json',
    card: { name: 'Bench agent', description: '', version: '1', supportedInterfaces: [] },
    validation: { valid: true, cardVersion: '1.0', errors: [], warnings: [] },
    detectedVersion: '1.0',
    versionOverride: null,
    pushDialect: null,
    headers: {},
  });
  createA2aTasksRepo(db).ensure({
    taskId: TASK,
    agentId,
    contextId: 'c',
    protocolVersion: '1.0',
    push: null,
  });
  createA2aTasksRepo(db).setState(TASK, 'completed', 'done', undefined);
  const wire = createA2aWireRepo(db);
  const t0 = Date.now() - EVENTS * 10;
  db.transaction(() => {
    const ex = wire.insertExchange({
      agentId,
      taskId: TASK,
      startedAt: t0,
      rpcMethod: 'SendStreamingMessage',
      streamKind: 'send',
      protocolVersion: '1.0',
      method: 'POST',
      url: 'http://127.0.0.1:1/',
      requestHeaders: [],
      requestBody: '{}',
    });
    wire.finishExchange(ex, {
      status: 200,
      contentType: 'text/event-stream',
      streamEnd: 'complete',
    });
    for (let i = 0; i < EVENTS; i++) {
      const last = i === EVENTS - 1;
      const state = last ? 'TASK_STATE_COMPLETED' : 'TASK_STATE_WORKING';
      const result =
        i === 0
          ? { task: { id: TASK, contextId: 'c', status: { state } } }
          : {
              statusUpdate: {
                taskId: TASK,
                contextId: 'c',
                status: {
                  state,
                  message: { role: 'ROLE_AGENT', parts: [{ text: `progress ${i}` }] },
                },
              },
            };
      const data = JSON.stringify({ jsonrpc: '2.0', id: 1, result });
      wire.insertFrame({
        exchangeId: ex,
        taskId: TASK,
        at: t0 + i * 10,
        raw: `data: ${data}\n\n`,
        event: null,
        data,
        kind: i === 0 ? 'task' : 'status-update',
        state: last ? 'completed' : 'working',
        text: `progress ${i}`,
        meta: JSON.stringify({ shape: 'v1.0', taskId: TASK, contextId: 'c' }),
      });
    }
  })();
  db.close();
}

function startServe(dataDir: string, token: string): Promise<{ child: ChildProcess; ui: string }> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'electron/cli.ts',
      'serve',
      '--port',
      '0',
      '--receiver-port',
      '0',
      '--data-dir',
      dataDir,
      '--token',
      token,
      '--no-open',
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const ui = /Switchboard UI: (\S+)/.exec(out)?.[1];
      if (ui && /Receiver: /.test(out)) resolve({ child, ui });
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
};

export async function run(): Promise<BenchResult> {
  if (!existsSync('dist/renderer/index.html'))
    spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-tlbench-'));
  const token = randomBytes(16).toString('hex');
  seed(dataDir);
  const serve = await startServe(dataDir, token);
  const candidate = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
  const browser = await chromium.launch({
    ...(existsSync(candidate) ? { executablePath: candidate } : {}),
    args: ARGS,
  });
  try {
    const a0 = performance.now();
    const res = await fetch(new URL(`/api/tasks/${TASK}/timeline`, serve.ui), {
      headers: { authorization: `Bearer ${token}` },
    });
    const tl = (await res.json()) as { events: unknown[]; findings: unknown[] };
    const apiMs = performance.now() - a0;
    const page = await browser.newPage({ viewport: { width: 1360, height: 820 } });
    await page.addInitScript({ content: 'window.__name = (fn) => fn;' });
    await page.goto(serve.ui);
    await page.getByRole('button', { name: 'Agents', exact: true }).click();
    const taskButton = page.getByRole('button', { name: /bench-ta/ });
    await taskButton.waitFor();
    const t0 = Date.now();
    await taskButton.click();
    await page.waitForSelector('[data-testid=tl-row]');
    const firstRenderMs = Date.now() - t0;
    await page.getByRole('checkbox', { name: 'follow' }).uncheck();
    const deltas = await page.evaluate(async () => {
      const el = document.querySelector('[data-testid=timeline]') as HTMLElement;
      const out: number[] = [];
      let last = performance.now();
      const end = last + 3000;
      el.scrollTop = 0;
      while (performance.now() < end) {
        await new Promise((r) => requestAnimationFrame(r));
        const now = performance.now();
        out.push(now - last);
        last = now;
        el.scrollTop += 2400;
        if (el.scrollTop + el.clientHeight >= el.scrollHeight) el.scrollTop = 0;
      }
      return out;
    });
    const rows = await page.locator('[data-testid=tl-row]').count();
    return {
      name: 'timeline-100k',
      metrics: {
        events: tl.events.length,
        'getTimeline API ms': Math.round(apiMs),
        'first render ms (click → row)': firstRenderMs,
        'scroll frame p95 ms': Math.round(pct(deltas, 95) * 10) / 10,
        'scroll frame p50 ms': Math.round(pct(deltas, 50) * 10) / 10,
        'rows in DOM': rows,
        findings: tl.findings.length,
      },
      notes: 'Seeded frames, one task; scroll = 2400 px per animation frame for 3 s.',
    };
  } finally {
    await browser.close();
    serve.child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
