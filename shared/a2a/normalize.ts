// Reduces a stream result or a webhook body of any dialect (v0.3 `kind`-tagged objects, v1.0
// `{task|message|statusUpdate|artifactUpdate}` wrappers, the tutorial's flat body) to a
// NormalizedEvent. Never throws: unknown shapes come back as kind 'unknown'.
import type { NormalizedEvent, TaskState } from './types';
import { TASK_STATES } from './types';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

// Why a cache: every stream frame names its state, and a stream uses a handful of spellings.
// Bounded, since the spelling comes from the agent.
const STATE_CACHE_LIMIT = 64;
const stateCache = new Map<string, TaskState>();

/** 'TASK_STATE_INPUT_REQUIRED' | 'input-required' | 'input_required' | 'canceled' → TaskState. */
export function normalizeState(raw: unknown): TaskState | undefined {
  if (typeof raw !== 'string' || raw === '') return undefined;
  const known = stateCache.get(raw);
  if (known) return known;
  let s = raw
    .trim()
    .toLowerCase()
    .replace(/^task_state_/, '')
    .replace(/_/g, '-');
  if (s === 'cancelled') s = 'canceled';
  const state = (TASK_STATES as readonly string[]).includes(s) ? (s as TaskState) : 'unknown';
  if (stateCache.size < STATE_CACHE_LIMIT) stateCache.set(raw, state);
  return state;
}

/** Joins the text of parts in either spelling (v0.3 `{kind:'text', text}`, v1.0 `{text}`). */
export function partsText(parts: unknown): string | undefined {
  if (!Array.isArray(parts)) return undefined;
  let text: string | undefined;
  for (const p of parts as unknown[])
    if (isObj(p) && typeof p['text'] === 'string') text = (text ?? '') + p['text'];
  return text;
}

function messageText(m: unknown): string | undefined {
  return isObj(m) ? partsText(m['parts']) : undefined;
}

function fromTask(t: Obj, shape: NormalizedEvent['shape']): NormalizedEvent {
  const status = isObj(t['status']) ? t['status'] : {};
  return clean({
    kind: 'task',
    shape,
    taskId: str(t['id']),
    contextId: str(t['contextId']),
    state: normalizeState(status['state']),
    text: messageText(status['message']),
  });
}

function fromStatus(e: Obj, shape: NormalizedEvent['shape']): NormalizedEvent {
  const status = isObj(e['status']) ? e['status'] : {};
  return clean({
    kind: 'status-update',
    shape,
    taskId: str(e['taskId']),
    contextId: str(e['contextId']),
    state: normalizeState(status['state']),
    text: messageText(status['message']),
    final: typeof e['final'] === 'boolean' ? e['final'] : undefined,
  });
}

function fromArtifact(e: Obj, shape: NormalizedEvent['shape']): NormalizedEvent {
  const a = isObj(e['artifact']) ? e['artifact'] : {};
  return clean({
    kind: 'artifact-update',
    shape,
    taskId: str(e['taskId']),
    contextId: str(e['contextId']),
    text: partsText(a['parts']),
    artifact: clean({
      id: str(a['artifactId']) ?? '',
      name: str(a['name']),
      append: e['append'] === true,
      lastChunk: e['lastChunk'] === true,
    }),
  });
}

function fromMessage(m: Obj, shape: NormalizedEvent['shape']): NormalizedEvent {
  return clean({
    kind: 'message',
    shape,
    taskId: str(m['taskId']),
    contextId: str(m['contextId']),
    text: messageText(m),
  });
}

/** A JSON-RPC `result` (stream frame or call answer) of either protocol version. */
export function normalizeResult(result: unknown): NormalizedEvent {
  if (!isObj(result)) return { kind: 'unknown', shape: 'unknown' };
  switch (result['kind']) {
    case 'task':
      return fromTask(result, 'v0.3');
    case 'status-update':
      return fromStatus(result, 'v0.3');
    case 'artifact-update':
      return fromArtifact(result, 'v0.3');
    case 'message':
      return fromMessage(result, 'v0.3');
  }
  if (isObj(result['task'])) return fromTask(result['task'], 'v1.0');
  if (isObj(result['statusUpdate'])) return fromStatus(result['statusUpdate'], 'v1.0');
  if (isObj(result['artifactUpdate'])) return fromArtifact(result['artifactUpdate'], 'v1.0');
  if (isObj(result['message'])) return fromMessage(result['message'], 'v1.0');
  // A bare v1.0 Task (GetTask / CancelTask answers carry no wrapper).
  if (typeof result['id'] === 'string' && isObj(result['status'])) return fromTask(result, 'v1.0');
  return { kind: 'unknown', shape: 'unknown' };
}

/** A JSON-RPC envelope (one SSE frame's data): result, or error. */
export function normalizeEnvelope(envelope: unknown): NormalizedEvent {
  if (isObj(envelope) && isObj(envelope['error'])) {
    const e = envelope['error'];
    return {
      kind: 'error',
      shape: 'unknown',
      error: {
        code: typeof e['code'] === 'number' ? e['code'] : 0,
        message: String(e['message'] ?? ''),
      },
    };
  }
  return normalizeResult(isObj(envelope) ? envelope['result'] : undefined);
}

/** A webhook body: v1.0 StreamResponse, v0.3 Task, or the tutorial's `{taskId, status, message}`. */
export function normalizeWebhook(body: unknown): NormalizedEvent {
  const n = normalizeResult(body);
  if (n.kind !== 'unknown' || !isObj(body)) return n;
  if (typeof body['taskId'] === 'string' && typeof body['status'] === 'string') {
    return clean({
      kind: 'status-update',
      shape: 'unknown',
      taskId: body['taskId'],
      state: normalizeState(body['status']),
      text: str(body['message']) ?? str(body['preview']),
    });
  }
  return n;
}

/** A copy without the undefined fields, so stored JSON stays small and
 *  exactOptionalPropertyTypes-safe (copied, not deleted: `delete` slows every later read). */
function clean<T extends object>(o: T): T {
  const out = {} as T;
  for (const k in o) if (o[k] !== undefined) out[k] = o[k];
  return out;
}
