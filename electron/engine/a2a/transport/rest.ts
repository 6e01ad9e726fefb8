// HTTP+JSON (REST) calls to an agent: each logical call becomes its route (rest-routes.ts),
// sent and logged through wire-http (method, path, headers, body; SSE frames for streams), and
// the answer mapped back to the JSON-RPC-equivalent result, so the rest of Switchboard reads
// one model. Error bodies of either version become RestRpcError (an RpcError with the
// equivalent JSON-RPC code, so the task and push explainers read them as they read JSON-RPC).
import { ApiError } from '../../../../shared/api';
import { normalizeResult } from '../../../../shared/a2a/normalize';
import { finding } from '../../../../shared/a2a/lint';
import { rpcErrorMeaning } from '../../../../shared/a2a/rpc-errors';
import { hasKind } from '../../../../shared/a2a/lint-rest';
import { parseRestError, type RestError } from '../../../../shared/a2a/rest-status';
import type { HeaderPair } from '../../../../shared/model';
import type { A2aWireRepo } from '../../store/a2a-wire-repo';
import type { RpcCall } from '../dialect';
import {
  DEFAULT_ANSWER_LIMIT_BYTES,
  DEFAULT_TIMEOUT_MS,
  readAnswer,
  RpcError,
  secretNames,
  type AgentTarget,
  type CallOptions,
  type RpcAnswer,
} from '../rpc-client';
import { readFrames } from '../sse-frames';
import { redactBody, sendLogged, type WireResponse } from '../wire-http';
import { refuseNonSse } from './jsonrpc-stream';
import { restRoute, type RestRoute } from './rest-routes';
import type { FrameOptions, FrameStream, TransportFrame } from './types';

/** An A2A error answered over HTTP+JSON, with its JSON-RPC equivalent code. */
export class RestRpcError extends RpcError {
  constructor(
    readonly httpStatus: number,
    readonly rest: RestError,
    method: string,
    where: string,
  ) {
    super(rest.rpcCode ?? 0, rest.message, method);
    const status = rest.status ? ` ${rest.status}` : '';
    const reason = rest.reason ? `A2A reason ${rest.reason}, ` : '';
    const code = rest.rpcCode ?? 0;
    this.message = `${method} over HTTP+JSON (${where}) failed with HTTP ${httpStatus}${status} (${reason}JSON-RPC equivalent ${code}): ${rpcErrorMeaning(code)} The agent said: "${rest.message}".`;
  }
}

/** Headers of the SDK's REST clients: JSON in, `application/a2a+json` (v1.0) or JSON out. */
function restHeaders(t: AgentTarget, stream: boolean): HeaderPair[] {
  const accept = stream
    ? 'text/event-stream'
    : t.version === '1.0'
      ? 'application/a2a+json, application/json'
      : 'application/json';
  const h: HeaderPair[] = [
    ['Content-Type', 'application/json'],
    ['Accept', accept],
  ];
  if (t.version === '1.0') h.push(['A2A-Version', '1.0']);
  for (const [n, v] of Object.entries(t.headers)) h.push([n, v]);
  return h;
}

function urlOf(t: AgentTarget, route: RestRoute): string {
  return t.rpcUrl.replace(/\/+$/, '') + route.path;
}

