// Opens the SQLite database in the data dir (WAL), applies pending migrations in one
// transaction each, and hands out the connection. Invariant: one writer connection per process.
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { ensureDataDir } from '../data-dir';
import { migrations } from './migrations/index';

export type Db = Database.Database;

export function openDatabase(dataDir: string): Db {
  const db = new Database(join(ensureDataDir(dataDir), 'switchboard.db'));
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a committed transaction survives a process crash (kill -9), which is
  // the durability the receiver promises before it answers 2xx.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
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
