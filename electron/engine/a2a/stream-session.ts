// One open SSE exchange with an agent (message/stream, SendStreamingMessage, resubscribe,
// SubscribeToTask). Every frame is stored with its arrival time before anything else happens,
// then the task row is updated and 'stream' / 'task' events are emitted. `started` resolves
// once the task id is known (first frame naming it), so callers can answer `{taskId}` fast.
import { ApiError } from '../../../shared/api';
import type { TaskState } from '../../../shared/a2a/types';
import { TERMINAL_STATES } from '../../../shared/a2a/types';
import type { EngineContext } from '../context';
import type { A2aTasksRepo, TaskPush } from '../store/a2a-tasks-repo';
import type { A2aWireRepo } from '../store/a2a-wire-repo';
import type { RpcCall } from './dialect';
import { frameRow, frameToTimeline } from './frame-record';
import { parseRpcAnswer, post, DEFAULT_TIMEOUT_MS, type AgentTarget } from './rpc-client';
import { readFrames } from './sse-frames';
import { readLoggedBody } from './wire-http';

export interface StreamStart {
  exchangeId: number;
  taskId: string | null;
  contextId: string | null;
  kind: 'task' | 'message';
  state: TaskState | null;
}

export interface StreamDeps {
  ctx: EngineContext;
  wire: A2aWireRepo;
  tasks: A2aTasksRepo;
  /** Called when the session learns its task id and when it ends (registry bookkeeping). */
  onTask(taskId: string, session: StreamSession): void;
  onEnd(session: StreamSession): void;
  emitTask(taskId: string): void;
}

export interface StreamOptions {
  target: AgentTarget;
  call: RpcCall;
  kind: 'send' | 'subscribe';
  taskId: string | null;
  push: TaskPush | null;
  timeoutMs?: number | undefined;
  redactInBody?: string[];
}

export interface StreamSession {
  exchangeId: number;
  taskId: string | null;
  /** Stops reading; the task goes on at the agent. */
  disconnect(): void;
  done: Promise<void>;
}

export async function openStream(
  deps: StreamDeps,
  o: StreamOptions,
): Promise<{ start: StreamStart; session: StreamSession }> {
  const abort = new AbortController();
  const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const res = await post(deps.wire, o.target, o.call, o.kind, {
    taskId: o.taskId,
    timeoutMs,
    signal: abort.signal,
    ...(o.redactInBody ? { redactInBody: o.redactInBody } : {}),
  });
  const ct = res.response.headers.get('content-type') ?? '';
  if (!/^text\/event-stream\b/i.test(ct)) {
    const text = await readLoggedBody(deps.wire, res, timeoutMs);
    deps.wire.finishExchange(res.exchangeId, { streamEnd: 'error' });
    parseRpcAnswer(o.call.method, res.response.status, text); // throws for JSON-RPC / HTTP errors
    throw new ApiError(
      502,
      'not_sse',
      `${o.call.method}: the agent answered \`${ct || 'no content type'}\` instead of an SSE stream (text/event-stream). It may not support streaming: try with stream off.`,
    );
  }
  res.clearTimeout();
  let resolveStart!: (s: StreamStart) => void;
  let rejectStart!: (e: Error) => void;
  const started = new Promise<StreamStart>((a, b) => ((resolveStart = a), (rejectStart = b)));
  const firstTimer = setTimeout(
    () =>
      rejectStart(
        new ApiError(
          504,
          'agent_timeout',
          `${o.call.method}: the stream opened but no event named a task within ${timeoutMs} ms.`,
        ),
      ),
    timeoutMs,
  );
  let disconnected = false;
  const session: StreamSession = {
    exchangeId: res.exchangeId,
    taskId: o.taskId,
    disconnect() {
      disconnected = true;
      abort.abort();
    },
    done: Promise.resolve(),
  };
  const learnTask = (taskId: string, contextId: string | null) => {
    session.taskId = taskId;
    deps.tasks.ensure({
      taskId,
      agentId: o.target.agentId,
      contextId,
      protocolVersion: o.target.version,
      push: o.push,
    });
    deps.wire.assignTask(res.exchangeId, taskId);
    deps.onTask(taskId, session);
  };
  if (o.taskId) learnTask(o.taskId, null);
  const body = res.response.body;
  const t0 = performance.now();
  session.done = (async () => {
    let end: 'complete' | 'disconnected' | 'error' = 'complete';
    let rest = '';
    try {
      if (body) {
        rest = await readFrames(body, (f) => {
          if (!deps.ctx.db.open) return;
          const { row, event } = frameRow(res.exchangeId, session.taskId, f);
          if (!session.taskId && event?.taskId) learnTask(event.taskId, event.contextId ?? null);
          row.taskId = session.taskId;
          const id = deps.wire.insertFrame(row);
          if (session.taskId) {
            deps.tasks.setState(session.taskId, event?.state, event?.text, event?.contextId);
            deps.ctx.emit({
              type: 'stream',
              taskId: session.taskId,
              event: frameToTimeline({ ...row, id }),
            });
            if (event?.state) deps.emitTask(session.taskId);
            resolveStart({
              exchangeId: res.exchangeId,
              taskId: session.taskId,
              contextId: event?.contextId ?? null,
              kind: 'task',
              state: event?.state ?? null,
            });
          } else if (event?.kind === 'message') {
            resolveStart({
              exchangeId: res.exchangeId,
              taskId: null,
              contextId: event.contextId ?? null,
              kind: 'message',
              state: null,
            });
          } else if (event?.kind === 'error') {
            rejectStart(
              new ApiError(
                502,
                'jsonrpc_error',
                `${o.call.method}: the stream carried JSON-RPC error ${event.error?.code}: ${event.error?.message}`,
              ),
            );
          }
        });
      }
    } catch (err) {
      end = disconnected ? 'disconnected' : 'error';
      if (!disconnected && deps.ctx.db.open)
        deps.wire.finishExchange(res.exchangeId, {
          error: `Stream broke: ${(err as Error).message}`,
        });
    } finally {
      clearTimeout(firstTimer);
      if (deps.ctx.db.open) {
        if (rest.trim())
          deps.wire.insertFrame({
            ...frameRow(res.exchangeId, session.taskId, {
              raw: rest,
              at: Date.now(),
              message: null,
            }).row,
            meta: JSON.stringify({ truncated: true }),
          });
        deps.wire.finishExchange(res.exchangeId, {
          streamEnd: end,
          truncatedTail: rest.trim() !== '',
          durationMs: performance.now() - t0,
        });
      }
      resolveStart({
        exchangeId: res.exchangeId,
        taskId: session.taskId,
        contextId: null,
        kind: 'task',
        state: null,
      });
      deps.onEnd(session);
      if (session.taskId && deps.ctx.db.open) deps.emitTask(session.taskId);
    }
  })();
  try {
    return { start: await started, session };
  } catch (err) {
    session.disconnect();
    throw err;
  }
}

export function isTerminal(state: TaskState | null | undefined): boolean {
  return state !== null && state !== undefined && TERMINAL_STATES.has(state);
}
