// Paged timeline reads (electron/engine/a2a/timeline-page.ts, timeline-tail.ts) on a real
// SQLite store: pages are slices of the whole timeline with the segment and time before them,
// the first tail page of a changed timeline is answered partial (no findings) and equal to
// the full tail, the next ask is linted, and a new frame invalidates the cached build.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTimeline } from '../../../electron/engine/a2a/timeline';
import { timelineFor } from '../../../electron/engine/a2a/timeline-page';
import { createA2aWireRepo } from '../../../electron/engine/store/a2a-wire-repo';
import { openDatabase, type Db } from '../../../electron/engine/store/open-store';

const TASK = 't-paged';
const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function store(frames: number): { db: Db; wire: ReturnType<typeof createA2aWireRepo> } {
  const dir = mkdtempSync(join(tmpdir(), 'sb-tlpage-'));
  dirs.push(dir);
  const db = openDatabase(dir);
  const wire = createA2aWireRepo(db);
  const ex = wire.insertExchange({
    agentId: null,
    taskId: TASK,
    startedAt: 0,
    rpcMethod: 'message/stream',
    streamKind: 'send',
    protocolVersion: '0.3',
    method: 'POST',
    url: 'http://127.0.0.1:1/',
    requestHeaders: [],
    requestBody: '{}',
  });
  wire.finishExchange(ex, { status: 200, contentType: 'text/event-stream', streamEnd: 'open' });
  for (let i = 0; i < frames; i++)
    addFrame(wire, ex, 1000 + i * 10, i % 7 === 0 ? 'working' : null);
  // Two webhooks, one in the middle of the stream and one after it.
  const hook = db.prepare(
    `INSERT INTO captures (received_at, method, path, headers, body, size, task_id, verdict)
     VALUES (?, 'POST', '/webhook', '[]', ?, 2, ?, 'valid')`,
  );
  hook.run(1000 + Math.floor(frames / 2) * 10 + 5, Buffer.from('{}'), TASK);
  hook.run(1000 + frames * 10 + 5, Buffer.from('{}'), TASK);
  return { db, wire };
}

function addFrame(
  wire: ReturnType<typeof createA2aWireRepo>,
  exchangeId: number,
  at: number,
  state: 'working' | null,
): void {
  wire.insertFrame({
    exchangeId,
    taskId: TASK,
    at,
    raw: 'data: {}\n\n',
    event: null,
    data: '{}',
    kind: 'status-update',
    state,
    text: `p ${at}`,
    meta: JSON.stringify({ shape: 'v0.3', taskId: TASK, final: false }),
  });
}

describe('paged timeline', () => {
  it('answers slices of the whole timeline with what precedes them', () => {
    const { db, wire } = store(250);
    const whole = buildTimeline(db, wire, TASK);
    expect(timelineFor(db, wire, { taskId: TASK }).events).toEqual(whole.events);
    const page = timelineFor(db, wire, { taskId: TASK, limit: 100, cursor: '120' });
    expect(page.events).toEqual(whole.events.slice(120, 220));
    expect(page).toMatchObject({ total: 252, offset: 120, nextCursor: '220' });
    expect(page.counts).toEqual({ stream: 250, webhook: 2, findings: whole.findings.length });
    expect(page.before?.at).toBe(whole.events[119]?.at);
    expect(page.before?.segment).toBe('working');
    const last = timelineFor(db, wire, { taskId: TASK, limit: 100, cursor: '200' });
    expect(last.nextCursor).toBeNull();
    db.close();
  });

  it('first tail page of a changed timeline is partial and equals the linted tail', () => {
    const { db, wire } = store(300);
    const fast = timelineFor(db, wire, { taskId: TASK, limit: 50, cursor: 'tail' });
    expect(fast.partial).toBe(true);
    expect(fast.findings).toEqual([]);
    const full = timelineFor(db, wire, { taskId: TASK, limit: 50, cursor: 'tail' });
    expect(full.partial).toBeUndefined();
    const strip = (t: typeof full) => t.events.map(({ findings: _f, ...e }) => e);
    expect(strip(fast)).toEqual(strip(full));
    expect([fast.total, fast.offset, fast.before]).toEqual([full.total, full.offset, full.before]);
    expect(fast.counts?.stream).toBe(300);
    // A new frame changes the fingerprint: partial once more, then linted again.
    const ex = wire.exchanges({ taskId: TASK }, 1)[0]!.id;
    addFrame(wire, ex, 999_999, 'working');
    const again = timelineFor(db, wire, { taskId: TASK, limit: 50, cursor: 'tail' });
    expect(again).toMatchObject({ partial: true, total: 303 });
    expect(
      timelineFor(db, wire, { taskId: TASK, limit: 50, cursor: 'tail' }).partial,
    ).toBeUndefined();
    db.close();
  });
});
