// JSON-RPC streams (message/stream, SendStreamingMessage, tasks/resubscribe, SubscribeToTask):
// one POST whose answer is an SSE stream of JSON-RPC responses. A JSON or HTML answer instead
// is read, logged and turned into the error it carries (JSON-RPC error, HTTP error, not SSE).
import { ApiError } from '../../../../shared/api';
import type { A2aWireRepo } from '../../store/a2a-wire-repo';
import type { RpcCall } from '../dialect';
import { DEFAULT_ANSWER_LIMIT_BYTES, parseRpcAnswer, post, type AgentTarget } from '../rpc-client';
import { readFrames } from '../sse-frames';
import { readLoggedBody, refuseRedirect, type WireResponse } from '../wire-http';
import type { FrameOptions, FrameStream } from './types';

export async function openJsonRpcFrames(
  wire: A2aWireRepo,
  t: AgentTarget,
  call: RpcCall,
  kind: 'send' | 'subscribe',
  o: FrameOptions,
): Promise<FrameStream> {
  const res = await post(wire, t, call, kind, {
    taskId: o.taskId,
    timeoutMs: o.timeoutMs,
    signal: o.signal,
    ...(o.redactInBody ? { redactInBody: o.redactInBody } : {}),
  });
  await refuseNonSse(
    wire,
    res,
    call.method,
    o.timeoutMs,
    t.answerLimitBytes ?? DEFAULT_ANSWER_LIMIT_BYTES,
    (text) => parseRpcAnswer(call.method, res.response.status, text),
  );
  res.clearTimeout();
  return {
    exchangeId: res.exchangeId,
    contentType: res.response.headers.get('content-type'),
    read: async (onFrames) =>
      res.response.body ? readFrames(res.response.body, onFrames, o.limits) : '',
  };
}

/** A JSON / HTML answer to a stream request: the error it carries (`explain` throws the
 *  transport's error for a JSON or HTTP-error body), else "not SSE". */
export async function refuseNonSse(
  wire: A2aWireRepo,
  res: WireResponse,
  method: string,
  timeoutMs: number,
  limitBytes: number,
  explain: (text: string) => unknown,
): Promise<void> {
  refuseRedirect(res, method);
  const ct = res.response.headers.get('content-type') ?? '';
  if (/^text\/event-stream\b/i.test(ct)) return;
  const text = await readLoggedBody(wire, res, timeoutMs, limitBytes);
  wire.finishExchange(res.exchangeId, { streamEnd: 'error' });
  // Errors say more than "not SSE"; a 200 HTML page is simply not SSE.
  if (res.response.status >= 400 || isJson(text)) explain(text);
  throw new ApiError(
    502,
    'not_sse',
    `${method}: the agent answered \`${ct || 'no content type'}\` instead of an SSE stream (text/event-stream). ` +
      'It may not support streaming: try with stream off.',
  );
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
