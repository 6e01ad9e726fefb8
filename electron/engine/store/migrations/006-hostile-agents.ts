// Migration 6: per-agent origins the user confirmed its custom headers may be sent to (besides
// the origin of the base URL they were entered for), as a JSON array of origins.
export const hostileAgentsMigration = {
  version: 6,
  name: 'agent-header-origins',
  sql: `ALTER TABLE agents ADD COLUMN header_origins TEXT NOT NULL DEFAULT '[]';`,
};
