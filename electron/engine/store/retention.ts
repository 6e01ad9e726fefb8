// Retention: keeps the store within the user's maximum data size and age. What goes: the A2A
// wire log (exchanges with their SSE frames), replays and the logs (receiver audit, demo
// delivery attempts, attack-replay handler reports), oldest first; captures only when the user
// opted in (retentionIncludeCaptures), since they are the evidence. Open streams are never
// touched, nor are seen JWT ids (jti replay detection must outlive the captures). Work runs in small transactions with a yield between them, so the receiver
// and the API stay responsive while a large backlog is trimmed.
import type { Settings } from '../../../shared/model';
import type { Db } from './open-store';

export interface StoreSize {
  /** Bytes of the database file (pages in use and free). */
  fileBytes: number;
  /** Bytes in use by data (free pages excluded): what retention's size limit measures. */
  dataBytes: number;
}

export interface RetentionResult {
  at: number;
  deleted: { exchanges: number; replays: number; captures: number; logs: number };
}

const AGE_BATCH = 200;
// Small steps when trimming for size, re-measuring after each, so little more than needed goes.
const SIZE_BATCH = 10;
const DAY_MS = 24 * 3600 * 1000;
// The append-only logs, each with its time column (ids grow with time, so id order is age order).
const LOGS = [
  ['audit', 'at'],
  ['demo_deliveries', 'at'],
  ['handler_reports', 'created_at'],
] as const;

export function storeSize(db: Db): StoreSize {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.pragma('page_count', { simple: true }) as number;
  const free = db.pragma('freelist_count', { simple: true }) as number;
  return { fileBytes: pages * pageSize, dataBytes: (pages - free) * pageSize };
}

type Retention = Pick<
  Settings,
  'retentionMaxBytes' | 'retentionMaxAgeDays' | 'retentionIncludeCaptures'
>;

export async function applyRetention(
  db: Db,
  s: Retention,
  now = Date.now(),
  isOpen: () => boolean = () => db.open,
): Promise<RetentionResult> {
  const deleted = { exchanges: 0, replays: 0, captures: 0, logs: 0 };
  // Oldest first; an exchange still streaming (no end recorded) is left alone.
  const closedWire = `(stream_kind IS NULL OR (stream_end IS NOT NULL AND stream_end != 'open'))`;
  const delWire = db.prepare(
    `DELETE FROM a2a_wire WHERE id IN (SELECT id FROM a2a_wire WHERE ${closedWire} AND started_at < ? ORDER BY id LIMIT ?)`,
  );
  const delReplays = db.prepare(
    `DELETE FROM replays WHERE id IN (SELECT id FROM replays WHERE created_at < ? ORDER BY id LIMIT ?)`,
  );
  const delCaptures = db.prepare(
    `DELETE FROM captures WHERE id IN (SELECT id FROM captures WHERE received_at < ? ORDER BY id LIMIT ?)`,
  );
  const delLogs = LOGS.map(([table, at]) =>
    db.prepare(
      `DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table} WHERE ${at} < ? ORDER BY id LIMIT ?)`,
    ),
  );
  const round = (before: number, batch: number): number => {
    const n = db.transaction(() => {
      const w = delWire.run(before, batch).changes;
      const r = delReplays.run(before, batch).changes;
      const c = s.retentionIncludeCaptures ? delCaptures.run(before, batch).changes : 0;
      let l = 0;
      for (const del of delLogs) l += del.run(before, batch).changes;
      deleted.exchanges += w;
      deleted.replays += r;
      deleted.captures += c;
      deleted.logs += l;
      return w + r + c + l;
    })();
    return n;
  };
  const pause = () => new Promise((r) => setImmediate(r));

  if (s.retentionMaxAgeDays > 0) {
    const cutoff = now - s.retentionMaxAgeDays * DAY_MS;
    while (isOpen() && round(cutoff, AGE_BATCH) > 0) await pause();
  }
  if (s.retentionMaxBytes > 0) {
    // Everything is a candidate (cutoff = now); stop as soon as the data fits.
    while (
      isOpen() &&
      storeSize(db).dataBytes > s.retentionMaxBytes &&
      round(now + 1, SIZE_BATCH) > 0
    )
      await pause();
  }
  return { at: now, deleted };
}
