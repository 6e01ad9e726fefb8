// A gRPC stream as frames for the stream session (the transport seam's FrameStream shape:
// exchangeId + read(onFrames)). One frame per message: `raw` is the message's bytes in hex,
// `message.data` its v1.0 JSON (what the wire log shows), `parsed` the normalised event, so
// the session, timeline and linter never parse a JSON-RPC envelope that gRPC does not have.
// Bytes that are no StreamResponse stay a frame with the grpc-bad-message finding.
import { finding } from '../../../../shared/a2a/lint';
import { normalizeResult } from '../../../../shared/a2a/normalize';
import type { Finding, NormalizedEvent } from '../../../../shared/a2a/types';
import type { A2aWireRepo } from '../../store/a2a-wire-repo';
import type { RpcCall } from '../dialect';
import type { AgentTarget } from '../rpc-client';
import type { FrameLimits, RawFrame } from '../sse-frames';
import { openGrpcStream, type GrpcMessage } from './grpc-stream';

export interface GrpcFrame extends RawFrame {
  parsed: { event: NormalizedEvent | null; problem?: Finding };
}

export interface GrpcFrameOptions {
  taskId: string | null;
  timeoutMs: number;
  /** Aborting it stops reading (the user disconnected). */
  signal: AbortSignal;
  redactInBody?: string[] | undefined;
  limits: FrameLimits;
}

export function grpcFrame(m: GrpcMessage): GrpcFrame {
  if (m.problem)
    return {
      raw: m.hex,
      at: m.at,
      message: null,
      parsed: { event: null, problem: finding('grpc-bad-message', null, m.problem) },
    };
  return {
    raw: m.hex,
    at: m.at,
    message: { data: m.text, event: undefined, id: undefined },
    parsed: { event: normalizeResult(m.json) },
  };
}

export async function openGrpcFrames(
  wire: A2aWireRepo,
  t: AgentTarget,
  call: RpcCall,
  kind: 'send' | 'subscribe',
  o: GrpcFrameOptions,
): Promise<{
  exchangeId: number;
  contentType: string | null;
  read(onFrames: (frames: GrpcFrame[]) => void): Promise<string>;
}> {
  const stream = await openGrpcStream(wire, t, call, kind, {
    taskId: o.taskId,
    timeoutMs: o.timeoutMs,
    signal: o.signal,
    redactInBody: o.redactInBody,
    maxMessageBytes: finite(o.limits.maxFrameBytes),
    maxStreamBytes: finite(o.limits.maxStreamBytes),
  });
  return {
    exchangeId: stream.exchangeId,
    contentType: null, // gRPC's own (application/grpc) is in the wire log, not linted as SSE
    async read(onFrames) {
      // One message per "chunk": gRPC delivers whole messages, each stored as it arrives.
      for await (const m of stream.messages) onFrames([grpcFrame(m)]);
      return '';
    },
  };
}

const finite = (n: number): number | undefined => (Number.isFinite(n) ? n : undefined);
