// A task's stream state points (the last frame of each state, linted against every arriving
// webhook) on a real store: right across tasks and frames without a state, and found by one
// index probe per state, never by reading the task's frames (migration 14).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { TaskState } from '../../shared/a2a/types';
import {
  createA2aWireRepo,
  LAST_FRAME_OF_STATE,
  type NewFrame,
} from '../../electron/engine/store/a2a-wire-repo';
import { openDatabase, type Db } from '../../electron/engine/store/open-store';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-state-points-'));
  db = openDatabase(dir, () => {});
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function stream(taskId: string, states: (TaskState | null)[]): number[] {
  const wire = createA2aWireRepo(db);
  const exchangeId = wire.insertExchange({
    agentId: null,
    taskId,
    startedAt: 1,
    rpcMethod: 'message/stream',
    streamKind: 'send',
    protocolVersion: '0.3',
    method: 'POST',
    url: 'http://127.0.0.1:1/rpc',
    requestHeaders: [],
    requestBody: '{}',
  });
  const frames: NewFrame[] = states.map((state, i) => ({
    exchangeId,
    taskId,
    at: i,
    raw: `data: {"n":${i}}\n\n`,
    event: null,
    data: `{"n":${i}}`,
    kind: state ? 'status-update' : 'artifact-update',
    state,
    text: null,
    meta: null,
  }));
  return db.transaction(() => wire.insertFrames(frames))();
}

it('gives the last frame of each state the task showed, in frame order', () => {
  const ids = stream('t1', [
    'submitted',
    'working',
    null,
    'working',
    'input-required',
    'working',
    null,
    'completed',
  ]);
  stream('t2', ['working', 'failed']);
  const points = createA2aWireRepo(db).statePoints('t1');
  expect(points).toEqual([
    { state: 'submitted', frameId: ids[0] },
    { state: 'input-required', frameId: ids[4] },
    { state: 'working', frameId: ids[5] },
    { state: 'completed', frameId: ids[7] },
  ]);
  expect(
    createA2aWireRepo(db)
      .statePoints('t2')
      .map((p) => p.state),
  ).toEqual(['working', 'failed']);
  expect(createA2aWireRepo(db).statePoints('no-such-task')).toEqual([]);
});

it('keeps an agent state Switchboard does not know as "unknown"', () => {
  const ids = stream('t3', ['working', 'unknown']);
  expect(createA2aWireRepo(db).statePoints('t3')).toEqual([
    { state: 'working', frameId: ids[0] },
    { state: 'unknown', frameId: ids[1] },
  ]);
});

it("finds each state by an index probe, not by reading the task's frames", () => {
  const plan = db.prepare(`EXPLAIN QUERY PLAN ${LAST_FRAME_OF_STATE}`).all('t', 'working') as {
    detail: string;
  }[];
  expect(plan.map((p) => p.detail)).toEqual([
    'SEARCH a2a_frames USING COVERING INDEX a2a_frames_task_state (task_id=? AND state=?)',
  ]);
});
