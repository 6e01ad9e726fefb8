// JWT ids seen by the receiver, for replay detection. The first capture to use a jti owns it;
// re-verifying that same capture later does not count as a replay.
import type { Db } from './open-store';

export function createJtiRepo(db: Db) {
  const find = db.prepare('SELECT capture_id FROM seen_jti WHERE jti = ?');
  const insert = db.prepare(
    'INSERT OR IGNORE INTO seen_jti (jti, capture_id, seen_at) VALUES (?, ?, ?)',
  );
  return {
    /** Returns the earlier capture that used `jti`, or null when `captureId` is its first user. */
    remember(jti: string, captureId: number): number | null {
      insert.run(jti, captureId, Date.now());
      const row = find.get(jti) as { capture_id: number } | undefined;
      return row && row.capture_id !== captureId ? row.capture_id : null;
    },
    /** The capture that first used `jti`, or null when none did (read inside a write). */
    firstUser(jti: string): number | null {
      const row = find.get(jti) as { capture_id: number } | undefined;
      return row ? row.capture_id : null;
    },
    /** Records `jti` for `captureId` unless an earlier capture owns it. */
    record(jti: string, captureId: number): void {
      insert.run(jti, captureId, Date.now());
    },
    clear(): void {
      db.prepare('DELETE FROM seen_jti').run();
    },
  };
}

export type JtiRepo = ReturnType<typeof createJtiRepo>;
