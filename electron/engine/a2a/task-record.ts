// Non-streamed answers (tasks/get, tasks/cancel, a non-streamed send) join the task's timeline as
// one row on the stream lane: stored as a frame, pushed live as a 'timeline' event, and the task's
// state and text updated. A Task answer's artifacts are part of the row's text, so a task that
// finished while nobody streamed it shows its results. `note` says why a row was fetched.
import { ApiError } from '../../../shared/api';
import { normalizeResult } from '../../../shared/a2a/normalize';
import { taskResultText } from '../../../shared/a2a/task-artifacts';
import { TERMINAL_STATES, type NormalizedEvent } from '../../../shared/a2a/types';
import type { TaskRow } from '../store/a2a-tasks-repo';
import { requireAgent, targetOf } from './agent-views';
import { frameToTimeline, type FrameMeta } from './frame-record';
import type { AgentTarget, RpcAnswer } from './rpc-client';
import { callAgent } from './transport';
import { taskCalls } from './dialect';
import type { TaskHandlerDeps } from './task-handlers';

type RecorderDeps = Pick<TaskHandlerDeps, 'ctx' | 'agents' | 'tasks' | 'wire' | 'streamDeps'>;

/** Agent and task by id, or an ApiError the user can act on. */
export function createTaskLookup(d: Pick<TaskHandlerDeps, 'agents' | 'tasks' | 'ctx'>) {
  const agentOf = (id: number) => requireAgent(d.agents, id);
  const taskOf = (taskId: string): { task: TaskRow; target: AgentTarget } => {
    const t = d.tasks.get(taskId);
    if (!t)
      throw new ApiError(
        404,
        'task_not_found',
        `Switchboard has no task ${taskId}: start it from an agent first.`,
      );
    return {
      task: t,
      target: targetOf(agentOf(t.agentId), t.protocolVersion, d.ctx.settings.get()),
    };
  };
  return { agentOf, taskOf };
}

export function createTaskRecorder(d: RecorderDeps) {
  const { taskOf } = createTaskLookup(d);
  const record = (
    answer: RpcAnswer,
    taskId: string | null,
    target: AgentTarget,
    note?: string,
  ): NormalizedEvent => {
    const n = normalizeResult(answer.result);
    const id = taskId ?? n.taskId ?? null;
    if (!id) return n;
    const isNew = d.tasks.ensure({
      taskId: id,
      agentId: target.agentId,
      contextId: n.contextId ?? null,
      protocolVersion: target.version,
      push: null,
    });
    // Before this answer's state: webhooks stored earlier may have finished the task already.
    if (isNew) d.streamDeps.onNewTask(id);
    d.wire.assignTask(answer.exchangeId, id);
    const text = n.kind === 'task' ? taskResultText(n.text, answer.result) : n.text;
    const meta: FrameMeta = note ? { note } : {};
    const row = {
      exchangeId: answer.exchangeId,
      taskId: id,
      at: answer.at,
      raw: answer.text,
      event: 'rpc-response',
      data: answer.text,
      kind: n.kind,
      state: n.state ?? null,
      text: text ?? null,
      meta: note ? JSON.stringify(meta) : null,
    };
    const frameId = d.wire.insertFrame(row);
    // Terminal states are final (A2A): an answer racing a completion webhook never undoes it.
    const current = d.tasks.get(id)?.state;
    const final = current !== undefined && TERMINAL_STATES.has(current);
    const state = final && n.state && !TERMINAL_STATES.has(n.state) ? undefined : n.state;
    d.tasks.setState(id, state, text, n.contextId);
    d.streamDeps.feed.stream(id, [frameToTimeline({ ...row, id: frameId }, meta)]);
    d.streamDeps.emitTask(id);
    return n;
  };

  const fetchTask = async (taskId: string, note?: string) => {
    const { target } = taskOf(taskId);
    const answer = await callAgent(d.wire, target, taskCalls.get(target.version, taskId), {
      taskId,
    });
    return { task: answer.result, state: record(answer, taskId, target, note).state ?? null };
  };

  return { record, fetchTask };
}

export type TaskRecorder = ReturnType<typeof createTaskRecorder>;
