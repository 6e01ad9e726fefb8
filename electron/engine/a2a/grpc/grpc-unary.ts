// Unary A2A calls over gRPC (SendMessage, GetTask, CancelTask, ListTasks, push-config CRUD):
// the same contract as callRpc (rpc-client.ts), so a caller switches transport without caring.
// The answer comes back as the v1.0 JSON the JSON-RPC path yields; the wire log keeps its
// bytes (hex), its JSON, the response headers, the status and the trailers.
import * as grpc from '@grpc/grpc-js';
import { ApiError } from '../../../../shared/api';
import { formatSize } from '../../../../shared/format-size';
import type { A2aWireRepo } from '../../store/a2a-wire-repo';
import type { RpcCall } from '../dialect';
import {
  DEFAULT_ANSWER_LIMIT_BYTES,
  DEFAULT_TIMEOUT_MS,
  type AgentTarget,
  type CallOptions,
  type RpcAnswer,
} from '../rpc-client';
import { redactBody } from '../wire-http';
import { identity, prepareCall, withStatus } from './grpc-call';
import { grpcFailure, tooLarge } from './grpc-errors';
import { metadataPairs, redactedHex } from './grpc-wire';

export async function callGrpc(
  wire: A2aWireRepo,
  t: AgentTarget,
  call: RpcCall,
  o: CallOptions,
): Promise<RpcAnswer> {
  const timeoutMs = o.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const limit = t.answerLimitBytes ?? DEFAULT_ANSWER_LIMIT_BYTES;
  const p = prepareCall(wire, t, call, {
    taskId: o.taskId,
    stream: null,
    redactInBody: o.redactInBody,
    maxMessageBytes: limit,
  });
  if (p.method.streaming) {
    p.client.close();
    throw new ApiError(400, 'grpc_streaming_method', `${call.method} is a streaming method.`);
  }
  let headers: grpc.Metadata | undefined;
  let answer: Buffer | undefined;
  const status = await new Promise<grpc.StatusObject>((resolve) => {
    const c = p.client.makeUnaryRequest(
      p.method.path,
      identity,
      identity,
      p.bytes,
      p.metadata,
      { deadline: Date.now() + timeoutMs },
      (_err, value) => void (answer = value),
    );
    c.on('metadata', (md: grpc.Metadata) => void (headers = md));
    c.on('status', resolve);
    const onAbort = () => c.cancel();
    o.signal?.addEventListener('abort', onAbort, { once: true });
  });
  p.client.close();
  const durationMs = performance.now() - p.t0;
  const info = withStatus(p, status);
  const responseHeaders = metadataPairs(headers);
  const contentType = headers ? (headers.get('content-type')[0]?.toString() ?? null) : null;
  if (status.code !== grpc.status.OK) {
    const err =
      o.signal?.aborted && status.code === grpc.status.CANCELLED
        ? new ApiError(499, 'aborted', 'The request was cancelled.')
        : tooLarge(status, limit)
          ? new ApiError(
              502,
              'agent_too_large',
              `The answer to ${call.method} over gRPC at ${p.where.address} is larger than the ${formatSize(limit)} limit; grpc-js refused it (RESOURCE_EXHAUSTED). Raise the limit in Settings if this agent really sends that much.`,
            )
          : grpcFailure(status, { method: call.method, address: p.where.address, timeoutMs });
    wire.finishExchange(p.exchangeId, {
      responseHeaders,
      contentType,
      durationMs,
      grpc: info,
      error: err.message,
    });
    throw err;
  }
  const bytes = answer ?? Buffer.alloc(0);
  info.responseHex = redactedHex(bytes, p.redact);
  let result: unknown;
  try {
    result = p.method.decode(bytes);
  } catch (err) {
    const message = `${call.method} over gRPC at ${p.where.address}: the answer (${bytes.length} bytes) is not a valid protobuf message of the A2A v1.0 proto: ${(err as Error).message}`;
    wire.finishExchange(p.exchangeId, {
      responseHeaders,
      contentType,
      durationMs,
      grpc: info,
      error: message,
    });
    throw new ApiError(502, 'grpc_bad_message', message);
  }
  const text = redactBody(JSON.stringify(result), p.redact);
  wire.finishExchange(p.exchangeId, {
    responseHeaders,
    contentType,
    responseBody: text,
    durationMs,
    grpc: info,
  });
  return { result, exchangeId: p.exchangeId, text, at: Date.now() };
}
