// THE error codes an operation can fail with, over IPC as over HTTP: one list, one spelling
// (snake_case). A client that meets a code it does not know (an older engine, a proxy page)
// sees `http_<status>`.
export const API_ERROR_CODES = [
  // any operation
  'invalid_arguments',
  'internal',
  'not_found',
  'aborted',
  // bindings: who may call
  'forbidden_sender',
  'bad_host',
  'bad_origin',
  'unauthorized',
  // captures and settings
  'setting_locked',
  // replay
  'attack_empty',
  'attack_not_applicable',
  'bad_attack',
  'bad_edit',
  'bad_har',
  'bad_target',
  'confirm_non_loopback',
  'empty_selection',
  'har_too_big',
  // demo
  'demo_agent_start_failed',
  // A2A client: agents, cards, tasks, push
  'agent_bad_json',
  'agent_bad_jsonrpc',
  'agent_http_error',
  'agent_not_found',
  'agent_redirect',
  'agent_timeout',
  'agent_too_large',
  'agent_unreachable',
  'auth_needs_a2a_dialect',
  'card_forbidden',
  'card_http_error',
  'card_invalid_json',
  'card_missing',
  'headers_foreign_origin',
  'jsonrpc_error',
  'no_push',
  'not_in_v03',
  'not_sse',
  'push_config_not_found',
  'push_not_supported',
  'task_finished',
  'task_not_found',
  'webhook_url_rejected',
  // A2A transports: choice, HTTP+JSON, gRPC
  'transport_not_offered',
  'tutorial_needs_jsonrpc',
  'bad_call',
  'no_rest_binding',
  'bad_grpc_address',
  'bad_grpc_metadata',
  'grpc_bad_message',
  'grpc_bad_request',
  'grpc_error',
  'grpc_stream_closed',
  'grpc_streaming_method',
  'grpc_unary_method',
  'grpc_unimplemented',
  'grpc_version_unsupported',
] as const;

export type ApiErrorCode = (typeof API_ERROR_CODES)[number] | `http_${number}`;

const KNOWN = new Set<string>(API_ERROR_CODES);

/** A code received from the other side of a binding, or `http_<status>` when unknown. */
export function toApiErrorCode(code: unknown, status: number): ApiErrorCode {
  return typeof code === 'string' && KNOWN.has(code) ? (code as ApiErrorCode) : `http_${status}`;
}