function send(
  wire: A2aWireRepo,
  t: AgentTarget,
  call: RpcCall,
  route: RestRoute,
  kind: 'send' | 'subscribe' | null,
  o: Pick<CallOptions, 'taskId' | 'timeoutMs' | 'redactInBody' | 'signal'>,
): Promise<WireResponse> {
  return sendLogged(wire, {
    agentId: t.agentId,
    taskId: o.taskId,
    rpcMethod: call.method,
    streamKind: kind,
    protocolVersion: t.version,
    method: route.verb,
    url: urlOf(t, route),
    transport: 'HTTP+JSON',
    headers: restHeaders(t, route.stream),
    secretHeaders: secretNames(t),
    body: route.body === undefined ? null : JSON.stringify(route.body),
    timeoutMs: o.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(o.redactInBody ? { redactInBody: o.redactInBody } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
  });
}

function parseJson(text: string): { json: unknown; error?: undefined } | { error: string } {
  try {
    return { json: JSON.parse(text) as unknown };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/** The error an HTTP+JSON answer carries: an A2A error body, else the status and the text. */
function restFailure(call: RpcCall, route: RestRoute, status: number, text: string): Error {
  const where = `${route.verb} ${route.path}`;
  const parsed = parseJson(text);
  const e = 'json' in parsed ? parseRestError(parsed.json) : null;
  if (e) return new RestRpcError(status, e, call.method, where);
  return new ApiError(
    502,
    'agent_http_error',
    `${call.method} over HTTP+JSON (${where}): the agent answered HTTP ${status} without an A2A error body: ${text.slice(0, 300) || '(empty)'}`,
  );
}

export async function callRest(
  wire: A2aWireRepo,
  t: AgentTarget,
  call: RpcCall,
  o: CallOptions,
): Promise<RpcAnswer> {
  const route = restRoute(t.version, call);
  const res = await send(wire, t, call, route, null, o);
  const text = await readAnswer(wire, t, call, res, o);
  const status = res.response.status;
  if (status >= 400) throw restFailure(call, route, status, text);
  let json: unknown = null;
  if (text.trim() !== '') {
    const parsed = parseJson(text);
    if (!('json' in parsed)) {
      const ct = res.response.headers.get('content-type') ?? 'no content type';
      throw new ApiError(
        502,
        'agent_bad_json',
        `${call.method} over HTTP+JSON (${route.verb} ${route.path}): the answer (HTTP ${status}, ${ct}) is not JSON${/html/i.test(ct) ? ': it looks like a web page, check the HTTP+JSON interface URL in the card' : ''}: ${text.slice(0, 300)}`,
      );
    }
    json = parsed.json;
  }
  return {
    result: route.result(json),
    exchangeId: res.exchangeId,
    text: redactBody(text, o.redactInBody),
    at: Date.now(),
  };
}

/** One SSE frame of an HTTP+JSON stream: its data is the bare StreamResponse (no JSON-RPC
 *  envelope), or an `event: error` frame carrying an error body. */
export function restFrame(route: RestRoute, f: TransportFrame): TransportFrame {
  const data = f.message?.data;
  if (data === undefined || data === null) return f;
  const parsed = parseJson(data);
  if (!('json' in parsed))
    return { ...f, parsed: { event: null, problem: finding('invalid-json', null, parsed.error) } };
  if (f.message?.event === 'error') {
    const e = parseRestError(parsed.json);
    return {
      ...f,
      parsed: {
        event: {
          kind: 'error',
          shape: 'unknown',
          error: { code: e?.rpcCode ?? 0, message: e?.message ?? data.slice(0, 300) },
        },
      },
    };
  }
  const json = parsed.json;
  // Fields of the other binding: a JSON-RPC envelope, or v0.3's JSON-RPC objects (`kind`).
  if (typeof json === 'object' && json !== null && 'jsonrpc' in json)
    return { ...f, parsed: { event: null, problem: finding('rest-jsonrpc-envelope', null) } };
  const event = normalizeResult(route.event(json));
  if (event.kind === 'unknown')
    return { ...f, parsed: { event: null, problem: finding('rest-not-stream-response', null) } };
  if (route.version === '0.3' && hasKind(json))
    return { ...f, parsed: { event, problem: finding('rest-v03-shape', null) } };
  return { ...f, parsed: { event } };
}

export async function openRestFrames(
  wire: A2aWireRepo,
  t: AgentTarget,
  call: RpcCall,
  kind: 'send' | 'subscribe',
  o: FrameOptions,
): Promise<FrameStream> {
  const route = restRoute(t.version, call);
  const res = await send(wire, t, call, route, kind, o);
  await refuseNonSse(
    wire,
    res,
    call.method,
    o.timeoutMs,
    t.answerLimitBytes ?? DEFAULT_ANSWER_LIMIT_BYTES,
    (text) => {
      if (res.response.status >= 400) throw restFailure(call, route, res.response.status, text);
    },
  );
  res.clearTimeout();
  return {
    exchangeId: res.exchangeId,
    contentType: res.response.headers.get('content-type'),
    read: async (onFrames) =>
      res.response.body
        ? readFrames(
            res.response.body,
            (frames) => onFrames(frames.map((f) => restFrame(route, f))),
            o.limits,
          )
        : '',
  };
}
