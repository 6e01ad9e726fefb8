// Migration 5: the notification tokens Switchboard registers with agents, one row per push
// config it set up (per message or per task). The receiver's notification-token check finds a
// presented token by its SHA-256 and checks it belongs to the webhook's task.
// Tokens are secrets: `token` holds the value encoded like the other secrets (safeStorage in the
// desktop app), and the plain token copies the tasks table kept in `push` are removed here.
export const pushTokensMigration = {
  version: 5,
  name: 'push-tokens',
  sql: `
    CREATE TABLE push_tokens (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      token_sha256 TEXT NOT NULL UNIQUE,  -- hex SHA-256 of the token: the lookup key
      token TEXT NOT NULL,                -- the secret, encoded with the secret codec if any
      agent_id INTEGER REFERENCES agents(id) ON DELETE CASCADE,
      task_id TEXT,                       -- NULL until the agent names the task
      config_id TEXT,
      created_at INTEGER NOT NULL
    );
    CREATE INDEX push_tokens_task ON push_tokens(task_id);
    UPDATE a2a_tasks SET push = json_remove(push, '$.token') WHERE push IS NOT NULL;
  `,
};
