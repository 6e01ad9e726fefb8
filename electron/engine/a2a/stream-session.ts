// One open stream with an agent (message/stream, SendStreamingMessage, resubscribe,
// SubscribeToTask) over any transport (transport/index.ts openFrames). The frames each network
// chunk (or gRPC message) completes are stored in one transaction (one batched insert of raw text
// + arrival time, linted as they arrive: frame-store.ts), then one 'timeline' event goes out for
// the chunk and a 'task' event when the state changed. `started` resolves once the task id is known (first
// frame naming it), so callers can answer `{taskId}` while the stream goes on.
import { ApiError } from '../../../shared/api';
import type { ApiErrorCode } from '../../../shared/api/error-codes';
import type { Finding, TaskState, TimelineEvent } from '../../../shared/a2a/types';
import type { EngineContext } from '../context';
import type { A2aTasksRepo, TaskPush } from '../store/a2a-tasks-repo';
import type { A2aFindingsRepo } from '../store/a2a-findings-repo';
import type { A2aWireRepo } from '../store/a2a-wire-repo';
import type { RpcCall } from './dialect';
import { frameRow } from './frame-record';
import { createFrameStore, type ParsedFrame } from './frame-store';
import type { TimelineFeed } from './timeline-feed';
import { DEFAULT_TIMEOUT_MS, RpcError, type AgentTarget } from './rpc-client';
import { finding } from '../../../shared/a2a/lint';
import { FrameLimitError } from './sse-frames';
import { openFrames, type TransportFrame } from './transport';

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
  findings: A2aFindingsRepo;
  /** Where stored rows go out as 'timeline' events. */
  feed: TimelineFeed;
  /** Registry bookkeeping: the session learned its task id / ended. */
  onOpen(session: StreamSession): void;
  onTask(taskId: string, session: StreamSession): void;
  onEnd(session: StreamSession): void;
  emitTask(taskId: string): void;
  /** A task Switchboard did not know before (its webhooks may already be stored). */
  onNewTask(taskId: string): void;
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
  const s = deps.ctx.settings.get();
  const res = await openFrames(deps.wire, o.target, o.call, o.kind, {
    taskId: o.taskId,
    timeoutMs,
    signal: abort.signal,
    ...(o.redactInBody ? { redactInBody: o.redactInBody } : {}),
    limits: { maxFrameBytes: s.sseFrameLimitBytes, maxStreamBytes: s.sseStreamLimitBytes },
  });
  const gate = startGate(res.exchangeId, o.call.method, timeoutMs);
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
  const { db } = deps.ctx;
  let lastState: TaskState | undefined;
  const learnTask = (taskId: string, contextId: string | null) => {
    session.taskId = taskId;
    const t = {
      taskId,
      agentId: o.target.agentId,
      contextId,
      protocolVersion: o.target.version,
      push: o.push,
    };
    const isNew = deps.tasks.ensure(t);
    deps.wire.assignTask(res.exchangeId, taskId);
    deps.onTask(taskId, session);
    if (isNew) deps.onNewTask(taskId);
  };
  deps.onOpen(session);
  if (o.taskId) learnTask(o.taskId, null);

  const store = createFrameStore({ db, wire: deps.wire, findings: deps.findings }, res.exchangeId, {
    version: o.target.version,
    method: o.kind,
    contentType: res.contentType,
    transport: o.target.transport,
  });
  // Rows stored before the task was known, and the opening findings: sent once it is.
  let unsent: TimelineEvent[] = [];
  let unsentFindings = store.opening;
  const send = (events: TimelineEvent[], findings: Finding[] = []) => {
    if (!session.taskId) {
      unsent.push(...events);
      unsentFindings = [...unsentFindings, ...findings];
      return;
    }
    const all = unsent.length ? [...unsent, ...events] : events;
    const found = unsentFindings.length ? [...unsentFindings, ...findings] : findings;
    unsent = [];
    unsentFindings = [];
    deps.feed.stream(session.taskId, all, found);
  };

  const ingest = (frames: TransportFrame[]) => {
    if (!db.open) return;
    let changed = false;
    // The task row takes the batch's last state and text: one UPDATE per network chunk.
    const latest: { state?: TaskState; text?: string; contextId?: string | undefined } = {};
    let stored: TimelineEvent[] = [];
    db.transaction(() => {
      const parsed: ParsedFrame[] = new Array<ParsedFrame>(frames.length);
      for (let i = 0; i < frames.length; i++) {
        const p = frameRow(res.exchangeId, session.taskId, frames[i] as TransportFrame);
        parsed[i] = p;
        const { event } = p;
        if (!session.taskId && event?.taskId) learnTask(event.taskId, event.contextId ?? null);
        if (session.taskId) {
          if (event?.state && event.state !== lastState) changed = true;
          if (event?.state) latest.state = event.state;
          if (event?.text) latest.text = event.text;
          latest.contextId ??= event?.contextId;
          lastState = latest.state ?? lastState;
          // An error as the first event (e.g. resubscribing to a finished task) fails the call.
          if (event?.kind === 'error') gate.fail(event.error);
          else gate.task(session.taskId, event?.contextId ?? null, event?.state ?? null);
        } else if (event?.kind === 'message') {
          gate.message(event.contextId ?? null);
        } else if (event?.kind === 'error') {
          gate.fail(event.error);
        }
      }
      // Frames of the chunk before the one naming the task belong to it too (as assignTask
      // does for earlier chunks).
      for (const p of parsed) p.row.taskId = session.taskId;
      stored = store.store(parsed);
      if (session.taskId && (latest.state || latest.text || latest.contextId)) {
        deps.tasks.setState(session.taskId, latest.state, latest.text, latest.contextId);
      }
    })();
    send(stored);
    if (changed && session.taskId) deps.emitTask(session.taskId);
  };
  /** A frame Switchboard cut (a cap, or an unterminated tail): stored, linted, sent. */
  const storeCut = (raw: string, meta: ParsedFrame['meta']) => {
    const { row, event } = frameRow(res.exchangeId, session.taskId, {
      raw,
      at: Date.now(),
      message: null,
    });
    send(
      db.transaction(() =>
        store.store([{ row: { ...row, meta: JSON.stringify(meta) }, event, meta }]),
      )(),
    );
  };

  const t0 = performance.now();
  session.done = (async () => {
    let end: 'complete' | 'disconnected' | 'error' = 'complete';
    let rest = '';
    try {
      rest = await res.read(ingest);
    } catch (err) {
      end = disconnected ? 'disconnected' : 'error';
      if (err instanceof FrameLimitError && db.open) {
        // Keep what was received (up to the cap) as a frame carrying the finding.
        const rule = err.which === 'frame' ? 'frame-too-large' : 'stream-too-large';
        storeCut(err.partial, { truncated: true, problem: finding(rule, null, err.message) });
        deps.wire.finishExchange(res.exchangeId, { error: `Stream closed: ${err.message}.` });
        gate.refuse(err.message, 'agent_too_large');
      } else if (!disconnected && db.open) {
        deps.wire.finishExchange(res.exchangeId, {
          error: `Stream broke: ${(err as Error).message}`,
        });
      }
    } finally {
      gate.end(session.taskId);
      if (db.open) {
        const truncatedTail = rest.trim() !== '';
        if (truncatedTail) storeCut(rest, { truncated: true });
        const durationMs = performance.now() - t0;
        const ending = db.transaction(() => {
          deps.wire.finishExchange(res.exchangeId, { streamEnd: end, truncatedTail, durationMs });
          return store.end(end, truncatedTail);
        })();
        send([], ending);
      }
      deps.onEnd(session);
      if (session.taskId && db.open) deps.emitTask(session.taskId);
    }
  })();
  try {
    return { start: await gate.started, session };
  } catch (err) {
    session.disconnect();
    throw err;
  }
}

