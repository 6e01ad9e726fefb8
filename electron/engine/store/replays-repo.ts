// Replays table (+ handler reports and recent targets): every replay is stored with exactly what
// was written on the wire and what came back, linked to its capture. Synchronous (better-sqlite3).
import type { HeaderPair } from '../../../shared/model';
import type {
  AttackName,
  HandlerReport,
  ReplayChange,
  ReplayMode,
  ReplayResult,
  ReplaySummary,
} from '../../../shared/api/replay';
import type { Db } from './open-store';
import { repeatJoined, statementsByCount } from './kept-statements';

/** The parts of a capture a bulk replay needs, loaded many at a time. */
export interface ReplaySourceRow {
  detail: {
    id: number;
    method: string;
    path: string;
    query: string;
    headers: HeaderPair[];
    receivedAt: number;
  };
  body: Uint8Array;
}

export interface NewReplay {
  captureId: number;
  createdAt: number;
  targetUrl: string;
  mode: ReplayMode;
  attack: AttackName | null;
  groupId: string | null;
  sent: {
    method: string;
    url: string;
    headers: HeaderPair[];
    body: Uint8Array;
    sha256: string;
    /** The body sent is the capture's own bytes: stored as a reference, not a copy. */
    bodyIsCapture?: boolean;
  };
  changes: ReplayChange[];
  related: number[];
  response: {
    status: number | null;
    headers: HeaderPair[];
    body: Uint8Array;
    truncated: boolean;
    latencyMs: number;
    error: string | null;
  };
}

interface Row {
  id: number;
  capture_id: number;
  created_at: number;
  target_url: string;
  mode: ReplayMode;
  attack: AttackName | null;
  sent_method: string;
  sent_url: string;
  sent_headers: string;
  sent_body: Buffer;
  sent_body_ref: number;
  /** The sent body's size, also for a body stored as a reference to the capture's. */
  sent_size: number;
  sent_sha256: string;
  changes: string;
  related: string;
  response_status: number | null;
  response_headers: string;
  response_body: Buffer | null;
  response_truncated: number;
  latency_ms: number;
  error: string | null;
}

/** How many recent targets are remembered. */
const MAX_TARGETS = 20;
const decoder = new TextDecoder('utf-8', { fatal: false });
const EMPTY = Buffer.alloc(0);

/** A capture's replay inputs as SQLite returns them (the columns `sources` selects, in order),
 *  decoded by `readSource` only when the capture is replayed. */
export type SourceColumns = [number, string, string, string, string, Buffer, number];

/** A read-ahead row as bulk replay uses it, decoded when its capture is replayed. Why not when
 *  read: in most processes V8 pretenured the decoded rows waiting in the read-ahead (allocated
 *  them in the old generation), and every young collection then kept their parsed headers alive,
 *  about 5 MB each time (docs/performance.md, fourteenth session). SQLite's rows are not. */
export function readSource([
  id,
  method,
  path,
  query,
  headers,
  body,
  receivedAt,
]: SourceColumns): ReplaySourceRow {
  return {
    detail: { id, method, path, query, headers: JSON.parse(headers) as HeaderPair[], receivedAt },
    body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
  };
}

function toBuffer(b: Uint8Array): Buffer {
  return Buffer.from(b.buffer, b.byteOffset, b.byteLength);
}

