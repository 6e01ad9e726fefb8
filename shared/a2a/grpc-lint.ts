// Conformance findings of one gRPC exchange, from what the wire log keeps of it (GrpcWireInfo
// and the response content type): the status an A2A error travels with, an error status with
// no A2A reason, and the content type of the answer. Pure.
import type { GrpcWireInfo } from '../api/agents';
import { grpcStatusMismatch, grpcStatusName } from './grpc-status';
import { finding } from './lint';
import type { Finding } from './types';

/** Statuses the A2A gRPC binding uses for its own errors: these should name the reason. */
const A2A_ERROR_STATUSES = new Set(['NOT_FOUND', 'FAILED_PRECONDITION', 'INVALID_ARGUMENT']);

export function lintGrpcExchange(
  ex: { id: number; rpcMethod: string | null; grpc: GrpcWireInfo },
  contentType: string | null,
): Finding[] {
  const out: Finding[] = [];
  const { status, reason } = ex.grpc;
  const what = `${ex.rpcMethod ?? ex.grpc.path} (exchange #${ex.id})`;
  if (status && status.code !== 0) {
    const mismatch = grpcStatusMismatch(status.code, reason);
    if (mismatch) out.push(finding('grpc-status-mismatch', null, `${what}: ${mismatch}`));
    if (!reason && A2A_ERROR_STATUSES.has(grpcStatusName(status.code)))
      out.push(
        finding('grpc-no-reason', null, `${what} failed with ${status.name}: "${status.details}".`),
      );
  }
  // Only when the server answered (headers came): a connection failure has no content type.
  if (contentType !== null && !/^application\/grpc(\+proto)?\s*(;|$)/i.test(contentType))
    out.push(finding('grpc-content-type', null, `${what} answered \`${contentType}\`.`));
  return out;
}
