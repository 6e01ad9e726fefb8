// Conformance findings of SSE exchanges, stored as the frames arrive (migration 12): read back
// per task for the timeline instead of re-linting every frame. An exchange is `linted` once its
// findings are stored (its stream started with a linter); older ones are linted when first read.
import type { Finding, FindingSeverity } from '../../../shared/a2a/types';
import type { Db } from './open-store';

interface Row {
  frame_id: number | null;
  rule: string;
  severity: FindingSeverity;
  message: string;
}

const toFinding = (r: Row): Finding => ({
  rule: r.rule,
  severity: r.severity,
  message: r.message,
  frameId: r.frame_id,
});

const OF_TASK = `SELECT f.frame_id, f.rule, f.severity, f.message FROM a2a_findings f
  JOIN a2a_wire w ON w.id = f.exchange_id WHERE w.task_id = @t`;

export function createA2aFindingsRepo(db: Db) {
  const insert = db.prepare(
    'INSERT INTO a2a_findings (exchange_id, frame_id, rule, severity, message) VALUES (?, ?, ?, ?, ?)',
  );
  const mark = db.prepare('UPDATE a2a_wire SET linted = 1 WHERE id = ?');
  const ofTask = db.prepare(`${OF_TASK} ORDER BY f.exchange_id, f.id`);
  const streamLevel = db.prepare(`${OF_TASK} AND f.frame_id IS NULL ORDER BY f.exchange_id, f.id`);
  const ofFrames = db.prepare(
    `${OF_TASK} AND f.frame_id BETWEEN @from AND @to ORDER BY f.exchange_id, f.id`,
  );
  const count = db.prepare(
    'SELECT count(*) AS n FROM a2a_findings f JOIN a2a_wire w ON w.id = f.exchange_id WHERE w.task_id = ?',
  );
  const unlinted = db.prepare(
    'SELECT id FROM a2a_wire WHERE task_id = ? AND stream_kind IS NOT NULL AND linted = 0 ORDER BY id',
  );

  return {
    /** Stores findings of one exchange (inside the caller's transaction, with its frames). */
    add(exchangeId: number, findings: Finding[]): void {
      for (const f of findings) insert.run(exchangeId, f.frameId, f.rule, f.severity, f.message);
    },
    markLinted(exchangeId: number): void {
      mark.run(exchangeId);
    },
    /** Every stored finding of the task's exchanges, in exchange then arrival order. */
    ofTask(taskId: string): Finding[] {
      return (ofTask.all({ t: taskId }) as Row[]).map(toFinding);
    },
    /** Findings about whole streams (frameId null). */
    streamLevel(taskId: string): Finding[] {
      return (streamLevel.all({ t: taskId }) as Row[]).map(toFinding);
    },
    /** Findings pointing at frames with ids in [from, to]. */
    ofFrames(taskId: string, from: number, to: number): Finding[] {
      return (ofFrames.all({ t: taskId, from, to }) as Row[]).map(toFinding);
    },
    count(taskId: string): number {
      return (count.get(taskId) as { n: number }).n;
    },
    /** Stream exchanges of the task whose findings are not stored yet (older data). */
    unlinted(taskId: string): number[] {
      return (unlinted.all(taskId) as { id: number }[]).map((r) => r.id);
    },
  };
}

export type A2aFindingsRepo = ReturnType<typeof createA2aFindingsRepo>;
