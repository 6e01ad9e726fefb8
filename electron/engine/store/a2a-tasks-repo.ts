// a2a_tasks table: tasks Switchboard started or followed, their last known state and the push
// config it registered (URL + per-task token) so webhooks can be matched back.
import type { ProtocolVersion, TaskState } from '../../../shared/a2a/types';
import type { TaskView } from '../../../shared/api/agents';
import type { Db } from './open-store';

export type TaskPush = NonNullable<TaskView['push']>;
export type TaskRow = Omit<TaskView, 'streaming'>;

interface Raw {
  task_id: string;
  agent_id: number;
  context_id: string | null;
  state: TaskState;
  protocol_version: ProtocolVersion;
  push: string | null;
  last_text: string | null;
  created_at: number;
  updated_at: number;
}

export function createA2aTasksRepo(db: Db) {
  const upsert = db.prepare(`INSERT INTO a2a_tasks
    (task_id, agent_id, context_id, state, protocol_version, push, last_text, created_at, updated_at)
    VALUES (@taskId, @agentId, @contextId, @state, @protocolVersion, @push, @lastText, @now, @now)
    ON CONFLICT(task_id) DO UPDATE SET
      context_id = COALESCE(excluded.context_id, a2a_tasks.context_id),
      push = COALESCE(excluded.push, a2a_tasks.push),
      updated_at = excluded.updated_at`);
  const setState =
    db.prepare(`UPDATE a2a_tasks SET state = COALESCE(?, state), last_text = COALESCE(?, last_text),
    context_id = COALESCE(context_id, ?), updated_at = ? WHERE task_id = ?`);
  const setPush = db.prepare('UPDATE a2a_tasks SET push = ?, updated_at = ? WHERE task_id = ?');
  const byId = db.prepare('SELECT * FROM a2a_tasks WHERE task_id = ?');
  const ofAgent = db.prepare(
    'SELECT * FROM a2a_tasks WHERE agent_id = ? ORDER BY updated_at DESC LIMIT ?',
  );
  const newest = db.prepare('SELECT * FROM a2a_tasks ORDER BY updated_at DESC LIMIT ?');

  return {
    /** Adds the task, or fills in its context and push when it is known: true when it is new. */
    ensure(t: {
      taskId: string;
      agentId: number;
      contextId: string | null;
      protocolVersion: ProtocolVersion;
      push: TaskPush | null;
    }): boolean {
      const known = byId.get(t.taskId) !== undefined;
      upsert.run({
        ...t,
        state: 'unknown',
        push: t.push ? JSON.stringify(t.push) : null,
        lastText: null,
        now: Date.now(),
      });
      return !known;
    },
    setState(
      taskId: string,
      state: TaskState | undefined,
      text: string | undefined,
      contextId: string | undefined,
    ): void {
      setState.run(state ?? null, text ?? null, contextId ?? null, Date.now(), taskId);
    },
    setPush(taskId: string, push: TaskPush | null): void {
      setPush.run(push ? JSON.stringify(push) : null, Date.now(), taskId);
    },
    get(taskId: string): TaskRow | null {
      const r = byId.get(taskId) as Raw | undefined;
      return r ? toRow(r) : null;
    },
    list(agentId: number | undefined, limit: number): TaskRow[] {
      const rows = agentId ? ofAgent.all(agentId, limit) : newest.all(limit);
      return (rows as Raw[]).map(toRow);
    },
  };
}

export type A2aTasksRepo = ReturnType<typeof createA2aTasksRepo>;

function toRow(r: Raw): TaskRow {
  return {
    taskId: r.task_id,
    agentId: r.agent_id,
    contextId: r.context_id,
    state: r.state,
    protocolVersion: r.protocol_version,
    push: r.push ? (JSON.parse(r.push) as TaskPush) : null,
    lastText: r.last_text,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
