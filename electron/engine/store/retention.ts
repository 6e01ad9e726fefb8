// Retention: keeps the store within the user's maximum data size and age. What goes: the A2A
// wire log (exchanges with their SSE frames), replays and the logs (receiver audit, demo
// delivery attempts, attack-replay handler reports), oldest first; captures only when the user
// opted in (retentionIncludeCaptures), since they are the evidence. Open streams are never
// touched, nor are seen JWT ids (jti replay detection must outlive the captures). Work runs in
// small statements with a yield between them, so the receiver and the API stay responsive
// while a large backlog is trimmed, and while a large store is searched for what is old (the
// time columns have no index: the age pass walks each table in windows of ids).
import type { Settings, StoreInfo } from '../../../shared/model';
import type { Db } from './open-store';

export interface StoreSize {
  /** Bytes of the database file (pages in use and free). */
  fileBytes: number;
  /** Bytes in use by data (free pages excluded): what retention's size limit measures. */
  dataBytes: number;
}

export type RetentionResult = NonNullable<StoreInfo['lastRetention']>;
type Deleted = RetentionResult['deleted'];

/** Ids per statement of the age pass: a few milliseconds of scanning each, at most. */
const AGE_WINDOW = 200;
// Small steps when trimming for size, re-measuring after each, so little more than needed goes.
const SIZE_BATCH = 10;
const DAY_MS = 24 * 3600 * 1000;
// What goes, in this order: each table with its time column (ids grow with time, so id order is
// age order), the count it adds to, and which rows may go at all (an exchange still streaming
// stays).
const TARGETS: { table: string; at: string; counts: keyof Deleted; closed?: string }[] = [
  {
    table: 'a2a_wire',
    at: 'started_at',
    counts: 'exchanges',
    closed: `(stream_kind IS NULL OR (stream_end IS NOT NULL AND stream_end != 'open'))`,
  },
  { table: 'replays', at: 'created_at', counts: 'replays' },
  { table: 'captures', at: 'received_at', counts: 'captures' },
  { table: 'audit', at: 'at', counts: 'logs' },
  { table: 'demo_deliveries', at: 'at', counts: 'logs' },
  { table: 'handler_reports', at: 'created_at', counts: 'logs' },
];

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
  const deleted: Deleted = { exchanges: 0, replays: 0, captures: 0, logs: 0 };
  const steps = TARGETS.filter((t) => t.table !== 'captures' || s.retentionIncludeCaptures).map(
    ({ table, at, counts, closed }) => ({
      counts,
      span: db.prepare(`SELECT min(id) AS lo, max(id) AS hi FROM ${table}`),
      delInWindow: db.prepare(`DELETE FROM ${table}
        WHERE id >= ? AND id < ? AND ${closed ? `${closed} AND ` : ''}${at} < ?`),
      // The size pass: the oldest rows that may go, a few at a time.
      delOldest: db.prepare(`DELETE FROM ${table} WHERE id IN (SELECT id FROM ${table}
        WHERE ${closed ? `${closed} AND ` : ''}${at} < ? ORDER BY id LIMIT ?)`),
    }),
  );
  const round = (before: number, batch: number): number =>
    db.transaction(() => {
      let n = 0;
      for (const { counts, delOldest } of steps) {
        const changes = delOldest.run(before, batch).changes;
        deleted[counts] += changes;
        n += changes;
      }
      return n;
    })();
  const pause = () => new Promise((r) => setImmediate(r));

  if (s.retentionMaxAgeDays > 0) {
    const cutoff = now - s.retentionMaxAgeDays * DAY_MS;
    // Every row is looked at, not only the oldest ids: an imported capture may be old and new.
    for (const { counts, span, delInWindow } of steps) {
      const { lo, hi } = span.get() as { lo: number | null; hi: number | null };
      if (lo === null || hi === null) continue;
      for (let from = lo; from <= hi && isOpen(); from += AGE_WINDOW) {
        deleted[counts] += delInWindow.run(from, from + AGE_WINDOW, cutoff).changes;
        await pause();
      }
    }
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
