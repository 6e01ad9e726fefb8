// gRPC status codes as A2A uses them: their names, what each means for a call to an agent, the
// A2A error reasons (google.rpc.ErrorInfo.reason in grpc-status-details-bin) with their JSON-RPC
// code, and the status each reason travels with, as @a2a-js/sdk 1.3 maps them
// (errors/grpc GRPC_ERROR_STATUS). Pure: shared by the engine's errors and the linter.

export const GRPC_STATUS_NAMES = [
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
] as const;
export type GrpcStatusName = (typeof GRPC_STATUS_NAMES)[number];

export function grpcStatusName(code: number): string {
  return GRPC_STATUS_NAMES[code] ?? `status ${code}`;
}

/** A2A error reason → [JSON-RPC code, gRPC status it travels with]. */
export const A2A_GRPC_REASONS: Readonly<Record<string, readonly [number, GrpcStatusName]>> = {
  TASK_NOT_FOUND: [-32001, 'NOT_FOUND'],
  TASK_NOT_CANCELABLE: [-32002, 'FAILED_PRECONDITION'],
  PUSH_NOTIFICATION_NOT_SUPPORTED: [-32003, 'FAILED_PRECONDITION'],
  UNSUPPORTED_OPERATION: [-32004, 'FAILED_PRECONDITION'],
  CONTENT_TYPE_NOT_SUPPORTED: [-32005, 'INVALID_ARGUMENT'],
  INVALID_AGENT_RESPONSE: [-32006, 'INTERNAL'],
  EXTENDED_AGENT_CARD_NOT_CONFIGURED: [-32007, 'FAILED_PRECONDITION'],
  EXTENSION_SUPPORT_REQUIRED: [-32008, 'FAILED_PRECONDITION'],
  VERSION_NOT_SUPPORTED: [-32009, 'FAILED_PRECONDITION'],
  INVALID_PARAMS: [-32602, 'INVALID_ARGUMENT'],
};

/** The JSON-RPC code of an A2A error that came over gRPC: from its reason, else from the
 *  status (NOT_FOUND without a reason is still "task not found" for task calls); null when
 *  the status names no A2A error. */
export function jsonRpcCodeOf(code: number, reason: string | null): number | null {
  if (reason && A2A_GRPC_REASONS[reason]) return A2A_GRPC_REASONS[reason][0];
  if (grpcStatusName(code) === 'NOT_FOUND') return -32001;
  if (grpcStatusName(code) === 'INVALID_ARGUMENT') return -32602;
  return null;
}

const MEANINGS: Partial<Record<GrpcStatusName, string>> = {
  CANCELLED: 'the call was cancelled',
  UNKNOWN: 'the server failed without saying why',
  INVALID_ARGUMENT: 'the agent rejected the request message',
  DEADLINE_EXCEEDED: 'no answer before the deadline',
  NOT_FOUND: 'the agent does not know this task (or config)',
  PERMISSION_DENIED: 'the agent refused the caller',
  RESOURCE_EXHAUSTED: 'a limit was hit (message size, quota)',
  FAILED_PRECONDITION: 'the agent cannot do this in the current state',
  UNIMPLEMENTED:
    'the server does not implement this method (another A2A version? v1.0 is lf.a2a.v1.A2AService, v0.3 a2a.v1.A2AService)',
  INTERNAL: 'the server (or the HTTP/2 exchange) broke',
  UNAVAILABLE: 'the server could not be reached or went away',
  UNAUTHENTICATED: 'the agent wants credentials (custom headers are sent as metadata)',
};

export function grpcStatusMeaning(code: number): string {
  return MEANINGS[grpcStatusName(code) as GrpcStatusName] ?? 'no further meaning in A2A';
}

/** Linter: an error status whose A2A reason usually travels with another status (e.g.
 *  TASK_NOT_FOUND as UNKNOWN). Returns the sentence of the finding, or null when consistent. */
export function grpcStatusMismatch(code: number, reason: string | null): string | null {
  if (!reason) return null;
  const expected = A2A_GRPC_REASONS[reason];
  if (!expected) return null;
  const got = grpcStatusName(code);
  if (got === expected[1]) return null;
  return `The A2A error ${reason} came with gRPC status ${got}; A2A maps it to ${expected[1]} (JSON-RPC ${expected[0]}). Clients that switch on the status will misread it.`;
}
