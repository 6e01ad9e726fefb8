// THE transport seam: every call to an agent goes through `callAgent` (unary) or `openFrames`
// (streams), which pick the binding of the target (JSON-RPC, HTTP+JSON, gRPC). Callers pass the
// logical operation (RpcCall from dialect.ts) and get one normalised model back, whatever the
// transport: the JSON-RPC-equivalent `result` of the call's protocol version, or frames.
import { ApiError } from '../../../../shared/api';
import type { A2aWireRepo } from '../../store/a2a-wire-repo';
import type { RpcCall } from '../dialect';
import { callRpc, type AgentTarget, type CallOptions, type RpcAnswer } from '../rpc-client';
import { openJsonRpcFrames } from './jsonrpc-stream';
import { callRest, openRestFrames } from './rest';
import { callGrpc } from '../grpc/grpc-unary';
import { openGrpcFrames } from '../grpc/grpc-frames';
import type { FrameOptions, FrameStream } from './types';

export type { FrameOptions, FrameStream, TransportFrame } from './types';

export function callAgent(
  wire: A2aWireRepo,
  t: AgentTarget,
  call: RpcCall,
  o: CallOptions,
): Promise<RpcAnswer> {
  const pick = (): Promise<RpcAnswer> => {
    switch (t.transport) {
      case 'JSONRPC':
        return callRpc(wire, t, call, o);
      case 'HTTP+JSON':
        return callRest(wire, t, call, o);
      case 'GRPC':
        return callGrpc(wire, t, call, o);
    }
  };
  return pick().catch((err: unknown) => {
    throw namingTransport(t, err);
  });
}

export function openFrames(
  wire: A2aWireRepo,
  t: AgentTarget,
  call: RpcCall,
  kind: 'send' | 'subscribe',
  o: FrameOptions,
): Promise<FrameStream> {
  const pick = (): Promise<FrameStream> => {
    switch (t.transport) {
      case 'JSONRPC':
        return openJsonRpcFrames(wire, t, call, kind, o);
      case 'HTTP+JSON':
        return openRestFrames(wire, t, call, kind, o);
      case 'GRPC':
        return openGrpcFrames(wire, t, call, kind, o);
    }
  };
  return pick().catch((err: unknown) => {
    throw namingTransport(t, err);
  });
}

/** "Nothing answers" says which of the card's interfaces was tried, so the user can pick
 *  another transport (or start the agent's server for this one). */
function namingTransport(t: AgentTarget, err: unknown): unknown {
  // gRPC says so itself (grpc/grpc-errors.ts tells "nothing listens" from "not a gRPC server").
  if (!(err instanceof ApiError) || err.code !== 'agent_unreachable' || t.transport === 'GRPC')
    return err;
  return new ApiError(
    err.status,
    err.code,
    `The card lists ${t.transport} at ${t.rpcUrl} but nothing answers there. ${err.message} If the agent serves other transports, pick one on the Agents screen.`,
  );
}
