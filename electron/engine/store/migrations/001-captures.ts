// Migration 1: captures (exact bytes + headers), their checks, the receiver's audit log,
// seen JWT ids (jti replay detection) and key/value settings.
export const capturesMigration = {
  version: 1,
  name: 'captures',
  sql: `
    CREATE TABLE captures (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      received_at INTEGER NOT NULL,
      method TEXT NOT NULL,
      path TEXT NOT NULL,
      query TEXT NOT NULL DEFAULT '',
      headers TEXT NOT NULL,            -- JSON array of [rawName, rawValue] in arrival order
      body BLOB NOT NULL,               -- exact bytes received, never re-serialized
      size INTEGER NOT NULL,
      content_type TEXT,
      remote_address TEXT NOT NULL DEFAULT '',
      task_id TEXT,
      source TEXT NOT NULL DEFAULT 'receiver',
      verdict TEXT NOT NULL DEFAULT 'unverified',
      checks TEXT NOT NULL DEFAULT '[]', -- JSON Check[]
      response_status INTEGER,
      search_text TEXT NOT NULL DEFAULT '' -- lower-cased path + headers + text body prefix
    );
    CREATE INDEX captures_task ON captures(task_id, id);
    CREATE INDEX captures_verdict ON captures(verdict, id);
    CREATE TABLE audit (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at INTEGER NOT NULL,
      kind TEXT NOT NULL,
      method TEXT NOT NULL,
      path TEXT NOT NULL,
      status INTEGER NOT NULL,
      reason TEXT NOT NULL,
      remote_address TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE seen_jti (
      jti TEXT PRIMARY KEY,
      capture_id INTEGER NOT NULL,
      seen_at INTEGER NOT NULL
    );
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    );
  `,
};
