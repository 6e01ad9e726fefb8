// Migration 14: an index of each task's frames by state, so the last frame of every state (the
// stream's state points, linted against each arriving webhook) is a probe per state instead of
// a read of all the task's frames (85 ms for a task with 100,000 frames, on every webhook).
// Partial: frames without a state (artifacts, messages) are not in it.
export const frameStateIndexMigration = {
  version: 14,
  name: 'frame-state-index',
  sql: `CREATE INDEX a2a_frames_task_state ON a2a_frames(task_id, state, id) WHERE state IS NOT NULL;`,
};
