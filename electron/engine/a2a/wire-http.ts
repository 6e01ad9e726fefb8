// Every HTTP exchange with an agent goes through here: the request is written to the wire log
// before it is sent, the response (status, headers, body) after. Transport failures become
// ApiErrors a user can act on (unreachable, timeout). Custom header values are redacted in
// the log, because the wire log is displayed and copied (curl) and secrets are never logged.
import { ApiError } from '../../../shared/api';
import type { Transport } from '../../../shared/a2a/transports';
import type { HeaderPair } from '../../../shared/model';
import type { A2aWireRepo, NewExchange } from '../store/a2a-wire-repo';
import { formatSize } from '../../../shared/format-size';

const utf8 = new TextDecoder();

export const REDACTED = '«redacted»';

export interface LoggedRequest {
  agentId: number | null;
  taskId: string | null;
  rpcMethod: string | null;
  streamKind: 'send' | 'subscribe' | null;
  protocolVersion: string | null;
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  /** Logged with the exchange; absent = JSON-RPC. */
  transport?: Transport;
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

export async function sendLogged(wire: A2aWireRepo, req: LoggedRequest): Promise<WireResponse> {
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
    ...(req.transport ? { transport: req.transport } : {}),
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

/** Why: redirects are never followed (the custom headers would go wherever the agent points);
 *  a 3xx is explained instead of being parsed as an answer. */
export function refuseRedirect(res: WireResponse, what: string): void {
  const status = res.response.status;
  if (status < 300 || status >= 400) return;
  const to = res.response.headers.get('location');
  res.clearTimeout();
  void res.response.body?.cancel().catch(() => undefined);
  throw new ApiError(
    502,
    'agent_redirect',
    `${what}: the agent answered HTTP ${status}, redirecting to ${to ?? '(no Location header)'}. Redirects are not followed (the request carries your message and custom headers); use that URL as the agent URL, or fix the endpoint in its card.`,
  );
}

/** Reads the body as text, at most `limitBytes`, with the same timeout budget, and logs it
 *  (with `redact` strings replaced, e.g. a notification token the agent echoes back).
 *  Why the cap: an agent is untrusted, and a huge answer would swell memory and the store.
 *  Past it, reading stops, the bytes received up to the cap are logged, and the error says so. */
export async function readLoggedBody(
  wire: A2aWireRepo,
  res: WireResponse,
  timeoutMs: number,
  limitBytes: number,
  what = "agent's answer",
  redact?: string[],
): Promise<string> {
  try {
    const { text, overflow } = await readCapped(res.response, limitBytes, timeoutMs);
    if (overflow) {
      const message = `The ${what} from ${res.response.url || 'the agent'} is larger than the ${formatSize(limitBytes)} limit; reading stopped there (the first ${formatSize(limitBytes)} are in the wire log). Raise the limit in Settings if this agent really sends that much.`;
      wire.finishExchange(res.exchangeId, {
        responseBody: redactBody(text, redact),
        error: message,
      });
      throw new ApiError(502, 'agent_too_large', message);
    }
    wire.finishExchange(res.exchangeId, { responseBody: redactBody(text, redact) });
    return text;
  } catch (err) {
    if (err instanceof ApiError) throw err;
    const message = `The ${what} body could not be read: ${(err as Error).message}`;
    wire.finishExchange(res.exchangeId, { error: message });
    throw new ApiError(504, 'agent_timeout', message);
  } finally {
    res.clearTimeout();
  }
}

/** Reads up to `limit` bytes within `timeoutMs`; cancels the transfer past either. */
export async function readCapped(
  response: Response,
  limit: number,
  timeoutMs: number,
): Promise<{ text: string; overflow: boolean }> {
  if (!response.body) return { text: '', overflow: false };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let overflow = false;
  let timedOut = false;
  // A dripping agent must not hold the read open past the budget.
  const timer = setTimeout(() => {
    timedOut = true;
    reader.cancel().catch(() => undefined);
  }, timeoutMs);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      const room = limit - size;
      if (value.length > room) {
        chunks.push(value.subarray(0, room));
        size += room;
        overflow = true;
        await reader.cancel();
        break;
      }
      chunks.push(value);
      size += value.length;
    }
  } finally {
    clearTimeout(timer);
    reader.releaseLock();
  }
  if (timedOut) throw new Error(`timed out after ${timeoutMs} ms`);
  return { text: utf8.decode(Buffer.concat(chunks, size)), overflow };
}

function causeOf(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err as Error).message;
}