/** Resolves once with the first fact that tells the caller what the stream is about. */
function startGate(exchangeId: number, method: string, timeoutMs: number) {
  let resolve!: (s: StreamStart) => void;
  let reject!: (e: Error) => void;
  const started = new Promise<StreamStart>((a, b) => ((resolve = a), (reject = b)));
  const timer = setTimeout(
    () =>
      reject(
        new ApiError(
          504,
          'agent_timeout',
          `${method}: the stream opened but no event named a task within ${timeoutMs} ms.`,
        ),
      ),
    timeoutMs,
  );
  // Why the flag: every frame of a task stream reports it; only the first may settle the
  // start (the promise would ignore the rest, but not their timer and object work per frame).
  let settled = false;
  const settle = () => {
    if (settled) return false;
    settled = true;
    clearTimeout(timer);
    return true;
  };
  const done = (s: Omit<StreamStart, 'exchangeId'>) => {
    if (settle()) resolve({ exchangeId, ...s });
  };
  return {
    started,
    task: (taskId: string, contextId: string | null, state: TaskState | null) => {
      if (!settled) done({ taskId, contextId, kind: 'task', state });
    },
    message: (contextId: string | null) => {
      if (!settled) done({ taskId: null, contextId, kind: 'message', state: null });
    },
    /** A JSON-RPC error in the stream before anything else: the call failed. */
    fail: (error: { code?: number; message?: string } | undefined) => {
      if (settle())
        reject(new RpcError(error?.code ?? 0, error?.message ?? '', `${method} (in the stream)`));
    },
    /** Switchboard ended the stream itself (e.g. a size cap) before it named a task. */
    refuse: (why: string, code: ApiErrorCode) => {
      if (settle()) reject(new ApiError(502, code, `${method}: ${why}`));
    },
    end: (taskId: string | null) => done({ taskId, contextId: null, kind: 'task', state: null }),
  };
}
