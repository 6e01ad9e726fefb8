// Hand-built JSON-RPC 2.0 over fetch: one logged exchange per call, A2A-Version header for
// v1.0, the agent's custom headers, and errors translated into sentences (JSON-RPC code and
// meaning, non-JSON answers, HTTP errors).
import { randomUUID } from 'node:crypto';
import { ApiError } from '../../../shared/api';
import { rpcErrorMeaning } from '../../../shared/a2a/rpc-errors';
import type { Transport } from '../../../shared/a2a/transports';
import type { ProtocolVersion } from '../../../shared/a2a/types';
import type { HeaderPair } from '../../../shared/model';
import type { A2aWireRepo } from '../store/a2a-wire-repo';
import type { RpcCall } from './dialect';
import {
  readLoggedBody,
  redactBody,
  refuseRedirect,
  sendLogged,
  type WireResponse,
} from './wire-http';

export interface AgentTarget {
  agentId: number;
  /** The binding spoken to this agent (transport/index.ts dispatches on it). */
  transport: Transport;
  /** URL of the card's interface for `transport` and `version` (JSON-RPC endpoint, HTTP+JSON
   *  base URL, or gRPC address). */
  rpcUrl: string;
  version: ProtocolVersion;
  /** Custom headers (secret values). */
  headers: Record<string, string>;
  /** Cap on a non-stream answer body (the rpcAnswerLimitBytes setting). */
  answerLimitBytes?: number;
}

export interface CallOptions {
  taskId: string | null;
  timeoutMs?: number | undefined;
  /** Secrets to keep out of the wire log, in the request and in the answer. */
  redactInBody?: string[];
  signal?: AbortSignal;
  /** Accept a JSON-RPC 2.0 answer without `result` (some SDKs answer delete so): the caller
   *  completes the action and the timeline shows an `rpc-missing-result` finding. */
  allowMissingResult?: boolean;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_ANSWER_LIMIT_BYTES = 16 * 1024 * 1024;

export function requestHeaders(t: AgentTarget, stream: boolean): HeaderPair[] {
  const h: HeaderPair[] = [
    ['Content-Type', 'application/json'],
    ['Accept', stream ? 'text/event-stream' : 'application/json'],
  ];
  if (t.version === '1.0') h.push(['A2A-Version', '1.0']);
  for (const [n, v] of Object.entries(t.headers)) h.push([n, v]);
  return h;
}

export function secretNames(t: AgentTarget): Set<string> {
  return new Set(Object.keys(t.headers).map((n) => n.toLowerCase()));
}

export function envelope(call: RpcCall): string {
  return JSON.stringify({
    jsonrpc: '2.0',
    id: randomUUID(),
    method: call.method,
    params: call.params,
  });
}

/** Sends the request; for streams the caller reads the body (see stream-session.ts). */
export function post(
  wire: A2aWireRepo,
  t: AgentTarget,
  call: RpcCall,
  stream: 'send' | 'subscribe' | null,
  o: CallOptions,
): Promise<WireResponse> {
  return sendLogged(wire, {
    agentId: t.agentId,
    taskId: o.taskId,
    rpcMethod: call.method,
    streamKind: stream,
    protocolVersion: t.version,
    method: 'POST',
    url: t.rpcUrl,
    transport: 'JSONRPC',
    headers: requestHeaders(t, stream !== null),
    secretHeaders: secretNames(t),
    body: envelope(call),
    timeoutMs: o.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(o.redactInBody ? { redactInBody: o.redactInBody } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
  });
}

export class RpcError extends ApiError {
  constructor(
    readonly rpcCode: number,
    readonly rpcMessage: string,
    method: string,
  ) {
    super(
      rpcCode === -32001 ? 404 : 502,
      'jsonrpc_error',
      `${method} failed with JSON-RPC error ${rpcCode}: ${rpcErrorMeaning(rpcCode)} The agent said: "${rpcMessage}".`,
    );
  }
}

/** True for `{"jsonrpc":"2.0","id":..}` with neither `result` nor `error`. */
export function isResultlessAnswer(json: unknown): boolean {
  if (!json || typeof json !== 'object' || Array.isArray(json)) return false;
  const env = json as Record<string, unknown>;
  return env['jsonrpc'] === '2.0' && !('result' in env) && !('error' in env);
}

/** Parses a JSON-RPC answer body; throws RpcError / ApiError; returns `result`. */
export function parseRpcAnswer(
  method: string,
  status: number,
  text: string,
  allowMissingResult = false,
): unknown {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    if (status >= 400)
      throw new ApiError(
        502,
        'agent_http_error',
        `${method}: the agent answered HTTP ${status}: ${text.slice(0, 300)}`,
      );
    throw new ApiError(
      502,
      'agent_bad_json',
      `${method}: the agent's answer is not JSON: ${text.slice(0, 300)}`,
    );
  }
  const env = json as {
    jsonrpc?: unknown;
    result?: unknown;
    error?: { code?: unknown; message?: unknown };
  } | null;
  if (env && typeof env === 'object' && env.error && typeof env.error === 'object') {
    throw new RpcError(
      typeof env.error.code === 'number' ? env.error.code : 0,
      String(env.error.message ?? ''),
      method,
    );
  }
  if (status >= 400)
    throw new ApiError(
      502,
      'agent_http_error',
      `${method}: the agent answered HTTP ${status}: ${text.slice(0, 300)}`,
    );
  if (allowMissingResult && isResultlessAnswer(env)) return undefined;
  if (!env || typeof env !== 'object' || env.jsonrpc !== '2.0' || !('result' in env)) {
    throw new ApiError(
      502,
      'agent_bad_jsonrpc',
      `${method}: the answer is JSON but not a JSON-RPC 2.0 response (no result/error).`,
    );
  }
  return env.result;
}

export interface RpcAnswer {
  result: unknown;
  exchangeId: number;
  /** The answer body exactly as received. */
  text: string;
  at: number;
}

/** A 2xx web page where JSON-RPC was expected: say so rather than "not JSON". */
function refuseHtmlPage(method: string, res: WireResponse): void {
  const ct = res.response.headers.get('content-type') ?? '';
  if (res.response.status >= 400 || !/^text\/html\b/i.test(ct)) return;
  throw new ApiError(
    502,
    'agent_bad_json',
    `${method}: the RPC URL answered an HTML page (${ct}), not JSON-RPC. It may be a web page rather than the agent's endpoint: check the interface URL in the agent's card.`,
  );
}

/** A unary answer's body as logged (redirects refused, capped by the target's answer limit):
 *  the same for every HTTP transport. */
export function readAnswer(
  wire: A2aWireRepo,
  t: AgentTarget,
  call: RpcCall,
  res: WireResponse,
  o: CallOptions,
): Promise<string> {
  refuseRedirect(res, call.method);
  return readLoggedBody(
    wire,
    res,
    o.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    t.answerLimitBytes ?? DEFAULT_ANSWER_LIMIT_BYTES,
    "agent's answer",
    o.redactInBody,
  );
}

export async function callRpc(
  wire: A2aWireRepo,
  t: AgentTarget,
  call: RpcCall,
  o: CallOptions,
): Promise<RpcAnswer> {
  const res = await post(wire, t, call, null, o);
  const text = await readAnswer(wire, t, call, res, o);
  refuseHtmlPage(call.method, res);
  return {
    result: parseRpcAnswer(call.method, res.response.status, text, o.allowMissingResult),
    exchangeId: res.exchangeId,
    // The logged form: secrets the agent echoes (tokens) never reach the timeline either.
    text: redactBody(text, o.redactInBody),
    at: Date.now(),
  };
}
