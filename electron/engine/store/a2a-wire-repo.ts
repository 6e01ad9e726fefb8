// Wire log: one a2a_wire row per HTTP or gRPC exchange with an agent (request and response
// headers and bodies; `grpc` adds a gRPC call's path, bytes, status and trailers), and one
// a2a_frames row per SSE frame (or gRPC stream message) with its raw text and arrival time. Frames
// that arrive before the task id is known get it backfilled by `assignTask`. A chunk of frames is
// one multi-row INSERT; a frame's `data` is not stored a second time when it is the frame's one
// `data:` line (read back from `raw`).
import type { GrpcWireInfo } from '../../../shared/api/agents';
import type { HeaderPair } from '../../../shared/model';
import type { Transport } from '../../../shared/a2a/transports';
import { TASK_STATES, type StreamEventKind, type TaskState } from '../../../shared/a2a/types';
import type { Db } from './open-store';
import { repeatJoined, statementsByCount, statementsBySql } from './kept-statements';

export interface NewExchange {
  agentId: number | null;
  taskId: string | null;
  startedAt: number;
  rpcMethod: string | null;
  streamKind: 'send' | 'subscribe' | null;
  protocolVersion: string | null;
  method: string;
  url: string;
  requestHeaders: HeaderPair[];
  requestBody: string;
  /** The binding it went over; absent = JSON-RPC (and card fetches). */
  transport?: Transport | null;
  /** gRPC exchanges only (migration 10). */
  grpc?: GrpcWireInfo | null;
}

export interface ExchangeResult {
  status?: number | null;
  responseHeaders?: HeaderPair[];
  responseBody?: string;
  contentType?: string | null;
  durationMs?: number;
  error?: string | null;
  streamEnd?: 'open' | 'complete' | 'disconnected' | 'error';
  truncatedTail?: boolean;
  grpc?: GrpcWireInfo;
}

export interface ExchangeRow extends NewExchange {
  id: number;
  transport: Transport | null;
  durationMs: number | null;
  status: number | null;
  responseHeaders: HeaderPair[];
  responseBody: string;
  contentType: string | null;
  streamEnd: 'open' | 'complete' | 'disconnected' | 'error' | null;
  truncatedTail: boolean;
  error: string | null;
  frameCount: number;
  grpc: GrpcWireInfo | null;
}

export interface NewFrame {
  exchangeId: number;
  taskId: string | null;
  at: number;
  raw: string;
  event: string | null;
  data: string | null;
  kind: StreamEventKind | null;
  state: TaskState | null;
  text: string | null;
  meta: string | null;
}

export interface FrameRow extends NewFrame {
  id: number;
}

/** What the timeline needs of a frame (no raw text, no data). */
export type TimelineFrameRow = Pick<
  FrameRow,
  'id' | 'exchangeId' | 'at' | 'event' | 'kind' | 'state' | 'text' | 'meta'
>;

const FRAME_COLUMNS = '(exchange_id, task_id, at, raw, event, data, kind, state, text, meta)';
/** Rows per INSERT statement (SQLite allows 32766 bound values; 10 per row). */
const ROWS_PER_INSERT = 64;
const ONE_DATA_LINE = /^data: ?([^\r\n]+)\n\n$/;

/** `data` as stored: null when `raw` is exactly its one `data:` line (derived on read). */
function storedData(f: NewFrame): string | null {
  if (f.data === null || f.event === 'rpc-response') return f.data;
  return f.raw === `data: ${f.data}\n\n` && !/[\r\n]/.test(f.data) ? null : f.data;
}

/** The frame's `data` field: the stored one, else its one `data:` line. */
function frameData(r: { raw: string; data: string | null; event: string | null }): string | null {
  if (r.data !== null || r.event === 'rpc-response') return r.data;
  return ONE_DATA_LINE.exec(r.raw)?.[1] ?? null;
}

/** The last frame of one state of a task: a probe of a2a_frames_task_state (migration 14),
 *  never a read of the task's other frames. */
export const LAST_FRAME_OF_STATE = 'SELECT max(id) FROM a2a_frames WHERE task_id = ? AND state = ?';

const EXCHANGE_SQL = `SELECT w.*, (SELECT COUNT(*) FROM a2a_frames f WHERE f.exchange_id = w.id) AS frame_count FROM a2a_wire w`;

