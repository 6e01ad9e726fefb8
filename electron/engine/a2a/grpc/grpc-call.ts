// What every gRPC call to an agent does before and after the network: pick the SDK method of
// the v1.0 call, encode the request, build the metadata (A2A-Version and the agent's custom
// headers), write the exchange to the wire log before sending, and finish it with the status,
// trailers and what came back. One grpc-js client per call, closed when the call ends.
import * as grpc from '@grpc/grpc-js';
import { ApiError } from '../../../../shared/api';
import type { GrpcWireInfo } from '../../../../shared/api/agents';
import { grpcStatusName } from '../../../../shared/a2a/grpc-status';
import type { HeaderPair } from '../../../../shared/model';
import type { A2aWireRepo } from '../../store/a2a-wire-repo';
import type { RpcCall } from '../dialect';
import { secretNames, type AgentTarget } from '../rpc-client';
import { redactBody, redactHeaders } from '../wire-http';
import { parseGrpcAddress, type GrpcAddress } from './grpc-address';
import { reasonOf } from './grpc-errors';
import { grpcMethodOf, type GrpcMethod } from './grpc-methods';
import { metadataPairs, redactedHex } from './grpc-wire';

export interface PreparedCall {
  method: GrpcMethod;
  name: string;
  where: GrpcAddress;
  bytes: Buffer;
  metadata: grpc.Metadata;
  client: grpc.Client;
  exchangeId: number;
  startedAt: number;
  t0: number;
  info: GrpcWireInfo;
  redact: string[] | undefined;
}

/** Only the v1.0 service is spoken (see README in this folder for v0.3). */
function methodOf(t: AgentTarget, call: RpcCall): GrpcMethod {
  const m = t.version === '1.0' ? grpcMethodOf(call.method) : null;
  if (m) return m;
  throw new ApiError(
    400,
    'grpc_version_unsupported',
    t.version === '1.0'
      ? `${call.method} has no gRPC method in A2A v1.0.`
      : `Switchboard speaks gRPC with A2A v1.0 agents only (lf.a2a.v1.A2AService); this agent is set to protocol ${t.version}. Switch the agent to 1.0, or to its JSON-RPC interface.`,
  );
}

function metadataOf(t: AgentTarget): { md: grpc.Metadata; pairs: HeaderPair[] } {
  const pairs: HeaderPair[] = [['a2a-version', t.version]];
  for (const [n, v] of Object.entries(t.headers)) pairs.push([n.toLowerCase(), v]);
  const md = new grpc.Metadata();
  for (const [n, v] of pairs) {
    try {
      md.add(n, v);
    } catch (err) {
      throw new ApiError(
        400,
        'bad_grpc_metadata',
        `The custom header "${n}" cannot be sent as gRPC metadata (${(err as Error).message}). gRPC metadata names are lowercase letters, digits, "-", "_" and "."; values printable ASCII.`,
      );
    }
  }
  return { md, pairs };
}

export interface PrepareOptions {
  taskId: string | null;
  stream: 'send' | 'subscribe' | null;
  redactInBody?: string[] | undefined;
  /** Largest message accepted (grpc.max_receive_message_length). */
  maxMessageBytes?: number | undefined;
}

export function prepareCall(
  wire: A2aWireRepo,
  t: AgentTarget,
  call: RpcCall,
  o: PrepareOptions,
): PreparedCall {
  const method = methodOf(t, call);
  const where = parseGrpcAddress(t.rpcUrl);
  let bytes: Buffer;
  try {
    bytes = method.encode(call.params);
  } catch (err) {
    throw new ApiError(
      400,
      'grpc_bad_request',
      `${call.method}: the request cannot be encoded as protobuf: ${(err as Error).message}`,
    );
  }
  const { md, pairs } = metadataOf(t);
  const redact = o.redactInBody;
  const info: GrpcWireInfo = {
    path: method.path,
    address: where.address,
    tls: where.tls,
    requestHex: redactedHex(bytes, redact),
    responseHex: null,
    status: null,
    reason: null,
    trailers: [],
  };
  const startedAt = Date.now();
  const exchangeId = wire.insertExchange({
    agentId: t.agentId,
    taskId: o.taskId,
    startedAt,
    rpcMethod: call.method,
    streamKind: o.stream,
    protocolVersion: t.version,
    method: 'POST',
    url: `${where.origin}${method.path}`,
    transport: 'GRPC',
    requestHeaders: redactHeaders(pairs, secretNames(t)),
    requestBody: redactBody(JSON.stringify(method.requestJson(bytes)), redact),
    grpc: info,
  });
  const credentials = where.tls ? grpc.credentials.createSsl() : grpc.credentials.createInsecure();
  const options: grpc.ChannelOptions = {};
  // grpc-js takes an int32; an unlimited setting (Infinity) keeps its default (4 MiB).
  if (o.maxMessageBytes && Number.isFinite(o.maxMessageBytes))
    options['grpc.max_receive_message_length'] = Math.min(o.maxMessageBytes, 2 ** 31 - 1);
  const client = new grpc.Client(where.address, credentials, options);
  return {
    method,
    name: call.method,
    where,
    bytes,
    metadata: md,
    client,
    exchangeId,
    startedAt,
    t0: performance.now(),
    info,
    redact,
  };
}

/** The exchange's gRPC block once the status is in. */
export function withStatus(p: PreparedCall, status: grpc.StatusObject): GrpcWireInfo {
  p.info = {
    ...p.info,
    status: { code: status.code, name: grpcStatusName(status.code), details: status.details },
    reason: status.code === grpc.status.OK ? null : reasonOf(status),
    trailers: metadataPairs(status.metadata),
  };
  return p.info;
}

export const identity = (b: Buffer): Buffer => b;
