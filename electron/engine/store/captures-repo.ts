// Captures table: insert exact requests, save verification results, list newest-first with a
// cursor and filters, fetch bytes. Synchronous (better-sqlite3): a returned insert is committed.
import type {
  CaptureDetail,
  CaptureSummary,
  Check,
  HeaderPair,
  Page,
  RuleAnswer,
  Verdict,
  CaptureOrigin,
} from '../../../shared/model';
import { statementsBySql } from './kept-statements';
import type { Db } from './open-store';

export interface NewCapture {
  receivedAt: number;
  method: string;
  path: string;
  query: string;
  headers: HeaderPair[];
  body: Uint8Array;
  remoteAddress: string;
  taskId: string | null;
  contentType: string | null;
  source: CaptureOrigin;
  importedAt?: number | null;
  /** Verification done before the write (the receiver): stored in the same insert. */
  checks?: Check[];
  verdict?: Verdict;
  responseStatus?: number | null;
  answeredBy?: RuleAnswer | null;
}

export interface CaptureFilter {
  source?: CaptureOrigin | undefined;
  verdict?: Verdict | undefined;
  taskId?: string | undefined;
  path?: string | undefined;
  q?: string | undefined;
}

interface Row {
  id: number;
  received_at: number;
  method: string;
  path: string;
  query: string;
  headers: string;
  size: number;
  content_type: string | null;
  remote_address: string;
  task_id: string | null;
  source: CaptureOrigin;
  imported_at: number | null;
  verdict: Verdict;
  checks: string;
  response_status: number | null;
  answered_by: string | null;
}

/** What an A2A task's timeline shows of a webhook capture. */
export interface WebhookRow {
  id: number;
  receivedAt: number;
  verdict: Verdict;
  source: CaptureOrigin;
  body: Buffer;
  headers: string;
  responseStatus: number | null;
  answeredBy: string | null;
}

const WEBHOOK_COLUMNS = `id, received_at AS receivedAt, verdict, source, body, headers,
  response_status AS responseStatus, answered_by AS answeredBy`;

const SUMMARY_COLUMNS =
  'id, received_at, method, path, task_id, verdict, size, content_type, source, answered_by, imported_at';
const SEARCH_BODY_PREFIX = 4096;

