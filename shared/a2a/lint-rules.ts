// Rule ids, severities and explanations of the stream conformance linter. One table so the
// UI, docs and tests name rules identically.
import type { FindingSeverity } from './types';

export const LINT_RULES = {
  'wrong-content-type': ['error', 'A streaming answer must be `text/event-stream`.'],
  'invalid-json': ['error', 'An SSE `data:` field is not valid JSON.'],
  'not-jsonrpc': [
    'error',
    'An SSE frame is not a JSON-RPC 2.0 response (needs `jsonrpc:"2.0"` and `result` or `error`).',
  ],
  'error-frame': ['warning', 'The agent sent a JSON-RPC error inside the stream.'],
  'rest-not-stream-response': [
    'error',
    'An HTTP+JSON SSE frame is not a StreamResponse (needs one of `task`, `message`, `statusUpdate`, `artifactUpdate`).',
  ],
  'rest-status': [
    'warning',
    'An HTTP+JSON answer has another success status than the binding defines (200; 201 for a created push config and a v0.3 send; 204 for a delete).',
  ],
  'rest-content-type': [
    'warning',
    'An HTTP+JSON answer is not `application/json` (v1.0 agents answer `application/a2a+json`).',
  ],
  'rest-error-body': [
    'error',
    'An HTTP+JSON error answer has no A2A error body (v1.0 `{error: {code, status, message, details}}`, v0.3 `{code, message}`).',
  ],
  'rest-jsonrpc-envelope': [
    'error',
    'An HTTP+JSON answer is wrapped in a JSON-RPC envelope (`jsonrpc`, `result`): the binding answers the bare object.',
  ],
  'rest-v03-shape': [
    'warning',
    'A v0.3 HTTP+JSON answer has the JSON-RPC object shape (`kind`, `parts`); the v0.3 binding carries proto JSON (`content`, `TASK_STATE_*`, no `kind`).',
  ],
  'rest-error-status': [
    'warning',
    'An HTTP+JSON error travels with another HTTP status than the binding gives its A2A error.',
  ],
  'event-after-terminal': [
    'error',
    'An event arrived after the task reached a terminal state (or after `final: true`).',
  ],
  'missing-final': ['error', 'A v0.3 stream ended without a status-update carrying `final: true`.'],
  'missing-terminal': [
    'warning',
    'A v1.0 stream ended before the task reached a terminal or interrupted state.',
  ],
  'subscribe-not-task-first': [
    'error',
    'A v1.0 SubscribeToTask stream must start with a Task snapshot.',
  ],
  'task-id-mismatch': ['error', 'An event names a different task id than the stream\u2019s task.'],
  'context-id-mismatch': [
    'error',
    'An event names a different context id than the stream\u2019s task.',
  ],
  'artifact-append-unknown': [
    'warning',
    'An artifact chunk has `append: true` but no earlier chunk of that artifact was seen.',
  ],
  'artifact-after-last-chunk': [
    'error',
    'An artifact chunk arrived after that artifact\u2019s `lastChunk: true`.',
  ],
  'wrong-shape': [
    'warning',
    'A result has the other protocol version\u2019s shape (v0.3 `kind` vs v1.0 wrapper keys).',
  ],
  'final-on-nonterminal': [
    'warning',
    '`final: true` on a state that is neither terminal nor interrupted.',
  ],
  'truncated-frame': [
    'error',
    'The stream ended in the middle of a frame (no blank line after the last event).',
  ],
  'frame-too-large': [
    'error',
    'An SSE frame passed the per-frame size limit; the stream was closed and the start of the frame kept.',
  ],
  'stream-too-large': [
    'error',
    'The stream passed its byte budget; it was closed after the last complete frame.',
  ],
  'rpc-missing-result': [
    'warning',
    'A JSON-RPC answer has neither `result` nor `error` (JSON-RPC 2.0 requires exactly one); Switchboard took it as success.',
  ],
  'grpc-bad-message': [
    'error',
    'A gRPC stream message is not a valid StreamResponse of the A2A v1.0 proto; its bytes are kept (hex).',
  ],
  'grpc-status-mismatch': [
    'warning',
    'An A2A error came over gRPC with another status than A2A gives its reason.',
  ],
  'grpc-no-reason': [
    'info',
    'A gRPC error status carries no google.rpc.ErrorInfo with an A2A reason (grpc-status-details-bin): clients can only guess the A2A error from the status.',
  ],
  'grpc-content-type': [
    'warning',
    'A gRPC answer is not `application/grpc` (or `application/grpc+proto`).',
  ],
  'webhook-state-disagrees': [
    'warning',
    'A webhook reports a task state the stream never reached, or a different final state.',
  ],
} as const satisfies Record<string, readonly [FindingSeverity, string]>;

export type LintRuleId = keyof typeof LINT_RULES;