export function createA2aWireRepo(db: Db) {
  const insertEx =
    db.prepare(`INSERT INTO a2a_wire (agent_id, task_id, started_at, rpc_method, stream_kind,
    protocol_version, method, url, request_headers, request_body, transport, grpc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insertStatement = statementsByCount(
    db,
    (rows) =>
      `INSERT INTO a2a_frames ${FRAME_COLUMNS} VALUES ${repeatJoined('(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', rows)}`,
    ROWS_PER_INSERT,
  );
  const lastOfState = db.prepare(LAST_FRAME_OF_STATE).pluck();
  // finishExchange sets the columns it was given, exchanges() has optional filters: a handful of
  // shapes of SQL each in practice.
  const finishStatement = statementsBySql(db, 64);
  const exchangesStatement = statementsBySql(db, 8);
  const lintOfEx =
    db.prepare(`SELECT id, exchange_id AS exchangeId, at, event, kind, state, text, meta
    FROM a2a_frames WHERE exchange_id = ? ORDER BY id`);
  const assignEx = db.prepare('UPDATE a2a_wire SET task_id = ? WHERE id = ? AND task_id IS NULL');
  const assignFrames = db.prepare(
    'UPDATE a2a_frames SET task_id = ? WHERE exchange_id = ? AND task_id IS NULL',
  );
  const byId = db.prepare(`${EXCHANGE_SQL} WHERE w.id = ?`);
  const framesOfEx = db.prepare('SELECT * FROM a2a_frames WHERE exchange_id = ? ORDER BY id');
  const framesOfTask = db.prepare('SELECT * FROM a2a_frames WHERE task_id = ? ORDER BY id');
  const timelineOfTask =
    db.prepare(`SELECT id, exchange_id AS exchangeId, at, event, kind, state, text, meta
    FROM a2a_frames WHERE task_id = ? ORDER BY id`);

  const tailOfTask =
    db.prepare(`SELECT id, exchange_id AS exchangeId, at, event, kind, state, text, meta
    FROM a2a_frames WHERE task_id = ? ORDER BY id DESC LIMIT ?`);
  const frameBefore = db.prepare(
    'SELECT at FROM a2a_frames WHERE task_id = ? AND id < ? ORDER BY id DESC LIMIT 1',
  );
  const countOfTask = db.prepare('SELECT count(*) AS n FROM a2a_frames WHERE task_id = ?');
  const stateBefore = db.prepare(
    'SELECT state FROM a2a_frames WHERE task_id = ? AND id < ? AND state IS NOT NULL ORDER BY id DESC LIMIT 1',
  );

  /** Stores frames in order, ROWS_PER_INSERT to a statement; returns their ids. Call inside a
   *  transaction for one commit (the ids of one statement are consecutive). */
  const insertFrames = (frames: NewFrame[]): number[] => {
    const ids: number[] = [];
    for (let at = 0; at < frames.length; at += ROWS_PER_INSERT) {
      const group = frames.slice(at, at + ROWS_PER_INSERT);
      const args: (string | number | null)[] = [];
      for (const f of group)
        args.push(
          f.exchangeId,
          f.taskId,
          f.at,
          f.raw,
          f.event,
          storedData(f),
          f.kind,
          f.state,
          f.text,
          f.meta,
        );
      const last = Number(insertStatement(group.length).run(args).lastInsertRowid);
      for (let i = group.length - 1; i >= 0; i--) ids.push(last - i);
    }
    return ids;
  };

  return {
    insertExchange(e: NewExchange): number {
      return Number(
        insertEx.run(
          e.agentId,
          e.taskId,
          e.startedAt,
          e.rpcMethod,
          e.streamKind,
          e.protocolVersion,
          e.method,
          e.url,
          JSON.stringify(e.requestHeaders),
          e.requestBody,
          e.transport ?? null,
          e.grpc ? JSON.stringify(e.grpc) : null,
        ).lastInsertRowid,
      );
    },
    finishExchange(id: number, r: ExchangeResult): void {
      const sets: string[] = [];
      const vals: (string | number | null)[] = [];
      const put = (col: string, v: string | number | null) => (
        sets.push(`${col} = ?`),
        vals.push(v)
      );
      if (r.status !== undefined) put('status', r.status);
      if (r.responseHeaders) put('response_headers', JSON.stringify(r.responseHeaders));
      if (r.responseBody !== undefined) put('response_body', r.responseBody);
      if (r.contentType !== undefined) put('content_type', r.contentType);
      if (r.durationMs !== undefined) put('duration_ms', r.durationMs);
      if (r.error !== undefined) put('error', r.error);
      if (r.streamEnd) put('stream_end', r.streamEnd);
      if (r.truncatedTail !== undefined) put('truncated_tail', r.truncatedTail ? 1 : 0);
      if (r.grpc) put('grpc', JSON.stringify(r.grpc));
      if (sets.length)
        finishStatement(`UPDATE a2a_wire SET ${sets.join(', ')} WHERE id = ?`).run(...vals, id);
    },
    assignTask(exchangeId: number, taskId: string): void {
      assignEx.run(taskId, exchangeId);
      assignFrames.run(taskId, exchangeId);
    },
    insertFrames,
    insertFrame(f: NewFrame): number {
      return insertFrames([f])[0] as number;
    },
    /** Light rows of one exchange (linting an exchange stored before lint at ingest). */
    lintFrames(exchangeId: number): TimelineFrameRow[] {
      return lintOfEx.all(exchangeId) as TimelineFrameRow[];
    },
    /** Every state the task's frames showed, with the last frame showing it, in frame order. */
    statePoints(taskId: string): { state: TaskState; frameId: number }[] {
      // Stored states are normalized to TASK_STATES (normalizeState), so one probe per state
      // finds them all.
      const points: { state: TaskState; frameId: number }[] = [];
      for (const state of TASK_STATES) {
        const frameId = lastOfState.get(taskId, state) as number | null;
        if (frameId !== null) points.push({ state, frameId });
      }
      return points.sort((a, b) => a.frameId - b.frameId);
    },
    exchange(id: number): ExchangeRow | null {
      const r = byId.get(id) as RawEx | undefined;
      return r ? toExchange(r) : null;
    },
    exchanges(
      filter: { taskId?: string | undefined; agentId?: number | undefined; plain?: boolean },
      limit: number,
    ): ExchangeRow[] {
      const where: string[] = filter.plain ? ['w.stream_kind IS NULL'] : [];
      const vals: (string | number)[] = [];
      if (filter.taskId) {
        where.push('w.task_id = ?');
        vals.push(filter.taskId);
      }
      if (filter.agentId) {
        where.push('w.agent_id = ?');
        vals.push(filter.agentId);
      }
      const sql = `${EXCHANGE_SQL} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY w.id LIMIT ?`;
      return (exchangesStatement(sql).all(...vals, limit) as RawEx[]).map(toExchange);
    },
    framesOfExchange(exchangeId: number): FrameRow[] {
      return (framesOfEx.all(exchangeId) as RawFrame[]).map(toFrame);
    },
    /** Light rows for the timeline: one query, no raw text or data. */
    timelineFrames(taskId: string): TimelineFrameRow[] {
      return timelineOfTask.all(taskId) as TimelineFrameRow[];
    },
    /** The last `limit` light rows of a task, in id order (a timeline's first page). */
    timelineTail(taskId: string, limit: number): TimelineFrameRow[] {
      return (tailOfTask.all(taskId, limit) as TimelineFrameRow[]).reverse();
    },
    /** Arrival time of the task's frame just before frame `id`. */
    timelineBefore(taskId: string, id: number): { at: number } | undefined {
      return frameBefore.get(taskId, id) as { at: number } | undefined;
    },
    frameCount(taskId: string): number {
      return (countOfTask.get(taskId) as { n: number }).n;
    },
    /** Last stream state of the task before frame `id` (walks back the task's frame index). */
    stateBefore(taskId: string, id: number): TaskState | null {
      return (stateBefore.get(taskId, id) as { state: TaskState } | undefined)?.state ?? null;
    },
    framesOfTask(taskId: string): FrameRow[] {
      return (framesOfTask.all(taskId) as RawFrame[]).map(toFrame);
    },
  };
}

export type A2aWireRepo = ReturnType<typeof createA2aWireRepo>;

interface RawEx {
  id: number;
  agent_id: number | null;
  task_id: string | null;
  started_at: number;
  duration_ms: number | null;
  rpc_method: string | null;
  stream_kind: 'send' | 'subscribe' | null;
  protocol_version: string | null;
  transport: Transport | null;
  method: string;
  url: string;
  request_headers: string;
  request_body: string;
  status: number | null;
  response_headers: string;
  response_body: string;
  content_type: string | null;
  stream_end: ExchangeRow['streamEnd'];
  truncated_tail: number;
  error: string | null;
  frame_count: number;
  grpc: string | null;
}

interface RawFrame {
  id: number;
  exchange_id: number;
  task_id: string | null;
  at: number;
  raw: string;
  event: string | null;
  data: string | null;
  kind: StreamEventKind | null;
  state: TaskState | null;
  text: string | null;
  meta: string | null;
}

function toExchange(r: RawEx): ExchangeRow {
  return {
    id: r.id,
    agentId: r.agent_id,
    taskId: r.task_id,
    startedAt: r.started_at,
    durationMs: r.duration_ms,
    rpcMethod: r.rpc_method,
    streamKind: r.stream_kind,
    protocolVersion: r.protocol_version,
    transport: r.transport,
    method: r.method,
    url: r.url,
    requestHeaders: JSON.parse(r.request_headers) as HeaderPair[],
    requestBody: r.request_body,
    status: r.status,
    responseHeaders: JSON.parse(r.response_headers) as HeaderPair[],
    responseBody: r.response_body,
    contentType: r.content_type,
    streamEnd: r.stream_end,
    truncatedTail: r.truncated_tail === 1,
    error: r.error,
    frameCount: r.frame_count,
    grpc: r.grpc ? (JSON.parse(r.grpc) as GrpcWireInfo) : null,
  };
}

function toFrame(r: RawFrame): FrameRow {
  return {
    id: r.id,
    exchangeId: r.exchange_id,
    taskId: r.task_id,
    at: r.at,
    raw: r.raw,
    event: r.event,
    data: frameData(r),
    kind: r.kind,
    state: r.state,
    text: r.text,
    meta: r.meta,
  };
}
