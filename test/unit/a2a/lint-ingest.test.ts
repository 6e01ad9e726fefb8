// Lint at ingest equals a full re-lint (property): random streams of good and bad frames of
// both protocol versions, stored through frame-store.ts in random chunk sizes (batched inserts
// crossing the rows-per-statement boundary) on a real SQLite store. The findings stored as the
// frames arrived must equal lintStream over the raw `data` of the frames read back from the
// store (parsed from scratch, no stored parse), frame ids included.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintStream, type LintInput } from '../../../shared/a2a/lint';
import type { ProtocolVersion } from '../../../shared/a2a/types';
import { frameRow } from '../../../electron/engine/a2a/frame-record';
import { createFrameStore } from '../../../electron/engine/a2a/frame-store';
import { createA2aFindingsRepo } from '../../../electron/engine/store/a2a-findings-repo';
import { createA2aWireRepo } from '../../../electron/engine/store/a2a-wire-repo';
import { openDatabase } from '../../../electron/engine/store/open-store';

const dir = mkdtempSync(join(tmpdir(), 'sb-lint-ingest-'));
const db = openDatabase(dir);
const wire = createA2aWireRepo(db);
const findings = createA2aFindingsRepo(db);
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Deterministic PRNG (mulberry32), so a failure names its seed. */
function rng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ (t + Math.imul(t ^ (t >>> 14), 41 | t));
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const env = (result: unknown) => JSON.stringify({ jsonrpc: '2.0', id: 1, result });
const STATES_03 = ['submitted', 'working', 'input-required', 'completed', 'failed', 'canceled'];
const STATES_1 = STATES_03.map((s) => `TASK_STATE_${s.toUpperCase().replace('-', '_')}`);

function randomData(r: () => number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)] as T;
  const task = r() < 0.9 ? 't1' : 't2';
  const ctx = r() < 0.9 ? 'c1' : 'c2';
  switch (Math.floor(r() * 11)) {
    case 0:
      return env({ kind: 'task', id: task, contextId: ctx, status: { state: pick(STATES_03) } });
    case 1:
    case 2:
      return env({
        kind: 'status-update',
        taskId: task,
        contextId: ctx,
        status: { state: pick(STATES_03) },
        final: r() < 0.2,
      });
    case 3:
      return env({
        kind: 'artifact-update',
        taskId: task,
        contextId: ctx,
        artifact: { artifactId: pick(['a', 'b']), parts: [{ kind: 'text', text: 'x' }] },
        append: r() < 0.5,
        lastChunk: r() < 0.5,
      });
    case 4:
      return env({ task: { id: task, contextId: ctx, status: { state: pick(STATES_1) } } });
    case 5:
      return env({
        statusUpdate: { taskId: task, contextId: ctx, status: { state: pick(STATES_1) } },
      });
    case 6:
      return env({ kind: 'message', messageId: 'm', role: 'agent', parts: [], contextId: ctx });
    case 7:
      return JSON.stringify({ jsonrpc: '2.0', id: 1, error: { code: -32001, message: 'gone' } });
    case 8:
      return '{not json';
    case 9:
      return '{"hello":1}';
    default:
      return env({ something: 'else' });
  }
}

describe('lint at ingest', () => {
  it.each(Array.from({ length: 40 }, (_, i) => i + 1))(
    'equals a full re-lint (seed %i)',
    (seed) => {
      const r = rng(seed);
      const version: ProtocolVersion = r() < 0.5 ? '0.3' : '1.0';
      const method: LintInput['method'] = r() < 0.5 ? 'send' : 'subscribe';
      const contentType = r() < 0.9 ? 'text/event-stream; charset=utf-8' : 'application/json';
      const ended = (['complete', 'disconnected', 'error', 'open'] as const)[Math.floor(r() * 4)]!;
      const truncatedTail = r() < 0.2;
      const taskId = `t-${seed}`;
      const ex = wire.insertExchange({
        agentId: null,
        taskId,
        startedAt: 0,
        rpcMethod: 'message/stream',
        streamKind: method,
        protocolVersion: version,
        method: 'POST',
        url: 'http://127.0.0.1:1/',
        requestHeaders: [],
        requestBody: '{}',
      });
      const store = createFrameStore({ db, wire, findings }, ex, { version, method, contentType });
      const total = Math.floor(r() * 300);
      for (let i = 0; i < total; ) {
        const n = Math.min(total - i, 1 + Math.floor(r() * 150));
        const chunk = Array.from({ length: n }, () => {
          const data = randomData(r);
          return frameRow(ex, taskId, {
            raw: `data: ${data}\n\n`,
            at: i,
            message: { data, event: undefined, id: undefined },
          });
        });
        db.transaction(() => store.store(chunk))();
        i += n;
      }
      if (ended !== 'open') store.end(ended, truncatedTail);
      const stored = wire.framesOfExchange(ex);
      expect(stored).toHaveLength(total);
      const full = lintStream({
        version,
        method,
        contentType,
        frames: stored.map((f) => ({ id: f.id, data: f.data })),
        ended,
        truncatedTail: ended !== 'open' && truncatedTail,
      });
      expect(findings.ofTask(taskId)).toEqual(full);
    },
  );
});
