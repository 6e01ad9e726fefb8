// Every HTTP exchange with an agent goes through here: the request is written to the wire log
// before it is sent, the response (status, headers, body) after. Transport failures become
// ApiErrors a user can act on (unreachable, timeout). Custom header values are redacted in
// the log, because the wire log is displayed and copied (curl) and secrets are never logged.
import { ApiError } from '../../../shared/api';
import type { HeaderPair } from '../../../shared/model';
import type { A2aWireRepo, NewExchange } from '../store/a2a-wire-repo';

export const REDACTED = '«redacted»';

export interface WireRequest {
  agentId: number | null;
  taskId: string | null;
  rpcMethod: string | null;
  streamKind: 'send' | 'subscribe' | null;
  protocolVersion: string | null;
  method: 'GET' | 'POST';
  url: string;
  headers: HeaderPair[];
  /** Names of headers whose values are secrets (redacted in the log). */
  secretHeaders: ReadonlySet<string>;
  body: string | null;
  timeoutMs: number;
  /** Strings to redact from the logged body (e.g. the HMAC secret of the tutorial dialect). */
  redactInBody?: string[];
  signal?: AbortSignal;
}

export interface WireResponse {
  exchangeId: number;
  response: Response;
  startedAt: number;
  headers: HeaderPair[];
  /** Cancels the timeout (stream readers call it once headers are in). */
  clearTimeout(): void;
}

export function redactHeaders(headers: HeaderPair[], secret: ReadonlySet<string>): HeaderPair[] {
  return headers.map(([n, v]) => [n, secret.has(n.toLowerCase()) ? REDACTED : v]);
}

export function redactBody(body: string, secrets: string[] | undefined): string {
  let out = body;
  for (const s of secrets ?? []) if (s) out = out.split(s).join(REDACTED);
  return out;
}

export async function sendLogged(wire: A2aWireRepo, req: WireRequest): Promise<WireResponse> {
  const startedAt = Date.now();
  const logged: NewExchange = {
    agentId: req.agentId,
    taskId: req.taskId,
    startedAt,
    rpcMethod: req.rpcMethod,
    streamKind: req.streamKind,
    protocolVersion: req.protocolVersion,
    method: req.method,
    url: req.url,
    requestHeaders: redactHeaders(req.headers, req.secretHeaders),
    requestBody: redactBody(req.body ?? '', req.redactInBody),
  };
  const exchangeId = wire.insertExchange(logged);
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), req.timeoutMs);
  const signal = req.signal ? AbortSignal.any([req.signal, timeout.signal]) : timeout.signal;
  const t0 = performance.now();
  try {
    const response = await fetch(req.url, {
      method: req.method,
      headers: req.headers,
      ...(req.body !== null ? { body: req.body } : {}),
      signal,
      redirect: 'manual',
    });
    const headers: HeaderPair[] = [...response.headers.entries()];
    wire.finishExchange(exchangeId, {
      status: response.status,
      responseHeaders: headers,
      contentType: response.headers.get('content-type'),
      durationMs: performance.now() - t0,
    });
    return { exchangeId, response, startedAt, headers, clearTimeout: () => clearTimeout(timer) };
  } catch (err) {
    clearTimeout(timer);
    const timedOut = timeout.signal.aborted;
    const message = timedOut
      ? `No answer from ${req.url} within ${req.timeoutMs} ms.`
      : `Cannot reach ${req.url}: ${causeOf(err)}.`;
    wire.finishExchange(exchangeId, { error: message, durationMs: performance.now() - t0 });
    if (req.signal?.aborted) throw new ApiError(499, 'aborted', 'The request was cancelled.');
    throw timedOut
      ? new ApiError(
          504,
          'agent_timeout',
          `${message} The agent may be busy or hung; try again or raise the timeout.`,
        )
      : new ApiError(
          502,
          'agent_unreachable',
          `${message} Is the agent running, and is the URL (host, port) right?`,
        );
  }
}

/** Reads the whole body as text with the same timeout budget and logs it (with `redact`
 *  strings replaced, e.g. a notification token the agent echoes back). */
export async function readLoggedBody(
  wire: A2aWireRepo,
  res: WireResponse,
  timeoutMs: number,
  redact?: string[],
): Promise<string> {
  try {
    const text = await withTimeout(res.response.text(), timeoutMs);
    wire.finishExchange(res.exchangeId, { responseBody: redactBody(text, redact) });
    return text;
  } catch (err) {
    const message = `The agent's answer body could not be read: ${(err as Error).message}`;
    wire.finishExchange(res.exchangeId, { error: message });
    throw new ApiError(504, 'agent_timeout', message);
  } finally {
    res.clearTimeout();
  }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e: unknown) => (clearTimeout(t), reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });
}

function causeOf(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err as Error).message;
}
