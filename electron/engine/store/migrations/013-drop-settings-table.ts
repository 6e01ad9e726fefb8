// Migration 13: drops the key/value `settings` table of migration 1. Nothing ever read it:
// settings live in settings.json in the data dir (electron/engine/settings.ts), which the CLI and
// browser mode share without the database.
export const dropSettingsTableMigration = {
  version: 13,
  name: 'drop-settings-table',
  sql: `DROP TABLE IF EXISTS settings;`,
};
