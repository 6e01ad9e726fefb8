// gRPC streams as the stream session reads them: each message of openGrpcStream (grpc/) becomes
// one frame, raw = its bytes in hex (as received, secrets redacted), data = the message as v1.0
// JSON, already normalised (the same JSON the JSON-RPC stream carries in `result`). Undecodable
// bytes are kept with a `grpc-bad-message` finding; nothing is dropped.
import { finding } from '../../../../shared/a2a/lint';
import { normalizeResult } from '../../../../shared/a2a/normalize';
import type { A2aWireRepo } from '../../store/a2a-wire-repo';
import type { RpcCall } from '../dialect';
import { openGrpcStream, type GrpcMessage } from '../grpc/grpc-stream';
import type { AgentTarget } from '../rpc-client';
import type { FrameOptions, FrameStream, TransportFrame } from './types';

export function grpcFrame(m: GrpcMessage): TransportFrame {
  const base = { raw: m.hex, at: m.at, message: { data: m.text } };
  if (m.json === null)
    return {
      ...base,
      parsed: { event: null, problem: finding('grpc-bad-message', null, m.problem ?? '') },
    };
  const event = normalizeResult(m.json);
  return {
    ...base,
    parsed:
      event.kind === 'unknown'
        ? { event: null, problem: finding('grpc-bad-message', null, 'an empty StreamResponse') }
        : { event },
  };
}

export async function openGrpcFrames(
  wire: A2aWireRepo,
  t: AgentTarget,
  call: RpcCall,
  kind: 'send' | 'subscribe',
  o: FrameOptions,
): Promise<FrameStream> {
  const s = await openGrpcStream(wire, t, call, kind, {
    taskId: o.taskId,
    timeoutMs: o.timeoutMs,
    redactInBody: o.redactInBody,
    signal: o.signal,
    maxMessageBytes: o.limits.maxFrameBytes,
    maxStreamBytes: o.limits.maxStreamBytes,
  });
  return {
    exchangeId: s.exchangeId,
    read: async (onFrames) => {
      for await (const m of s.messages) onFrames([grpcFrame(m)]);
      return '';
    },
  };
}
