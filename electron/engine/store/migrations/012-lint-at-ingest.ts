// Migration 12: conformance findings stored per SSE exchange as its frames arrive (lint at
// ingest), so a task's linted timeline is read, not recomputed. `a2a_wire.linted` says the
// exchange's findings are stored (set when its stream starts); exchanges from before this
// migration are linted once, when their timeline is first read.
export const lintAtIngestMigration = {
  version: 12,
  name: 'lint-at-ingest',
  sql: `
    CREATE TABLE a2a_findings (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      exchange_id INTEGER NOT NULL REFERENCES a2a_wire(id) ON DELETE CASCADE,
      frame_id INTEGER,                 -- NULL: about the whole stream
      rule TEXT NOT NULL,
      severity TEXT NOT NULL,
      message TEXT NOT NULL
    );
    CREATE INDEX a2a_findings_exchange ON a2a_findings(exchange_id, id);
    ALTER TABLE a2a_wire ADD COLUMN linted INTEGER NOT NULL DEFAULT 0;
  `,
};
