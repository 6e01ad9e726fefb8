// The A2A client domain: repos, open-stream registry and every handler of shared/api/agents.ts.
// The engine merges `handlers` and calls `stop()` on stop (closes open streams before the
// database closes).
import type { AgentOpsHandlers } from '../../../shared/api/agents';
import type { CaptureSummary } from '../../../shared/model';
import type { EngineContext } from '../context';
import { createA2aFindingsRepo } from '../store/a2a-findings-repo';
import { createA2aTasksRepo } from '../store/a2a-tasks-repo';
import { createA2aWireRepo } from '../store/a2a-wire-repo';
import { createAgentsRepo } from '../store/agents-repo';
import { createCapturesRepo } from '../store/captures-repo';
import { createAgentCrudHandlers, type AgentOpNames } from './agent-handlers';
import { createStreamRegistry } from './stream-registry';
import type { StreamDeps } from './stream-session';
import { createTaskHandlers, type TaskOpNames } from './task-handlers';
import { createTimelineFeed } from './timeline-feed';
import { createTimelineReader } from './timeline-page';
import { createTaskRecorder } from './task-record';
import { createWebhookFollow } from './webhook-follow';
import { toWireExchange } from './wire-view';

export type AgentHandlerNames = AgentOpNames | TaskOpNames | 'getTimeline' | 'listWire';
export type AgentHandlers = Pick<AgentOpsHandlers, AgentHandlerNames>;

export interface AgentService {
  handlers: AgentHandlers;
  /** A capture was stored and verified (or, `updated`, verified again): it joins its task's
   *  timeline, and a valid webhook moves the task's state. */
  onCapture(capture: CaptureSummary, updated?: boolean): void;
  /** Disconnects every open stream and waits for the readers to stop. */
  stop(): Promise<void>;
}

export function createAgentService(
  ctx: EngineContext,
  opts: { demoPorts?: () => number[] } = {},
): AgentService {
  const agents = createAgentsRepo(ctx.db);
  const tasks = createA2aTasksRepo(ctx.db);
  const wire = createA2aWireRepo(ctx.db);
  const findings = createA2aFindingsRepo(ctx.db);
  const captures = createCapturesRepo(ctx.db);
  const feed = createTimelineFeed({ ctx, wire, captures });
  const timelineFor = createTimelineReader({ db: ctx.db, wire, findings, captures });
  const pushTokens = ctx.pushTokens;
  const registry = createStreamRegistry();
  const emitTask = (taskId: string) => {
    const t = tasks.get(taskId);
    if (t) ctx.emit({ type: 'task', task: { ...t, streaming: registry.isStreaming(taskId) } });
  };
  const streamDeps: StreamDeps = {
    ctx,
    wire,
    tasks,
    findings,
    feed,
    onOpen: (session) => registry.add(session),
    onTask: (taskId, session) => registry.bind(taskId, session),
    onEnd: (session) => registry.remove(session),
    emitTask,
    onNewTask: (taskId) => follow.catchUp(taskId),
  };
  const handlers: AgentHandlers = {
    ...createAgentCrudHandlers(agents, wire, () => ctx.settings.get(), opts.demoPorts),
    ...createTaskHandlers({ ctx, agents, tasks, wire, pushTokens, registry, streamDeps }),
    getTimeline: async (args) => {
      const t = tasks.get(args.taskId);
      return {
        task: t ? { ...t, streaming: registry.isStreaming(args.taskId) } : null,
        ...timelineFor(args),
      };
    },
    listWire: async ({ taskId, agentId, frames, limit }) =>
      wire.exchanges({ taskId, agentId }, limit).map((ex) => toWireExchange(wire, ex, frames)),
  };
  const follow = createWebhookFollow({
    tasks,
    captures,
    recorder: createTaskRecorder({ ctx, agents, tasks, wire, streamDeps }),
    isStreaming: (taskId) => registry.isStreaming(taskId),
    emitTask,
    log: ctx.log,
  });
  return {
    handlers,
    onCapture(capture, updated = false) {
      // Only captures of a task Switchboard knows join a timeline or move a state; the task and
      // the stored row are read once for both.
      const task = capture.taskId ? tasks.get(capture.taskId) : null;
      const row = task ? captures.webhook(capture.id) : null;
      if (!task || !row) return;
      feed.webhook(task.taskId, row, updated);
      if (!updated) follow.onCapture(task, row);
    },
    async stop() {
      await registry.closeAll();
      await follow.drain();
    },
  };
}
