// Browser-mode bridge: every operation of shared/api.ts becomes a same-origin fetch, engine events
// arrive over SSE (/api/events). The access token lives in an HttpOnly cookie set by the server,
// so this code never sees it. Generic over `operations`: new ops need no edit here.
import { ApiError, fillPath, operationNames, operations } from '../../shared/api';
import type { EngineEvent, OperationName, SwitchboardApi } from '../../shared/api';
import { toApiErrorCode } from '../../shared/api/error-codes';
import type { Bridge, ConnectionState } from './types';

type Fetch = typeof fetch;
type AnyOp = (args: Record<string, unknown>) => Promise<unknown>;

/** Builds the request for one operation call (exported for tests). */
export function buildRequest(
  name: OperationName,
  args: Record<string, unknown>,
): { url: string; init: RequestInit } {
  const spec = operations[name];
  const { path, rest } = fillPath(spec.path, args);
  if (spec.verb === 'GET' || spec.verb === 'DELETE') {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(rest)) {
      if (value === undefined || value === null) continue;
      query.set(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
    }
    const qs = query.toString();
    return { url: qs ? `${path}?${qs}` : path, init: { method: spec.verb } };
  }
  return {
    url: path,
    init: {
      method: spec.verb,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(rest),
    },
  };
}

/** Turns a non-2xx response into an Error carrying the server's message. */
export async function errorFrom(res: Response): Promise<ApiError> {
  let code = toApiErrorCode(undefined, res.status);
  let message = `Request failed with HTTP ${res.status}`;
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.message) message = body.error.message;
    code = toApiErrorCode(body.error?.code, res.status);
  } catch {
    // Not JSON (proxy page, crash): keep the generic message.
  }
  return new ApiError(res.status, code, message);
}

export function createHttpApi(
  fetchImpl: Fetch = fetch.bind(globalThis),
  base = '',
): SwitchboardApi {
  const api: Record<string, AnyOp> = {};
  for (const name of operationNames) {
    api[name] = async (args) => {
      const { url, init } = buildRequest(name, args ?? {});
      const res = await fetchImpl(base + url, { ...init, credentials: 'same-origin' });
      if (!res.ok) throw await errorFrom(res);
      if (operations[name].binary) return new Uint8Array(await res.arrayBuffer());
      return (await res.json()) as unknown;
    };
  }
  return api as unknown as SwitchboardApi;
}

export function createHttpBridge(base = ''): Bridge {
  const events = new Set<(e: EngineEvent) => void>();
  const states = new Set<(s: ConnectionState) => void>();
  let state: ConnectionState = 'connecting';
  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const l of states) l(state);
  };
  // EventSource reconnects by itself; we only mirror its state for the status bar.
  const source = new EventSource(base + '/api/events', { withCredentials: false });
  source.onopen = () => setState('open');
  source.onerror = () =>
    setState(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
  source.onmessage = (msg: MessageEvent<string>) => {
    let event: EngineEvent;
    try {
      event = JSON.parse(msg.data) as EngineEvent;
    } catch {
      return; // a keep-alive or a malformed frame: nothing to apply
    }
    for (const l of events) l(event);
  };
  return {
    kind: 'http',
    api: createHttpApi(fetch.bind(globalThis), base),
    onEvent(listener) {
      events.add(listener);
      return () => events.delete(listener);
    },
    onConnection(listener) {
      states.add(listener);
      listener(state);
      return () => states.delete(listener);
    },
  };
}
