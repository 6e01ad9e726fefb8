// Server-streaming A2A calls over gRPC (SendStreamingMessage, SubscribeToTask): each message
// is yielded as it arrives with its arrival time, bytes (hex) and v1.0 JSON (the same JSON the
// JSON-RPC stream carries in `result`). `openGrpcStream` resolves once a first message arrived
// (or the stream ended without any) and rejects when the call fails before any message (e.g.
// UNIMPLEMENTED, NOT_FOUND); a failure after messages ends the iteration with "closed early".
// The exchange is finished in the wire log with the status, trailers and how the stream ended;
// storing the messages (as frames) is the stream session's job, so it can name their task.
import * as grpc from '@grpc/grpc-js';
import { ApiError } from '../../../../shared/api';
import { formatSize } from '../../../../shared/format-size';
import type { A2aWireRepo } from '../../store/a2a-wire-repo';
import type { RpcCall } from '../dialect';
import { DEFAULT_TIMEOUT_MS, type AgentTarget } from '../rpc-client';
import { FrameLimitError } from '../sse-frames';
import { redactBody } from '../wire-http';
import { identity, prepareCall, withStatus } from './grpc-call';
import { grpcFailure, tooLarge } from './grpc-errors';
import { metadataPairs, redactedHex } from './grpc-wire';

export interface GrpcMessage {
  /** The message as v1.0 JSON; null when the bytes are not a valid StreamResponse. */
  json: unknown;
  /** JSON text of `json` (secrets redacted); '' when undecodable. */
  text: string;
  /** The message's bytes in hex (secrets redacted). */
  hex: string;
  /** Arrival time (ms since epoch). */
  at: number;
  /** Why the bytes could not be decoded, if so. */
  problem?: string;
}

export interface GrpcStreamOptions {
  taskId: string | null;
  timeoutMs?: number | undefined;
  redactInBody?: string[] | undefined;
  signal?: AbortSignal | undefined;
  /** Largest single message (the "SSE frame limit" setting serves gRPC too). */
  maxMessageBytes?: number | undefined;
  /** Largest whole stream; past it the call is cancelled and FrameLimitError thrown. */
  maxStreamBytes?: number | undefined;
}

export interface GrpcStream {
  exchangeId: number;
  /** Ends after status OK; throws the mapped error otherwise (not after `cancel`). */
  messages: AsyncIterable<GrpcMessage>;
  /** Stops reading; the task goes on at the agent. */
  cancel(): void;
}

type Item = { kind: 'message'; m: GrpcMessage } | { kind: 'end'; error: Error | null };

export async function openGrpcStream(
  wire: A2aWireRepo,
  t: AgentTarget,
  call: RpcCall,
  kind: 'send' | 'subscribe',
  o: GrpcStreamOptions,
): Promise<GrpcStream> {
  const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const p = prepareCall(wire, t, call, {
    taskId: o.taskId,
    stream: kind,
    redactInBody: o.redactInBody,
    maxMessageBytes: o.maxMessageBytes,
  });
  if (!p.method.streaming) {
    p.client.close();
    throw new ApiError(400, 'grpc_unary_method', `${call.method} is not a streaming method.`);
  }
  const c = p.client.makeServerStreamRequest(
    p.method.path,
    identity,
    identity,
    p.bytes,
    p.metadata,
    {},
  );
  const queue: Item[] = [];
  let wake: (() => void) | null = null;
  const push = (item: Item) => {
    queue.push(item);
    wake?.();
  };
  let received = 0;
  let streamBytes = 0;
  let cancelled = false;
  let limitError: FrameLimitError | null = null;
  let headers: grpc.Metadata | undefined;
  let answered!: () => void;
  const opened = new Promise<void>((resolve) => (answered = resolve));

  c.on('metadata', (md: grpc.Metadata) => {
    headers = md;
    wire.finishExchange(p.exchangeId, {
      responseHeaders: metadataPairs(md),
      contentType: md.get('content-type')[0]?.toString() ?? null,
      streamEnd: 'open',
    });
  });
  c.on('data', (bytes: Buffer) => {
    const at = Date.now();
    received++;
    streamBytes += bytes.length;
    if (o.maxStreamBytes !== undefined && streamBytes > o.maxStreamBytes && !limitError) {
      limitError = new FrameLimitError(
        'stream',
        o.maxStreamBytes,
        bytes.toString('hex').slice(0, 2048),
      );
      c.cancel();
      return;
    }
    push({ kind: 'message', m: decodeMessage(p.method.decode, bytes, at, p.redact) });
    answered();
  });
  c.on('error', () => undefined); // the status event carries the same failure
  c.on('status', (status: grpc.StatusObject) => {
    p.client.close();
    const info = withStatus(p, status);
    const durationMs = performance.now() - p.t0;
    let error: Error | null = null;
    if (limitError) error = limitError;
    else if (tooLarge(status, o.maxMessageBytes))
      error = new FrameLimitError('frame', o.maxMessageBytes!, '');
    else if (status.code !== grpc.status.OK && !cancelled)
      error = grpcFailure(status, {
        method: call.method,
        address: p.where.address,
        timeoutMs,
        received,
      });
    wire.finishExchange(p.exchangeId, {
      ...(headers ? {} : { responseHeaders: [] }),
      grpc: info,
      durationMs,
      streamEnd: cancelled && !limitError ? 'disconnected' : error ? 'error' : 'complete',
      ...(error ? { error: error.message } : {}),
    });
    push({ kind: 'end', error });
    answered();
  });
  const cancel = () => {
    cancelled = true;
    c.cancel();
  };
  o.signal?.addEventListener('abort', cancel, { once: true });

  // Wait for a first message or the final status (headers alone say nothing about the call).
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const first = await Promise.race([opened.then(() => 'ok' as const), timedOut]);
  clearTimeout(timer);
  if (first === 'timeout') {
    cancel();
    const message = `${call.method} over gRPC at ${p.where.address}: the stream sent no message within ${timeoutMs} ms. The agent may be busy or hung; try again or raise the timeout.`;
    wire.finishExchange(p.exchangeId, { error: message, streamEnd: 'error' });
    throw new ApiError(504, 'agent_timeout', message);
  }
  const head = queue[0];
  // A size cap is the reader's to report (as for SSE: the session keeps what came and says so).
  if (head?.kind === 'end' && head.error && !(head.error instanceof FrameLimitError))
    throw head.error;

  let ended = false;
  async function* messages(): AsyncGenerator<GrpcMessage> {
    try {
      for (;;) {
        const item = queue.shift();
        if (!item) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
          continue;
        }
        if (item.kind === 'message') {
          yield item.m;
          continue;
        }
        ended = true;
        if (item.error) throw item.error;
        return;
      }
    } finally {
      o.signal?.removeEventListener('abort', cancel);
      // A reader that stops early (break, or an error in its hands) ends the call too.
      if (!ended) cancel();
    }
  }
  return { exchangeId: p.exchangeId, messages: messages(), cancel };
}

function decodeMessage(
  decode: (b: Buffer) => unknown,
  bytes: Buffer,
  at: number,
  redact: string[] | undefined,
): GrpcMessage {
  const hex = redactedHex(bytes, redact);
  try {
    const json = decode(bytes);
    return { json, text: redactBody(JSON.stringify(json), redact), hex, at };
  } catch (err) {
    return {
      json: null,
      text: '',
      hex,
      at,
      problem: `a ${formatSize(bytes.length)} message is not a valid StreamResponse of the A2A v1.0 proto: ${(err as Error).message}`,
    };
  }
}
