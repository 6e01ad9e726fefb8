// SSE ingest: events/s through Switchboard's A2A client (frame split + parse + normalize +
// lint + SQLite insert of every raw frame + task update + engine events out to the renderer)
// against a raw eventsource-parser loop (fetch + parse + JSON.parse, nothing stored) reading
// the same stream from the same server in the same run. The agent is a node:http SSE server
// in its own process writing N v1.0 status updates as fast as it can.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createParser } from 'eventsource-parser';
import { createAgentService } from '../electron/engine/a2a/agent-service';
import { createEngineContext, type EngineContext } from '../electron/engine/context';
import { DEFAULT_SETTINGS } from '../shared/model';
import { openDatabase } from '../electron/engine/store/open-store';
import { cpuBudgetUs, goalRatio } from './goals';
import type { BenchResult } from './run';
import { withCpu } from './stats';

const N = Number(process.env.SSE_BENCH_N ?? 20000);
// Alternating rounds, each figure its best: rounds of 20,000 events last 0.1-0.3 s and vary
// by a quarter between them on this shared machine.
const ROUNDS = Number(process.env.SSE_ROUNDS ?? 3);

const AGENT_SRC = `
const http = require('node:http');
const N = ${N};
const s = http.createServer((req, res) => {
  const base = 'http://127.0.0.1:' + s.address().port + '/';
  if (req.method === 'GET') {
    res.setHeader('content-type', 'application/json');
    return res.end(JSON.stringify({ name: 'bench', description: '', version: '1', capabilities: { streaming: true },
      defaultInputModes: [], defaultOutputModes: [], skills: [],
      supportedInterfaces: [{ url: base + 'rpc', protocolBinding: 'JSONRPC', protocolVersion: '1.0' }] }));
  }
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    const id = 't' + Math.random().toString(36).slice(2);
    const frame = (r) => 'data: ' + JSON.stringify({ jsonrpc: '2.0', id: 1, result: r }) + '\\n\\n';
    let out = frame({ task: { id, contextId: 'c', status: { state: 'TASK_STATE_WORKING' } } });
    for (let i = 0; i < N; i++) {
      out += frame({ statusUpdate: { taskId: id, contextId: 'c', status: { state: 'TASK_STATE_WORKING',
        message: { messageId: 'm' + i, role: 'ROLE_AGENT', parts: [{ text: 'progress ' + i }] } } } });
      if (out.length > 65536) { res.write(out); out = ''; }
    }
    out += frame({ statusUpdate: { taskId: id, contextId: 'c', status: { state: 'TASK_STATE_COMPLETED' } } });
    res.end(out);
  });
});
s.listen(0, '127.0.0.1', () => console.log(s.address().port));`;

function startAgent(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['-e', AGENT_SRC], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.once('data', (d: Buffer) =>
      resolve({ url: `http://127.0.0.1:${d.toString().trim()}/`, child }),
    );
    child.once('error', reject);
  });
}

async function rawLoop(url: string): Promise<{ events: number; ms: number }> {
  const t0 = performance.now();
  const res = await fetch(`${url}rpc`, { method: 'POST', body: '{}' });
  let events = 0;
  const parser = createParser({
    onEvent: (m) => {
      JSON.parse(m.data);
      events++;
    },
  });
  const decoder = new TextDecoder();
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>)
    parser.feed(decoder.decode(chunk, { stream: true }));
  return { events, ms: performance.now() - t0 };
}

/** The floor: the raw loop plus storing each chunk's frames as one multi-row insert of the same
 *  columns the client stores (raw text, kind, state, text), in a store of its own. */
async function floorLoop(url: string, dataDir: string): Promise<{ events: number; ms: number }> {
  const db = openDatabase(dataDir, () => {});
  const exchange = db
    .prepare(
      `INSERT INTO a2a_wire (started_at, method, url, request_headers, request_body) VALUES (?, 'POST', ?, '[]', '{}')`,
    )
    .run(Date.now(), url).lastInsertRowid;
  const cols = '(exchange_id, task_id, at, raw, event, data, kind, state, text, meta)';
  const statements = new Map<number, ReturnType<typeof db.prepare>>();
  const insert = (rows: unknown[][]) => {
    for (let i = 0; i < rows.length; i += 64) {
      const part = rows.slice(i, i + 64);
      let st = statements.get(part.length);
      if (!st) {
        const values = new Array<string>(part.length).fill('(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
        st = db.prepare(`INSERT INTO a2a_frames ${cols} VALUES ${values.join(', ')}`);
        statements.set(part.length, st);
      }
      st.run(part.flat());
    }
  };
  const t0 = performance.now();
  const res = await fetch(`${url}rpc`, { method: 'POST', body: '{}' });
  let events = 0;
  let rows: unknown[][] = [];
  const parser = createParser({
    onEvent: (m) => {
      const r = (
        JSON.parse(m.data) as {
          result: {
            statusUpdate?: {
              taskId: string;
              status: { state: string; message?: { parts?: { text?: string }[] } };
            };
          };
        }
      ).result;
      const u = r.statusUpdate;
      rows.push([
        exchange,
        u?.taskId ?? null,
        Date.now(),
        `data: ${m.data}\n\n`,
        null,
        null,
        'status-update',
        u?.status.state ?? null,
        u?.status.message?.parts?.[0]?.text ?? null,
        null,
      ]);
      events++;
    },
  });
  const decoder = new TextDecoder();
  const store = db.transaction(insert);
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    parser.feed(decoder.decode(chunk, { stream: true }));
    store(rows);
    rows = [];
  }
  const ms = performance.now() - t0;
  db.close();
  return { events, ms };
}

