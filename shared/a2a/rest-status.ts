// How A2A errors travel over HTTP+JSON, as @a2a-js/sdk 1.3 maps them (errors/rest.ts and the
// v0.3 compat REST handler): the HTTP status of each A2A error reason, its JSON-RPC code, and
// the two error body shapes (v1.0 `{error: {code, status, message, details: [ErrorInfo]}}`,
// v0.3 `{code, message, data}` with the JSON-RPC code). Pure: shared by the client's error
// messages and the linter.

/** A2A error reason (google.rpc.ErrorInfo.reason) → [JSON-RPC code, HTTP status]. */
export const A2A_REST_REASONS: Readonly<Record<string, readonly [number, number]>> = {
  TASK_NOT_FOUND: [-32001, 404],
  TASK_NOT_CANCELABLE: [-32002, 400],
  PUSH_NOTIFICATION_NOT_SUPPORTED: [-32003, 400],
  UNSUPPORTED_OPERATION: [-32004, 400],
  CONTENT_TYPE_NOT_SUPPORTED: [-32005, 400],
  INVALID_AGENT_RESPONSE: [-32006, 500],
  EXTENDED_AGENT_CARD_NOT_CONFIGURED: [-32007, 400],
  EXTENSION_SUPPORT_REQUIRED: [-32008, 400],
  VERSION_NOT_SUPPORTED: [-32009, 400],
  INVALID_PARAMS: [-32602, 400],
};

/** JSON-RPC code → HTTP status in the v0.3 compat binding (LEGACY_CODE_TO_HTTP_STATUS). */
export const V03_REST_STATUS: Readonly<Record<number, number>> = {
  [-32700]: 400,
  [-32600]: 400,
  [-32601]: 501,
  [-32602]: 400,
  [-32603]: 500,
  [-32001]: 404,
  [-32002]: 400,
  [-32003]: 400,
  [-32004]: 400,
  [-32005]: 400,
  [-32006]: 500,
  [-32007]: 400,
};

export interface RestError {
  /** The JSON-RPC equivalent (null when the body names no A2A error). */
  rpcCode: number | null;
  /** v1.0 `status` (NOT_FOUND, ...) or null. */
  status: string | null;
  reason: string | null;
  message: string;
  /** The HTTP status the body claims (v1.0 `error.code`), if any. */
  httpCode: number | null;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads an error body of either shape; null when it is neither. */
export function parseRestError(body: unknown): RestError | null {
  if (isObj(body) && isObj(body['error'])) {
    const e = body['error'];
    const details = Array.isArray(e['details']) ? e['details'] : [];
    const info = details.find((d) => isObj(d) && typeof d['reason'] === 'string') as
      | Obj
      | undefined;
    const reason = info ? String(info['reason']) : null;
    const status = typeof e['status'] === 'string' ? e['status'] : null;
    return {
      rpcCode: (reason ? A2A_REST_REASONS[reason]?.[0] : undefined) ?? codeOf(status),
      status,
      reason,
      message: String(e['message'] ?? ''),
      httpCode: typeof e['code'] === 'number' ? e['code'] : null,
    };
  }
  if (isObj(body) && typeof body['code'] === 'number' && typeof body['message'] === 'string') {
    return {
      rpcCode: body['code'],
      status: null,
      reason: null,
      message: body['message'],
      httpCode: null,
    };
  }
  return null;
}

/** A v1.0 status without a reason: NOT_FOUND on a task call is "task not found". */
function codeOf(status: string | null): number | null {
  if (status === 'NOT_FOUND') return -32001;
  if (status === 'INVALID_ARGUMENT') return -32602;
  if (status === 'UNIMPLEMENTED') return -32601;
  return null;
}

/** The HTTP status the SDK answers a given A2A error with, by reason (v1.0) or code (v0.3). */
export function expectedRestStatus(e: RestError): number | null {
  const byReason = e.reason ? A2A_REST_REASONS[e.reason] : undefined;
  if (byReason) return byReason[1];
  if (!e.status && e.rpcCode !== null) return V03_REST_STATUS[e.rpcCode] ?? null;
  return null;
}

/** The success status of an operation in the HTTP+JSON binding (method name of either
 *  version): 201 for a created push config and a v0.3 send, 204 for a delete, else 200. */
export function restOkStatus(version: string, method: string): number {
  if (method === 'message/send') return 201;
  if (method === 'CreateTaskPushNotificationConfig') return 201;
  if (method === 'tasks/pushNotificationConfig/set') return 201;
  if (/^(DeleteTaskPushNotificationConfig|tasks\/pushNotificationConfig\/delete)$/.test(method))
    return 204;
  return version === '0.3' && method === 'SendMessage' ? 201 : 200;
}
