// Opens the SQLite database in the data dir (WAL), applies pending migrations in one
// transaction each, and hands out the connection. Invariant: one writer connection per process.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { DB_FILE, prepareDataDir, tightenDataDir } from './file-modes';
import { migrations } from './migrations/index';

export type Db = Database.Database;

export function openDatabase(dataDir: string, warn: (w: string) => void = console.warn): Db {
  const warnings = new Set(prepareDataDir(dataDir));
  const db = new Database(join(dataDir, DB_FILE));
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a committed transaction survives a process crash (kill -9), which is
  // the durability the receiver promises before it answers 2xx.
  db.pragma('synchronous = NORMAL');
  // A checkpoint copies the WAL into the database file and fsyncs it, a burst's largest single
  // cost: every 8,000 pages (32 MiB) instead of SQLite's 1,000, the WAL truncated back after.
  db.pragma('wal_autocheckpoint = 8000');
  db.pragma(`journal_size_limit = ${32 * 1024 * 1024}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  // The WAL and SHM exist now; an older run may have left them world-readable.
  for (const w of tightenDataDir(dataDir)) warnings.add(w);
  for (const w of warnings) warn(w);
  return db;
}

function migrate(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT)');
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_version').all() as { version: number }[]).map(
      (r) => r.version,
    ),
  );
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_version (version, name) VALUES (?, ?)').run(m.version, m.name);
    })();
  }
}
