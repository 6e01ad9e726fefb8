// Migration 4: replays (what was sent, what came back, linked to the capture), handler reports
// and recently used replay targets. Replays are deleted with their capture (ON DELETE CASCADE).
export const replaysMigration = {
  version: 4,
  name: 'replays',
  sql: `
    CREATE TABLE replays (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      capture_id INTEGER NOT NULL REFERENCES captures(id) ON DELETE CASCADE,
      created_at INTEGER NOT NULL,
      target_url TEXT NOT NULL,
      mode TEXT NOT NULL,
      attack TEXT,
      group_id TEXT,                    -- bulk run or handler report this replay belongs to
      sent_method TEXT NOT NULL,
      sent_url TEXT NOT NULL,
      sent_headers TEXT NOT NULL,       -- JSON [name, value][] exactly as written on the wire
      sent_body BLOB NOT NULL,
      sent_sha256 TEXT NOT NULL,
      changes TEXT NOT NULL DEFAULT '[]',
      related TEXT NOT NULL DEFAULT '[]',
      response_status INTEGER,
      response_headers TEXT NOT NULL DEFAULT '[]',
      response_body BLOB,
      response_truncated INTEGER NOT NULL DEFAULT 0,
      latency_ms REAL NOT NULL DEFAULT 0,
      error TEXT
    );
    CREATE INDEX replays_capture ON replays(capture_id, id);
    CREATE TABLE handler_reports (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      created_at INTEGER NOT NULL,
      target_url TEXT NOT NULL,
      capture_id INTEGER,
      vulnerable INTEGER NOT NULL,
      report TEXT NOT NULL              -- JSON HandlerReport
    );
    CREATE TABLE replay_targets (
      url TEXT PRIMARY KEY,
      last_used_at INTEGER NOT NULL,
      uses INTEGER NOT NULL DEFAULT 1
    );
  `,
};