async function clientLoop(
  url: string,
  dataDir: string,
): Promise<{ events: number; emitted: number; batches: number; ms: number }> {
  const db = openDatabase(dataDir);
  const ended = new Map<string, () => void>();
  let emitted = 0;
  let batches = 0;
  const ctx: EngineContext = createEngineContext({
    db,
    dataDir,
    settings: { get: () => DEFAULT_SETTINGS, onChange: () => () => undefined },
    emit: (e) => {
      // The stream's end is the task event that says it no longer streams (awaited below,
      // instead of polling: a poll's period would be counted in the client's time).
      if (e.type === 'task' && !e.task.streaming) ended.get(e.task.taskId)?.();
      if (e.type !== 'timeline') return;
      batches++;
      emitted += e.events.length;
    },
    receiverUrl: () => 'http://127.0.0.1:9',
  });
  const svc = createAgentService(ctx);
  const agent = await svc.handlers.addAgent({ url });
  const t0 = performance.now();
  const { taskId } = await svc.handlers.sendMessage({
    id: agent.id,
    text: 'go',
    stream: true,
    push: false,
  });
  const end = new Promise<void>((r) => ended.set(taskId!, r));
  if ((await svc.handlers.getTask({ taskId: taskId! })).streaming) await end;
  const ms = performance.now() - t0;
  const events = (
    db.prepare('SELECT COUNT(*) AS n FROM a2a_frames WHERE task_id = ?').get(taskId) as {
      n: number;
    }
  ).n;
  await svc.stop();
  db.close();
  return { events, emitted, batches, ms };
}

export async function run(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-bench-sse-'));
  const dirs = [dataDir];
  const floorDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-sse-floor-'));
    dirs.push(dir);
    return dir;
  };
  const agent = await startAgent();
  try {
    // Each path once to warm it (JIT, SQLite pages): a first client run reads a third slower
    // than the next ones, and only the raw loop used to get a warm-up.
    await rawLoop(agent.url);
    await clientLoop(agent.url, dataDir);
    await floorLoop(agent.url, floorDir());
    // CPU time of this process too: a figure the other processes on the machine do not skew.
    const timed = async <T extends { events: number; ms: number }>(f: () => Promise<T>) => {
      const { value: out, cpuUs } = await withCpu(f);
      return { out, rate: out.events / (out.ms / 1000), cpuUs: cpuUs / out.events };
    };
    const round = async () => ({
      raw: await timed(() => rawLoop(agent.url)),
      client: await timed(() => clientLoop(agent.url, dataDir)),
      floor: await timed(() => floorLoop(agent.url, floorDir())),
    });
    const rounds: Awaited<ReturnType<typeof round>>[] = [];
    for (let i = 0; i < ROUNDS; i++) rounds.push(await round());
    type Path = 'raw' | 'client' | 'floor';
    const best = (k: Path) => Math.max(...rounds.map((r) => r[k].rate));
    const leastCpu = (k: Path) => Math.min(...rounds.map((r) => r[k].cpuUs));
    const last = rounds.at(-1)!.client.out;
    const [rawRate, clientRate, floorRate] = [best('raw'), best('client'), best('floor')];
    return {
      name: 'sse-ingest',
      metrics: {
        events: N + 2,
        rounds: ROUNDS,
        'raw eventsource-parser events/s (best)': Math.round(rawRate),
        'client into SQLite events/s (best)': Math.round(clientRate),
        'client / raw ratio (goal >= 0.6)': Number((clientRate / rawRate).toFixed(3)),
        'client / raw ratio, CPU time per event': Number(
          (leastCpu('raw') / leastCpu('client')).toFixed(3),
        ),
        'floor (raw loop + the same rows stored per chunk) events/s (best)': Math.round(floorRate),
        'floor / raw ratio': Number((floorRate / rawRate).toFixed(3)),
        'client / floor ratio': Number((clientRate / floorRate).toFixed(3)),
        'raw / client / floor CPU µs per event (least)': (['raw', 'client', 'floor'] as const)
          .map((k) => leastCpu(k).toFixed(2))
          .join(' / '),
        // The whole client runs on the engine's one thread, as the stream comes in.
        'CPU µs per event the goal leaves (one thread)': Number(
          cpuBudgetUs({
            cores: 1,
            baselinePerSec: rawRate,
            ratio: goalRatio('sse-ingest', 'client / raw ratio'),
            othersUs: 0,
          }).toFixed(2),
        ),
        'client / raw ratio per round': rounds
          .map((r) => (r.client.rate / r.raw.rate).toFixed(2))
          .join(' '),
        'frames stored (last round)': last.events,
        'timeline rows emitted (last round)': last.emitted,
        'timeline events (one per stored chunk, last round)': last.batches,
      },
      notes:
        'Client path: split + parse + normalize + lint + one batched insert of the raw frames and their findings per chunk + task update + one timeline event per chunk. Each path warmed once, then alternating rounds; each figure is its best round.',
    };
  } finally {
    agent.child.kill();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}
