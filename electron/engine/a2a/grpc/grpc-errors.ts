// A failed gRPC call as a sentence that names the transport, the address, the status and what
// to do. A2A errors (an ErrorInfo reason in grpc-status-details-bin, decoded by the SDK's
// errors/grpc) become GrpcRpcError: an RpcError with the equivalent JSON-RPC code, so the task
// and push explainers (task-errors.ts, push-errors.ts) read them as they read JSON-RPC errors.
import type { ServiceError, StatusObject } from '@grpc/grpc-js';
import { decodeErrorInfo, decodeStatus, GRPC_STATUS_DETAILS_BIN } from '@a2a-js/sdk/errors/grpc';
import { ApiError } from '../../../../shared/api';
import {
  grpcStatusMeaning,
  grpcStatusName,
  jsonRpcCodeOf,
} from '../../../../shared/a2a/grpc-status';
import { rpcErrorMeaning } from '../../../../shared/a2a/rpc-errors';
import { RpcError } from '../rpc-client';

export class GrpcRpcError extends RpcError {
  constructor(
    rpcCode: number,
    readonly grpcCode: number,
    readonly reason: string | null,
    details: string,
    method: string,
    address: string,
  ) {
    super(rpcCode, details, method);
    const why = reason ? `A2A reason ${reason}, ` : '';
    this.message = `${method} over gRPC at ${address} failed with status ${grpcStatusName(grpcCode)} (${why}JSON-RPC equivalent ${rpcCode}): ${rpcErrorMeaning(rpcCode)} The agent said: "${details}".`;
  }
}

/** The A2A ErrorInfo reason of a status, if its trailers carry one. */
export function reasonOf(status: Pick<StatusObject, 'metadata'>): string | null {
  const bin = status.metadata?.get(GRPC_STATUS_DETAILS_BIN)[0];
  if (!bin) return null;
  try {
    const decoded = decodeStatus(Buffer.isBuffer(bin) ? bin : Buffer.from(bin, 'binary'));
    for (const d of decoded.details) {
      if (d.typeUrl.endsWith('google.rpc.ErrorInfo'))
        return decodeErrorInfo(Buffer.from(d.value)).reason || null;
    }
  } catch {
    // A malformed details blob names no reason; the status and its text still explain.
  }
  return null;
}

export interface GrpcCallContext {
  method: string;
  address: string;
  timeoutMs: number;
  /** Messages already received (a stream that breaks after them "closed early"). */
  received?: number;
}

/** The error to throw for a non-OK status. */
export function grpcFailure(status: StatusObject | ServiceError, c: GrpcCallContext): Error {
  const name = grpcStatusName(status.code);
  const details = status.details ?? '';
  const reason = reasonOf(status);
  const early = c.received
    ? ` after ${c.received} message${c.received === 1 ? '' : 's'}: the stream closed early`
    : '';
  if (name === 'DEADLINE_EXCEEDED')
    return new ApiError(
      504,
      'agent_timeout',
      `${c.method} over gRPC at ${c.address}: no answer within ${c.timeoutMs} ms (DEADLINE_EXCEEDED)${early}. The agent may be busy or hung; try again or raise the timeout.`,
    );
  if (name === 'UNAVAILABLE' && !reason) return unavailable(details, c, early);
  const rpcCode = jsonRpcCodeOf(status.code, reason);
  if (rpcCode !== null)
    return new GrpcRpcError(rpcCode, status.code, reason, details, c.method, c.address);
  if (name === 'UNIMPLEMENTED')
    return new ApiError(
      501,
      'grpc_unimplemented',
      `${c.method} over gRPC at ${c.address} failed with status UNIMPLEMENTED: ${grpcStatusMeaning(status.code)}. The server said: "${details}".`,
    );
  return new ApiError(
    502,
    'grpc_error',
    `${c.method} over gRPC at ${c.address} failed with status ${name} (${status.code})${early}: ${grpcStatusMeaning(status.code)}. The server said: "${details}".`,
  );
}

/** Why several sentences: "connection refused" (nothing listens), a non-gRPC server (HTTP/1
 *  or another protocol answers), and a server going away mid-call need different fixes. */
function unavailable(details: string, c: GrpcCallContext, early: string): ApiError {
  if (early)
    return new ApiError(
      502,
      'grpc_stream_closed',
      `${c.method} over gRPC at ${c.address}${early} (UNAVAILABLE: "${details}"). The agent went away or dropped the connection; subscribe again to follow the task.`,
    );
  // grpc-js: "No connection established. Last error: Protocol error" when an HTTP/1.1 server
  // (or anything not speaking HTTP/2) answered; "... connect ECONNREFUSED" when nothing did.
  const notGrpc = /Protocol error|HTTP\/1|Received HTTP status|Bad Request|malformed/i.test(
    details,
  );
  if (
    !notGrpc &&
    /ECONNREFUSED|No connection established|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|getaddrinfo/i.test(
      details,
    )
  )
    return new ApiError(
      502,
      'agent_unreachable',
      `The card lists GRPC at ${c.address} but nothing answers there (${c.method}: ${details}). Is the agent's gRPC server running, and is the interface URL in its card right?`,
    );
  return new ApiError(
    502,
    'agent_unreachable',
    `${c.method}: something answers at ${c.address} but not as a gRPC server (UNAVAILABLE: "${details}"). The card's GRPC interface may point at an HTTP/1.1 port; check the interface URL in the agent's card.`,
  );
}

/** grpc-js refuses a message past grpc.max_receive_message_length with RESOURCE_EXHAUSTED
 *  (the bytes are dropped, so nothing of it can be kept). */
export function tooLarge(status: StatusObject, limit: number | undefined): boolean {
  return limit !== undefined && status.code === 8 && /larger than max/i.test(status.details ?? '');
}
