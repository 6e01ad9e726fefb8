// Protocol-level types Switchboard's A2A client, linter and timeline share. Pure data: what the
// engine stores and the renderer draws. States are normalized to the v0.3 spelling
// ('working', 'input-required', ...) so both protocol versions land on one time axis.

export type ProtocolVersion = '0.3' | '1.0';
/** How push notifications are requested: the tutorial's `params.pushNotificationConfig
 *  {url, secret}`, v0.3 `configuration.pushNotificationConfig`, or v1.0
 *  `configuration.taskPushNotificationConfig`. */
export type PushDialect = 'tutorial' | 'v0.3' | 'v1.0';

export const TASK_STATES = [
  'submitted',
  'working',
  'input-required',
  'auth-required',
  'completed',
  'canceled',
  'failed',
  'rejected',
  'unknown',
] as const;
export type TaskState = (typeof TASK_STATES)[number];

export const TERMINAL_STATES: ReadonlySet<TaskState> = new Set([
  'completed',
  'canceled',
  'failed',
  'rejected',
]);
export const INTERRUPTED_STATES: ReadonlySet<TaskState> = new Set([
  'input-required',
  'auth-required',
]);

export type StreamEventKind =
  | 'task'
  | 'message'
  | 'status-update'
  | 'artifact-update'
  | 'error'
  | 'unknown';

/** One stream result reduced to what the timeline and the linter need. */
export interface NormalizedEvent {
  kind: StreamEventKind;
  taskId?: string;
  contextId?: string;
  state?: TaskState;
  /** Text of the status message / message / artifact parts, joined. */
  text?: string;
  /** v0.3 status-update `final`. */
  final?: boolean;
  artifact?: { id: string; name?: string; append: boolean; lastChunk: boolean };
  /** JSON-RPC error carried in a frame. */
  error?: { code: number; message: string };
  /** Which shape the result had: v0.3 (`kind` discriminator) or v1.0 (one wrapper key). */
  shape: 'v0.3' | 'v1.0' | 'unknown';
}

export type FindingSeverity = 'error' | 'warning' | 'info';

/** One conformance problem. `frameId` points at the stored SSE frame (or null for the whole
 *  stream); `captureId` at a webhook capture. */
export interface Finding {
  rule: string;
  severity: FindingSeverity;
  message: string;
  frameId: number | null;
  captureId?: number;
}

export interface TimelineEvent {
  source: 'stream' | 'webhook';
  /** Arrival time, ms since epoch. */
  at: number;
  kind: StreamEventKind | 'webhook';
  state?: TaskState;
  text?: string;
  final?: boolean;
  frameId?: number;
  /** Wire exchange the frame arrived on (stream) — one per request/subscription. */
  exchangeId?: number;
  captureId?: number;
  verdict?: 'valid' | 'invalid' | 'unverified';
  artifact?: { id: string; name?: string; append: boolean; lastChunk: boolean };
  findings?: Finding[];
  /** What produced a non-streamed row, e.g. 'tasks/get after webhook'. */
  note?: string;
  /** Webhooks: what the receiver answered (HTTP status), when known. */
  responseStatus?: number;
  /** Webhooks: the receiver response rule that chose that answer, when one did. */
  answeredBy?: { ruleId: string; position: number; label: string };
  /** Webhooks: delivery attempt number, when the sender said (the demo agents do). */
  attempt?: number;
}
