// Migration 8: where a capture came from. `source` gains 'replay' (a replay Switchboard sent to
// its own receiver); `imported_at` is when a HAR entry was imported (received_at keeps the
// original time, which verification needs), so the list can show imports at their import time.
export const captureOriginMigration = {
  version: 8,
  name: 'capture-origin',
  sql: `ALTER TABLE captures ADD COLUMN imported_at INTEGER;`,
};