export function createReplaysRepo(db: Db) {
  // Bulk runs read ahead in chunks of one size (and one last, shorter chunk): one statement each.
  const sourcesOf = statementsByCount<number[]>(
    db,
    (count) => `SELECT id, method, path, query, headers, body, received_at FROM captures
      WHERE id IN (${repeatJoined('?', count)})`,
    8,
  );
  const insert = db.prepare(`INSERT INTO replays (capture_id, created_at, target_url, mode, attack,
    group_id, sent_method, sent_url, sent_headers, sent_body, sent_body_ref, sent_sha256, changes,
    related, response_status, response_headers, response_body, response_truncated, latency_ms,
    error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  // An exact replay's sent body is read from its capture (sent_body_ref, migration 11).
  const byId = db.prepare(`SELECT r.id, r.capture_id, r.created_at, r.target_url, r.mode,
    r.attack, r.sent_method, r.sent_url, r.sent_headers, r.sent_body_ref, r.sent_sha256,
    r.changes, r.related, r.response_status, r.response_headers, r.response_body,
    r.response_truncated, r.latency_ms, r.error,
    CASE WHEN r.sent_body_ref = 1 THEN c.body ELSE r.sent_body END AS sent_body,
    CASE WHEN r.sent_body_ref = 1 THEN c.size ELSE length(r.sent_body) END AS sent_size
    FROM replays r LEFT JOIN captures c ON c.id = r.capture_id WHERE r.id = ?`);
  const byCapture = db.prepare(`SELECT id, capture_id, created_at, target_url, mode, attack,
    response_status, latency_ms, error FROM replays WHERE capture_id = ? ORDER BY id DESC LIMIT ?`);
  const touchTarget = db.prepare(`INSERT INTO replay_targets (url, last_used_at) VALUES (?, ?)
    ON CONFLICT(url) DO UPDATE SET last_used_at = excluded.last_used_at, uses = uses + 1`);
  const trimTargets = db.prepare(`DELETE FROM replay_targets WHERE url NOT IN
    (SELECT url FROM replay_targets ORDER BY last_used_at DESC LIMIT ${MAX_TARGETS})`);
  const listTargets = db.prepare(
    `SELECT url FROM replay_targets ORDER BY last_used_at DESC LIMIT ${MAX_TARGETS}`,
  );
  const insertReport = db.prepare(`INSERT INTO handler_reports
    (created_at, target_url, capture_id, vulnerable, report) VALUES (?, ?, ?, ?, ?)`);
  const updateReport = db.prepare('UPDATE handler_reports SET report = ? WHERE id = ?');

  const insertOne = (r: NewReplay): number => {
    const ref = r.sent.bodyIsCapture === true;
    // Positional parameters: no per-row parameter object for better-sqlite3 to walk.
    const info = insert.run(
      r.captureId,
      r.createdAt,
      r.targetUrl,
      r.mode,
      r.attack,
      r.groupId,
      r.sent.method,
      r.sent.url,
      JSON.stringify(r.sent.headers),
      ref ? EMPTY : toBuffer(r.sent.body),
      ref ? 1 : 0,
      r.sent.sha256,
      JSON.stringify(r.changes),
      JSON.stringify(r.related),
      r.response.status,
      JSON.stringify(r.response.headers),
      toBuffer(r.response.body),
      r.response.truncated ? 1 : 0,
      r.response.latencyMs,
      r.response.error,
    );
    return Number(info.lastInsertRowid);
  };
  // One transaction for many rows: bulk runs write their replays in batches.
  const insertBatch = db.transaction((rs: NewReplay[]) => {
    for (const r of rs) insertOne(r);
  });

  return {
    insert: insertOne,

    /** Reads the replay inputs of many captures in one query (bulk runs), as raw rows: see
     *  `readSource`. Why here and not in the captures repo: only replay needs this narrow
     *  projection. Missing ids are left out. */
    sources(ids: number[]): SourceColumns[] {
      if (ids.length === 0) return [];
      return sourcesOf(ids.length)
        .raw()
        .all(...ids) as SourceColumns[];
    },

    insertMany(rs: NewReplay[]): void {
      if (rs.length > 0) insertBatch(rs);
    },

    get(id: number): ReplayResult | null {
      const row = byId.get(id) as Row | undefined;
      return row ? toResult(row) : null;
    },

    body(id: number, which: 'sent' | 'response'): Uint8Array | null {
      const row = byId.get(id) as Row | undefined;
      if (!row) return null;
      const b = which === 'sent' ? row.sent_body : row.response_body;
      return new Uint8Array(b ?? Buffer.alloc(0));
    },

    listForCapture(captureId: number, limit: number): ReplaySummary[] {
      return (byCapture.all(captureId, limit) as Row[]).map(toSummary);
    },

    rememberTarget(url: string, at: number): void {
      touchTarget.run(url, at);
      trimTargets.run();
    },

    recentTargets(): string[] {
      return (listTargets.all() as { url: string }[]).map((r) => r.url);
    },

    /** Stores a report; returns its id (the caller writes the id into the JSON afterwards). */
    saveReport(report: Omit<HandlerReport, 'reportId'>): number {
      const info = insertReport.run(
        report.createdAt,
        report.targetUrl,
        report.captureId,
        report.vulnerable,
        '{}',
      );
      const id = Number(info.lastInsertRowid);
      updateReport.run(JSON.stringify({ ...report, reportId: id }), id);
      return id;
    },
  };
}

export type ReplaysRepo = ReturnType<typeof createReplaysRepo>;

function toSummary(r: Row): ReplaySummary {
  return {
    replayId: r.id,
    captureId: r.capture_id,
    targetUrl: r.target_url,
    mode: r.mode,
    attack: r.attack,
    status: r.response_status,
    latencyMs: r.latency_ms,
    error: r.error,
    createdAt: r.created_at,
  };
}

function toResult(r: Row): ReplayResult {
  const body = r.response_body ?? Buffer.alloc(0);
  return {
    ...toSummary(r),
    responseHeaders: JSON.parse(r.response_headers) as HeaderPair[],
    responseBody: decoder.decode(body),
    responseTruncated: r.response_truncated === 1,
    sent: {
      method: r.sent_method,
      url: r.sent_url,
      headers: JSON.parse(r.sent_headers) as HeaderPair[],
      size: r.sent_size,
      sha256: r.sent_sha256,
    },
    changes: JSON.parse(r.changes) as ReplayChange[],
    relatedIds: JSON.parse(r.related) as number[],
  };
}
