// Migration 2: the demo agents' webhook delivery log (one row per HTTP attempt; a delivery is
// the attempts sharing delivery_id) and the receiver's response rules (ordered, first match wins).
export const demoMigration = {
  version: 2,
  name: 'demo',
  sql: `
    CREATE TABLE demo_deliveries (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      delivery_id TEXT NOT NULL,
      agent TEXT NOT NULL,
      dialect TEXT NOT NULL,
      task_id TEXT NOT NULL,
      url TEXT NOT NULL,
      attempt INTEGER NOT NULL,
      at INTEGER NOT NULL,
      delay_ms INTEGER NOT NULL,
      status INTEGER,                  -- null: no HTTP response (timeout, refused)
      latency_ms INTEGER NOT NULL,
      error TEXT,
      outcome TEXT NOT NULL,           -- delivered | retry | failed
      warning TEXT
    );
    CREATE INDEX demo_deliveries_agent ON demo_deliveries(agent, id);
    CREATE INDEX demo_deliveries_delivery ON demo_deliveries(delivery_id, id);
    CREATE TABLE response_rules (
      position INTEGER PRIMARY KEY,
      rule TEXT NOT NULL               -- JSON ResponseRule (failNext as configured or last seen)
    );
  `,
};
