// One push scenario of the agent report: a task started with push to a path of Switchboard's
// receiver that only this scenario uses (so its captures and its response rule are its own),
// then the captures that path received, collected until the scenario is settled or times out.
import { createHash } from 'node:crypto';
import type { EngineHandlers } from '../../../shared/api';
import type { PushDialect, TaskState } from '../../../shared/a2a/types';
import type { Transport } from '../../../shared/a2a/transports';
import { normalizeWebhook } from '../../../shared/a2a/normalize';
import type { ResponseRuleInput } from '../../../shared/api/captures';
import type { CaptureDetail } from '../../../shared/model';

export type ReportHandlers = Pick<
  EngineHandlers,
  | 'listAgents'
  | 'addAgent'
  | 'updateAgent'
  | 'sendMessage'
  | 'disconnectTask'
  | 'getTimeline'
  | 'listCaptures'
  | 'getCapture'
  | 'getCaptureBody'
  | 'listResponseRules'
  | 'setResponseRules'
  | 'receiverInfo'
  | 'listAudit'
>;

export interface ScenarioSpec {
  name: string;
  dialect: PushDialect;
  /** Drive the task over this transport (default: the agent's own). */
  transport?: Transport;
  /** What the receiver answers on this scenario's path (one rule, matched first). */
  rule?: Omit<ResponseRuleInput, 'path' | 'id'>;
  /** Disconnect the client's stream right after the task started. */
  disconnect?: boolean;
  /** Reach the receiver through a front that drops its first N connections (receiver down). */
  dropConnections?: number;
  /** Settled when this holds (checked after every new capture and while quiet). */
  settled: (s: ScenarioState) => boolean;
}

export interface Hook {
  capture: CaptureDetail;
  /** sha256 of the raw body: attempts of one delivery carry the same bytes. */
  bodyHash: string;
  body: unknown;
  state: TaskState | undefined;
  taskId: string | undefined;
}

export interface ScenarioState {
  hooks: Hook[];
  /** ms since the last capture arrived (or since the start). */
  quietMs: number;
}

export interface ScenarioResult {
  spec: ScenarioSpec;
  path: string;
  taskId: string | null;
  /** Why the task could not be started, when it could not. */
  error: string | null;
  hooks: Hook[];
  startedAt: number;
  timedOut: boolean;
  /** States the client's stream went through, in order. */
  streamStates: TaskState[];
}

const VERIFY_WAIT_MS = 5000;

export function scenarioPath(
  runId: string,
  spec: Pick<ScenarioSpec, 'name' | 'dialect' | 'transport'>,
): string {
  const over = spec.transport ? `-${transportSlug(spec.transport)}` : '';
  return `/webhook/agent-report/${runId}/${spec.dialect}/${spec.name}${over}`;
}

/** "HTTP+JSON" → "http-json": for paths and check ids. */
export const transportSlug = (t: Transport) => t.toLowerCase().replace(/[^a-z]+/g, '-');

export function ruleFor(runId: string, spec: ScenarioSpec): ResponseRuleInput | null {
  if (!spec.rule) return null;
  return {
    ...spec.rule,
    id: `agent-report-${runId}-${spec.dialect}-${spec.name}`.slice(0, 64),
    method: 'POST',
    path: scenarioPath(runId, spec),
  };
}

/** Starts the scenario's task; call while the agent's push dialect is set to spec.dialect. */
export async function startScenario(
  h: ReportHandlers,
  agentId: number,
  runId: string,
  spec: ScenarioSpec,
  message: string,
  /** Base URL the agent is given (default: the receiver's). */
  base?: string,
): Promise<{ taskId: string | null; error: string | null; startedAt: number }> {
  const startedAt = Date.now();
  const receiver = base ?? (await h.receiverInfo({})).url;
  try {
    const sent = await h.sendMessage({
      id: agentId,
      text: message,
      stream: true,
      push: true,
      pushUrl: `${receiver}${scenarioPath(runId, spec)}`,
    });
    if (sent.taskId && spec.disconnect) await h.disconnectTask({ taskId: sent.taskId });
    return {
      taskId: sent.taskId,
      error: sent.taskId ? null : 'the agent answered with a message, no task',
      startedAt,
    };
  } catch (err) {
    return { taskId: null, error: (err as Error).message, startedAt };
  }
}

/** Collects the scenario's captures until settled or `timeoutMs` after its start. */
export async function collectScenario(
  h: ReportHandlers,
  runId: string,
  spec: ScenarioSpec,
  started: { taskId: string | null; error: string | null; startedAt: number },
  timeoutMs: number,
): Promise<ScenarioResult> {
  const path = scenarioPath(runId, spec);
  const hooks: Hook[] = [];
  const seen = new Set<number>();
  let lastArrival = Date.now();
  let timedOut = false;
  for (;;) {
    const page = await h.listCaptures({ path, limit: 1000 });
    const fresh = page.items.filter((c) => !seen.has(c.id) && c.path === path);
    for (const c of fresh.sort((a, b) => a.id - b.id)) {
      const hook = await hookOf(h, c.id);
      // Stored before it is verified: wait for its checks (in arrival order), unless a
      // verification never comes (then judge what there is).
      if (!hook.capture.checks.length && Date.now() - c.receivedAt < VERIFY_WAIT_MS) break;
      seen.add(c.id);
      hooks.push(hook);
      lastArrival = Date.now();
    }
    if (started.error) break;
    if (spec.settled({ hooks, quietMs: Date.now() - lastArrival })) break;
    if (Date.now() - started.startedAt > timeoutMs) {
      timedOut = true;
      break;
    }
    await new Promise((r) => setTimeout(r, 40));
  }
  return {
    spec,
    path,
    taskId: started.taskId,
    error: started.error,
    hooks,
    startedAt: started.startedAt,
    timedOut,
    streamStates: started.taskId ? await streamStates(h, started.taskId) : [],
  };
}

async function hookOf(h: ReportHandlers, id: number): Promise<Hook> {
  const capture = await h.getCapture({ id });
  const bytes = await h.getCaptureBody({ id });
  let body: unknown = null;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    body = null;
  }
  const n = normalizeWebhook(body);
  return {
    capture,
    bodyHash: createHash('sha256').update(bytes).digest('hex'),
    body,
    state: n.state,
    taskId: n.taskId,
  };
}

async function streamStates(h: ReportHandlers, taskId: string): Promise<TaskState[]> {
  try {
    const timeline = await h.getTimeline({ taskId });
    const states: TaskState[] = [];
    for (const e of timeline.events) {
      if (e.source === 'stream' && e.state && states.at(-1) !== e.state) states.push(e.state);
    }
    return states;
  } catch {
    return [];
  }
}
