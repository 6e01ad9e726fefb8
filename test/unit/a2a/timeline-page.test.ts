// Paged timeline reads (electron/engine/a2a/timeline-page.ts, timeline-tail.ts) on a real
// SQLite store: pages are slices of the whole timeline with the segment and time before them,
// the tail page (read from the last frames and the findings stored at ingest) equals the full
// build's tail with its findings, and a new frame shows on the next read.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { frameRow } from '../../../electron/engine/a2a/frame-record';
import { createFrameStore } from '../../../electron/engine/a2a/frame-store';
import { buildTimeline, type TimelineDeps } from '../../../electron/engine/a2a/timeline';
import { createTimelineReader } from '../../../electron/engine/a2a/timeline-page';
import { createA2aFindingsRepo } from '../../../electron/engine/store/a2a-findings-repo';
import { createA2aWireRepo } from '../../../electron/engine/store/a2a-wire-repo';
import { createCapturesRepo } from '../../../electron/engine/store/captures-repo';
import { openDatabase } from '../../../electron/engine/store/open-store';

const TASK = 't-paged';
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function envelope(i: number, state: string | null): string {
  const result: Record<string, unknown> = {
    kind: 'status-update',
    taskId: TASK,
    contextId: 'c',
    final: false,
    status: { state: state ?? 'working', message: { parts: [{ kind: 'text', text: `p ${i}` }] } },
  };
  // Every 50th frame names another task: a finding on that frame.
  if (i % 50 === 49) result['taskId'] = 'other';
  return JSON.stringify({ jsonrpc: '2.0', id: 1, result });
}

/** A streamed message/stream exchange of `taskId` (null: not known yet). */
function streamExchange(taskId: string | null) {
  return {
    agentId: null,
    taskId,
    startedAt: 0,
    rpcMethod: 'message/stream',
    streamKind: 'send' as const,
    protocolVersion: '0.3' as const,
    method: 'POST',
    url: 'http://127.0.0.1:1/',
    requestHeaders: [],
    requestBody: '{}',
  };
}

function store(frames: number) {
  const dir = mkdtempSync(join(tmpdir(), 'sb-tlpage-'));
  dirs.push(dir);
  const db = openDatabase(dir);
  const wire = createA2aWireRepo(db);
  const deps: TimelineDeps = {
    db,
    wire,
    findings: createA2aFindingsRepo(db),
    captures: createCapturesRepo(db),
  };
  const ex = wire.insertExchange(streamExchange(TASK));
  wire.finishExchange(ex, { status: 200, contentType: 'text/event-stream', streamEnd: 'open' });
  const fs = createFrameStore(deps, ex, {
    version: '0.3',
    method: 'send',
    contentType: 'text/event-stream',
  });
  const add = (from: number, to: number) =>
    db.transaction(() =>
      fs.store(
        Array.from({ length: to - from }, (_, k) => {
          const i = from + k;
          const data = envelope(i, i % 7 === 0 ? 'working' : null);
          return frameRow(ex, TASK, {
            raw: `data: ${data}\n\n`,
            at: 1000 + i * 10,
            message: { data, event: undefined, id: undefined },
          });
        }),
      ),
    )();
  add(0, frames);
  // Two webhooks, one in the middle of the stream and one after it.
  const hook = db.prepare(
    `INSERT INTO captures (received_at, method, path, headers, body, size, task_id, verdict)
     VALUES (?, 'POST', '/webhook', '[]', ?, 2, ?, 'valid')`,
  );
  hook.run(1000 + Math.floor(frames / 2) * 10 + 5, Buffer.from('{}'), TASK);
  hook.run(1000 + frames * 10 + 5, Buffer.from('{}'), TASK);
  return { db, deps, add, envelope };
}

describe('paged timeline', () => {
  it('answers slices of the whole timeline with what precedes them', () => {
    const { db, deps } = store(250);
    const timelineFor = createTimelineReader(deps);
    const whole = buildTimeline(deps, TASK);
    expect(whole.findings.map((f) => f.rule)).toEqual(Array(5).fill('task-id-mismatch'));
    expect(timelineFor({ taskId: TASK }).events).toEqual(whole.events);
    const page = timelineFor({ taskId: TASK, limit: 100, cursor: '120' });
    expect(page.events).toEqual(whole.events.slice(120, 220));
    expect(page).toMatchObject({ total: 252, offset: 120, nextCursor: '220' });
    expect(page.counts).toEqual({ stream: 250, webhook: 2, findings: 5 });
    expect(page.before?.at).toBe(whole.events[119]?.at);
    expect(page.before?.segment).toBe('working');
    const last = timelineFor({ taskId: TASK, limit: 100, cursor: '200' });
    expect(last.nextCursor).toBeNull();
    db.close();
  });

  it('answers the tail linted, equal to the whole timeline’s tail, and new frames at once', () => {
    const { db, deps, add } = store(300);
    const timelineFor = createTimelineReader(deps);
    const tail = timelineFor({ taskId: TASK, limit: 50, cursor: 'tail' });
    const whole = buildTimeline(deps, TASK);
    expect(tail.events).toEqual(whole.events.slice(-50));
    expect(tail.events.filter((e) => e.findings).length).toBe(1);
    expect(tail.findings.map((f) => f.frameId)).toEqual(
      tail.events.flatMap((e) => (e.findings ?? []).map((f) => f.frameId)),
    );
    expect([tail.total, tail.offset]).toEqual([302, 252]);
    expect(tail.before?.at).toBe(whole.events[251]?.at);
    expect(tail.counts).toEqual({ stream: 300, webhook: 2, findings: 6 });
    add(300, 303);
    const again = timelineFor({ taskId: TASK, limit: 50, cursor: 'tail' });
    expect(again.total).toBe(305);
    expect(again.events).toEqual(buildTimeline(deps, TASK).events.slice(-50));
    db.close();
  });

  it("rebuilds a cached timeline whenever the task's frames change, wherever they are", () => {
    const { db, deps, add } = store(120);
    const timelineFor = createTimelineReader(deps);
    const total = () => timelineFor({ taskId: TASK, limit: 10, cursor: '0' }).total;
    expect(total()).toBe(122);
    add(120, 125);
    expect(total()).toBe(127);
    // A stream whose task id was learned after its first frames arrived...
    const late = deps.wire.insertExchange(streamExchange(null));
    const data = envelope(0, 'working');
    db.transaction(() =>
      deps.wire.insertFrames(
        [0, 1, 2].map((k) => ({
          // Stored before the stream named its task (the row's task id is filled in later).
          ...frameRow(late, null, {
            raw: `data: ${data}\n\n`,
            at: 5000 + k,
            message: { data, event: undefined, id: undefined },
          }).row,
          taskId: null,
        })),
      ),
    )();
    // ... while the task's own stream went on (its newest frame stays the task's last).
    add(125, 128);
    expect(total()).toBe(130);
    deps.wire.assignTask(late, TASK);
    expect(total()).toBe(133);
    // That stream deleted (retention, or its agent removed): its frames go with it.
    db.prepare('DELETE FROM a2a_wire WHERE id = ?').run(late);
    expect(total()).toBe(130);
    expect(timelineFor({ taskId: TASK }).events).toEqual(buildTimeline(deps, TASK).events);
    db.close();
  });
});
