// Runs one demo task on the SDK's executor contract: publish the Task first, then working, then
// the agent's own steps; any error becomes a failed status ("❌ Task failed: ..."), as in the
// tutorial. cancelTask aborts the task's sleeps and publishes canceled; stopping the agent
// fails what is still running.
import { AgentEvent, type AgentExecutor, type RequestContext } from '@a2a-js/sdk/server';
import { TaskState } from '@a2a-js/sdk';
import type { AgentRuntime } from './runtime';
import { TaskPublisher } from './task-publisher';

export type TaskBody = (t: TaskPublisher, rc: RequestContext) => Promise<void>;

class TaskCanceled extends Error {
  constructor() {
    super('task canceled');
  }
}

export function createDemoExecutor(rt: AgentRuntime, body: TaskBody): AgentExecutor {
  const running = new Map<string, { controller: AbortController; contextId: string }>();

  return {
    async execute(rc, bus) {
      const controller = new AbortController();
      const signal = AbortSignal.any([controller.signal, rt.signal]);
      const t = new TaskPublisher(rc, bus, signal);
      running.set(rc.taskId, { controller, contextId: rc.contextId });
      try {
        t.submit();
        t.working();
        await body(t, rc);
      } catch (err) {
        if (controller.signal.aborted) return; // canceled: cancelTask published the final state
        const text = rt.signal.aborted ? 'agent stopped' : (err as Error).message;
        rt.log(`task ${rc.taskId} failed: ${text}`);
        bus.publish(
          AgentEvent.statusUpdate({
            taskId: rc.taskId,
            contextId: rc.contextId,
            status: {
              state: TaskState.TASK_STATE_FAILED,
              message: t.agentMessage(`❌ Task failed: ${text}`),
              timestamp: new Date().toISOString(),
            },
            metadata: undefined,
          }),
        );
      } finally {
        running.delete(rc.taskId);
      }
    },

    async cancelTask(taskId, bus) {
      const task = running.get(taskId);
      task?.controller.abort(new TaskCanceled());
      bus.publish(
        AgentEvent.statusUpdate({
          taskId,
          contextId: task?.contextId ?? '',
          status: {
            state: TaskState.TASK_STATE_CANCELED,
            message: undefined,
            timestamp: new Date().toISOString(),
          },
          metadata: undefined,
        }),
      );
    },
  };
}
