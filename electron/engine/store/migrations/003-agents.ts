// Migration 3: the A2A client's agents (card, validation, custom headers), tasks, every SSE
// frame as received (raw text + arrival time) and the wire log of every HTTP exchange.
// Custom header values are secrets: they live only in `agents.headers` (data dir is 0700) and
// are redacted in the wire log.
export const agentsMigration = {
  version: 3,
  name: 'agents',
  sql: `
    CREATE TABLE agents (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      base_url TEXT NOT NULL,
      card_url TEXT NOT NULL,
      card TEXT NOT NULL,               -- JSON as fetched
      validation TEXT NOT NULL,         -- JSON CardValidation
      detected_version TEXT NOT NULL,
      version_override TEXT,
      push_dialect TEXT,                -- override; NULL = derived from the version
      headers TEXT NOT NULL DEFAULT '{}', -- JSON {name: value}: secrets
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE TABLE a2a_tasks (
      task_id TEXT PRIMARY KEY,
      agent_id INTEGER NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
      context_id TEXT,
      state TEXT NOT NULL DEFAULT 'unknown',
      protocol_version TEXT NOT NULL,
      push TEXT,                        -- JSON {url, token, configId, dialect}
      last_text TEXT,
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    );
    CREATE INDEX a2a_tasks_agent ON a2a_tasks(agent_id, updated_at);
    CREATE TABLE a2a_wire (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      agent_id INTEGER REFERENCES agents(id) ON DELETE SET NULL,
      task_id TEXT,
      started_at INTEGER NOT NULL,
      duration_ms REAL,
      rpc_method TEXT,
      stream_kind TEXT,                 -- 'send' | 'subscribe' for SSE requests
      protocol_version TEXT,
      method TEXT NOT NULL,
      url TEXT NOT NULL,
      request_headers TEXT NOT NULL,    -- JSON [name, value][], custom header values redacted
      request_body TEXT NOT NULL,
      status INTEGER,
      response_headers TEXT NOT NULL DEFAULT '[]',
      response_body TEXT NOT NULL DEFAULT '',
      content_type TEXT,
      stream_end TEXT,                  -- 'open' | 'complete' | 'disconnected' | 'error'
      truncated_tail INTEGER NOT NULL DEFAULT 0,
      error TEXT
    );
    CREATE INDEX a2a_wire_task ON a2a_wire(task_id, id);
    CREATE INDEX a2a_wire_agent ON a2a_wire(agent_id, id);
    CREATE TABLE a2a_frames (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      exchange_id INTEGER NOT NULL REFERENCES a2a_wire(id) ON DELETE CASCADE,
      task_id TEXT,
      at INTEGER NOT NULL,
      raw TEXT NOT NULL,                -- the frame exactly as received, up to its blank line
      event TEXT,
      data TEXT,
      kind TEXT,
      state TEXT,
      text TEXT,
      meta TEXT                         -- JSON: final, artifact, error
    );
    CREATE INDEX a2a_frames_exchange ON a2a_frames(exchange_id, id);
    CREATE INDEX a2a_frames_task ON a2a_frames(task_id, id);
  `,
};