export function createCapturesRepo(db: Db) {
  const insert = db.prepare(`INSERT INTO captures
    (received_at, method, path, query, headers, body, size, content_type, remote_address, task_id, source, search_text, imported_at, checks, verdict, response_status, answered_by)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const saveChecks = db.prepare(
    `UPDATE captures SET checks = ?, verdict = ?, response_status = COALESCE(?, response_status),
      answered_by = CASE WHEN ? THEN ? ELSE answered_by END WHERE id = ?`,
  );
  const byId = db.prepare('SELECT * FROM captures WHERE id = ?');
  const bodyById = db.prepare('SELECT body FROM captures WHERE id = ?');
  const deleteById = db.prepare('DELETE FROM captures WHERE id = ?');
  const countAll = db.prepare('SELECT COUNT(*) AS n FROM captures');
  const webhooksOfTask = db.prepare(
    `SELECT ${WEBHOOK_COLUMNS} FROM captures WHERE task_id = ? ORDER BY id`,
  );
  const webhookById = db.prepare(`SELECT ${WEBHOOK_COLUMNS} FROM captures WHERE id = ?`);
  const span = db.prepare('SELECT min(id) AS lo, max(id) AS hi FROM captures');
  // range(): two id bounds and five filters, each present or not: at most 2^7 shapes of SQL.
  const rangeStatement = statementsBySql(db, 128);
  const decoder = new TextDecoder('utf-8', { fatal: false });

  function range(
    filter: CaptureFilter,
    limit: number,
    below: number | null,
    from: number | null,
    oldestFirst = false,
  ): CaptureSummary[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (below !== null) {
      where.push('id < ?');
      params.push(below);
    }
    if (from !== null) {
      where.push('id >= ?');
      params.push(from);
    }
    if (filter.source) {
      where.push('source = ?');
      params.push(filter.source);
    }
    if (filter.verdict) {
      where.push('verdict = ?');
      params.push(filter.verdict);
    }
    if (filter.taskId) {
      // Prefix match (ids are shown shortened in places): a range keeps the task_id index.
      where.push('task_id >= ? AND task_id < ?');
      params.push(filter.taskId, `${filter.taskId}\u{10FFFF}`);
    }
    if (filter.path) {
      where.push("path LIKE ? ESCAPE '\\'");
      params.push(`%${escapeLike(filter.path)}%`);
    }
    if (filter.q) {
      where.push("search_text LIKE ? ESCAPE '\\'");
      params.push(`%${escapeLike(filter.q.toLowerCase())}%`);
    }
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM captures ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
        ORDER BY id ${oldestFirst ? 'ASC' : 'DESC'} LIMIT ?`;
    return (rangeStatement(sql).all(...params, limit) as Row[]).map(toSummary);
  }

  return {
    insert(c: NewCapture): number {
      const searchText = [
        c.path,
        c.query,
        ...c.headers.map(([n, v]) => `${n}: ${v}`),
        decoder.decode(c.body.subarray(0, SEARCH_BODY_PREFIX)),
      ]
        .join('\n')
        .toLowerCase();
      // Positional parameters: no per-insert parameter object for better-sqlite3 to walk.
      const info = insert.run(
        c.receivedAt,
        c.method,
        c.path,
        c.query,
        JSON.stringify(c.headers),
        Buffer.from(c.body.buffer, c.body.byteOffset, c.body.byteLength),
        c.body.byteLength,
        c.contentType,
        c.remoteAddress,
        c.taskId,
        c.source,
        searchText,
        c.importedAt ?? null,
        c.checks ? JSON.stringify(c.checks) : '[]',
        c.verdict ?? 'unverified',
        c.responseStatus ?? null,
        c.answeredBy ? JSON.stringify(c.answeredBy) : null,
      );
      return Number(info.lastInsertRowid);
    },

    /** Saves checks and verdict, and the receiver's answer when given (one write, not two). */
    saveVerification(
      id: number,
      checks: Check[],
      verdict: Verdict,
      answered?: { status: number; answeredBy: RuleAnswer | null },
    ): void {
      const by = answered?.answeredBy ? JSON.stringify(answered.answeredBy) : null;
      saveChecks.run(
        JSON.stringify(checks),
        verdict,
        answered?.status ?? null,
        answered ? 1 : 0,
        by,
        id,
      );
    },

    list(filter: CaptureFilter, limit: number, cursor?: string): Page<CaptureSummary> {
      return pageOf(range(filter, limit + 1, cursor ? Number(cursor) : null, null), limit);
    },

    /** Up to `limit` matches newest first (or oldest first), with ids below `below` and from
     *  `from` (either bound optional): one window of a search that yields (capture-search.ts). */
    range,

    /** The lowest and highest id stored (nulls when empty). */
    idSpan(): { lo: number | null; hi: number | null } {
      return span.get() as { lo: number | null; hi: number | null };
    },

    get(id: number): CaptureDetail | null {
      const row = byId.get(id) as Row | undefined;
      return row ? toDetail(row) : null;
    },

    summary(id: number): CaptureSummary | null {
      const row = byId.get(id) as Row | undefined;
      return row ? toSummary(row) : null;
    },

    body(id: number): Uint8Array | null {
      const row = bodyById.get(id) as { body: Buffer } | undefined;
      return row ? new Uint8Array(row.body) : null;
    },

    /** Every capture of an A2A task, oldest first (its timeline's webhook lane). */
    webhooksOfTask(taskId: string): WebhookRow[] {
      return webhooksOfTask.all(taskId) as WebhookRow[];
    },

    webhook(id: number): WebhookRow | null {
      return (webhookById.get(id) as WebhookRow | undefined) ?? null;
    },

    delete(id: number): boolean {
      return deleteById.run(id).changes > 0;
    },

    /** Deletes every capture and its replays. Why the foreign keys go off for it: with them on,
     *  SQLite deletes row by row and checks each capture's replays (2.4 s for 200,000 captures
     *  on the main thread); with the replays gone first, no reference is left to check, and the
     *  table is emptied whole (0.47 s). */
    clear(): number {
      const wasOn = db.pragma('foreign_keys', { simple: true }) === 1;
      if (wasOn) db.pragma('foreign_keys = OFF');
      try {
        return db.transaction(() => {
          db.prepare('DELETE FROM replays').run();
          return db.prepare('DELETE FROM captures').run().changes;
        })();
      } finally {
        if (wasOn) db.pragma('foreign_keys = ON');
      }
    },

    count(): number {
      return (countAll.get() as { n: number }).n;
    },

    /** Captures stored but never verified (checks still empty): left by a crash between the
     *  commit and verification. */
    neverVerifiedIds(): number[] {
      return (
        db
          .prepare(
            "SELECT id FROM captures WHERE verdict = 'unverified' AND checks = '[]' ORDER BY id",
          )
          .all() as { id: number }[]
      ).map((r) => r.id);
    },

    /** Every capture id in ascending order (for re-verification). */
    allIds(): number[] {
      return (db.prepare('SELECT id FROM captures ORDER BY id').all() as { id: number }[]).map(
        (r) => r.id,
      );
    },
  };
}

export type CapturesRepo = ReturnType<typeof createCapturesRepo>;

/** A page of `limit` from up to `limit + 1` matches, newest first: the extra one says whether
 *  there is a next page, whose cursor is the last item's id. */
export function pageOf(found: CaptureSummary[], limit: number): Page<CaptureSummary> {
  const items = found.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: found.length > limit && last ? String(last.id) : null };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (m) => '\\' + m);
}

function toSummary(
  r: Pick<
    Row,
    | 'id'
    | 'received_at'
    | 'method'
    | 'path'
    | 'task_id'
    | 'verdict'
    | 'size'
    | 'content_type'
    | 'source'
    | 'answered_by'
    | 'imported_at'
  >,
): CaptureSummary {
  return {
    id: r.id,
    receivedAt: r.received_at,
    method: r.method,
    path: r.path,
    taskId: r.task_id,
    verdict: r.verdict,
    size: r.size,
    contentType: r.content_type,
    source: r.source,
    answeredBy: parseAnswer(r.answered_by),
    ...(r.imported_at !== null ? { importedAt: r.imported_at } : {}),
  };
}

/** The stored rule answer; an unreadable value reads as none rather than failing the list. */
export function parseAnswer(json: string | null): RuleAnswer | null {
  if (json === null) return null;
  try {
    const v = JSON.parse(json) as Partial<RuleAnswer> | null;
    return v && typeof v.ruleId === 'string' && typeof v.position === 'number'
      ? { ruleId: v.ruleId, position: v.position, label: String(v.label ?? '') }
      : null;
  } catch {
    return null;
  }
}

function toDetail(r: Row): CaptureDetail {
  return {
    ...toSummary(r),
    headers: JSON.parse(r.headers) as HeaderPair[],
    query: r.query,
    remoteAddress: r.remote_address,
    checks: JSON.parse(r.checks) as Check[],
    responseStatus: r.response_status,
  };
}
