// Migration 11: an exact replay's sent body is its capture's body, so it is stored as a
// reference (sent_body_ref = 1, sent_body empty) instead of a copy. Replays are deleted with
// their capture (ON DELETE CASCADE), so the reference never dangles.
export const replayBodyRefMigration = {
  version: 11,
  name: 'replay-body-ref',
  sql: `ALTER TABLE replays ADD COLUMN sent_body_ref INTEGER NOT NULL DEFAULT 0;`,
};
